"""The reviewer's private notes on a case (issue 10 part 3).

Private: they are never part of the answers, the decision record, a notice or an exported package; only the
repository hands them out, to the notes panel. Kept: ``case_notes`` is append-only (triggers refuse UPDATE and
DELETE, migration 0006). An edit is a new row whose ``supersedes_id`` names the note it replaces; removing a
note is an edit to an empty body. Every write appends an audit event carrying the note's id and the sha256 of
its body, not the text, so an audit export cannot leak a note while :meth:`NotesMixin.note_problems` can still
prove that no stored note was changed behind the chain's back.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from arbiter.store import audit
from arbiter.store.canonical import sha256_hex
from arbiter.store.errors import StoreError
from arbiter.store.models import AuditEventModel, CaseNoteModel

MAX_NOTE = 20_000
NOTE_ACTIONS = ("note.added", "note.edited", "note.removed")


class NoteError(StoreError, ValueError):
    """A note that cannot be written (too long, unknown, edited by someone else meanwhile)."""


@dataclass(frozen=True, slots=True)
class NoteRow:
    id: int
    case_pk: int
    author: str
    body: str
    created_at: datetime
    supersedes_id: int | None


def _row(model: CaseNoteModel) -> NoteRow:
    return NoteRow(model.id, model.case_pk, model.author, model.body, model.created_at, model.supersedes_id)


def _body_hash(body: str) -> str:
    return sha256_hex(body.encode("utf-8"))


class NotesMixin:
    """The repository's notes API (mixed into :class:`arbiter.store.Repository`)."""

    _db: Any

    def _write_note(self, case_pk: int, author: str, body: str, supersedes: int | None) -> NoteRow:
        body = (body or "").strip()
        if len(body) > MAX_NOTE:
            raise NoteError(f"note: at most {MAX_NOTE} characters")
        if not author or not author.strip():
            raise NoteError("author: required")
        if supersedes is None and not body:
            raise NoteError("note: empty")
        now = datetime.now(timezone.utc)
        try:
            with self._db.session() as session:
                case = self._case(session, case_pk)  # type: ignore[attr-defined]
                if supersedes is not None:
                    old = session.get(CaseNoteModel, supersedes)
                    if old is None or old.case_pk != case_pk:
                        raise NoteError(f"{case.case_id}: no note {supersedes}")
                    if session.scalar(select(CaseNoteModel.id).where(CaseNoteModel.supersedes_id == supersedes)):
                        raise NoteError("the note was changed meanwhile; reload it and edit again")
                row = CaseNoteModel(case_pk=case_pk, author=author.strip(), body=body, created_at=now,
                                    supersedes_id=supersedes)
                session.add(row)
                session.flush()
                action = "note.added" if supersedes is None else ("note.edited" if body else "note.removed")
                audit.append_event(session, row.author, action, {
                    "case_id": case.case_id, "note_id": row.id, "supersedes_id": supersedes,
                    "body_sha256": _body_hash(body), "length": len(body)}, case_pk=case_pk, at=now)
                return _row(row)
        except IntegrityError as exc:  # two edits of the same note raced: the unique supersedes_id decided
            raise NoteError("the note was changed meanwhile; reload it and edit again") from exc

    def add_note(self, case_pk: int, author: str, body: str) -> NoteRow:
        return self._write_note(case_pk, author, body, None)

    def edit_note(self, case_pk: int, note_id: int, author: str, body: str) -> NoteRow:
        """A new version of note ``note_id`` (the old one stays, superseded). An empty body removes it."""
        return self._write_note(case_pk, author, body, note_id)

    def remove_note(self, case_pk: int, note_id: int, author: str) -> NoteRow:
        return self._write_note(case_pk, author, "", note_id)

    def notes(self, case_pk: int) -> list[NoteRow]:
        """The current notes of a case (latest versions, removed ones left out), oldest first."""
        with self._db.session(readonly=True) as session:
            rows = [_row(r) for r in session.scalars(select(CaseNoteModel).where(CaseNoteModel.case_pk == case_pk)
                                                     .order_by(CaseNoteModel.id))]
        superseded = {r.supersedes_id for r in rows if r.supersedes_id is not None}
        return [r for r in rows if r.id not in superseded and r.body]

    def note_history(self, case_pk: int) -> list[NoteRow]:
        """Every version of every note of a case, in the order written."""
        with self._db.session(readonly=True) as session:
            return [_row(r) for r in session.scalars(select(CaseNoteModel).where(CaseNoteModel.case_pk == case_pk)
                                                     .order_by(CaseNoteModel.id))]

    @staticmethod
    def note_problems(session: Session) -> list[str]:
        """Notes whose stored body does not match the hash its audit event recorded, or that have no event."""
        import json

        recorded: dict[int, str] = {}
        for payload in session.scalars(select(AuditEventModel.payload)
                                       .where(AuditEventModel.action.in_(NOTE_ACTIONS))):
            data = json.loads(payload)
            recorded[int(data["note_id"])] = data["body_sha256"]
        problems = []
        for row in session.scalars(select(CaseNoteModel).order_by(CaseNoteModel.id)):
            if row.id not in recorded:
                problems.append(f"note {row.id}: no audit event records it")
            elif recorded[row.id] != _body_hash(row.body):
                problems.append(f"note {row.id}: body does not match its audit event")
        return problems


__all__ = ["NoteError", "NoteRow", "NotesMixin"]
