"""The writes of one review on the single database writer (``tasks.run(writes=True)``), in the spirit of Anki's
CollectionOp: the draft's autosave and the signature (or amendment).

The GUI thread takes a snapshot of the answers and the progress, hands it to the writer and goes on; the outcome
comes back as a signal and is applied on the GUI thread. Writes run in the order they were submitted, so a draft
submitted before a signature is stored before it. Closing a tab or quitting *waits* for a pending write
(:meth:`ReviewWrites.wait_saved`, :meth:`ReviewWrites.wait_signed`): the GUI thread blocks on the writer, it never
writes itself. Every outcome is applied once, whether it came through the wait or the signal.
"""
from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from arbiter.ui import tasks
from arbiter.ui.widgets.common import plain_error

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def refusal_words(exc: BaseException) -> str:
    """The store's refusal of a signature in one line of the interface language when the store gave its reason
    as data (a case waiting for supplementary evidence, an appeal of one's own verdict); else its own line."""
    reason = getattr(exc, "reason", None)
    if reason == "awaiting_evidence" and getattr(exc, "requests", None):
        from arbiter.ui import labels

        items = "; ".join(translate("ReviewSession", "%1 (%2, due %3)").replace("%1", str(rid)).replace(
            "%2", labels.party(party)).replace("%3", due.astimezone().strftime("%Y-%m-%d %H:%M") if due else "—")
            for rid, party, due in exc.requests)
        return translate("ReviewSession", "%1: the case waits for supplementary evidence (%2); withdraw the request, "
                                          "or wait until it is answered or falls due, before signing.").replace(
            "%1", str(getattr(exc, "case_id", ""))).replace("%2", items)
    if reason == "own_appeal" and getattr(exc, "conflict", None) is not None:
        c = exc.conflict
        return translate("ReviewSession", "%1 appeals your own verdict on %2 (version %3): another reviewer must "
                                          "decide it.").replace("%1", c.case_id).replace(
            "%2", c.appealed_case_id).replace("%3", str(c.version))
    return plain_error(exc)


def write_draft(repo: Any, case_pk: int, reviewer: str, answers: dict, progress: dict) -> Any:
    """The draft's write (on the writer thread)."""
    return repo.save_draft(case_pk, reviewer, answers, progress)


def store_signature(repo: Any, case_pk: int, signer: Any, reason: str | None, record: dict, answers: dict,
                    progress: dict) -> tuple[Any, str | None]:
    """The verdict's (or, with a reason, the amendment's) write (on the writer thread); the store checks it all
    again and may refuse it in one line (``VerdictRefused``). Returns (the VerdictRow, why its notice is held or
    None): a flagged verdict or an amendment waits for a supervisor."""
    if reason is not None:
        row = repo.amend_verdict(case_pk, signer, reason, record, answers=answers, progress=progress)
    else:
        row = repo.sign_verdict(case_pk, signer, record, answers=answers, progress=progress)
    hold = getattr(repo, "notice_hold", None)
    return row, (hold(case_pk) if callable(hold) else None)


class _Ticket:
    """One submitted write: its order, the review's change counter when it was taken, and its outcome."""

    def __init__(self, seq: int, change: int, task: tasks.Task, payload: Any = None):
        self.seq, self.change, self.payload = seq, change, payload
        self.outcome = task._outcome   # kept apart from the Task, which is deleted once its signals are out
        self.task_name = task.name
        self.applied = False

    def wait(self, msecs: int) -> bool:
        return self.outcome.event.wait(None if msecs < 0 else msecs / 1000)

    def result(self) -> tuple[Any, BaseException | None]:
        return self.outcome.result, self.outcome.error


class ReviewWrites(QObject):
    """The pending writes of a :class:`~arbiter.ui.session.ReviewSession` (its child)."""

    def __init__(self, session: Any):
        super().__init__(session)
        self._s = session
        self.change = 0                   # bumped by every change of the review
        self._submitted: int | None = None   # the change whose draft was submitted last (None: resubmit)
        self._seq = 0
        self._applied = 0
        self._save: _Ticket | None = None
        self.sign: _Ticket | None = None

    # ------------------------------------------------------------------ draft
    def touched(self) -> None:
        self.change += 1

    @property
    def saving(self) -> bool:
        return self._save is not None and not self._save.applied

    def save(self) -> _Ticket | None:
        """Hand the draft to the writer if it changed since the last write submitted; the pending ticket."""
        s = self._s
        if not s._dirty or not getattr(s, "saves_drafts", True):
            return None
        if self._submitted == self.change and self._save is not None:
            return self._save
        self._seq += 1
        seq, change = self._seq, self.change
        self._submitted = change
        task = tasks.run(write_draft, s.repo, s.case_pk, s.reviewer, copy.deepcopy(s.answers), s.progress(),
                         writes=True, name=f"save draft {s.case_pk}", owner=self)
        ticket = _Ticket(seq, change, task)
        task.finished.connect(lambda _row, t=ticket: self._saved(t))
        task.failed.connect(lambda _exc, t=ticket: self._saved(t))
        self._save = ticket
        return ticket

    def _saved(self, ticket: _Ticket) -> None:
        if ticket.applied or ticket.seq <= self._applied:
            ticket.applied = True
            return
        ticket.applied = True
        self._applied = ticket.seq
        s = self._s
        _result, error = ticket.result()
        if error is None:
            if ticket.change == self.change:
                s._dirty = False
            s.last_save_error = None
            s.saved.emit(True)
        else:
            s.last_save_error = plain_error(error)
            if self._submitted == ticket.change:
                self._submitted = None   # the next flush or change writes it again
            s.saved.emit(False)

    def wait_saved(self, msecs: int = -1) -> bool:
        """Wait for the last draft write submitted and apply its outcome now. False when it failed or did not end
        within ``msecs`` (it then still ends on the writer, and its outcome arrives later)."""
        ticket = self._save
        if ticket is None or ticket.applied:
            return self._s.last_save_error is None
        if not ticket.wait(msecs):
            return False
        self._saved(ticket)
        return ticket.result()[1] is None

    # ------------------------------------------------------------------ signature
    @property
    def signing(self) -> bool:
        return self.sign is not None and not self.sign.applied

    def submit_signature(self, record: dict, answers: dict, progress: dict, now: Any, on_done, on_failed) -> _Ticket:
        """Hand the signature to the writer; ``on_done(row, answers, now)`` or ``on_failed(exc)`` on the GUI
        thread, once."""
        s = self._s
        self._seq += 1
        task = tasks.run(store_signature, s.repo, s.case_pk, s.signer, s.amendment_reason, record, answers, progress,
                         writes=True, name=f"sign case {s.case_pk}", owner=self)
        ticket = _Ticket(self._seq, self.change, task, (answers, now, on_done, on_failed))
        task.finished.connect(lambda _row, t=ticket: self._signed(t))
        task.failed.connect(lambda _exc, t=ticket: self._signed(t))
        self.sign = ticket
        return ticket

    def _signed(self, ticket: _Ticket) -> None:
        if ticket.applied:
            return
        ticket.applied = True
        row, error = ticket.result()
        answers, now, on_done, on_failed = ticket.payload
        if error is None:
            on_done(row, answers, now)
        else:
            on_failed(error)

    def wait_signed(self, msecs: int = -1) -> bool:
        """Wait for the pending signature's write and apply its outcome now; False if it did not end within
        ``msecs`` (True when none is pending)."""
        ticket = self.sign
        if ticket is None or ticket.applied:
            return True
        if not ticket.wait(msecs):
            return False
        self._signed(ticket)
        return True
