"""The bundled sample cases (resources/samples, written by scripts/make_samples.py).

Every sample must be a valid bundle with matching hashes, the generator must be byte-for-byte deterministic,
and the set must cover what the GUI, the rules and the notices need to be exercised on.
"""
from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
import sys
import zipfile
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from arbiter.domain.model import ClaimType
from arbiter.domain.parse import case_from_dict

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
ANSWERS = ROOT / "resources" / "sample-answers"
GENERATOR = ROOT / "scripts" / "make_samples.py"

SAMPLE_PATHS = sorted(SAMPLES.glob("*.arbcase"))
NAMES = [p.name[: -len(".arbcase")] for p in SAMPLE_PATHS]


def _no_float(value: str):
    raise AssertionError(f"float {value} in JSON: money and numbers must be strings or integers")


def load_json(raw: bytes):
    return json.loads(raw.decode("utf-8"), parse_float=_no_float)


def open_sample(name: str):
    path = SAMPLES / f"{name}.arbcase"
    with zipfile.ZipFile(path) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
        names = [info.filename for info in zf.infolist()]
    data = load_json(members["case.json"])
    answers = load_json((ANSWERS / f"{name}.answers.json").read_bytes())
    return names, members, data, answers


@pytest.fixture(scope="module")
def all_samples():
    return {name: open_sample(name) for name in NAMES}


