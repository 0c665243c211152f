"""Builders for valid cases and bundles, shared by the tests. Each test changes only what it is about.

``case_dict()`` is a complete, valid ``arbiter.case/1`` case.json (TikTok Shop UK, a cracked mug) as plain
JSON data; ``write_bundle()`` writes it with its evidence files as a folder or a ``.arbcase`` ZIP, filling in
the sha256 of every file it writes.
"""
from __future__ import annotations

import copy
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

from PIL import Image


def jpeg_bytes(color=(200, 80, 60), size=(64, 48)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "JPEG", quality=85)
    return buf.getvalue()


def png_bytes(color=(30, 120, 200), size=(40, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "PNG")
    return buf.getvalue()


def pdf_bytes() -> bytes:
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n"
            b"trailer<</Root 1 0 R>>\n%%EOF\n")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_BASE: dict[str, Any] = {
    "format": "arbiter.case/1",
    "case_id": "TTS-UK-TEST-0001",
    "platform": "tiktok_shop",
    "region": "UK",
    "language": "en",
    "opened_at": "2025-03-04T09:00:00+00:00",
    "order": {
        "order_id": "5770001234",
        "placed_at": "2025-02-20T18:00:00+00:00",
        "paid_at": "2025-02-20T18:01:00+00:00",
        "shipped_at": "2025-02-21T10:00:00+00:00",
        "delivered_at": "2025-02-24T14:00:00+00:00",
        "cross_border": False,
        "payment_method": "card",
        "currency": "GBP",
        "total_paid": "19.99",
        "shipping_fee": "2.99",
        "items": [
            {"sku": "MUG-01", "title": "Ceramic mug, 350 ml", "quantity": 1, "unit_price": "17.00",
             "custom_made": False, "no_reason_return_eligible": True}
        ],
        "logistics": {
            "carrier": "Royal Mail",
            "tracking_no": "RM123456789GB",
            "events": [
                {"at": "2025-02-21T10:00:00+00:00", "status": "picked_up", "detail": "Collected"},
                {"at": "2025-02-22T08:00:00+00:00", "status": "in_transit", "detail": "Hub"},
                {"at": "2025-02-24T14:00:00+00:00", "status": "delivered", "detail": "Left with resident"},
            ],
        },
    },
    "buyer": {"id": "B-1001", "display_name": "Alice W.", "phone": "+44 7700 900123",
              "address": "12 Example Road, London N1 2AB", "email": "alice@example.com"},
    "seller": {"id": "S-2001", "shop_name": "HomeGoods UK", "phone": "+44 20 7946 0000",
               "email": "support@homegoods.example"},
    "claim": {"type": "quality_issue", "requested_remedy": "return_and_refund", "amount": "19.99",
              "reason_text": "The mug arrived with a crack along the handle.",
              "submitted_at": "2025-02-25T09:00:00+00:00"},
    "after_sale": {"seller_response": "rejected", "seller_responded_at": "2025-02-26T09:00:00+00:00",
                   "intervention_requested_at": "2025-02-27T09:00:00+00:00",
                   "settled_between_parties": False, "legal_proceedings": False, "previous_appeals": 0},
    "evidence": [
        {"id": "E1", "party": "buyer", "submission": 1, "submitted_at": "2025-02-25T09:00:00+00:00",
         "requested": False, "kind": "photo", "file": "evidence/E1.jpg", "sha256": "", "media_type": "image/jpeg",
         "description": "Crack on the handle"},
        {"id": "E2", "party": "seller", "submission": 1, "submitted_at": "2025-02-26T09:00:00+00:00",
         "requested": False, "kind": "screenshot", "file": "evidence/E2.png", "sha256": "",
         "media_type": "image/png", "description": "Packing photo before dispatch"},
        {"id": "E3", "party": "buyer", "submission": 2, "submitted_at": "2025-03-01T09:00:00+00:00",
         "requested": False, "kind": "document", "file": "evidence/E3.pdf", "sha256": "",
         "media_type": "application/pdf", "description": "Unrequested receipt"},
    ],
    "chat_logs": [
        {"owner": "buyer", "channel": "buyer_seller", "messages": [
            {"id": "M1", "at": "2025-02-25T09:05:00+00:00", "sender": "buyer", "text": "The mug is cracked.",
             "attachments": ["E1"]},
            {"id": "M2", "at": "2025-02-25T12:00:00+00:00", "sender": "seller", "text": "Sorry, we will check."},
            {"id": "M3", "at": "2025-02-26T09:00:00+00:00", "sender": "seller", "text": "It was fine when packed."},
        ]},
        {"owner": "seller", "channel": "buyer_seller", "messages": [
            {"id": "M1", "at": "2025-02-25T09:05:00+00:00", "sender": "buyer", "text": "The mug is cracked.",
             "attachments": ["E1"]},
            {"id": "M3", "at": "2025-02-26T09:00:00+00:00", "sender": "seller", "text": "It was intact when packed."},
        ]},
    ],
}

DEFAULT_FILES: dict[str, bytes] = {}


def default_files() -> dict[str, bytes]:
    if not DEFAULT_FILES:
        DEFAULT_FILES.update({
            "evidence/E1.jpg": jpeg_bytes(),
            "evidence/E2.png": png_bytes(),
            "evidence/E3.pdf": pdf_bytes(),
        })
    return dict(DEFAULT_FILES)


def case_dict(**top_level_overrides: Any) -> dict[str, Any]:
    """A fresh deep copy of the valid base case with sha256 values filled in for the default files."""
    data = copy.deepcopy(_BASE)
    files = default_files()
    for item in data["evidence"]:
        item["sha256"] = sha256(files[item["file"]])
    data.update(copy.deepcopy(top_level_overrides))
    return data


def answers_dict(**overrides: Any) -> dict[str, Any]:
    data = {
        "decided_at": "2025-03-05T10:00:00+00:00",
        "reviewer": "r.chen",
        "jurisdiction": {"J1_platform_order": True, "J4_actual_consumer": True, "J5_valid_transaction": True,
                         "J6_unresolved": True},
        "evidence": {"E1": "admissible", "E2": "admissible"},
        "finding": "supported",
        "problem": "serious_quality",
        "remedy": "return_and_refund",
        "amount": "19.99",
        "rationale": "E1 shows the crack; the seller's message M3 does not address it.",
        "override": None,
    }
    data.update(copy.deepcopy(overrides))
    return data


def write_bundle(target: Path, data: dict[str, Any] | None = None, files: dict[str, bytes] | None = None,
                 *, as_zip: bool = True, case_json: bytes | None = None) -> Path:
    """Write a bundle. ``target`` is the .arbcase path (as_zip) or the folder. Returns it."""
    data = case_dict() if data is None else data
    files = default_files() if files is None else files
    raw = case_json if case_json is not None else json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    target = Path(target)
    if as_zip:
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("case.json", raw)
            for name, content in files.items():
                zf.writestr(name, content)
    else:
        target.mkdir(parents=True, exist_ok=True)
        (target / "case.json").write_bytes(raw)
        for name, content in files.items():
            path = target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    return target
