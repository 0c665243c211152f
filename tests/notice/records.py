"""Decision records in the exact ``arbiter.decision/1`` shape (docs/architecture.md), for notice tests that
must not depend on the rules engine, plus matching cases (English UK, Chinese Douyin, a long one)."""
from __future__ import annotations

import copy
import hashlib
from typing import Any

from arbiter.domain.parse import case_from_dict
from tests.factories import case_dict


def record(**overrides: Any) -> dict[str, Any]:
    """The buyer-favoured return-and-refund decision on ``tests.factories.case_dict()`` (TikTok Shop UK)."""
    data: dict[str, Any] = {
        "format": "arbiter.decision/1",
        "case_id": "TTS-UK-TEST-0001",
        "policy": {"id": "tiktok_shop.UK", "version": "2025.06"},
        "outcome": "buyer_favoured",
        "derived_outcome": "buyer_favoured",
        "override": None,
        "flagged_for_supervisor": False,
        "decline_reasons": [],
        "jurisdiction": [
            {"id": "J1_platform_order", "passed": True, "computed": False, "fact": "confirmed by the reviewer"},
            {"id": "J2_in_time", "passed": True, "computed": True,
             "fact": "claim submitted 1 day after delivery; the limit is 7 days"},
            {"id": "J3_not_settled", "passed": True, "computed": True, "fact": "no settlement recorded"},
            {"id": "J4_actual_consumer", "passed": True, "computed": False, "fact": "confirmed by the reviewer"},
            {"id": "J5_valid_transaction", "passed": True, "computed": False, "fact": "confirmed by the reviewer"},
            {"id": "J6_unresolved", "passed": True, "computed": False, "fact": "confirmed by the reviewer"},
            {"id": "J7_no_legal_action", "passed": True, "computed": True, "fact": "no legal proceedings"},
            {"id": "J8_appeal_allowed", "passed": True, "computed": True, "fact": "not an appeal"},
        ],
        "finding": "supported",
        "problem": "serious_quality",
        "remedy": {"type": "return_and_refund", "amount": "19.99", "currency": "GBP", "return_required": True,
                   "return_exemption": None, "refund_route": "original_payment", "shipping_borne_by": "seller"},
        "liability": "seller",
        "deadlines": [
            {"id": "seller_execute", "party": "seller", "due": "2025-03-07T10:00:00+00:00",
             "on_miss": "auto_deduction", "rule": "48 h after the decision"},
            {"id": "buyer_return_ship", "party": "buyer", "due": "2025-03-10T10:00:00+00:00",
             "on_miss": "return_closes", "rule": "5 days after return approval, with tracking uploaded"},
            {"id": "seller_confirm_receipt", "party": "seller", "due": None, "on_miss": "deemed_delivered",
             "rule": "8 days after the buyer uploads the return tracking number; the seller may extend "
                     "once by 4 days"},
            {"id": "appeal_window", "party": "buyer", "due": "2025-03-07T10:00:00+00:00",
             "on_miss": "appeal_closed", "rule": "one appeal within 2 days of the decision"},
        ],
        "evidence_considered": ["E1", "E2"],
        "evidence_excluded": [{"id": "E3", "reason": "not_requested"}],
        "appeals": {"buyer_remaining": 2, "buyer_max": 2, "seller": "ticket"},
        "sea_refund_without_return": False,
        "seller_conduct": {"replied_within_72h": True, "professional_language": True, "no_ads_or_links": False},
        "rationale": "E1 shows the crack; the seller's message M3 does not address it.",
        "rationale_cites": ["E1", "M3"],
        "reviewer": "r.chen",
        "decided_at": "2025-03-05T10:00:00+00:00",
        "time_zone": "Europe/London",
    }
    data.update(copy.deepcopy(overrides))
    return data


def declined_record(gates: tuple[str, ...] = ("J2_in_time",), **overrides: Any) -> dict[str, Any]:
    base = record()
    for gate in base["jurisdiction"]:
        if gate["id"] in gates:
            gate["passed"] = False
            if gate["id"] == "J2_in_time":
                gate["fact"] = "claim submitted 12 days after delivery; the limit is 7 days"
            if gate["id"] == "J3_not_settled":
                gate["fact"] = "the parties recorded a settlement"
    base.update({
        "outcome": "declined", "derived_outcome": "declined", "decline_reasons": list(gates),
        "finding": None, "problem": None,
        "remedy": {"type": "none", "amount": "0.00", "currency": "GBP", "return_required": False,
                   "return_exemption": None, "refund_route": None, "shipping_borne_by": None},
        "liability": None,
        "deadlines": [
            {"id": "appeal_window", "party": "buyer", "due": "2025-03-07T10:00:00+00:00",
             "on_miss": "appeal_closed", "rule": "one appeal within 2 days of the decision"},
        ],
        "evidence_considered": [], "evidence_excluded": [],
        "seller_conduct": None,
        "rationale": "", "rationale_cites": [],
    })
    base.update(copy.deepcopy(overrides))
    return base


def seller_favoured_record(**overrides: Any) -> dict[str, Any]:
    base = record(
        outcome="seller_favoured", derived_outcome="seller_favoured", finding="contradicted", problem=None,
        remedy={"type": "none", "amount": "0.00", "currency": "GBP", "return_required": False,
                "return_exemption": None, "refund_route": None, "shipping_borne_by": None},
        liability=None, deadlines=[
            {"id": "appeal_window", "party": "buyer", "due": "2025-03-07T10:00:00+00:00",
             "on_miss": "appeal_closed", "rule": "one appeal within 2 days of the decision"}],
        rationale="E2 shows the mug intact and well packed before dispatch; E1 does not show the same item.",
        rationale_cites=["E2", "E1"],
    )
    base.update(copy.deepcopy(overrides))
    return base


