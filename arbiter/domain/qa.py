"""Quality review: statistics and sampling for the supervisor's desk (pure: no Qt, no SQL, no file I/O).

- :func:`wilson_interval`: the 95% Wilson score interval of a rate (honest at small n and at 0 or 1).
- :class:`QASettings`: the supervisor's sampling rules and the minimum sample before a rate is meaningful.
- :func:`select_for_review`: which verdicts to re-review and why (override, amendment, conflict, amount,
  new_reviewer, random), deterministic for a seed: the random share is stratified by platform and claim type
  and drawn by ranking a keyed hash, so the same seed on the same data always gives the same selection, in any
  input order.
- :func:`cohen_kappa`, :func:`fleiss_kappa`, :func:`kappa_per_question`: agreement beyond chance.
- :func:`compare_answers`: the blind re-review's side by side, each difference typed and with a severity.
- :func:`scorecards`: per reviewer counts, overturn and override rates with intervals, buyer-favoured rate
  against the team's in the same platform and claim type, exclusions by party, median time per case.

Design notes are in docs/decisions.md ("supervisor").
"""
from __future__ import annotations

import hashlib
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

#: two-sided 95% normal quantile
Z95 = 1.959963984540054

#: the reasons a verdict is selected, in order of precedence (a verdict is listed once, with the first that holds)
REASONS = ("override", "amendment", "conflict", "amount", "new_reviewer", "random")

#: kinds of difference between a reviewer's and a supervisor's answers (issue 12)
DIFFERENCE_TYPES = ("jurisdiction", "admissibility", "finding", "remedy_or_amount", "deadline", "rationale")
SEVERITIES = ("changes_outcome", "no_outcome_change")


# -- rates -----------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Rate:
    """``k`` of ``n`` with its Wilson interval; ``meaningful`` once ``n`` reaches the minimum sample."""

    k: int
    n: int
    low: float | None
    high: float | None
    meaningful: bool

    @property
    def value(self) -> float | None:
        return self.k / self.n if self.n else None


