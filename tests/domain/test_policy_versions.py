"""Policy versions (docs/rules.md, "Policy versions"): every shipped version stays loadable and unchanged, and a
decision made under 2025.06 re-derives the very same record under 2025.06 later, after rules revision 2.

``golden_2025_06/*.json`` holds, for every sample as it was before revision 2, its case.json, its answers and the
record that the 2025.06 engine produced (written with the code of main at b84dac3, before any r2 change).
"""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from arbiter.domain.checklist import decide
from arbiter.domain.decision import fingerprint
from arbiter.domain.parse import case_from_dict
from arbiter.domain.policy import Duration, PolicyError
from arbiter.policies import (latest_version, load_policy, policy_data, policy_for_record, policy_ids,
                              policy_versions)
from arbiter.resources import resource_path

GOLDEN = sorted((Path(__file__).parent / "golden_2025_06").glob("*.json"))


def test_versions_are_folders_and_the_newest_is_revision_2():
    assert policy_versions()[:2] == ("2025.06", "2026.11")
    assert latest_version() == policy_versions()[-1]
    assert load_policy("tiktok_shop").version == latest_version()
    assert load_policy("tiktok_shop", version="2025.06").rules_revision == 1
    assert load_policy("tiktok_shop", version="2026.11").revision2


@pytest.mark.parametrize("version", ["2025.06", "2026.11"])
def test_every_policy_of_every_version_loads(version):
    for policy_id in policy_ids(version):
        platform, _, region = policy_id.partition(".")
        policy = load_policy(platform, region or None, version)
        assert (policy.id, policy.version) == (policy_id, version)


def test_unknown_version_is_refused_in_one_line():
    with pytest.raises(PolicyError) as err:
        load_policy("douyin", "CN", "1999.01")
    assert "no policy version '1999.01'" in str(err.value) and "\n" not in str(err.value)


def test_the_2025_06_files_are_as_shipped():
    """The 2025.06 set is frozen: same files, and their version says 2025.06 (a change is a new folder)."""
    folder = resource_path("policies", "2025.06")
    assert sorted(p.name for p in folder.glob("*.toml")) == [
        "douyin.toml", "tiktok_shop.ID.toml", "tiktok_shop.MY.toml", "tiktok_shop.PH.toml", "tiktok_shop.SG.toml",
        "tiktok_shop.TH.toml", "tiktok_shop.UK.toml", "tiktok_shop.VN.toml", "tiktok_shop.toml"]
    assert policy_data("douyin", version="2025.06")["deadlines"]["seller_execute"]["on_miss"] == "auto_agree"
    assert "rules_revision" not in policy_data("tiktok_shop", version="2025.06")


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_a_2025_06_record_re_derives_unchanged(path):
    golden = json.loads(path.read_text(encoding="utf-8"))
    case = case_from_dict(json.loads(json.dumps(golden["case"]), parse_float=Decimal))
    policy = policy_for_record(case, golden["record"])
    assert policy.version == "2025.06"
    record = decide(case, policy, golden["answers"])
    assert record == golden["record"]
    assert fingerprint(record) == fingerprint(golden["record"])


def test_golden_set_covers_the_samples():
    assert len(GOLDEN) >= 12


def test_policy_for_record_refuses_a_record_of_another_policy():
    golden = json.loads(GOLDEN[0].read_text(encoding="utf-8"))
    case = case_from_dict(json.loads(json.dumps(golden["case"]), parse_float=Decimal))
    record = dict(golden["record"], policy={"id": "tiktok_shop.XX", "version": "2025.06"})
    with pytest.raises(PolicyError):
        policy_for_record(case, record)


def test_revision_2_changes_the_record_of_the_same_answers():
    """The same case and answers under 2026.11: Douyin no longer prints the 48 h 'system agrees' deadline."""
    path = next(p for p in GOLDEN if p.stem == "dy-cn-tumbler-custom")
    golden = json.loads(path.read_text(encoding="utf-8"))
    case = case_from_dict(json.loads(json.dumps(golden["case"]), parse_float=Decimal))
    old = decide(case, load_policy("douyin", "CN", "2025.06"), golden["answers"])
    new = decide(case, load_policy("douyin", "CN", "2026.11"), golden["answers"])
    assert "seller_execute" in [d["id"] for d in old["deadlines"]]
    assert "seller_execute" not in [d["id"] for d in new["deadlines"]]
    assert new["policy"] == {"id": "douyin", "version": "2026.11"}


def test_working_days_are_a_revision_2_unit():
    assert load_policy("tiktok_shop", "UK", "2026.11").review_within == Duration(2, "wd")
    assert load_policy("tiktok_shop", "UK", "2025.06").review_within == Duration(2, "d")
