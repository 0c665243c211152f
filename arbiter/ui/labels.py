"""Display names for stored codes (status, platform, claim type), translated at call time so a language switch
shows at once. Unknown codes are shown as they are."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

STATUSES = ("new", "in_review", "decided", "signed", "amended", "flagged")
PLATFORMS = ("tiktok_shop", "douyin")
CLAIM_TYPES = ("not_received", "wrong_item", "damaged", "quality_issue", "not_as_described", "counterfeit",
               "missing_parts", "no_reason_return")
REGIONS = ("CN", "UK", "US", "DE", "MY", "TH", "VN", "PH", "SG", "ID")


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def status(code: str) -> str:
    names = {
        "new": _t("New"),
        "in_review": _t("In review"),
        "decided": _t("Decided"),
        "signed": _t("Signed"),
        "amended": _t("Amended"),
        "flagged": _t("Flagged for supervisor"),
    }
    return names.get(code, code)


def platform(code: str) -> str:
    names = {"tiktok_shop": _t("TikTok Shop"), "douyin": _t("Douyin")}
    return names.get(code, code)


def claim_type(code: str) -> str:
    names = {
        "not_received": _t("Not received"),
        "wrong_item": _t("Wrong item"),
        "damaged": _t("Damaged"),
        "quality_issue": _t("Quality issue"),
        "not_as_described": _t("Not as described"),
        "counterfeit": _t("Counterfeit"),
        "missing_parts": _t("Missing parts"),
        "no_reason_return": _t("No-reason return"),
    }
    return names.get(code, code)


def region(code: str) -> str:
    names = {"CN": _t("China"), "UK": _t("United Kingdom"), "US": _t("United States"), "DE": _t("Germany"),
             "MY": _t("Malaysia"), "TH": _t("Thailand"), "VN": _t("Vietnam"), "PH": _t("Philippines"),
             "SG": _t("Singapore"), "ID": _t("Indonesia")}
    return names.get(code, code)
