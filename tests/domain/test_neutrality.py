"""Neutrality as testable properties (checklist.md, "Neutrality" 1; seed 002: the platform decides neutrally).

A case and its mirror (buyer and seller swapped in evidence parties, chat log owners and message senders; the
finding supported <-> contradicted, the remedy accordingly) get mirrored outcomes (buyer_favoured <->
seller_favoured, declined stays declined) with identical exclusions and identical gates.
"""
from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arbiter.domain.checklist import EVIDENCE_ANSWERS, GATE_IDS, assess
from arbiter.domain.parse import case_from_dict
from arbiter.domain.policy import PROBLEMS
from arbiter.policies import load_policy
from tests.factories import case_dict

SWAP = {"buyer": "seller", "seller": "buyer"}
MIRROR_OUTCOME = {"buyer_favoured": "seller_favoured", "seller_favoured": "buyer_favoured",
                  "declined": "declined"}

evidence_item = st.fixed_dictionaries({
    "party": st.sampled_from(["buyer", "seller"]),
    "submission": st.integers(1, 3),
    "requested": st.booleans(),
    "answer": st.sampled_from(EVIDENCE_ANSWERS),
    "tampered": st.booleans(),
    "day": st.integers(1, 5),
})
message = st.fixed_dictionaries({"sender": st.sampled_from(["buyer", "seller", "system"]),
                                 "hour": st.integers(0, 23)})
chat_log = st.fixed_dictionaries({"owner": st.sampled_from(["buyer", "seller"]),
                                  "messages": st.lists(message, min_size=1, max_size=3)})
scenario = st.fixed_dictionaries({
    "evidence": st.lists(evidence_item, max_size=5),
    "chat_logs": st.lists(chat_log, min_size=1, max_size=2),
    "settled": st.booleans(),
    "legal": st.booleans(),
    # claim well in time, exactly 7 days after delivery, one second past
    "claim_at": st.sampled_from(["2025-02-25T09:00:00+00:00", "2025-03-03T14:00:00+00:00",
                                 "2025-03-03T14:00:01+00:00"]),
    "reviewer_gates": st.fixed_dictionaries({g: st.booleans() for g in
                                             ("J1_platform_order", "J4_actual_consumer", "J5_valid_transaction",
                                              "J6_unresolved")}),
    "buyer_wins": st.booleans(),
    "problem": st.sampled_from(PROBLEMS),
    "remedy": st.sampled_from(["refund_only", "return_and_refund", "replacement", "reship"]),
    "amount_cents": st.integers(1, 1999),
    "appeal": st.booleans(),
    # both rules revisions: 2025.06 and 2026.11 (r2: damage_extent, the 7-day no-reason conditions, the cap)
    "version": st.sampled_from(["2025.06", "2026.11"]),
    "damage_extent": st.sampled_from(["complete", "partial"]),
})