def wilson_interval(k: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval for ``k`` successes in ``n`` trials; ``None`` when ``n`` is 0.

    ``(p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)``, clamped to [0, 1].
    """
    if n < 0 or k < 0 or k > n:
        raise ValueError(f"need 0 <= k <= n, got k={k}, n={n}")
    if n == 0:
        return None
    p = k / n
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom
    low, high = max(0.0, centre - half), min(1.0, centre + half)
    if k == 0:
        low = 0.0
    if k == n:
        high = 1.0
    return low, high


def rate(k: int, n: int, min_sample: int) -> Rate:
    interval = wilson_interval(k, n)
    low, high = interval if interval else (None, None)
    return Rate(k, n, low, high, n >= min_sample and n > 0)


# -- settings --------------------------------------------------------------------------------------------------
DEFAULT_AMOUNT_THRESHOLDS: Mapping[str, Decimal] = {
    # "above an amount" is per currency: 200 GBP and 200 CNY are not the same decision
    "GBP": Decimal("200"), "EUR": Decimal("250"), "USD": Decimal("250"), "MYR": Decimal("1000"),
    "SGD": Decimal("300"), "IDR": Decimal("3500000"), "THB": Decimal("8000"), "VND": Decimal("6000000"),
    "PHP": Decimal("12000"), "CNY": Decimal("1500"),
}


@dataclass(frozen=True)
class QASettings:
    """The supervisor's sampling rules; recorded with every selection so it can be reproduced."""

    rate: Decimal = Decimal("0.10")          # random share of the remaining verdicts, per stratum
    seed: int = 0
    amount_thresholds: Mapping[str, Decimal] = field(default_factory=lambda: dict(DEFAULT_AMOUNT_THRESHOLDS))
    new_reviewer_first: int = 5              # every reviewer's first N verdicts
    min_sample: int = 20                     # below this many quality reviews a rate is shown as not meaningful

    def __post_init__(self) -> None:
        rate_value = Decimal(str(self.rate))
        if not Decimal(0) <= rate_value <= Decimal(1):
            raise ValueError(f"rate must be between 0 and 1, got {self.rate}")
        object.__setattr__(self, "rate", rate_value)
        if self.new_reviewer_first < 0 or self.min_sample < 1:
            raise ValueError("new_reviewer_first must be >= 0 and min_sample >= 1")
        object.__setattr__(self, "amount_thresholds",
                           {str(c).upper(): Decimal(str(v)) for c, v in self.amount_thresholds.items()})

    def as_dict(self) -> dict[str, Any]:
        """JSON-safe form (decimal strings) for recording with a selection."""
        return {"rate": str(self.rate), "seed": self.seed, "new_reviewer_first": self.new_reviewer_first,
                "min_sample": self.min_sample,
                "amount_thresholds": {c: str(v) for c, v in sorted(self.amount_thresholds.items())}}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> QASettings:
        return cls(rate=Decimal(str(data.get("rate", "0.10"))), seed=int(data.get("seed", 0)),
                   new_reviewer_first=int(data.get("new_reviewer_first", 5)),
                   min_sample=int(data.get("min_sample", 20)),
                   amount_thresholds={c: Decimal(str(v)) for c, v in
                                      (data.get("amount_thresholds") or DEFAULT_AMOUNT_THRESHOLDS).items()})


# -- the verdicts the desk looks at ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class VerdictFacts:
    """What quality review needs to know about one signed verdict (built by the store from its rows)."""

    verdict_id: int
    case_id: str
    version: int                    # vN: its place in the case's chain of verdicts (1 = the original)
    reviewer: str
    platform: str
    claim_type: str
    currency: str
    amount: Decimal                 # the remedy's amount (0 when nothing is awarded)
    outcome: str
    derived_outcome: str | None = None
    overridden: bool = False        # the reviewer overrode the derived outcome (flagged for a supervisor)
    amendment: bool = False
    conflict: bool = False          # another reviewer signed a different verdict on the same case revision
    signed_at: datetime | None = None
    review_seconds: float | None = None
    excluded_buyer: int = 0         # evidence items excluded, by the party that submitted them
    excluded_seller: int = 0
    supervisor_amendment: bool = False   # an overturn written by a supervisor: not a reviewer's own verdict

    @property
    def key(self) -> tuple[str, int]:
        return (self.case_id, self.version)

    @property
    def stratum(self) -> tuple[str, str]:
        return (self.platform, self.claim_type)


@dataclass(frozen=True, slots=True, order=True)
class Selection:
    case_id: str
    version: int
    reviewer: str
    reason: str
    verdict_id: int = field(compare=False)

    def line(self) -> str:
        return f"{self.case_id} v{self.version} {self.reviewer} {self.reason}"


def _unit(*parts: object) -> float:
    """A uniform number in [0, 1) from a keyed sha256: the same parts give the same number everywhere."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def _rule_reason(v: VerdictFacts, settings: QASettings, first_n: set[int]) -> str | None:
    if v.overridden:
        return "override"
    if v.amendment:
        return "amendment"
    if v.conflict:
        return "conflict"
    threshold = settings.amount_thresholds.get(v.currency.upper())
    if threshold is not None and v.amount > threshold:
        return "amount"
    if v.verdict_id in first_n:
        return "new_reviewer"
    return None


def _first_n_ids(verdicts: Sequence[VerdictFacts], n: int) -> set[int]:
    if n <= 0:
        return set()
    by_reviewer: dict[str, list[VerdictFacts]] = defaultdict(list)
    for v in verdicts:
        by_reviewer[v.reviewer].append(v)
    chosen: set[int] = set()
    for items in by_reviewer.values():
        items.sort(key=lambda v: (v.signed_at is None, v.signed_at or datetime.min, v.case_id, v.version))
        chosen.update(v.verdict_id for v in items[:n])
    return chosen


def select_for_review(verdicts: Iterable[VerdictFacts], settings: QASettings) -> list[Selection]:
    """The verdicts to quality-review, sorted by case and version, each with the first reason that holds.

    Rules first: every override, amendment and conflict; every verdict above the amount threshold of its currency;
    each reviewer's first ``new_reviewer_first`` verdicts (by signing time). Then the random share: in each
    stratum (platform, claim type) of the verdicts the rules did not take, ``rate`` of them, the ones ranked
    lowest by ``sha256(seed, case, version)``; a stratum's fractional share is rounded up or down by a number
    drawn from ``sha256(seed, stratum)`` so that the expected share is exactly ``rate``. Supervisors' own
    amendments (overturns) are never selected.
    """
    pool = sorted((v for v in verdicts if not v.supervisor_amendment), key=lambda v: (v.case_id, v.version))
    first_n = _first_n_ids(pool, settings.new_reviewer_first)
    chosen: list[Selection] = []
    rest: dict[tuple[str, str], list[VerdictFacts]] = defaultdict(list)
    for v in pool:
        reason = _rule_reason(v, settings, first_n)
        if reason:
            chosen.append(Selection(v.case_id, v.version, v.reviewer, reason, v.verdict_id))
        else:
            rest[v.stratum].append(v)
    rate_value = float(settings.rate)
    for stratum in sorted(rest):
        items = rest[stratum]
        exact = rate_value * len(items)
        k = min(len(items), math.floor(exact + _unit("stratum", settings.seed, *stratum)))
        ranked = sorted(items, key=lambda v: (_unit("verdict", settings.seed, v.case_id, v.version), v.verdict_id))
        chosen.extend(Selection(v.case_id, v.version, v.reviewer, "random", v.verdict_id) for v in ranked[:k])
    chosen.sort()
    return chosen


# -- agreement -------------------------------------------------------------------------------------------------
def cohen_kappa(pairs: Iterable[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's kappa of two raters over items (one (a, b) label pair per item); ``None`` without items.
    When both raters use one and the same label throughout, agreement is perfect and kappa is 1."""
    pairs = list(pairs)
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(1 for a, b in pairs if a == b) / n
    left = Counter(a for a, _ in pairs)
    right = Counter(b for _, b in pairs)
    expected = sum(left[c] * right.get(c, 0) for c in left) / (n * n)
    if expected >= 1.0:
        return 1.0 if observed >= 1.0 else 0.0
    return (observed - expected) / (1 - expected)


def fleiss_kappa(items: Iterable[Sequence[Hashable]]) -> float | None:
    """Fleiss' kappa: each item is the labels its raters gave (the same number of raters on every item, at
    least two). ``None`` without items; 1 when everybody agrees on one label throughout."""
    rows = [list(labels) for labels in items]
    if not rows:
        return None
    m = len(rows[0])
    if m < 2 or any(len(r) != m for r in rows):
        raise ValueError("Fleiss' kappa needs the same number (>= 2) of ratings on every item")
    n_items = len(rows)
    totals: Counter = Counter()
    p_items = []
    for labels in rows:
        counts = Counter(labels)
        totals.update(counts)
        p_items.append((sum(c * c for c in counts.values()) - m) / (m * (m - 1)))
    p_bar = sum(p_items) / n_items
    p_e = sum((t / (n_items * m)) ** 2 for t in totals.values())
    if p_e >= 1.0:
        return 1.0 if p_bar >= 1.0 else 0.0
    return (p_bar - p_e) / (1 - p_e)


def kappa_per_question(answer_sets: Mapping[Hashable, Sequence[Mapping[str, Any]]],
                       questions: Sequence[str] | None = None) -> dict[str, float | None]:
    """Agreement per checklist question over cases answered by several people (calibration, re-review).

    ``answer_sets`` maps a case to the flat answers of each person (see :func:`flatten_answers`). A question
    counts on the cases where everyone answered it; two raters give Cohen's kappa, more give Fleiss'.
    """
    flat = {case: [flatten_answers(a) for a in sets] for case, sets in answer_sets.items()}
    if questions is None:
        questions = sorted({q for sets in flat.values() for answers in sets for q in answers})
    out: dict[str, float | None] = {}
    for q in questions:
        rows = [[answers[q] for answers in sets] for sets in flat.values()
                if len(sets) >= 2 and all(q in answers for answers in sets)]
        if not rows:
            out[q] = None
            continue
        widths = {len(r) for r in rows}
        if widths == {2}:
            out[q] = cohen_kappa((r[0], r[1]) for r in rows)
        else:
            m = min(widths)
            out[q] = fleiss_kappa(r[:m] for r in rows)
    return out


# -- the blind re-review ---------------------------------------------------------------------------------------
_SKIP = {"reviewer", "decided_at", "rationale_cites"}


def flatten_answers(answers: Mapping[str, Any]) -> dict[str, Any]:
    """ANSWERS.json as ``question id -> value``: ``jurisdiction.J1_platform_order``, ``evidence.E2``,
    ``finding``, ``problem``, ``damage_extent``, ``remedy``, ``amount`` (a Decimal), ``rationale``,
    ``override.outcome``; bookkeeping keys (reviewer, decided_at) left out."""
    flat: dict[str, Any] = {}
    for key, value in answers.items():
        if key in _SKIP:
            continue
        if key in ("jurisdiction", "evidence", "seller_conduct") and isinstance(value, Mapping):
            for sub, item in value.items():
                flat[f"{key}.{sub}"] = item
        elif key == "override":
            flat["override.outcome"] = value.get("outcome") if isinstance(value, Mapping) else None
        elif key == "amount":
            flat[key] = None if value in (None, "") else Decimal(str(value))
        else:
            flat[key] = value
    return flat


def difference_type(question: str) -> str:
    """The kind of a question: jurisdiction, admissibility, finding, remedy_or_amount, deadline or rationale."""
    if question.startswith("jurisdiction."):
        return "jurisdiction"
    if question.startswith("evidence."):
        return "admissibility"
    if question in ("remedy", "amount") or question.startswith("remedy"):
        return "remedy_or_amount"
    if question.startswith("deadline"):
        return "deadline"
    if question == "rationale":
        return "rationale"
    return "finding"  # finding, problem, damage_extent, override.outcome, seller_conduct.*


@dataclass(frozen=True, slots=True)
class Difference:
    question: str
    type: str                     # one of DIFFERENCE_TYPES
    reviewer: Any
    supervisor: Any
    severity: str                 # one of SEVERITIES

    @property
    def changes_outcome(self) -> bool:
        return self.severity == "changes_outcome"


@dataclass(frozen=True, slots=True)
class Comparison:
    rows: tuple[tuple[str, Any, Any, bool], ...]      # (question, reviewer's, supervisor's, same?) in order
    differences: tuple[Difference, ...]
    outcome_differs: bool

    @property
    def agrees(self) -> bool:
        return not self.differences


def _norm_text(value: Any) -> Any:
    return " ".join(value.split()).casefold() if isinstance(value, str) else value


def _deadline_offsets(rec: Mapping[str, Any]) -> dict[Any, Any]:
    """Each deadline as its distance from the decision (deadlines count from when each person decided, so two
    decisions made days apart agree when their offsets do); the raw ``due`` when there is no decision time."""
    try:
        decided = datetime.fromisoformat(str(rec.get("decided_at")))
    except ValueError:
        decided = None
    out: dict[Any, Any] = {}
    for d in rec.get("deadlines") or ():
        due = d.get("due")
        if due and decided is not None:
            try:
                out[d.get("id")] = datetime.fromisoformat(due) - decided
                continue
            except ValueError:
                pass
        out[d.get("id")] = due
    return out


def compare_answers(reviewer: Mapping[str, Any], supervisor: Mapping[str, Any], *,
                    outcome_of: Callable[[Mapping[str, Any]], Any] | None = None,
                    reviewer_record: Mapping[str, Any] | None = None,
                    supervisor_record: Mapping[str, Any] | None = None,
                    questions: Iterable[str] | None = None) -> Comparison:
    """Question by question, the reviewer's answers beside the supervisor's blind ones.

    Severity of a difference: ``changes_outcome`` when putting the supervisor's answer to that one question into
    the reviewer's answers changes what ``outcome_of(answers)`` gives (the outcome and the remedy, say; the
    caller runs the real rules), else ``no_outcome_change``. Without ``outcome_of`` a difference counts as
    changing the outcome when the two records' outcomes or amounts differ and it is not about the rationale.
    Deadline differences come from the records (deadlines are derived, not answered), compared as distances from
    each decision's time. Rationales differ when they cite different evidence or messages (wording alone is no
    difference). ``questions``: only these question ids are compared (what the supervisor was asked; evidence the
    rules set aside by themselves is not a question).
    """
    a, b = flatten_answers(reviewer), flatten_answers(supervisor)
    if questions is not None:
        asked = set(questions)
        a = {k: v for k, v in a.items() if k in asked}
        b = {k: v for k, v in b.items() if k in asked}
    order = list(dict.fromkeys([*a, *b]))
    base = outcome_of(reviewer) if outcome_of else None
    rec_a, rec_b = reviewer_record or {}, supervisor_record or {}

    def _outcome_key(rec: Mapping[str, Any]) -> tuple:
        remedy = rec.get("remedy") or {}
        return (rec.get("outcome"), remedy.get("type"), remedy.get("amount"))

    outcome_differs = bool(rec_a and rec_b and _outcome_key(rec_a) != _outcome_key(rec_b))
    rows: list[tuple[str, Any, Any, bool]] = []
    diffs: list[Difference] = []
    for q in order:
        va, vb = a.get(q), b.get(q)
        if q == "rationale":
            same = (sorted(rec_a.get("rationale_cites") or []) == sorted(rec_b.get("rationale_cites") or [])
                    if rec_a and rec_b else _norm_text(va) == _norm_text(vb))
        else:
            same = va == vb
        rows.append((q, va, vb, same))
        if same:
            continue
        kind = difference_type(q)
        if kind == "rationale":
            severity = "no_outcome_change"
        elif outcome_of is not None:
            trial = _substitute(reviewer, q, supervisor)
            try:
                changed = outcome_of(trial) != base
            except Exception:  # the mixed answers are not a complete, valid set: judge by the records
                changed = outcome_differs
            severity = "changes_outcome" if changed else "no_outcome_change"
        else:
            severity = "changes_outcome" if outcome_differs else "no_outcome_change"
        diffs.append(Difference(q, kind, va, vb, severity))
    due_a = {d.get("id"): d.get("due") for d in rec_a.get("deadlines") or ()}
    due_b = {d.get("id"): d.get("due") for d in rec_b.get("deadlines") or ()}
    off_a, off_b = _deadline_offsets(rec_a), _deadline_offsets(rec_b)
    for ident in sorted(set(due_a) | set(due_b), key=str):
        same = ident in off_a and ident in off_b and off_a[ident] == off_b[ident]
        rows.append((f"deadline.{ident}", due_a.get(ident), due_b.get(ident), same))
        if not same:
            diffs.append(Difference(f"deadline.{ident}", "deadline", due_a.get(ident), due_b.get(ident),
                                    "changes_outcome" if outcome_differs else "no_outcome_change"))
    return Comparison(tuple(rows), tuple(diffs), outcome_differs)


def _substitute(answers: Mapping[str, Any], question: str, source: Mapping[str, Any]) -> dict[str, Any]:
    out = {k: (dict(v) if isinstance(v, Mapping) else v) for k, v in answers.items()}
    if "." in question and not question.startswith("override."):
        group, sub = question.split(".", 1)
        target = dict(out.get(group) or {})
        src = source.get(group) or {}
        if sub in src:
            target[sub] = src[sub]
        else:
            target.pop(sub, None)
        out[group] = target
    elif question == "override.outcome":
        out["override"] = source.get("override")
    elif question in source:
        out[question] = source[question]
    else:
        out.pop(question, None)
    return out


# -- scorecards ------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """A supervisor's quality review of one verdict: ``approve``, ``return`` or ``overturn``."""

    verdict_id: int
    action: str


@dataclass(frozen=True)
class Scorecard:
    reviewer: str
    verdicts: int
    quality_reviewed: int
    approved: int
    returned: int
    overturned: int
    overturn: Rate
    override: Rate
    buyer_favoured: Rate
    team_buyer_favoured: float | None     # the team's rate over the same platform and claim type mix
    excluded_buyer: int
    excluded_seller: int
    team_excluded_buyer_share: float | None
    median_review_seconds: float | None

    @property
    def buyer_favoured_gap(self) -> float | None:
        if self.buyer_favoured.value is None or self.team_buyer_favoured is None:
            return None
        return self.buyer_favoured.value - self.team_buyer_favoured

    @property
    def excluded_buyer_share(self) -> float | None:
        total = self.excluded_buyer + self.excluded_seller
        return self.excluded_buyer / total if total else None


def median(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def scorecards(verdicts: Iterable[VerdictFacts], reviews: Iterable[ReviewOutcome],
               settings: QASettings = QASettings()) -> list[Scorecard]:
    """One scorecard per reviewer (sorted by id). Supervisors' own amendments (overturns) are not counted as
    anyone's verdicts. Overturn rate: overturned / quality-reviewed (the last action on each verdict counts).
    Buyer-favoured rate is compared with the team's *expected* rate for the same work: for each of the reviewer's
    verdicts, the share of buyer-favoured verdicts by everybody else in the same platform and claim type
    (indirect standardisation), averaged. The same for the share of exclusions that fall on the buyer."""
    own = [v for v in verdicts if not v.supervisor_amendment]
    last_action: dict[int, str] = {}
    for r in reviews:
        last_action[r.verdict_id] = r.action
    by_reviewer: dict[str, list[VerdictFacts]] = defaultdict(list)
    strata: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for v in own:
        by_reviewer[v.reviewer].append(v)
        strata[v.stratum][(v.reviewer, v.outcome == "buyer_favoured")] += 1
    excl: dict[str, Counter] = defaultdict(Counter)
    for v in own:
        excl[v.reviewer]["buyer"] += v.excluded_buyer
        excl[v.reviewer]["seller"] += v.excluded_seller

    def team_rate(stratum: tuple[str, str], reviewer: str) -> float | None:
        counts = strata[stratum]
        yes = sum(c for (who, fav), c in counts.items() if who != reviewer and fav)
        total = sum(c for (who, _), c in counts.items() if who != reviewer)
        return yes / total if total else None

    cards: list[Scorecard] = []
    for reviewer in sorted(by_reviewer):
        items = by_reviewer[reviewer]
        actions = [last_action[v.verdict_id] for v in items if v.verdict_id in last_action]
        approved, returned, overturned = (actions.count("approve"), actions.count("return"),
                                          actions.count("overturn"))
        expected = [team_rate(v.stratum, reviewer) for v in items]
        known = [e for e in expected if e is not None]
        others_buyer = sum(c["buyer"] for who, c in excl.items() if who != reviewer)
        others_total = sum(c["buyer"] + c["seller"] for who, c in excl.items() if who != reviewer)
        cards.append(Scorecard(
            reviewer=reviewer, verdicts=len(items), quality_reviewed=len(actions), approved=approved,
            returned=returned, overturned=overturned,
            overturn=rate(overturned, len(actions), settings.min_sample),
            override=rate(sum(1 for v in items if v.overridden), len(items), settings.min_sample),
            buyer_favoured=rate(sum(1 for v in items if v.outcome == "buyer_favoured"), len(items),
                                settings.min_sample),
            team_buyer_favoured=sum(known) / len(known) if known else None,
            excluded_buyer=excl[reviewer]["buyer"], excluded_seller=excl[reviewer]["seller"],
            team_excluded_buyer_share=others_buyer / others_total if others_total else None,
            median_review_seconds=median(v.review_seconds for v in items),
        ))
    return cards


__all__ = [
    "DIFFERENCE_TYPES", "REASONS", "SEVERITIES", "Z95", "Comparison", "Difference", "QASettings", "Rate",
    "ReviewOutcome", "Scorecard", "Selection", "VerdictFacts", "cohen_kappa", "compare_answers",
    "difference_type", "fleiss_kappa", "flatten_answers", "kappa_per_question", "median", "rate", "scorecards",
    "select_for_review", "wilson_interval",
]
