"""Display names for stored codes (status, platform, claim type), translated at call time so a language switch
shows at once. Unknown codes are shown as they are."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

STATUSES = ("new", "in_review", "awaiting_evidence", "decided", "signed", "amended", "flagged")
PLATFORMS = ("tiktok_shop", "douyin")
CLAIM_TYPES = ("not_received", "wrong_item", "damaged", "quality_issue", "not_as_described", "counterfeit",
               "missing_parts", "no_reason_return")
REGIONS = ("CN", "UK", "US", "DE", "MY", "TH", "VN", "PH", "SG", "ID")


def status(code: str) -> str:
    names = {
        "new": translate("Labels", "New"),
        "in_review": translate("Labels", "In review"),
        "awaiting_evidence": translate("Labels", "Awaiting evidence"),
        "decided": translate("Labels", "Decided"),
        "signed": translate("Labels", "Signed"),
        "amended": translate("Labels", "Amended"),
        "flagged": translate("Labels", "Flagged for supervisor"),
    }
    return names.get(code, code)


def evidence_kind(code: str) -> str:
    names = {
        "photo": translate("Labels", "photo"),
        "video": translate("Labels", "video"),
        "screenshot": translate("Labels", "screenshot"),
        "document": translate("Labels", "document"),
        "tracking": translate("Labels", "tracking"),
    }
    return names.get(code, code)


def platform(code: str) -> str:
    names = {"tiktok_shop": translate("Labels", "TikTok Shop"), "douyin": translate("Labels", "Douyin")}
    return names.get(code, code)


def claim_type(code: str) -> str:
    names = {
        "not_received": translate("Labels", "Not received"),
        "wrong_item": translate("Labels", "Wrong item"),
        "damaged": translate("Labels", "Damaged"),
        "quality_issue": translate("Labels", "Quality issue"),
        "not_as_described": translate("Labels", "Not as described"),
        "counterfeit": translate("Labels", "Counterfeit"),
        "missing_parts": translate("Labels", "Missing parts"),
        "no_reason_return": translate("Labels", "No-reason return"),
    }
    return names.get(code, code)


def region(code: str) -> str:
    names = {
        "CN": translate("Labels", "China"),
        "UK": translate("Labels", "United Kingdom"),
        "US": translate("Labels", "United States"),
        "DE": translate("Labels", "Germany"),
        "MY": translate("Labels", "Malaysia"),
        "TH": translate("Labels", "Thailand"),
        "VN": translate("Labels", "Vietnam"),
        "PH": translate("Labels", "Philippines"),
        "SG": translate("Labels", "Singapore"),
        "ID": translate("Labels", "Indonesia"),
    }
    return names.get(code, code)


# -- the review: parties, questions, outcomes and remedies (one place for the words of stored codes) ------------
def party(code) -> str:
    code = getattr(code, "value", code)
    names = {"buyer": translate("Labels", "buyer"), "seller": translate("Labels", "seller"),
             "platform": translate("Labels", "platform"), "carrier": translate("Labels", "carrier")}
    return names.get(code, str(code))


def channel(code: str) -> str:
    names = {"buyer_seller": translate("Labels", "buyer and seller"),
             "buyer_support": translate("Labels", "buyer and support"),
             "seller_support": translate("Labels", "seller and support")}
    return names.get(code, code)


def gate_short(gate_id: str) -> str:
    """``J1`` for ``J1_platform_order``: the spec's short name, never the internal id."""
    return gate_id.split("_", 1)[0]


def gate(gate_id: str) -> str:
    """The gate in words, as a short title: "J1 bought on this platform"."""
    names = {
        "J1_platform_order": translate("Labels", "bought on this platform"),
        "J2_in_time": translate("Labels", "applied in time"),
        "J3_not_settled": translate("Labels", "not settled between the parties"),
        "J4_actual_consumer": translate("Labels", "the buyer is the actual consumer"),
        "J5_valid_transaction": translate("Labels", "valid transaction"),
        "J6_unresolved": translate("Labels", "not already resolved"),
        "J7_no_legal_action": translate("Labels", "no legal proceedings"),
        "J8_appeal_allowed": translate("Labels", "appeal allowed"),
    }
    return f"{gate_short(gate_id)} {names.get(gate_id, '')}".strip()


