"""ReviewSession: the state of one review, autosaved as a draft (docs/architecture.md, "ui: how the pieces meet").

The session owns the reviewer's answers (the ANSWERS.json shape of checklist.md), which evidence items were
opened and which chat logs were read to the end. It holds no rules: after every change it asks the domain once
(:func:`arbiter.domain.review.review_state`) and every panel reads that one :attr:`state`. Every change is saved
as a draft after a short debounce; closing the panel or quitting waits for it (:meth:`flush`). Every write (the
draft, the signature) runs on the single database writer (:mod:`arbiter.ui.review_writes`), never on the GUI
thread; its outcome comes back as a signal. A failed save is kept in :attr:`last_save_error` and announced with
``saved(False)``; a refused signature in :attr:`last_sign_error`, with ``signFailed(str)``.

Opening a case reads the stored case, the draft and the verdict and re-hashes every evidence item; that is
:func:`arbiter.ui.opening.load_opening`, which runs on a worker thread (``tasks.run``), and the session is then
built on the GUI thread from its result.
"""
from __future__ import annotations

import copy
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from arbiter.domain import checklist, review
from arbiter.domain.model import ChatOwner
from arbiter.domain.policy import Policy
from arbiter.domain.review import ReviewState
from arbiter.domain.review_clock import ReviewClock
from arbiter.policies import load_policy
from arbiter.store.repository import Draft, VerdictRow
from arbiter.ui import labels, viewing_progress
from arbiter.ui.opening import Opening, load_opening
from arbiter.ui.review_writes import ReviewWrites, refusal_words
from arbiter.ui.seams import ReviewRepository

AUTOSAVE_MS = 400


