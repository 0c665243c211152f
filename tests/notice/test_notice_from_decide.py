"""Notices from real ``decide()`` output: the shared test case, and every sample bundle with its answers."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from arbiter.domain.parse import case_from_dict
from arbiter.notice import write_notices
from arbiter.notice.render import fingerprint
from tests.factories import answers_dict, case_dict
from tests.notice import pdftools
from tests.notice.records import zh_case

from arbiter import policies
from arbiter.domain import checklist

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "resources" / "samples").glob("*.arbcase"))


def _check_pair(paths, case, record, lang):
    for path, copy in zip(paths, ("buyer", "seller")):
        text = pdftools.flat(path)
        assert case.case_id in text
        assert fingerprint(record) in text
        assert all(row["emb"] == "yes" for row in pdftools.fonts(path))
        assert pdftools.qpdf_check(path).returncode == 0
        for person in (case.buyer, case.seller):
            for value in (person.phone, person.email):
                if value:
                    assert value not in text, value
        if case.buyer.address:
            assert case.buyer.address not in text
        conduct = "Seller service standards" if lang == "en" else "卖家服务规范"
        assert (conduct in text) == (copy == "seller")
        for deadline in record["deadlines"]:
            if deadline["due"]:
                due = deadline["due"]
                # the date as printed: "7 March 2025, 10:00" / "2025年3月7日 10:00"
                from arbiter.notice import texts

                printed = texts.format_datetime(lang, texts.parse_ts(due), record["time_zone"])
                assert printed in text, printed


def test_notice_from_decide_english(tmp_path):
    case = case_from_dict(case_dict())
    policy = policies.load_policy(case.platform.value, case.region)
    answers = answers_dict(seller_conduct={"replied_within_72h": False, "professional_language": True,
                                           "no_ads_or_links": True})
    record = checklist.decide(case, policy, answers)
    paths = write_notices(case, record, tmp_path / "notice.pdf")
    _check_pair(paths, case, record, "en")
    text = pdftools.flat(paths.buyer)
    assert "Within 8 days of the buyer uploading the return tracking number" in text


def test_notice_from_decide_chinese(tmp_path):
    case = zh_case()
    policy = policies.load_policy(case.platform.value, case.region)
    answers = answers_dict(decided_at="2025-03-05T10:00:00+08:00", problem="damaged", damage_extent="complete",
                           amount="129.00")
    record = checklist.decide(case, policy, answers)
    paths = write_notices(case, record, tmp_path / "notice.pdf")
    _check_pair(paths, case, record, "zh")
    assert "2025年3月5日 10:00（北京时间 UTC+08:00）" in pdftools.flat(paths.buyer)  # decided at, parties' zone


def test_notice_from_decide_declined(tmp_path):
    data = case_dict()
    data["after_sale"]["settled_between_parties"] = True
    case = case_from_dict(data)
    policy = policies.load_policy(case.platform.value, case.region)
    record = checklist.decide(case, policy, answers_dict())
    assert record["outcome"] == "declined"
    paths = write_notices(case, record, tmp_path / "notice.pdf")
    text = pdftools.flat(paths.buyer)
    assert "agreed to settle the matter between themselves" in text
    assert "legal channels" in text


@pytest.mark.skipif(not SAMPLES, reason="resources/samples has no sample bundles yet")
@pytest.mark.parametrize("bundle", SAMPLES, ids=lambda p: p.stem)
def test_notice_for_each_sample(bundle, tmp_path):
    from arbiter.bundle import read_bundle

    answers_path = ROOT / "resources" / "sample-answers" / f"{bundle.stem}.answers.json"
    assert answers_path.exists(), f"every sample has an answers file: {answers_path.name}"
    loaded = read_bundle(bundle)
    case = loaded.case
    policy = policies.load_policy(case.platform.value, case.region)
    record = checklist.decide(case, policy, json.loads(answers_path.read_text("utf-8")))
    paths = write_notices(case, record, tmp_path / f"{bundle.stem}.pdf")
    lang = "zh" if case.language.lower().startswith("zh") else "en"
    _check_pair(paths, case, record, lang)


def test_later_event_deadline_is_worded_from_the_structured_rule_not_the_english_text(tmp_path):
    """seller_confirm_receipt counts from the buyer's tracking upload (003): no date, the rule instead. The
    notice words it from the record's `after`/`extension` fields, so rewording the English `rule` text (or a
    Chinese notice) cannot lose the 8 days or the 4-day extension."""
    case = case_from_dict(case_dict())
    policy = policies.load_policy(case.platform.value, case.region)
    record = checklist.decide(case, policy, answers_dict())
    confirm = next(d for d in record["deadlines"] if d["id"] == "seller_confirm_receipt")
    assert confirm["due"] is None and confirm["after"] == "8d" and confirm["extension"] == "4d"
    confirm["rule"] = "Reworded by the policy team."
    paths = write_notices(case, record, tmp_path / "notice.pdf")
    text = pdftools.flat(paths.buyer)
    assert "Within 8 days of the buyer uploading the return tracking number" in text
    assert "4 days" in text
