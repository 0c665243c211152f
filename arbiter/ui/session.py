"""ReviewSession: the state of one review, autosaved as a draft (docs/architecture.md, "ui: how the pieces meet").

The session owns the reviewer's answers (the ANSWERS.json shape of checklist.md), which evidence items were
opened and which chat logs were read to the end. Every change is saved as a draft through the repository after a
short debounce, and immediately on :meth:`flush` (closing the panel, quitting the app). It holds no rules: the
checklist engine (:mod:`arbiter.domain.checklist`) derives everything, this class only feeds it and explains in
words what still keeps the verdict from being signed.
"""
from __future__ import annotations

import copy
import re
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from arbiter.domain import checklist
from arbiter.domain.model import ChatOwner
from arbiter.policies import load_policy
from arbiter.ui import viewing_progress

AUTOSAVE_MS = 400


#: question ids of the reviewer that the session fills itself when the reviewer has not typed them
_IMPLICIT = ("decided_at",)

#: how the evidence id / message id tokens of a rationale look (E1, M4, EV-12, msg_3 ...)
_TOKEN_RE = re.compile(r"[A-Za-z0-9._:-]+")   # the same tokens the rules read (checklist.rationale_citations)
_ID_SHAPE = re.compile(r"^([A-Za-z]{1,4}[-_]?)\d+$")


