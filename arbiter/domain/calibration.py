"""Calibration on gold cases (issue 12, part 6): how closely reviewers agree with a known answer, and with each
other, question by question; and where they split. Pure: no Qt, no SQL, no file I/O.

Each checklist question is compared on the gold cases that reviewers answered:

- **raw agreement**: the share of (reviewer, gold case) answers equal to the gold answer;
- **Cohen's kappa** of each reviewer against the gold answers (agreement beyond chance, two raters);
- **Fleiss' kappa** across the reviewers who answered the same gold cases (the gold answer is not a rater here;
  items with at least two reviewers; a different number of reviewers per item is allowed, the usual extension of
  Fleiss' formula, which equals it when every item has the same number).

Questions: each gate (``jurisdiction.J1_platform_order`` ...), **evidence admissibility** (every evidence item of
every gold case is one item of the one question ``evidence``), ``finding``, ``problem`` (serious vs minor quality),
``damage_extent``, ``remedy``, ``amount``, the ``outcome`` of the decision record, an override's outcome and the
seller-conduct findings. A question one side did not answer (a remedy after a finding the other did not make) counts
as the answer "—". The rationale is free text and is not compared.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from arbiter.domain.qa import cohen_kappa, difference_type, flatten_answers

#: the label of a question one side did not answer
NOT_ANSWERED = "—"
_SKIP = {"rationale"}
_ORDER = ("jurisdiction", "evidence", "finding", "problem", "damage_extent", "remedy", "amount", "outcome",
          "override.outcome", "seller_conduct")


@dataclass(frozen=True)
class GoldAnswers:
    """One gold case: the expected answers (and their record) and each reviewer's (answers, record) on it."""

    case_id: str
    gold: Mapping[str, Any]
    gold_record: Mapping[str, Any]
    answers: Mapping[str, tuple[Mapping[str, Any], Mapping[str, Any]]]


@dataclass(frozen=True)
class ReviewerAgreement:
    reviewer: str
    items: int
    agreement: float | None
    kappa: float | None            # Cohen's kappa against the gold answers


@dataclass(frozen=True)
class QuestionAgreement:
    question: str                  # "finding", "evidence", "jurisdiction.J1_platform_order", ...
    type: str                      # jurisdiction, admissibility, finding, remedy_or_amount, ...
    items: int                     # (reviewer, gold item) answers compared with gold
    agreement: float | None        # share equal to the gold answer
    fleiss: float | None           # across reviewers, items answered by at least two
    fleiss_items: int
    reviewers: tuple[ReviewerAgreement, ...]


@dataclass(frozen=True)
class Split:
    """One gold item on which the answers differ (between reviewers, or from the gold answer)."""

    case_id: str
    key: str                       # the answer key: "problem", "evidence.E2", ...
    question: str
    gold: str
    answers: tuple[tuple[str, tuple[str, ...]], ...]   # (label, reviewers) by label

    @property
    def disagreeing(self) -> int:
        return sum(len(who) for label, who in self.answers if label != self.gold)


@dataclass(frozen=True)
class Confusion:
    """How often reviewers answered ``answered`` where the gold answer was ``gold``, per question."""

    question: str
    gold: str
    answered: str
    count: int
    reviewers: tuple[str, ...]


@dataclass(frozen=True)
class CalibrationReport:
    gold_cases: int
    answered_cases: int             # gold cases with at least one reviewer's answers
    reviewers: tuple[str, ...]
    answers: int                    # (reviewer, gold case) pairs
    questions: tuple[QuestionAgreement, ...]
    splits: tuple[Split, ...] = field(default=())
    confusions: tuple[Confusion, ...] = field(default=())


def label(value: Any) -> str:
    """An answer as the report shows it: ``yes``/``no`` for booleans, ``—`` when not answered."""
    if value is None or value == NOT_ANSWERED:
        return NOT_ANSWERED
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def answer_labels(answers: Mapping[str, Any], record: Mapping[str, Any] | None = None) -> dict[str, str]:
    """The compared answers of one person on one case: answer key -> label (plus the record's ``outcome``)."""
    flat = {k: label(v) for k, v in flatten_answers(answers).items() if k not in _SKIP}
    if record is not None and record.get("outcome"):
        flat["outcome"] = str(record["outcome"])
    return flat


def question_of(key: str) -> str:
    """The question an answer key belongs to: every evidence item is one item of ``evidence``."""
    return "evidence" if key.startswith("evidence.") else key


