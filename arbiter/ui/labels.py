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
