"""arbiter.domain.qa against known values: Wilson intervals, kappas, the sampling rules and scorecards."""
from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from arbiter.domain.qa import (
    QASettings, ReviewOutcome, VerdictFacts, cohen_kappa, compare_answers, fleiss_kappa, kappa_per_question,
    median, rate, scorecards, select_for_review, wilson_interval,
)

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)


# -- Wilson ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("k", "n", "low", "high"), [
    (5, 10, 0.2366, 0.7634),      # the textbook half-way case
    (0, 10, 0.0, 0.2775),         # no event: the interval still has an honest upper end
    (10, 10, 0.7225, 1.0),
    (1, 20, 0.0089, 0.2361),
    (81, 263, 0.2553, 0.3662),
])
def test_wilson_interval_known_values(k, n, low, high):
    lo, hi = wilson_interval(k, n)
    assert lo == pytest.approx(low, abs=5e-4)
    assert hi == pytest.approx(high, abs=5e-4)


def test_wilson_interval_edges():
    assert wilson_interval(0, 0) is None
    with pytest.raises(ValueError):
        wilson_interval(3, 2)
    small, large = wilson_interval(1, 10), wilson_interval(10, 100)
    assert (small[1] - small[0]) > (large[1] - large[0])  # more data, narrower


def test_rate_is_meaningful_only_from_the_minimum_sample():
    assert not rate(1, 19, min_sample=20).meaningful
    assert rate(1, 20, min_sample=20).meaningful
    assert rate(0, 0, min_sample=20).value is None and not rate(0, 0, 20).meaningful


# -- kappa -----------------------------------------------------------------------------------------------------
def test_cohen_kappa_known_value():
    # 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15 -> po 0.70, pe 0.50, kappa 0.40
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.4)
    assert cohen_kappa([]) is None
    assert cohen_kappa([("a", "a")] * 4) == 1.0
    assert cohen_kappa([("a", "b"), ("b", "a")]) == pytest.approx(-1.0)


def test_fleiss_kappa_known_value():
    # Fleiss (1971) as worked on Wikipedia: 10 subjects, 14 raters, 5 categories -> kappa 0.210
    table = [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ]
    items = [[cat for cat, count in enumerate(row) for _ in range(count)] for row in table]
    assert fleiss_kappa(items) == pytest.approx(0.210, abs=5e-4)
    with pytest.raises(ValueError):
        fleiss_kappa([["a", "b"], ["a"]])


def test_kappa_per_question_uses_cohen_for_two_and_fleiss_for_more():
    two = {f"C{i}": [{"finding": f, "problem": "minor_quality"}, {"finding": g, "problem": "minor_quality"}]
           for i, (f, g) in enumerate([("supported", "supported")] * 20 + [("supported", "not_supported")] * 5
                                      + [("not_supported", "supported")] * 10
                                      + [("not_supported", "not_supported")] * 15)}
    k = kappa_per_question(two)
    assert k["finding"] == pytest.approx(0.4)
    assert k["problem"] == 1.0
    three = {"A": [{"finding": "x"}] * 3, "B": [{"finding": "y"}] * 3}
    assert kappa_per_question(three)["finding"] == 1.0


# -- sampling --------------------------------------------------------------------------------------------------
def _verdicts(n=300, seed=1):
    rng = random.Random(seed)
    out = []
    for i in range(n):
        out.append(VerdictFacts(
            verdict_id=i + 1, case_id=f"C{i:04d}", version=1, reviewer=f"r{i % 4}",
            platform=rng.choice(["tiktok_shop", "douyin"]), claim_type=rng.choice(["quality", "not_received"]),
            currency="GBP", amount=Decimal(rng.randint(1, 300)), outcome=rng.choice(["buyer_favoured", "declined"]),
            overridden=(i % 37 == 0), amendment=(i % 53 == 0), conflict=(i % 71 == 0),
            signed_at=T0 + timedelta(minutes=i)))
    return out