def english_case(**overrides: Any):
    return case_from_dict(case_dict(**overrides))


# ------------------------------------------------------------------------------------------ Chinese (Douyin)
def zh_case_dict(**overrides: Any) -> dict[str, Any]:
    data = case_dict()
    data.update({
        "case_id": "DY-CN-TEST-0002",
        "platform": "douyin",
        "region": "CN",
        "language": "zh-CN",
        "opened_at": "2025-03-04T09:00:00+08:00",
    })
    data["order"].update({
        "order_id": "6920001234567", "currency": "CNY", "total_paid": "129.00", "shipping_fee": "0.00",
        "payment_method": "wallet",
        "items": [{"sku": "TEA-01", "title": "青花瓷茶具套装(一壶四杯)", "quantity": 1, "unit_price": "129.00",
                   "custom_made": False, "no_reason_return_eligible": True}],
    })
    data["order"]["logistics"]["carrier"] = "顺丰速运"
    data["order"]["logistics"]["tracking_no"] = "SF1234567890123"
    data["buyer"] = {"id": "B-88", "display_name": "张小明", "phone": "13812345678",
                     "address": "广东省深圳市南山区科技园路1号3栋502室", "email": "zhangxm@example.cn"}
    data["seller"] = {"id": "S-99", "shop_name": "景德镇瓷韵旗舰店", "phone": "13987654321",
                      "email": "service@ciyun.example.cn"}
    data["claim"].update({"type": "damaged", "requested_remedy": "return_and_refund", "amount": "129.00",
                          "reason_text": "收到时茶壶壶嘴已经碎裂,外包装有明显挤压痕迹。",
                          "submitted_at": "2025-02-25T09:00:00+08:00"})
    descriptions = {"E1": "开箱视频截图:壶嘴碎裂", "E2": "发货前打包照片", "E3": "买家补充的购物小票"}
    for item in data["evidence"]:
        item["description"] = descriptions[item["id"]]
    data.update(copy.deepcopy(overrides))
    return data


def zh_case(**overrides: Any):
    return case_from_dict(zh_case_dict(**overrides))


def zh_record(**overrides: Any) -> dict[str, Any]:
    base = record(
        case_id="DY-CN-TEST-0002",
        policy={"id": "douyin", "version": "2025.06"},
        problem="damaged",
        remedy={"type": "return_and_refund", "amount": "129.00", "currency": "CNY", "return_required": True,
                "return_exemption": None, "refund_route": "original_payment", "shipping_borne_by": "seller"},
        liability="carrier",
        deadlines=[
            {"id": "seller_execute", "party": "seller", "due": "2025-03-07T10:00:00+08:00",
             "on_miss": "auto_agree", "rule": "48 h after the decision"},
            {"id": "buyer_return_ship", "party": "buyer", "due": "2025-03-12T10:00:00+08:00",
             "on_miss": "return_closes", "rule": "7 days to fill in the return tracking number"},
            {"id": "seller_confirm_receipt", "party": "seller", "due": None, "on_miss": "auto_confirm",
             "rule": "7 days after the buyer uploads the return logistics"},
            {"id": "appeal_window", "party": "buyer", "due": "2025-03-07T10:00:00+08:00",
             "on_miss": "appeal_closed", "rule": "one appeal within 2 days of the decision"},
        ],
        rationale="E1 开箱视频截图清楚显示壶嘴碎裂;卖家在 M3 中仅称打包完好,未能说明运输途中的损坏。",
        decided_at="2025-03-05T10:00:00+08:00",
        time_zone="Asia/Shanghai",
    )
    base.update(copy.deepcopy(overrides))
    return base


# ------------------------------------------------------------------------------------------ a long case
LONG_RATIONALE_PARAGRAPH = (
    "The reviewer compared each item of evidence with the order record and the logistics events. "
    "The buyer's first submission shows the defect clearly and from several angles, and the seller's "
    "packing photographs do not show the part of the item where the defect appears. The conversation "
    "between the parties confirms when the buyer first reported the problem and how the seller replied. "
)


def long_case_and_record(n_evidence: int = 100, rationale_chars: int = 6000):
    data = case_dict(case_id="TTS-UK-LONG-0100")
    evidence = []
    for i in range(1, n_evidence + 1):
        party = "buyer" if i % 2 else "seller"
        evidence.append({
            "id": f"E{i}", "party": party, "submission": 1 if i <= 2 else 2,
            "submitted_at": f"2025-02-{25 + (i % 4):02d}T{(i % 24):02d}:00:00+00:00",
            "requested": True, "kind": ("photo", "screenshot", "document", "video", "tracking")[i % 5],
            "file": f"evidence/E{i}.jpg", "sha256": hashlib.sha256(f"file {i}".encode()).hexdigest(),
            "media_type": "image/jpeg",
            "description": f"Item {i}: " + ("close-up of the handle and the rim, " * (1 + i % 4)).strip(", "),
        })
    data["evidence"] = evidence
    rationale = ""
    while len(rationale) < rationale_chars:
        rationale += LONG_RATIONALE_PARAGRAPH + (" See E1, E2 and M3.\n\n" if len(rationale) % 3 == 0 else "")
    considered = [e["id"] for e in evidence[: n_evidence - 10]]
    excluded = [{"id": e["id"], "reason": ("not_requested", "not_relevant", "not_authentic")[i % 3]}
                for i, e in enumerate(evidence[n_evidence - 10:])]
    rec = record(case_id="TTS-UK-LONG-0100", evidence_considered=considered, evidence_excluded=excluded,
                 rationale=rationale, rationale_cites=["E1", "E2", "M3", "M99"])
    return case_from_dict(data), rec