def local_now() -> datetime:
    """Now, timezone-aware, in the reviewer's local zone, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


def chat_key(log) -> str:
    return f"{log.owner.value}:{log.channel.value}"


def _amends_current(draft: Draft, progress: dict, verdict: VerdictRow) -> bool:
    """Whether a draft's amendment is still being drafted: it amends the current verdict (``amends``, its id), and
    not one that has been superseded since (the amendment was signed). Drafts from before ``amends`` was kept
    are judged by their time: written after the current verdict was signed."""
    amends = progress.get("amends")
    if amends is not None:
        return amends == verdict.id
    try:
        return draft.updated_at > verdict.signed_at
    except TypeError:   # a naive time from an old row: keep the amendment rather than lose the reason
        return True


class Blocker(NamedTuple):
    """One thing that keeps Sign disabled: the words, and where to go to fix it (a question id such as
    ``finding`` or ``evidence.E2``, ``open:E2`` for an item to open, ``chat:buyer:buyer_seller`` for a log)."""

    text: str
    target: str


class ReviewSession(QObject):
    """The state of one review of one case by one reviewer."""

    changed = Signal()
    evidenceOpened = Signal(str)
    chatRead = Signal(str)
    citationRequested = Signal(str)
    #: the reviewer asked to see a chat log ("owner:channel") from the "still missing" list
    chatRequested = Signal(str)
    #: emitted after a verdict or an amendment has been stored (argument: the VerdictRow)
    signed = Signal(object)
    #: emitted after each draft write (argument: True on success, False when the write failed)
    saved = Signal(bool)
    #: the store refused the signature (argument: its one line); nothing was stored
    signFailed = Signal(str)

    #: whether changes are written as a draft (a blind re-review writes none)
    saves_drafts = True

    def __init__(self, repo: ReviewRepository, case_pk: int, reviewer, parent: QObject | None = None, *,
                 opening: Opening | None = None):
        super().__init__(parent)
        # the signing identity (arbiter.signing.Identity); a plain id string gives a session that cannot sign
        self.signer = reviewer if callable(getattr(reviewer, "sign", None)) else None
        self.reviewer: str = self.signer.id if self.signer is not None else str(reviewer)
        opening = opening or load_opening(repo, case_pk, self.reviewer)
        self.repo = repo
        self.case_pk = case_pk
        self.stored = opening.stored
        self.case = opening.stored.case
        self.policy = opening.policy
        self.tampered: frozenset[str] = opening.tampered
        self._answers: dict = {}
        self.opened_evidence: set[str] = set()
        self.chats_read: set[str] = set()
        #: viewing progress of PDFs (pages seen) and videos (parts played), arbiter.ui.viewing_progress
        self.evidence_progress: dict[str, dict] = {}
        #: request ids of the case's open supplement requests: the case waits for them (refreshed by the
        #: Requests tab, arbiter.ui.supplement_dialog)
        self.open_supplements: list[str] = list(opening.open_supplements)
        #: the reason of the amendment being drafted, or None when not amending
        self.amendment_reason: str | None = None
        self.last_save_error: str | None = None
        #: why the last signature was refused (the store's one line), until the next change or signature
        self.last_sign_error: str | None = None
        self.writes = ReviewWrites(self)
        self.verdict: VerdictRow | None = opening.verdict
        #: a supervisor returned the current verdict (who, when, the note); None once it is amended
        self.returned = opening.returned
        #: why the signed verdict's notice is held (read with the case, after signing, and when the panel shows)
        self.notice_hold: str | None = opening.notice_hold
        #: (original verdict, conflict or None) of an appeal, (None, None) otherwise (arbiter.ui.appeal_view)
        self.appeal = opening.appeal
        #: how many times the rules ran (one per change; tests hold the session to it)
        self.evaluations = 0

        draft = opening.draft
        if draft is not None:
            self._answers = copy.deepcopy(dict(draft.answers or {}))
            progress = draft.progress or {}
            self.opened_evidence = set(progress.get("opened_evidence", []))
            self.chats_read = set(progress.get("chats_read", []))
            self.evidence_progress = copy.deepcopy(dict(progress.get("evidence_progress", {})))
            reason = progress.get("amendment_reason")
            if reason and self.verdict is not None and _amends_current(draft, progress, self.verdict):
                self.amendment_reason = str(reason)
        if self.is_locked and self.verdict.answers:
            # a signed verdict shows what was signed, read-only: the verdict row holds the answers and progress.
            # A verdict signed outside this window (the CLI, another workstation, an imported verdict package)
            # has no draft here, or an older one
            self._answers = copy.deepcopy(dict(self.verdict.answers))
            signed_progress = self.verdict.progress or {}
            self.opened_evidence |= set(signed_progress.get("opened_evidence", []))
            self.chats_read |= set(signed_progress.get("chats_read", []))

        # time actually spent on the review (domain/review_clock.py), signed in the progress as review_seconds
        self.clock = ReviewClock((draft.progress or {}).get("review_seconds", 0) if draft is not None else 0)
        self.clock.tick(time.monotonic())
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self._autosave)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)
        self._state = self._evaluate()

    # ------------------------------------------------------------------ state
    @property
    def answers(self) -> dict:
        """The reviewer's answers (the ANSWERS.json shape). Change them with :meth:`set_answer`."""
        return self._answers

    @answers.setter
    def answers(self, value: dict) -> None:
        self._answers = value
        self._state = self._evaluate()

    @property
    def state(self) -> ReviewState:
        """The one review state every panel reads; recomputed once per change."""
        return self._state

    def assessment(self):
        """The rules' assessment of the current answers (the state's; no new evaluation)."""
        return self._state.assessment

    def _evaluate(self, now: datetime | None = None) -> ReviewState:
        self.evaluations += 1
        return review.review_state(self.case, self.policy, self.answers, reviewer=self.reviewer,
                                   now=now or local_now(), tampered=self.tampered)

    @property
    def is_signed(self) -> bool:
        return self.verdict is not None

    @property
    def is_locked(self) -> bool:
        """Signed and not being amended: answers cannot change."""
        return self.verdict is not None and self.amendment_reason is None

    @property
    def is_amending(self) -> bool:
        return self.verdict is not None and self.amendment_reason is not None

    @property
    def verdict_record(self) -> dict | None:
        return self.verdict.record if self.verdict is not None else None

    def export_hold(self) -> str | None:
        """Why the signed verdict's notice may not be exported yet (the supervisor's notice gate), in words for
        the reviewer; None when it may. Front ends check it before writing a notice."""
        return self.notice_hold if self.verdict is not None else None

    def refresh_hold(self) -> None:
        """Read the notice hold again (a supervisor may have approved meanwhile), on the pool; ``changed`` when it
        is back and differs."""
        hold = getattr(self.repo, "notice_hold", None)
        if self.verdict is None or not callable(hold):
            return
        from arbiter.ui import tasks

        task = tasks.run(hold, self.case_pk, name=f"notice hold {self.case_pk}", owner=self)
        task.finished.connect(self._hold_read)

    def _hold_read(self, text: str | None) -> None:
        if text != self.notice_hold:
            self.notice_hold = text
            self.changed.emit()

    def required_chat_keys(self) -> set[str]:
        """Every chat log owned by the buyer or the seller, as "owner:channel"."""
        wanted = {ChatOwner.BUYER, ChatOwner.SELLER}
        return {chat_key(log) for log in self.case.chat_logs if log.owner in wanted}

    # ------------------------------------------------------------------ changes
    def mark_evidence_opened(self, evidence_id: str) -> None:
        if evidence_id in self.opened_evidence:
            return
        self.opened_evidence.add(evidence_id)
        self._touch(reassess=False)
        self.evidenceOpened.emit(evidence_id)

    def note_evidence_progress(self, evidence_id: str, info: dict) -> None:
        """Record how far a PDF or video has been viewed (it counts as opened only via mark_evidence_opened)."""
        if self.evidence_progress.get(evidence_id) == info:
            return
        self.evidence_progress[evidence_id] = copy.deepcopy(info)
        self._touch(reassess=False)

    def mark_chat_read(self, log_key: str) -> None:
        if log_key in self.chats_read:
            return
        self.chats_read.add(log_key)
        self._touch(reassess=False)
        self.chatRead.emit(log_key)

    def answer(self, dotted_key: str, default: Any = None) -> Any:
        node: Any = self.answers
        for part in dotted_key.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def set_answer(self, dotted_key: str, value: Any) -> None:
        """Set one answer by dotted key (``jurisdiction.J1_platform_order``); ``None`` removes it. The answers
        that follow from it (a withdrawn remedy, a pre-filled full refund, ...) come from the domain
        (:func:`arbiter.domain.review.follow_up`)."""
        if self.is_locked:
            raise PermissionError("the verdict is signed; amend it to change an answer")
        if self.signing:
            raise PermissionError("the verdict is being signed")
        if not self._put(dotted_key, value):
            return
        state = self._evaluate()
        follow = review.follow_up(self.answers, dotted_key, state)
        if follow:
            for key, val in follow.items():
                self._put(key, val)
            state = self._evaluate()   # only when the change made another answer follow
        self._state = state
        self._touch(reassess=False)

    def _put(self, dotted_key: str, value: Any) -> bool:
        parts = dotted_key.split(".")
        node = self.answers
        for part in parts[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                if value is None:
                    return False
                child = {}
                node[part] = child
            node = child
        leaf = parts[-1]
        if value is None:
            if leaf not in node:
                return False
            del node[leaf]
            if len(parts) > 1 and not node:   # drop emptied containers: the draft stays the ANSWERS.json shape
                self._prune(parts[:-1])
            return True
        if node.get(leaf, object()) == value:
            return False
        node[leaf] = copy.deepcopy(value)
        return True

    def _prune(self, path: list[str]) -> None:
        node = self.answers
        for part in path[:-1]:
            node = node.get(part, {})
        if isinstance(node.get(path[-1]), dict) and not node[path[-1]]:
            del node[path[-1]]

    def _touch(self, reassess: bool = True) -> None:
        self.clock.tick(time.monotonic())
        if reassess:
            self._state = self._evaluate()
        self._dirty = True
        self.last_sign_error = None
        self.writes.touched()
        self._timer.start()
        self.changed.emit()

    # ------------------------------------------------------------------ draft
    def progress(self) -> dict:
        progress: dict[str, Any] = {"opened_evidence": sorted(self.opened_evidence),
                                    "chats_read": sorted(self.chats_read)}
        if self.amendment_reason is not None:
            progress["amendment_reason"] = self.amendment_reason
            if self.verdict is not None:
                progress["amends"] = self.verdict.id
        if self.evidence_progress:
            progress["evidence_progress"] = copy.deepcopy(self.evidence_progress)
        if self.clock.whole_seconds():
            progress["review_seconds"] = self.clock.whole_seconds()
        return progress

    def _autosave(self) -> None:
        self.flush(wait=False)

    def flush(self, wait: bool = True, msecs: int = -1) -> bool:
        """Hand the draft to the database writer if anything changed since the last write and, with ``wait``,
        wait for it (``msecs`` at most): the GUI thread waits, the writer writes. Returns True when nothing is
        left unsaved (without ``wait``: when nothing was pending)."""
        self._timer.stop()
        self.writes.save()
        if not wait:
            return not self._dirty
        return self.writes.wait_saved(msecs) and not self._dirty

    def settle(self, msecs: int = -1) -> bool:
        """Before the review goes away (its tab closed, the app quitting): wait for a signature under way, then
        write and wait for the draft. True when everything is stored."""
        signed = self.writes.wait_signed(msecs)
        return self.flush(wait=True, msecs=msecs) and signed

    @property
    def has_unsaved_changes(self) -> bool:
        return self._dirty

    @property
    def saving(self) -> bool:
        """A draft write is on its way to the database."""
        return self.writes.saving

    @property
    def signing(self) -> bool:
        """A signature is on its way to the database: no answer may change, no second signature start."""
        return self.writes.signing

    # ------------------------------------------------------------------ what keeps Sign disabled
    def preview_record(self) -> dict | None:
        """The decision record the current answers lead to, for the live preview (never signed as such)."""
        return self._state.preview

    def citations(self) -> list[tuple[str, bool]]:
        return list(self._state.citations)

    def blocker_items(self) -> list[Blocker]:
        """What still keeps Sign disabled, in words, each with where to go. Empty when it may be signed."""
        if self.is_locked:
            return [Blocker(self.tr("The verdict is signed. Amend it to change it."), "")]
        state = self._state
        out: list[Blocker] = []
        if self.signer is None:
            out.append(Blocker(self.tr("No signing identity on this workstation (File > Identity…)."), ""))
        for qid in state.missing:
            out.append(Blocker(labels.describe_missing(qid), qid))
        for err in state.errors:
            out.append(Blocker(self.tr("{question}: {problem}").format(
                question=labels.question(err.field), problem=err.message), err.field))
        if self.amendment_reason is not None and not self.amendment_reason.strip():
            out.append(Blocker(self.tr("The amendment needs a reason."), ""))
        if self.open_supplements and not self.is_signed:
            out.append(Blocker(self.tr("The case waits for supplementary evidence ({ids}); withdraw the request to "
                                       "decide now.").format(ids=", ".join(self.open_supplements)), ""))
        parties = {s.id: s.party for s in state.assessment.evidence}
        for eid in state.must_open:
            if eid in self.opened_evidence:
                continue
            party = labels.party(parties.get(eid, ""))
            seen = viewing_progress.summary(self.evidence_progress.get(eid))
            if seen and seen[0] == "pdf":
                text = self.tr("Evidence {id} ({party}): {seen} of {pages} pages seen.").format(
                    id=eid, party=party, seen=seen[1], pages=seen[2])
            elif seen and seen[0] == "video":
                text = self.tr("Evidence {id} ({party}): the video has not been played to its end.").format(
                    id=eid, party=party)
            else:
                text = self.tr("Evidence {id} ({party}) has not been opened.").format(id=eid, party=party)
            out.append(Blocker(text, f"open:{eid}"))
        for key in sorted(self.required_chat_keys() - self.chats_read):
            owner, _, channel = key.partition(":")
            out.append(Blocker(self.tr("The {party}'s chat log ({channel}) has not been read to the end.").format(
                party=labels.party(owner), channel=labels.channel(channel)), f"chat:{key}"))
        return out

    def sign_blockers(self) -> list[str]:
        return [b.text for b in self.blocker_items()]

    # ------------------------------------------------------------------ signing
    def begin_amendment(self, reason: str) -> None:
        if self.verdict is None:
            raise RuntimeError("nothing to amend: the case has no signed verdict")
        reason = reason.strip()
        if not reason:
            raise ValueError("an amendment needs a reason")
        self.amendment_reason = reason
        self.answers.pop("decided_at", None)
        self._touch()
        self.flush(wait=False)

    def cancel_amendment(self) -> None:
        if self.amendment_reason is None:
            return
        self.amendment_reason = None
        self._touch()
        self.flush(wait=False)

    def sign(self, now: datetime | None = None) -> VerdictRow:
        """Decide and store the verdict (or the amendment), waiting for the writer. Returns the stored VerdictRow;
        raises what :meth:`start_signing` raises, or the store's refusal. Front ends call :meth:`start_signing`."""
        ticket = self.start_signing(now)
        self.writes.wait_signed()
        error = ticket.result()[1]
        if error is not None:
            raise error
        return self.verdict

    def start_signing(self, now: datetime | None = None):
        """Decide the verdict (or the amendment) and hand it to the database writer; returns at once. ``signed``
        follows once it is stored, ``signFailed`` when the store refuses it.

        Raises ``RuntimeError`` listing the blockers when the verdict may not be signed yet (or a signature is
        already under way) and ``checklist.AnswerError`` when the rules refuse the answers."""
        if self.is_locked:
            raise RuntimeError("the verdict is already signed")
        if self.signing:
            raise RuntimeError("the verdict is already being signed")
        if self.signer is None:
            raise RuntimeError("nothing is signed without a signing identity (File > Identity)")
        blockers = self.sign_blockers()
        if blockers:
            raise RuntimeError("; ".join(blockers))
        now = now or local_now()
        answers = review.effective_answers(copy.deepcopy(self.answers), self.reviewer, now)
        answers["decided_at"] = now.isoformat()
        record = checklist.decide(self.case, self.policy, answers, tampered=self.tampered)
        progress = {"opened_evidence": sorted(self.opened_evidence), "chats_read": sorted(self.chats_read)}
        self.last_sign_error = None
        self.flush(wait=False)   # the draft (with the review time) first: the writer keeps the order
        # the store checks the record against the rules and the progress against the checklist again
        ticket = self.writes.submit_signature(record, answers, progress, now, self._signed, self._sign_refused)
        self.changed.emit()   # the panels show that the signature is on its way
        return ticket

    def _sign_refused(self, exc: BaseException) -> None:
        if getattr(exc, "reason", None) == "awaiting_evidence":   # asked elsewhere meanwhile: the case waits here too
            self.open_supplements = sorted(set(self.open_supplements) | {r[0] for r in getattr(exc, "requests", ())})
        self.last_sign_error = refusal_words(exc)
        self.changed.emit()
        self.signFailed.emit(self.last_sign_error)

    def _signed(self, signed, answers: dict, now: datetime) -> None:
        row, self.notice_hold = signed
        self._answers = answers
        self.verdict = row
        self.returned = None   # an amendment supersedes the returned verdict
        self.amendment_reason = None
        self._dirty = False
        self._timer.stop()
        self._state = self._evaluate(now)
        self.changed.emit()
        self.signed.emit(self.verdict)