def test_rules_always_take_overrides_amendments_conflicts_amounts_and_first_n():
    vs = _verdicts()
    settings = QASettings(rate=Decimal("0"), seed=3, new_reviewer_first=2)
    picked = {s.verdict_id: s.reason for s in select_for_review(vs, settings)}
    for v in vs:
        if v.overridden:
            assert picked[v.verdict_id] == "override"
        elif v.amendment:
            assert picked[v.verdict_id] == "amendment"
        elif v.conflict:
            assert picked[v.verdict_id] == "conflict"
        elif v.amount > 200:
            assert picked[v.verdict_id] == "amount"
    firsts = [s for s in select_for_review(vs, settings) if s.reason == "new_reviewer"]
    assert {s.verdict_id for s in firsts} <= {1, 2, 3, 4, 5, 6, 7, 8}  # each of r0..r3's first two
    assert all(r != "random" for r in picked.values())  # rate 0: nothing random


def test_same_seed_same_selection_in_any_order_and_another_seed_differs():
    vs = _verdicts()
    s = QASettings(rate=Decimal("0.2"), seed=7)
    first = select_for_review(vs, s)
    shuffled = vs[:]
    random.Random(99).shuffle(shuffled)
    assert select_for_review(shuffled, s) == first
    assert [x.line() for x in first] == sorted(x.line() for x in first)
    other = select_for_review(vs, QASettings(rate=Decimal("0.2"), seed=8))
    assert {x.verdict_id for x in other if x.reason == "random"} != {x.verdict_id for x in first
                                                                      if x.reason == "random"}


def test_random_share_is_stratified_by_platform_and_claim_type():
    vs = _verdicts(2000, seed=5)
    s = QASettings(rate=Decimal("0.25"), seed=11, amount_thresholds={}, new_reviewer_first=0)
    picked = {x.verdict_id for x in select_for_review(vs, s) if x.reason == "random"}
    rule_ids = {v.verdict_id for v in vs if v.overridden or v.amendment or v.conflict}
    for stratum in {v.stratum for v in vs}:
        pool = [v for v in vs if v.stratum == stratum and v.verdict_id not in rule_ids]
        got = sum(1 for v in pool if v.verdict_id in picked)
        assert abs(got - 0.25 * len(pool)) < 1  # floor or ceiling of the exact share, in every stratum


def test_supervisor_amendments_are_never_sampled_and_rate_is_validated():
    v = VerdictFacts(1, "C1", 2, "sup", "douyin", "quality", "CNY", Decimal("5"), "declined", amendment=True,
                     supervisor_amendment=True)
    assert select_for_review([v], QASettings(rate=Decimal(1))) == []
    with pytest.raises(ValueError):
        QASettings(rate=Decimal("1.5"))
    s = QASettings(rate=Decimal("0.3"), seed=4)
    assert QASettings.from_dict(s.as_dict()) == s


# -- blind re-review -------------------------------------------------------------------------------------------
REVIEWER = {"jurisdiction": {"J1_platform_order": True}, "evidence": {"E1": "admissible", "E2": "admissible"},
            "finding": "supported", "problem": "serious_quality", "remedy": "return_and_refund", "amount": "19.99",
            "rationale": "E1 shows the crack", "reviewer": "r.chen", "override": None}


def _outcome(answers):
    if answers["evidence"].get("E1") != "admissible" or answers["finding"] != "supported":
        return ("seller_favoured", "0.00")
    return ("buyer_favoured", answers["amount"])


