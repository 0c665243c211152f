"""Helpers for the rules tests (tests/domain/test_rules_*.py, test_policy*.py, test_neutrality.py).

``make_case(changes)`` starts from ``tests.factories.case_dict()`` (TikTok Shop UK, a cracked mug) and applies
dotted-path changes; ``douyin_changes()`` turns it into a Douyin CN case. Nothing here encodes a rule's answer.

Policy versions: the helpers decide under ``V1`` (2025.06, the rules as first published) unless given
``version=``; the test_rules_*.py files of 2025.06 thereby keep proving that an old version's rules stay as they
were. The rules revision 2 tests (test_r2_*.py) pass ``version=V2`` (2026.11).
"""
from __future__ import annotations

from typing import Any

from arbiter.domain.checklist import assess, decide
from arbiter.domain.parse import case_from_dict
from arbiter.domain.policy import policy_from_dict
from arbiter.policies import deep_merge, load_policy, policy_data
from tests.factories import answers_dict, case_dict

DELETE = object()
V1 = "2025.06"   # rules revision 1
V2 = "2026.11"   # rules revision 2 (checklist.md "(r2)")


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    keys = path.split(".")
    target: Any = data
    for key in keys[:-1]:
        target = target[int(key)] if isinstance(target, list) else target[key]
    last = keys[-1]
    if isinstance(target, list):
        target[int(last)] = value
    elif value is DELETE:
        target.pop(last, None)
    else:
        target[last] = value


def douyin_changes() -> dict[str, Any]:
    """A Douyin case in CN: seller rejected at 2025-03-01 10:00 +08:00, intervention 47 h later."""
    return {
        "platform": "douyin", "region": "CN", "language": "zh-CN", "case_id": "DY-CN-TEST-0001",
        "opened_at": "2025-03-03T09:00:00+08:00",
        "order.currency": "CNY", "order.total_paid": "199.00", "order.shipping_fee": "0.00",
        "order.placed_at": "2025-02-24T10:00:00+08:00", "order.paid_at": "2025-02-24T10:01:00+08:00",
        "order.delivered_at": "2025-02-27T10:00:00+08:00",
        "claim.submitted_at": "2025-02-28T10:00:00+08:00", "claim.amount": "199.00",
        "after_sale.seller_response": "rejected",
        "after_sale.seller_responded_at": "2025-03-01T10:00:00+08:00",
        "after_sale.intervention_requested_at": "2025-03-03T09:00:00+08:00",
    }


def case_data(changes: dict[str, Any] | None = None, *, douyin: bool = False) -> dict[str, Any]:
    data = case_dict()
    merged = {**(douyin_changes() if douyin else {}), **(changes or {})}
    for path, value in merged.items():
        set_path(data, path, value)
    return data


def make_case(changes: dict[str, Any] | None = None, *, douyin: bool = False):
    return case_from_dict(case_data(changes, douyin=douyin))


def policy_of(case, version: str = V1):
    return load_policy(case.platform.value, case.region, version)


def answers(**overrides: Any) -> dict[str, Any]:
    return answers_dict(**overrides)


def douyin_answers(**overrides: Any) -> dict[str, Any]:
    base = {"amount": "199.00", "decided_at": "2025-03-05T10:00:00+08:00"}
    base.update(overrides)
    return answers_dict(**base)


def run(changes: dict[str, Any] | None = None, *, douyin: bool = False, tampered=frozenset(), version: str = V1,
        **answer_overrides):
    """decide() on a changed case with changed answers."""
    case = make_case(changes, douyin=douyin)
    ans = douyin_answers(**answer_overrides) if douyin else answers(**answer_overrides)
    return decide(case, policy_of(case, version), ans, tampered=frozenset(tampered))


def run_assess(changes: dict[str, Any] | None = None, *, douyin: bool = False, tampered=frozenset(), now=None,
               version: str = V1, **answer_overrides):
    case = make_case(changes, douyin=douyin)
    ans = douyin_answers(**answer_overrides) if douyin else answers(**answer_overrides)
    return assess(case, policy_of(case, version), ans, tampered=frozenset(tampered), now=now)


def custom_policy(platform: str, region: str | None = None, *, version: str = V1, **tables: Any):
    """A policy with some parameters changed: proves the engine reads the number from the policy."""
    return policy_from_dict(deep_merge(policy_data(platform, region, version), tables))


def gate(record: dict[str, Any], gate_id: str) -> dict[str, Any]:
    return next(g for g in record["jurisdiction"] if g["id"] == gate_id)


def deadline(record: dict[str, Any], deadline_id: str) -> dict[str, Any] | None:
    return next((d for d in record["deadlines"] if d["id"] == deadline_id), None)
