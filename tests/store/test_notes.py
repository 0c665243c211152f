"""Private notes: append-only, edits are new rows, the audit trail records their hashes (not their text)."""
from __future__ import annotations

import json

import pytest
from sqlalchemy.exc import DBAPIError

from arbiter.store import NoteError, import_bundle
from tests.store.helpers import drop_guard, execute, make_loaded

SECRET = "Seller sounds evasive — check the courier scan times myself"


def test_add_edit_remove_keeps_every_version(db, repo):
    pk = import_bundle(db, make_loaded(), actor="importer").case_pk
    first = repo.add_note(pk, "r.chen", SECRET)
    assert [n.body for n in repo.notes(pk)] == [SECRET]
    edited = repo.edit_note(pk, first.id, "r.chen", SECRET + " (done: scans fine)")
    assert edited.supersedes_id == first.id
    assert [n.body for n in repo.notes(pk)] == [SECRET + " (done: scans fine)"]
    with pytest.raises(NoteError, match="changed meanwhile"):
        repo.edit_note(pk, first.id, "r.chen", "a stale edit")
    repo.remove_note(pk, edited.id, "r.chen")
    assert repo.notes(pk) == []
    assert [n.body for n in repo.note_history(pk)] == [SECRET, SECRET + " (done: scans fine)", ""]

    events = [e for e in repo.audit_trail(pk) if e.action.startswith("note.")]
    assert [e.action for e in events] == ["note.added", "note.edited", "note.removed"]
    assert all(SECRET not in json.dumps(e.payload, ensure_ascii=False) for e in events)
    assert repo.verify_audit_chain() == []


def test_notes_are_append_only(db, repo):
    pk = import_bundle(db, make_loaded(), actor="importer").case_pk
    repo.add_note(pk, "r.chen", SECRET)
    with pytest.raises(DBAPIError):
        execute(db, "UPDATE case_notes SET body = 'changed'")
    with pytest.raises(DBAPIError):
        execute(db, "DELETE FROM case_notes")
    # someone able to drop the guard and edit a note is caught by the audit check
    drop_guard(db, "case_notes")
    execute(db, "UPDATE case_notes SET body = 'changed'")
    assert any("body does not match" in p for p in repo.verify_audit_chain())


def test_empty_note_refused(db, repo):
    pk = import_bundle(db, make_loaded(), actor="importer").case_pk
    with pytest.raises(NoteError):
        repo.add_note(pk, "r.chen", "   ")
    assert repo.note_history(pk) == []