def test_compare_answers_types_and_severity_by_counterfactual():
    sup = {**REVIEWER, "evidence": {"E1": "admissible", "E2": "not_relevant"}, "amount": "15.00",
           "rationale": "E1 shows the crack clearly", "reviewer": "s.wong"}
    c = compare_answers(REVIEWER, sup, outcome_of=_outcome)
    diffs = {d.question: d for d in c.differences}
    assert set(diffs) == {"evidence.E2", "amount", "rationale"}
    assert diffs["evidence.E2"].type == "admissibility" and not diffs["evidence.E2"].changes_outcome
    assert diffs["amount"].type == "remedy_or_amount" and diffs["amount"].changes_outcome
    assert diffs["rationale"].type == "rationale" and not diffs["rationale"].changes_outcome
    sup2 = {**REVIEWER, "evidence": {"E1": "not_authentic", "E2": "admissible"}}
    d2 = compare_answers(REVIEWER, sup2, outcome_of=_outcome).differences
    assert [(d.question, d.type, d.severity) for d in d2] == [("evidence.E1", "admissibility", "changes_outcome")]
    assert compare_answers(REVIEWER, dict(REVIEWER, reviewer="x")).agrees


def test_compare_uses_records_for_deadlines_and_citations():
    def rec(decided, due, appeal):
        return {"outcome": "buyer_favoured", "remedy": {"type": "refund_only", "amount": "5.00"},
                "rationale_cites": ["E1"], "decided_at": decided,
                "deadlines": [{"id": "seller_execute", "due": due}, {"id": "appeal_window", "due": appeal}]}
    rec_a = rec("2026-01-01T00:00:00+00:00", "2026-01-03T00:00:00+00:00", "2026-01-03T00:00:00+00:00")
    # decided a week later: the same 48 h for the appeal is no difference; 72 h instead of 48 h to execute is
    rec_b = rec("2026-01-08T00:00:00+00:00", "2026-01-11T00:00:00+00:00", "2026-01-10T00:00:00+00:00")
    c = compare_answers({"rationale": "a"}, {"rationale": "b"}, reviewer_record=rec_a, supervisor_record=rec_b)
    assert [(d.question, d.type) for d in c.differences] == [("deadline.seller_execute", "deadline")]
    assert not c.outcome_differs
    only = compare_answers({"evidence": {"E1": "admissible", "E9": "not_relevant"}}, {"evidence": {"E1": "x"}},
                           questions={"evidence.E1"})
    assert [d.question for d in only.differences] == ["evidence.E1"]


# -- scorecards ------------------------------------------------------------------------------------------------
def test_scorecards_counts_rates_and_team_comparison():
    def v(i, who, outcome, stratum=("tiktok_shop", "quality"), **kw):
        return VerdictFacts(i, f"C{i}", 1, who, stratum[0], stratum[1], "GBP", Decimal(10), outcome, **kw)
    vs = [v(1, "a", "buyer_favoured", review_seconds=60), v(2, "a", "buyer_favoured", review_seconds=120),
          v(3, "a", "declined", overridden=True, review_seconds=600), v(4, "b", "declined"),
          v(5, "b", "buyer_favoured"), v(6, "b", "declined", stratum=("douyin", "quality")),
          v(7, "sup", "declined", amendment=True, supervisor_amendment=True)]
    reviews = [ReviewOutcome(1, "return"), ReviewOutcome(1, "approve"), ReviewOutcome(3, "overturn"),
               ReviewOutcome(4, "approve")]
    cards = {c.reviewer: c for c in scorecards(vs, reviews, QASettings(min_sample=2))}
    assert set(cards) == {"a", "b"}  # the supervisor's overturn is nobody's verdict
    a, b = cards["a"], cards["b"]
    assert (a.verdicts, a.quality_reviewed, a.approved, a.returned, a.overturned) == (3, 2, 1, 0, 1)
    assert a.overturn.value == 0.5 and a.overturn.meaningful
    assert a.override.k == 1 and a.buyer_favoured.k == 2
    assert a.team_buyer_favoured == pytest.approx(0.5)  # b in tiktok_shop/quality: 1 of 2
    assert a.median_review_seconds == 120
    assert b.team_buyer_favoured == pytest.approx(2 / 3)  # douyin has no one else: only the two TTS count
    assert not b.overturn.meaningful and b.overturn.value == 0.0
    assert median([None, 3, 1, 2]) == 2 and median([]) is None