def _question_rank(question: str) -> tuple[int, str]:
    head = question.split(".", 1)[0] if question.startswith(("jurisdiction.", "seller_conduct.")) else question
    return (_ORDER.index(head) if head in _ORDER else len(_ORDER), question)


def fleiss_kappa_varying(items: Iterable[Sequence[Hashable]]) -> float | None:
    """Fleiss' kappa where items may have different numbers (at least two) of ratings; items with fewer are left
    out. ``None`` without items; 1 when everybody agrees on one label throughout."""
    rows = [list(r) for r in items if len(r) >= 2]
    if not rows:
        return None
    totals: Counter = Counter()
    p_items = []
    for labels in rows:
        n = len(labels)
        counts = Counter(labels)
        totals.update(counts)
        p_items.append((sum(c * c for c in counts.values()) - n) / (n * (n - 1)))
    p_bar = sum(p_items) / len(p_items)
    all_ratings = sum(totals.values())
    p_e = sum((t / all_ratings) ** 2 for t in totals.values())
    if p_e >= 1.0:
        return 1.0 if p_bar >= 1.0 else 0.0
    return (p_bar - p_e) / (1 - p_e)


def calibration_report(gold_cases: Iterable[GoldAnswers]) -> CalibrationReport:
    """Agreement per question over the gold cases, the items where answers split, and the most common confusions."""
    cases = list(gold_cases)
    reviewers = sorted({r for g in cases for r in g.answers})
    # per question: (reviewer, gold label, reviewer label); per (case, key): labels of the reviewers
    pairs: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    by_item: dict[str, list[list[str]]] = defaultdict(list)
    splits: list[Split] = []
    confusion: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    answered_cases = 0
    n_answers = 0
    for g in sorted(cases, key=lambda c: c.case_id):
        if not g.answers:
            continue
        answered_cases += 1
        gold = answer_labels(g.gold, g.gold_record)
        theirs = {r: answer_labels(a, rec) for r, (a, rec) in sorted(g.answers.items())}
        n_answers += len(theirs)
        keys = set(gold).union(*theirs.values())
        for key in sorted(keys, key=lambda k: (_question_rank(question_of(k)), k)):
            q = question_of(key)
            expected = gold.get(key, NOT_ANSWERED)
            given = {r: labels.get(key, NOT_ANSWERED) for r, labels in theirs.items()}
            for r, got in given.items():
                pairs[q].append((r, expected, got))
                if got != expected:
                    confusion[(q, expected, got)].append(r)
            by_item[q].append(list(given.values()))
            if len(set(given.values()) | {expected}) > 1:
                grouped: dict[str, list[str]] = defaultdict(list)
                for r, got in given.items():
                    grouped[got].append(r)
                splits.append(Split(g.case_id, key, q, expected, tuple(
                    (lab, tuple(who)) for lab, who in sorted(grouped.items(),
                                                             key=lambda kv: (-len(kv[1]), kv[0] != expected, kv[0])))))
    questions = []
    for q in sorted(pairs, key=_question_rank):
        items = pairs[q]
        per = []
        for r in reviewers:
            mine = [(e, g) for who, e, g in items if who == r]
            if not mine:
                continue
            agree = sum(1 for e, g in mine if e == g) / len(mine)
            per.append(ReviewerAgreement(r, len(mine), agree, cohen_kappa(mine)))
        multi = [labels for labels in by_item[q] if len(labels) >= 2]
        questions.append(QuestionAgreement(
            question=q, type="admissibility" if q == "evidence" else
            ("finding" if q == "outcome" else difference_type(q)),
            items=len(items), agreement=sum(1 for _, e, g in items if e == g) / len(items) if items else None,
            fleiss=fleiss_kappa_varying(multi), fleiss_items=len(multi), reviewers=tuple(per)))
    confusions = sorted((Confusion(q, e, g, len(who), tuple(sorted(set(who))))
                         for (q, e, g), who in confusion.items()),
                        key=lambda c: (-c.count, _question_rank(c.question), c.gold, c.answered))
    splits.sort(key=lambda s: (_question_rank(s.question), -s.disagreeing, s.case_id, s.key))
    return CalibrationReport(gold_cases=len(cases), answered_cases=answered_cases, reviewers=tuple(reviewers),
                             answers=n_answers, questions=tuple(questions), splits=tuple(splits),
                             confusions=tuple(confusions))


__all__ = ["NOT_ANSWERED", "CalibrationReport", "Confusion", "GoldAnswers", "QuestionAgreement", "ReviewerAgreement",
           "Split", "answer_labels", "calibration_report", "fleiss_kappa_varying", "label", "question_of"]