def gate_question(gate_id: str) -> str:
    names = {
        "J1_platform_order": translate("Labels", "Were the goods bought on this platform?"),
        "J2_in_time": translate("Labels", "Did the buyer apply for intervention within the deadline?"),
        "J3_not_settled": translate("Labels", "Is the issue still unsettled between the parties?"),
        "J4_actual_consumer": translate("Labels", "Is the buyer the actual consumer?"),
        "J5_valid_transaction": translate("Labels", "Is the transaction valid?"),
        "J6_unresolved": translate("Labels", "Is the after-sale issue still unresolved?"),
        "J7_no_legal_action": translate("Labels", "Is the dispute free of legal proceedings?"),
        "J8_appeal_allowed": translate("Labels", "Is a review allowed (not an appeal, or within the appeal limits)?"),
    }
    return names.get(gate_id, gate(gate_id))


def outcome(code: str | None) -> str:
    names = {
        "declined": translate("Labels", "Declined: the platform does not intervene"),
        "buyer_favoured": translate("Labels", "In the buyer's favour"),
        "seller_favoured": translate("Labels", "In the seller's favour"),
        "partial": translate("Labels", "Partly in the buyer's favour (partial refund)"),
        None: translate("Labels", "not yet derived"),
    }
    return names.get(code, str(code))


def remedy(code: str | None) -> str:
    names = {
        "refund_only": translate("Labels", "Refund only"),
        "return_and_refund": translate("Labels", "Return and refund"),
        "replacement": translate("Labels", "Replacement"),
        "reship": translate("Labels", "Reship"),
        "partial_refund": translate("Labels", "Partial refund"),
        "none": translate("Labels", "No remedy"),
    }
    return names.get(code, str(code))


def problem(code: str) -> str:
    names = {
        "wrong_item": translate("Labels", "Wrong item (does not match the order)"),
        "serious_quality": translate("Labels", "Serious quality problem"),
        "minor_quality": translate("Labels", "Minor quality problem"),
        "damaged": translate("Labels", "Damaged in transit"),
        "lost": translate("Labels", "Lost in transit"),
        "counterfeit": translate("Labels", "Counterfeit"),
        "not_as_described": translate("Labels", "Not as described"),
        "missing_parts": translate("Labels", "Missing parts"),
        "no_reason_return": translate("Labels", "No-reason return"),
        "custom_made": translate("Labels", "custom-made item"),
        "sea_refund_without_return": translate("Labels", "South-East Asia refund without return"),
    }
    return names.get(code, code)


def damage_extent(code: str) -> str:
    names = {"complete": translate("Labels", "Completely damaged"),
             "partial": translate("Labels", "Partly damaged")}
    return names.get(code, code)


def liability(code: str | None) -> str:
    names = {
        "seller": translate("Labels", "seller"),
        "shared": translate("Labels", "shared between buyer and seller"),
        "carrier": translate("Labels", "carrier (logistics provider)"),
        "buyer": translate("Labels", "buyer (nobody at fault)"),
        None: translate("Labels", "none"),
    }
    return names.get(code, str(code))


def deadline(code: str) -> str:
    names = {
        "seller_execute": translate("Labels", "Seller carries out the decision"),
        "buyer_return_ship": translate("Labels", "Buyer ships the return"),
        "seller_confirm_receipt": translate("Labels", "Seller confirms receipt of the return"),
        "appeal_window": translate("Labels", "Appeal window"),
        "seller_cod_refund": translate("Labels", "Seller refunds cash on delivery"),
        "seller_refund_proof": translate("Labels", "Seller refunds and uploads proof"),
    }
    return names.get(code, code.replace("_", " "))


def refund_route(code: str) -> str:
    names = {"original_payment": translate("Labels", "refunded to the original payment method"),
             "cod_seller_refund": translate("Labels", "cash on delivery: the seller refunds and uploads proof")}
    return names.get(code, code)