def local_now() -> datetime:
    """Now, timezone-aware, in the reviewer's local zone, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


def chat_key(log) -> str:
    owner = getattr(log.owner, "value", log.owner)
    channel = getattr(log.channel, "value", log.channel)
    return f"{owner}:{channel}"


def _attr(obj: Any, *names: str, default: Any = None) -> Any:
    """First present attribute (or mapping key) of ``obj`` among ``names``."""
    for name in names:
        if isinstance(obj, dict) and name in obj:
            return obj[name]
        if hasattr(obj, name):
            return getattr(obj, name)
    return default


class ReviewSession(QObject):
    """The state of one review of one case by one reviewer."""

    changed = Signal()
    evidenceOpened = Signal(str)
    chatRead = Signal(str)
    citationRequested = Signal(str)
    #: emitted after a verdict or an amendment has been stored (argument: the VerdictRow)
    signed = Signal(object)
    #: emitted after each draft write (argument: True on success, False when the write failed)
    saved = Signal(bool)

    def __init__(self, repo, case_pk: int, reviewer, parent: QObject | None = None):
        super().__init__(parent)
        self.repo = repo
        self.case_pk = case_pk
        # the signing identity (arbiter.signing.Identity); a plain id string gives a session that cannot sign
        self.signer = reviewer if callable(getattr(reviewer, "sign", None)) else None
        self.reviewer: str = self.signer.id if self.signer is not None else str(reviewer)
        self.stored = repo.load_case(case_pk)
        self.case = self.stored.case
        self.policy = load_policy(str(getattr(self.case.platform, "value", self.case.platform)), self.case.region)
        tampered = getattr(repo, "tampered_evidence", None)
        self.tampered: frozenset[str] = frozenset(tampered(case_pk)) if callable(tampered) else frozenset()

        self.answers: dict = {}
        self.opened_evidence: set[str] = set()
        self.chats_read: set[str] = set()
        #: viewing progress of PDFs (pages seen) and videos (parts played), arbiter.ui.viewing_progress
        self.evidence_progress: dict[str, dict] = {}
        #: the reason of the amendment being drafted, or None when not amending
        self.amendment_reason: str | None = None
        self.last_save_error: str | None = None
        self.verdict = repo.current_verdict(case_pk)
        #: request ids of the case's open supplement requests: the case waits for them (refreshed by the
        #: Requests tab, arbiter.ui.supplement_dialog)
        requests = getattr(repo, "supplement_requests", None)
        self.open_supplements: list[str] = ([r.request_id for r in requests(case_pk, states=("open",))]
                                            if callable(requests) else [])

        draft = repo.load_draft(case_pk)
        if draft is not None:
            answers = _attr(draft, "answers", default={}) or {}
            progress = _attr(draft, "progress", default={}) or {}
            self.answers = copy.deepcopy(dict(answers))
            self.opened_evidence = set(progress.get("opened_evidence", []))
            self.chats_read = set(progress.get("chats_read", []))
            self.evidence_progress = copy.deepcopy(dict(progress.get("evidence_progress", {})))
            reason = progress.get("amendment_reason")
            if reason and self.verdict is not None:
                self.amendment_reason = str(reason)

        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)

    # ------------------------------------------------------------------ state
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
        return _attr(self.verdict, "record") if self.verdict is not None else None

    def export_hold(self) -> str | None:
        """Why the signed verdict's notice may not be exported yet (the supervisor's notice gate), in words for
        the reviewer; None when it may. Front ends check it before writing a notice."""
        hold = getattr(self.repo, "notice_hold", None)
        return hold(self.case_pk) if callable(hold) and self.verdict is not None else None

    def required_chat_keys(self) -> set[str]:
        """Every chat log owned by the buyer or the seller, as "owner:channel"."""
        wanted = {ChatOwner.BUYER.value, ChatOwner.SELLER.value}
        return {chat_key(log) for log in self.case.chat_logs
                if getattr(log.owner, "value", log.owner) in wanted}

    # ------------------------------------------------------------------ changes
    def mark_evidence_opened(self, evidence_id: str) -> None:
        if evidence_id in self.opened_evidence:
            return
        self.opened_evidence.add(evidence_id)
        self._touch()
        self.evidenceOpened.emit(evidence_id)

    def note_evidence_progress(self, evidence_id: str, info: dict) -> None:
        """Record how far a PDF or video has been viewed (it counts as opened only via mark_evidence_opened)."""
        if self.evidence_progress.get(evidence_id) == info:
            return
        self.evidence_progress[evidence_id] = copy.deepcopy(info)
        self._touch()

    def mark_chat_read(self, log_key: str) -> None:
        if log_key in self.chats_read:
            return
        self.chats_read.add(log_key)
        self._touch()
        self.chatRead.emit(log_key)

    def answer(self, dotted_key: str, default: Any = None) -> Any:
        node: Any = self.answers
        for part in dotted_key.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def set_answer(self, dotted_key: str, value: Any) -> None:
        """Set one answer by dotted key (``jurisdiction.J1_platform_order``); ``None`` removes it."""
        if self.is_locked:
            raise PermissionError("the verdict is signed; amend it to change an answer")
        parts = dotted_key.split(".")
        node = self.answers
        for part in parts[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                if value is None:
                    return
                child = {}
                node[part] = child
            node = child
        leaf = parts[-1]
        if value is None:
            if leaf not in node:
                return
            del node[leaf]
            # drop emptied containers so the draft stays the ANSWERS.json shape
            if len(parts) > 1 and not node:
                self._prune(parts[:-1])
        else:
            if node.get(leaf, object()) == value:
                return
            node[leaf] = copy.deepcopy(value)
        self._touch()

    def _prune(self, path: list[str]) -> None:
        node = self.answers
        for part in path[:-1]:
            node = node.get(part, {})
        if isinstance(node.get(path[-1]), dict) and not node[path[-1]]:
            del node[path[-1]]

    def _touch(self) -> None:
        self._dirty = True
        self._timer.start()
        self.changed.emit()

    # ------------------------------------------------------------------ draft
    def progress(self) -> dict:
        progress: dict[str, Any] = {"opened_evidence": sorted(self.opened_evidence),
                                    "chats_read": sorted(self.chats_read)}
        if self.amendment_reason is not None:
            progress["amendment_reason"] = self.amendment_reason
        if self.evidence_progress:
            progress["evidence_progress"] = copy.deepcopy(self.evidence_progress)
        return progress

    def flush(self) -> bool:
        """Write the draft now if anything changed since the last write. Returns True when nothing is pending."""
        self._timer.stop()
        if not self._dirty:
            return True
        try:
            self.repo.save_draft(self.case_pk, self.reviewer, copy.deepcopy(self.answers), self.progress())
        except Exception as exc:  # the draft stays dirty; the next change retries
            self.last_save_error = str(exc)
            self.saved.emit(False)
            return False
        self._dirty = False
        self.last_save_error = None
        self.saved.emit(True)
        return True

    @property
    def has_unsaved_changes(self) -> bool:
        return self._dirty

    # ------------------------------------------------------------------ rules
    def effective_answers(self, now: datetime | None = None) -> dict:
        """The answers as the rules should see them now: reviewer and decision time filled in when blank."""
        answers = copy.deepcopy(self.answers)
        answers["reviewer"] = self.reviewer   # the signing identity, never free text (issue 11)
        if not answers.get("decided_at"):
            answers["decided_at"] = (now or local_now()).isoformat()
        return answers

    def assessment(self, now: datetime | None = None):
        now = now or local_now()
        return checklist.assess(self.case, self.policy, self.effective_answers(now),
                                tampered=self.tampered, now=now)

    def preview_record(self, assessment=None) -> dict | None:
        """The decision record the current answers lead to, for the live preview.

        When the only thing missing is the rationale the record is derived with a stand-in rationale so the
        outcome, remedy, liability and deadlines can be previewed while the reviewer writes it; the stand-in is
        never stored or signed."""
        assessment = assessment or self.assessment()
        if assessment.record is not None:
            return assessment.record
        if assessment.errors or set(assessment.missing) - {"rationale"}:
            return None
        cite = next(iter(sorted(self.case.evidence_ids | self.case.message_ids)), None)
        if cite is None:
            return None
        answers = self.effective_answers()
        answers["rationale"] = f"(preview) {cite}"
        try:
            return checklist.assess(self.case, self.policy, answers, tampered=self.tampered,
                                    now=local_now()).record
        except Exception:
            return None

    def citations(self, text: str | None = None) -> list[tuple[str, bool]]:
        """The ids the rationale cites, in order of first mention, each with whether the case knows it.

        Known ids are found exactly as the rules find them (``checklist.rationale_citations``); a token that
        looks like one of the case's ids (same letters, then digits: ``E9``, ``M12``) but names nothing in the
        case is returned with ``False`` so the panel can flag it."""
        if text is None:
            text = self.answers.get("rationale") or ""
        known = self.case.evidence_ids | self.case.message_ids
        prefixes = {m.group(1) for i in known if (m := _ID_SHAPE.match(i))}
        out: list[tuple[str, bool]] = []
        seen: set[str] = set()
        for match in _TOKEN_RE.finditer(text):
            token = match.group(0)
            for candidate in (token, token.rstrip(".:-_")):
                if candidate in seen:
                    break
                if candidate in known:
                    seen.add(candidate)
                    out.append((candidate, True))
                    break
                shape = _ID_SHAPE.match(candidate)
                if candidate == token.rstrip(".:-_") and shape and shape.group(1) in prefixes:
                    seen.add(candidate)
                    out.append((candidate, False))
                    break
        return out

    def unconfirmed_gates(self, assessment=None) -> list[str]:
        """Computed gates the reviewer has not yet confirmed (checklist.md: "computed ..., reviewer confirms")."""
        assessment = assessment or self.assessment()
        return [g.id for g in assessment.gates
                if g.computed and g.passed is not None and self.answer(f"jurisdiction.{g.id}") is None]

    def must_open(self, assessment=None) -> list:
        """Evidence statuses (review order) the reviewer must have opened before signing."""
        assessment = assessment or self.assessment()
        out = []
        for status in assessment.evidence:
            if status.forced_reason == "not_requested":
                continue  # excluded by rule: never considered, need not be opened
            if status.id in self.tampered:
                continue  # its bytes cannot be shown; it is not authentic by rule
            out.append(status)
        return out

    def sign_blockers(self, assessment=None) -> list[str]:
        """What still keeps Sign disabled, in words. Empty when the verdict may be signed."""
        if self.is_locked:
            return [self.tr("The verdict is signed. Amend it to change it.")]
        assessment = assessment or self.assessment()
        blockers: list[str] = []
        if self.signer is None:
            blockers.append(self.tr("No signing identity on this workstation (File > Identity…)."))
        unconfirmed = set(self.unconfirmed_gates(assessment))
        missing = set(assessment.missing)
        for gate in assessment.gates:   # the gates in their order, computed or not
            if gate.id in unconfirmed:
                blockers.append(self.tr("Jurisdiction {gate}: confirm the computed fact.").format(
                    gate=gate.id.split("_", 1)[0]))
            elif f"jurisdiction.{gate.id}" in missing:
                blockers.append(self.describe_missing(f"jurisdiction.{gate.id}"))
        for qid in assessment.missing:
            if qid in _IMPLICIT or qid.startswith("jurisdiction."):
                continue
            blockers.append(self.describe_missing(qid))
        error_fields = set()
        for err in assessment.errors:
            field = getattr(err, "field", "")
            error_fields.add(field)
            blockers.append(self.tr("{question}: {problem}").format(
                question=self.question_label(field), problem=getattr(err, "message", str(err))))
        amount_problem = self.amount_problem()
        if amount_problem and "amount" not in error_fields:
            blockers.append(amount_problem)
        if self.amendment_reason is not None and not self.amendment_reason.strip():
            blockers.append(self.tr("The amendment needs a reason."))
        if self.open_supplements and not self.is_signed:
            blockers.append(self.tr("The case waits for supplementary evidence ({ids}); withdraw the request to "
                                    "decide now.").format(ids=", ".join(self.open_supplements)))
        for status in self.must_open(assessment):
            if status.id not in self.opened_evidence:
                party = self.party_word(status.party)
                seen = viewing_progress.summary(self.evidence_progress.get(status.id))
                if seen and seen[0] == "pdf":
                    blockers.append(self.tr("Evidence {id} ({party}): {seen} of {pages} pages seen.").format(
                        id=status.id, party=party, seen=seen[1], pages=seen[2]))
                elif seen and seen[0] == "video":
                    blockers.append(self.tr("Evidence {id} ({party}): the video has not been played to its end.")
                                    .format(id=status.id, party=party))
                else:
                    blockers.append(self.tr("Evidence {id} ({party}) has not been opened.").format(id=status.id,
                                                                                                   party=party))
        for key in sorted(self.required_chat_keys() - self.chats_read):
            owner, _, channel = key.partition(":")
            blockers.append(self.tr("The {party}'s chat log ({channel}) has not been read to the end.").format(
                party=self.party_word(owner), channel=self.channel_word(channel)))
        return blockers

    def amount_problem(self) -> str | None:
        raw = self.answers.get("amount")
        if raw in (None, ""):
            return None
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            return self.tr("Amount: {raw} is not an amount of money.").format(raw=raw)
        paid = self.case.order.total_paid
        if value < 0:
            return self.tr("Amount: cannot be negative.")
        if value > paid:
            return self.tr("Amount: {value} is more than the {paid} {currency} paid.").format(
                value=raw, paid=paid, currency=self.case.order.currency)
        return None

    # ------------------------------------------------------------------ words
    def party_word(self, party) -> str:
        party = getattr(party, "value", party)
        return {"buyer": self.tr("buyer"), "seller": self.tr("seller"),
                "platform": self.tr("platform")}.get(party, str(party))

    def channel_word(self, channel: str) -> str:
        return {"buyer_seller": self.tr("buyer and seller"), "buyer_support": self.tr("buyer and support"),
                "seller_support": self.tr("seller and support")}.get(channel, channel)

    def question_label(self, qid: str) -> str:
        if qid.startswith("jurisdiction."):
            gate = qid.split(".", 1)[1]
            return self.tr("Jurisdiction {gate}").format(gate=gate.split("_", 1)[0])
        if qid.startswith("evidence."):
            return self.tr("Evidence {id}").format(id=qid.split(".", 1)[1])
        if qid.startswith("seller_conduct."):
            return self.tr("Seller conduct")
        return {
            "finding": self.tr("Finding"),
            "problem": self.tr("Problem"),
            "remedy": self.tr("Remedy"),
            "amount": self.tr("Amount"),
            "rationale": self.tr("Rationale"),
            "reviewer": self.tr("Reviewer"),
            "decided_at": self.tr("Decision time"),
            "override": self.tr("Override"),
            "override.outcome": self.tr("Override outcome"),
            "override.justification": self.tr("Override justification"),
        }.get(qid, qid)

    def describe_missing(self, qid: str) -> str:
        if qid.startswith("jurisdiction."):
            return self.tr("{question}: not answered.").format(question=self.question_label(qid))
        if qid.startswith("evidence."):
            return self.tr("{question}: admissibility not decided.").format(question=self.question_label(qid))
        if qid == "override.justification":
            return self.tr("Override: a written justification is required.")
        if qid == "rationale":
            return self.tr("Rationale: write it and cite at least one evidence item or chat message by id.")
        return self.tr("{question}: not answered.").format(question=self.question_label(qid))

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
        self.flush()

    def cancel_amendment(self) -> None:
        if self.amendment_reason is None:
            return
        self.amendment_reason = None
        self._touch()
        self.flush()

    def sign(self, now: datetime | None = None):
        """Decide and store the verdict (or the amendment). Returns the stored VerdictRow.

        Raises ``RuntimeError`` listing the blockers when the verdict may not be signed yet and
        ``checklist.AnswerError`` when the rules refuse the answers."""
        if self.is_locked:
            raise RuntimeError("the verdict is already signed")
        if self.signer is None:
            raise RuntimeError("nothing is signed without a signing identity (File > Identity)")
        blockers = self.sign_blockers()
        if blockers:
            raise RuntimeError("; ".join(blockers))
        now = now or local_now()
        answers = copy.deepcopy(self.answers)
        answers["reviewer"] = self.reviewer
        answers["decided_at"] = now.isoformat()
        record = checklist.decide(self.case, self.policy, answers, tampered=self.tampered)
        progress = {"opened_evidence": sorted(self.opened_evidence), "chats_read": sorted(self.chats_read)}
        # the store checks the record against the rules and the progress against the checklist again
        if self.amendment_reason is not None:
            row = self.repo.amend_verdict(self.case_pk, self.signer, self.amendment_reason, record,
                                          answers=answers, progress=progress)
        else:
            row = self.repo.sign_verdict(self.case_pk, self.signer, record, answers=answers, progress=progress)
        self.answers = answers
        self.verdict = row if row is not None else self.repo.current_verdict(self.case_pk)
        self.amendment_reason = None
        self._dirty = False
        self._timer.stop()
        self.changed.emit()
        self.signed.emit(self.verdict)
        return self.verdict