def build(s: dict, mirrored: bool):
    def party(p: str) -> str:
        return SWAP.get(p, p) if mirrored else p

    data = case_dict()
    data["claim"]["submitted_at"] = s["claim_at"]
    data["after_sale"]["settled_between_parties"] = s["settled"]
    data["after_sale"]["legal_proceedings"] = s["legal"]
    if s["appeal"]:
        data["after_sale"]["previous_appeals"] = 1
        data["after_sale"]["previous_decision_at"] = "2025-02-26T10:00:00+00:00"
    data["evidence"] = [
        {"id": f"E{i + 1}", "party": party(e["party"]), "submission": e["submission"],
         "submitted_at": f"2025-02-2{e['day']}T09:00:00+00:00", "requested": e["requested"], "kind": "photo",
         "file": f"evidence/E{i + 1}.jpg", "sha256": "0" * 64, "media_type": "image/jpeg"}
        for i, e in enumerate(s["evidence"])]
    counter = 0
    logs = []
    for log in s["chat_logs"]:
        messages = []
        for m in log["messages"]:
            counter += 1
            messages.append({"id": f"M{counter}", "at": f"2025-02-25T{m['hour']:02d}:00:00+00:00",
                             "sender": party(m["sender"]), "text": "message"})
        logs.append({"owner": party(log["owner"]), "channel": "buyer_seller", "messages": messages})
    data["chat_logs"] = logs
    case = case_from_dict(data)

    buyer_wins = s["buyer_wins"] != mirrored
    answers = {
        "decided_at": "2025-03-05T10:00:00+08:00", "reviewer": "r.chen",
        "jurisdiction": dict(s["reviewer_gates"]),
        "evidence": {f"E{i + 1}": e["answer"] for i, e in enumerate(s["evidence"])},
        "rationale": "M1 and the evidence.",
        "override": None,
    }
    if buyer_wins:
        answers.update(finding="supported", problem=s["problem"], remedy=s["remedy"],
                       amount=f"{s['amount_cents'] // 100}.{s['amount_cents'] % 100:02d}"
                       if s["remedy"] in ("refund_only", "return_and_refund") else None)
        if s["version"] == "2026.11" and s["problem"] == "damaged":
            answers["damage_extent"] = s["damage_extent"]
    else:
        answers.update(finding="contradicted", remedy="none")
    tampered = frozenset(f"E{i + 1}" for i, e in enumerate(s["evidence"]) if e["tampered"])
    return case, answers, tampered


def _policy(s: dict):
    return load_policy("tiktok_shop", "UK", s["version"])


def _evaluate(s: dict, mirrored: bool):
    case, answers, tampered = build(s, mirrored)
    return assess(case, _policy(s), copy.deepcopy(answers), tampered=tampered)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario)
def test_mirrored_case_gets_mirrored_outcome_seed_002(s):
    """Neutrality 1 (seed 002): mirror the parties and the finding -> mirrored outcome, same exclusions and
    same gates."""
    original, mirror = _evaluate(s, False), _evaluate(s, True)
    if s["version"] == "2026.11" and s["problem"] == "no_reason_return" and s["claim_at"].endswith("14:00:01+00:00"):
        # r2 (004): a no-reason return claimed one second past 7 days is not accepted, on whichever side
        assert [e.field for e in original.errors] == [e.field for e in mirror.errors]
        return
    assert original.errors == () and mirror.errors == ()
    assert original.record is not None and mirror.record is not None
    assert mirror.outcome == MIRROR_OUTCOME[original.outcome]
    assert mirror.derived_outcome == MIRROR_OUTCOME[original.derived_outcome]
    assert [(g.id, g.passed) for g in original.gates] == [(g.id, g.passed) for g in mirror.gates]
    assert original.record["decline_reasons"] == mirror.record["decline_reasons"]

    def exclusions(a):
        return sorted((e["id"], e["reason"]) for e in a.record["evidence_excluded"])

    assert exclusions(original) == exclusions(mirror)
    assert sorted(original.record["evidence_considered"]) == sorted(mirror.record["evidence_considered"])
    assert {e.id: e.status for e in original.evidence} == {e.id: e.status for e in mirror.evidence}
    assert original.record["appeals"] == mirror.record["appeals"]


@settings(max_examples=100, deadline=None)
@given(scenario)
def test_swapping_parties_alone_changes_nothing_seed_002(s):
    """Neutrality 1 (seed 002): with the same findings, who submitted what never changes the outcome."""
    original = _evaluate(s, False)
    case, answers, tampered = build(s, True)
    answers = build(s, False)[1]  # the original findings, on the mirrored parties
    swapped = assess(case, _policy(s), answers, tampered=tampered)
    assert swapped.outcome == original.outcome
    assert [str(e) for e in swapped.errors] == [str(e) for e in original.errors]
    if original.record is None:
        return
    assert swapped.record["remedy"] == original.record["remedy"]
    assert swapped.record["liability"] == original.record["liability"]
    assert [g.passed for g in swapped.gates] == [g.passed for g in original.gates]
    assert len(GATE_IDS) == len(swapped.gates)