def ts(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    assert parsed.tzinfo is not None, value
    return parsed


def test_at_least_eight_samples_each_with_answers():
    assert len(SAMPLE_PATHS) >= 8
    assert sorted(p.name[: -len(".answers.json")] for p in ANSWERS.glob("*.answers.json")) == NAMES


def test_total_size_is_modest():
    assert sum(p.stat().st_size for p in SAMPLES.rglob("*") if p.is_file()) < 6 * 1024 * 1024


@pytest.mark.parametrize("name", NAMES)
def test_sample_is_a_valid_bundle(name):
    names, members, data, _ = open_sample(name)
    assert len(names) == len(set(names)), "duplicate members in the archive"
    assert names[0] == "case.json"
    case = case_from_dict(json.loads(members["case.json"], parse_float=Decimal))
    assert case.case_id == data["case_id"]
    referenced = set()
    for ev in data["evidence"]:
        raw = members[ev["file"]]
        assert hashlib.sha256(raw).hexdigest() == ev["sha256"], ev["id"]
        assert len(raw) < 150 * 1024, f"{ev['file']} is {len(raw)} bytes"
        magic = {"image/jpeg": b"\xff\xd8\xff", "image/png": b"\x89PNG\r\n\x1a\n", "application/pdf": b"%PDF-"}
        assert raw.startswith(magic[ev["media_type"]]), ev["file"]
        if ev["media_type"].startswith("image/"):
            with Image.open(io.BytesIO(raw)) as img:
                img.verify()
        referenced.add(ev["file"])
    assert set(names) == referenced | {"case.json"}, "every member is case.json or a referenced evidence file"


@pytest.mark.parametrize("name", NAMES)
def test_timeline_is_realistic(name):
    _, _, data, answers = open_sample(name)
    order = data["order"]
    assert ts(order["placed_at"]) <= ts(order["paid_at"])
    if "shipped_at" in order:
        assert ts(order["placed_at"]) <= ts(order["shipped_at"])
    if "delivered_at" in order:
        assert ts(order["shipped_at"]) <= ts(order["delivered_at"]) <= ts(data["claim"]["submitted_at"])
    events = [ts(e["at"]) for e in order["logistics"]["events"]]
    assert events == sorted(events)
    after = data["after_sale"]
    assert ts(data["claim"]["submitted_at"]) <= ts(after["intervention_requested_at"]) <= ts(data["opened_at"])
    if after.get("seller_responded_at"):
        assert ts(data["claim"]["submitted_at"]) <= ts(after["seller_responded_at"])
    for log in data["chat_logs"]:
        times = [ts(m["at"]) for m in log["messages"]]
        assert times == sorted(times)
    decided = ts(answers["decided_at"])
    assert decided > ts(data["opened_at"])
    assert all(decided > ts(e["submitted_at"]) for e in data["evidence"])
    assert all(decided > ts(m["at"]) for log in data["chat_logs"] for m in log["messages"])
    assert Decimal(order["total_paid"]) >= sum(Decimal(i["unit_price"]) * i["quantity"] for i in order["items"])


@pytest.mark.parametrize("name", NAMES)
def test_answers_are_complete_and_consistent(name):
    _, _, data, answers = open_sample(name)
    assert ts(answers["decided_at"])
    assert answers["reviewer"]
    assert set(answers["jurisdiction"]) == {"J1_platform_order", "J4_actual_consumer", "J5_valid_transaction",
                                            "J6_unresolved"}
    assert set(answers["evidence"]) == {e["id"] for e in data["evidence"]}
    assert set(answers["evidence"].values()) <= {"admissible", "not_authentic", "not_relevant"}
    assert answers["override"] is None
    if "finding" in answers:
        assert answers["finding"] in {"supported", "contradicted", "insufficient"}
        assert Decimal(answers["amount"]) <= Decimal(data["order"]["total_paid"])
        if answers["finding"] == "supported":
            assert answers["problem"] and answers["remedy"] != "none"
            assert Decimal(answers["amount"]) > 0
        else:
            assert answers["remedy"] == "none" and answers["amount"] == "0.00"
    cited = set(re.findall(r"(?<![A-Za-z0-9])([EMPS]\d+)(?![0-9])", answers["rationale"]))
    known = {e["id"] for e in data["evidence"]} | {m["id"] for log in data["chat_logs"] for m in log["messages"]}
    assert cited, "the rationale cites evidence or messages"
    assert cited <= known, cited - known


def test_generator_is_deterministic(tmp_path):
    for out in ("a", "b"):
        subprocess.run([sys.executable, str(GENERATOR), "--out", str(tmp_path / out)], check=True,
                       capture_output=True)
    a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert a == b and len(a) >= 16
    for rel in a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel
    # the committed samples are the same cases (bytes of drawn images may differ between library versions)
    assert sorted(p.name for p in (tmp_path / "a" / "samples").iterdir()) == sorted(p.name for p in SAMPLE_PATHS)
    for rel in a:
        if rel.parts[0] == "sample-answers":
            assert (tmp_path / "a" / rel).read_bytes() == (ROOT / "resources" / rel).read_bytes(), rel


def test_coverage(all_samples):
    cases = {name: s[2] for name, s in all_samples.items()}
    answers = {name: s[3] for name, s in all_samples.items()}
    values = list(cases.values())
    assert {c["platform"] for c in values} == {"tiktok_shop", "douyin"}
    assert {"zh-CN", "en"} <= {c["language"] for c in values}
    assert {"UK", "US", "MY", "CN"} <= {c["region"] for c in values}
    assert {c["claim"]["type"] for c in values} == {t.value for t in ClaimType}
    problems = {a.get("problem") for a in answers.values()}
    assert {"serious_quality", "minor_quality", "lost", "damaged", "wrong_item", "counterfeit", "not_as_described",
            "no_reason_return"} <= problems
    assert {a.get("finding") for a in answers.values()} >= {"supported", "contradicted", None}
    assert any(i["custom_made"] for c in values for i in c["order"]["items"])
    assert any(c["order"]["payment_method"] == "cod" for c in values)
    assert any(c["order"]["currency"] == "MYR" and c["region"] == "MY" and c["platform"] == "tiktok_shop"
               and c["order"]["cross_border"] and ts(c["order"]["placed_at"]).date() >= datetime(2025, 1, 8).date()
               for c in values)

    def is_appeal(c):
        a = c["after_sale"]
        return (a.get("previous_appeals", 0) == 1 and a.get("previous_decision_at")
                and ts(a["intervention_requested_at"]) - ts(a["previous_decision_at"]) <= timedelta(days=2))
    assert any(is_appeal(c) for c in values)

    def late_douyin(c):
        a = c["after_sale"]
        return (c["platform"] == "douyin" and a["seller_response"] == "rejected"
                and ts(a["intervention_requested_at"]) - ts(a["seller_responded_at"]) > timedelta(hours=48))
    assert any(late_douyin(c) for c in values)
    assert any(c["after_sale"]["settled_between_parties"] for c in values)
    assert sum("finding" not in a for a in answers.values()) >= 2  # the declined ones stop at the gates

    evidence = [e for c in values for e in c["evidence"]]
    assert any(e["submission"] >= 2 and not e["requested"] for e in evidence)
    assert any(e["submission"] >= 2 and e["requested"] for e in evidence)
    assert {"image/jpeg", "image/png", "application/pdf"} <= {e["media_type"] for e in evidence}
    assert any(e["kind"] == "screenshot" and e["media_type"] == "image/png" for e in evidence)
    assert any(m.get("attachments") for c in values for log in c["chat_logs"] for m in log["messages"])

    exif_found = False
    for name, (_, members, data, _) in all_samples.items():
        for e in data["evidence"]:
            if e["media_type"] == "image/jpeg":
                with Image.open(io.BytesIO(members[e["file"]])) as img:
                    exif = img.getexif()
                    if exif.get(0x010F) and exif.get(0x0110) and exif.get_ifd(0x8769).get(0x9003):
                        exif_found = True
    assert exif_found

    missing = edited = False
    for c in values:
        by_channel: dict[str, dict[str, dict[str, str]]] = {}
        for log in c["chat_logs"]:
            by_channel.setdefault(log["channel"], {})[log["owner"]] = {m["id"]: m["text"] for m in log["messages"]}
        for copies in by_channel.values():
            if "buyer" in copies and "seller" in copies:
                b, s = copies["buyer"], copies["seller"]
                missing |= bool(set(b) ^ set(s))
                edited |= any(b[k] != s[k] for k in set(b) & set(s))
    assert missing and edited

    assert any(len(c["evidence"]) >= 12 and sum(len(l["messages"]) for l in c["chat_logs"]) >= 55 for c in values)


@pytest.mark.parametrize("name", NAMES)
def test_sample_loads_with_read_bundle(name):
    from arbiter.bundle import read_bundle

    loaded = read_bundle(SAMPLES / f"{name}.arbcase")
    _, _, data, _ = open_sample(name)
    assert loaded.case.case_id == data["case_id"]
    assert set(loaded.files) == {e["file"] for e in data["evidence"]}
    assert not loaded.ignored


# name -> (outcome, remedy type, amount, liability, return_exemption, refund_route); docs/samples.md says the same
EXPECTED = {
    "tts-uk-mug-crack": ("buyer_favoured", "return_and_refund", "19.98", "seller", None, "original_payment"),
    "tts-us-parcel-lost": ("buyer_favoured", "refund_only", "37.79", "carrier", None, "original_payment"),
    "tts-us-earbuds-appeal": ("seller_favoured", "none", "0.00", None, None, None),
    "tts-uk-serum-counterfeit": ("buyer_favoured", "return_and_refund", "28.49", "seller", "counterfeit",
                                 "original_payment"),
    "tts-my-cable-wrong-item": ("buyer_favoured", "refund_only", "45.90", "seller", None, "original_payment"),
    "tts-uk-cushion-settled": ("declined", "none", "0.00", None, None, None),
    "dy-cn-teaset-damaged-cod": ("buyer_favoured", "return_and_refund", "168.00", "carrier", "damaged",
                                 "cod_seller_refund"),
    "dy-cn-tumbler-custom": ("buyer_favoured", "return_and_refund", "89.00", "seller", "custom_made",
                             "original_payment"),
    "dy-cn-tshirt-minor": ("partial", "partial_refund", "15.00", "shared", None, "original_payment"),
    "dy-cn-dress-no-reason": ("buyer_favoured", "return_and_refund", "299.00", "buyer", None, "original_payment"),
    "dy-cn-speaker-late": ("declined", "none", "0.00", None, None, None),
    "dy-cn-phone-screen-large": ("buyer_favoured", "return_and_refund", "1999.00", "seller", None,
                                 "original_payment"),
    "tts-th-scarf-thai": ("buyer_favoured", "return_and_refund", "630.00", "seller", None, "original_payment"),
    # rules revision 2 (policy 2026.11)
    "dy-cn-kettle-appeal": ("buyer_favoured", "return_and_refund", "159.00", "seller", None, "original_payment"),
    "tts-uk-lamp-appeal-declined": ("declined", "none", "0.00", None, None, None),
    "tts-us-blanket-late-supplement": ("buyer_favoured", "return_and_refund", "89.99", "seller", None,
                                       "original_payment"),
    "dy-cn-ricecooker-cod-return": ("buyer_favoured", "return_and_refund", "299.00", "seller", None,
                                    "cod_seller_refund"),
    "tts-uk-glassware-multiline": ("buyer_favoured", "return_and_refund", "25.80", "seller", None,
                                   "original_payment"),
    # evidence forensics (scripts/samples_forensics.py)
    "tts-uk-lamp-box-dented": ("buyer_favoured", "refund_only", "34.99", "carrier", None, "original_payment"),
    "tts-uk-lamp-box-reused": ("seller_favoured", "none", "0.00", None, None, None),
}

# name -> (deadline ids in order, evidence excluded) under rules revision 2; docs/samples.md says the same
EXPECTED_R2 = {
    "dy-cn-teaset-damaged-cod": (["seller_refund_proof"], []),
    "dy-cn-kettle-appeal": (["buyer_return_ship", "seller_confirm_receipt"], []),
    "tts-uk-lamp-appeal-declined": ([], []),
    "tts-us-blanket-late-supplement": (["seller_execute", "buyer_return_ship", "seller_confirm_receipt"],
                                       [{"id": "E4", "reason": "late"}]),
    "dy-cn-ricecooker-cod-return": (["seller_confirm_receipt", "seller_refund_proof"], []),  # already shipped
    "tts-uk-glassware-multiline": (["seller_execute", "buyer_return_ship", "seller_confirm_receipt"], []),
}


@pytest.mark.parametrize("name", sorted(EXPECTED_R2))
def test_r2_sample_deadlines_and_exclusions(name):
    from arbiter.bundle import read_bundle
    from arbiter.domain.checklist import decide
    from arbiter.policies import load_policy

    loaded = read_bundle(SAMPLES / f"{name}.arbcase")
    _, _, _, answers = open_sample(name)
    record = decide(loaded.case, load_policy(loaded.case.platform, loaded.case.region), answers)
    assert record["policy"]["version"] == "2026.11"
    deadlines, excluded = EXPECTED_R2[name]
    assert [d["id"] for d in record["deadlines"]] == deadlines
    assert record["evidence_excluded"] == excluded


def test_r2_samples_exercise_the_revision_2_fields(all_samples):
    cases = [s[2] for s in all_samples.values()]
    after = [c["after_sale"] for c in cases]
    assert any("appeal" in a and a["appeal"]["decision_appealed"].get("fingerprint") for a in after)
    assert any(len(a.get("previous_appeal_times", [])) == a.get("previous_appeals") == 1 for a in after)
    assert any(a.get("supplement_requests") for a in after)
    assert any(a.get("seller_offer") for a in after)
    assert any(e.get("request_id") for c in cases for e in c["evidence"])
    assert any(c["claim"].get("items") for c in cases)
    assert any(c.get("return_logistics", {}).get("tracking_uploaded_at") for c in cases)
    assert any(c["region"] == "TH" and c["language"] == "th" for c in cases)


@pytest.mark.parametrize("name", NAMES)
def test_sample_decides_as_documented(name):
    from arbiter.bundle import read_bundle
    from arbiter.domain.checklist import decide
    from arbiter.policies import load_policy

    loaded = read_bundle(SAMPLES / f"{name}.arbcase")
    _, _, _, answers = open_sample(name)
    record = decide(loaded.case, load_policy(loaded.case.platform, loaded.case.region), answers)
    remedy = record["remedy"]
    got = (record["outcome"], remedy["type"], remedy["amount"], record["liability"], remedy["return_exemption"],
           remedy["refund_route"])
    assert got == EXPECTED[name]
    assert record["sea_refund_without_return"] == (name == "tts-my-cable-wrong-item")