def finding(code: str | None) -> str:
    """The reviewer's finding, worded as the checklist offers it."""
    names = {"supported": translate("Labels", "It supports the claim"),
             "contradicted": translate("Labels", "It contradicts the claim"),
             "insufficient": translate("Labels", "It does not establish the claimed problem")}
    return names.get(code, str(code))


def evidence_answer(code: str | None) -> str:
    """An evidence item's admissibility, as the checklist offers it."""
    names = {"admissible": translate("Labels", "Admissible"),
             "not_authentic": translate("Labels", "Not authentic"),
             "not_relevant": translate("Labels", "Not relevant"),
             "not_requested": translate("Labels", "Not requested"),
             "late": translate("Labels", "Submitted late")}
    return names.get(code, str(code))


def seller_conduct_question(code: str) -> str:
    names = {"replied_within_72h": translate("Labels", "Did the seller reply within 72 hours?"),
             "professional_language": translate("Labels", "Did the seller use professional language?"),
             "no_ads_or_links": translate("Labels", "Did the seller avoid advertising and third-party links?")}
    return names.get(code, code.replace("_", " "))


def yes_no(value) -> str:
    return translate("Labels", "Yes") if value else translate("Labels", "No")


def answer(qid: str, value) -> str:
    """The answer to a question (``question(qid)``) in words; "—" when there is none."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return yes_no(value)
    if qid.startswith("evidence."):
        return evidence_answer(value)
    words = {"finding": finding, "problem": problem, "remedy": remedy, "damage_extent": damage_extent,
             "override.outcome": outcome}.get(qid)
    return words(value) if words is not None else str(value)


def difference_type(code: str) -> str:
    """The type of a difference found in a blind re-review (``arbiter.domain.qa.difference_type``)."""
    names = {"jurisdiction": translate("Labels", "jurisdiction"),
             "admissibility": translate("Labels", "admissibility"),
             "finding": translate("Labels", "finding"),
             "remedy_or_amount": translate("Labels", "remedy or amount"),
             "deadline": translate("Labels", "deadline"),
             "rationale": translate("Labels", "rationale")}
    return names.get(code, code.replace("_", " "))


def severity(code: str | None) -> str:
    names = {"changes_outcome": translate("Labels", "changes the outcome"),
             "no_outcome_change": translate("Labels", "no change to the outcome"),
             None: translate("Labels", "same")}
    return names.get(code, str(code))


def question(qid: str) -> str:
    """A question id of the checklist (``jurisdiction.J1_platform_order``, ``evidence.E2``, ``finding``) in words."""
    if qid.startswith("jurisdiction."):
        return translate("Labels", "Jurisdiction {gate}").format(gate=gate(qid.split(".", 1)[1]))
    if qid.startswith("evidence."):
        return translate("Labels", "Evidence {id}").format(id=qid.split(".", 1)[1])
    if qid.startswith("seller_conduct."):
        return translate("Labels", "Seller conduct: {question}").format(
            question=seller_conduct_question(qid.split(".", 1)[1]))
    if qid.startswith("deadline."):
        return translate("Labels", "Deadline: {deadline}").format(deadline=deadline(qid.split(".", 1)[1]))
    names = {
        "finding": translate("Labels", "Finding"),
        "problem": translate("Labels", "Problem"),
        "damage_extent": translate("Labels", "Extent of the damage"),
        "remedy": translate("Labels", "Remedy"),
        "amount": translate("Labels", "Amount"),
        "rationale": translate("Labels", "Rationale"),
        "reviewer": translate("Labels", "Reviewer"),
        "decided_at": translate("Labels", "Decision time"),
        "override": translate("Labels", "Override"),
        "override.outcome": translate("Labels", "Override outcome"),
        "override.justification": translate("Labels", "Override justification"),
    }
    return names.get(qid, qid.replace("_", " "))


def describe_missing(qid: str) -> str:
    if qid.startswith("evidence."):
        return translate("Labels", "{question}: admissibility not decided.").format(question=question(qid))
    if qid == "override.justification":
        return translate("Labels", "Override: a written justification is required.")
    if qid == "rationale":
        return translate("Labels", "Rationale: write it and cite at least one evidence item or chat message by id.")
    return translate("Labels", "{question}: not answered.").format(question=question(qid))
