"""Issue 9, "Why": each example, tried as a reviewer would, with `arbiter decide` (a real process) under the
current policy version (2026.11, rules revision 2). One test per example."""
from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import assert_one_line_error, run
from tests.domain.conftest import douyin_changes, set_path
from tests.factories import answers_dict, case_dict, write_bundle


def bundle(tmp_path: Path, changes: dict, *, douyin: bool = False) -> Path:
    data = case_dict()
    for path, value in {**(douyin_changes() if douyin else {}), **changes}.items():
        set_path(data, path, value)
    return write_bundle(tmp_path / "case.arbcase", data)


def decide(tmp_path: Path, case: Path, **answer_changes):
    answers = answers_dict(**answer_changes)
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    return run("decide", str(case), "--answers", str(path), "--json")


def record_of(proc) -> dict:
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["policy"]["version"] == "2026.11"
    return record


def test_example_1_douyin_appeal_of_a_rejected_case_is_not_declined(tmp_path):
    case = bundle(tmp_path, {
        "after_sale.appeal": {"filed_at": "2025-03-06T09:00:00+08:00", "filed_by": "buyer",
                              "decision_appealed": {"decided_at": "2025-03-05T10:00:00+08:00"}},
        "after_sale.previous_appeal_times": [], "opened_at": "2025-03-06T09:30:00+08:00"}, douyin=True)
    record = record_of(decide(tmp_path, case, decided_at="2025-03-07T10:00:00+08:00", amount="199.00"))
    assert record["outcome"] == "buyer_favoured" and record["decline_reasons"] == []
    assert record["appeal"]["filed_at"] == "2025-03-06T09:00:00+08:00"


def test_example_2_no_pay_within_48h_on_a_return_nor_on_a_carriers_loss(tmp_path):
    record = record_of(decide(tmp_path, bundle(tmp_path, {})))
    execute = next(d for d in record["deadlines"] if d["id"] == "seller_execute")
    assert execute["action"] == "approve_return" and "refund itself follows" in execute["rule"]
    lost = bundle(tmp_path, {"claim.type": "not_received", "claim.requested_remedy": "refund_only"})
    record = record_of(decide(tmp_path, lost, problem="lost", remedy="refund_only"))
    assert record["liability"] == "carrier"
    assert [d["id"] for d in record["deadlines"]] == []
    assert "platform decides how the buyer is refunded" in record["remedy"]["note"]


def test_example_3_douyin_decision_prints_no_48h_system_agrees(tmp_path):
    record = record_of(decide(tmp_path, bundle(tmp_path, {}, douyin=True), decided_at="2025-03-05T10:00:00+08:00",
                              amount="199.00"))
    assert "seller_execute" not in [d["id"] for d in record["deadlines"]]
    assert "auto_agree" not in [d["on_miss"] for d in record["deadlines"]]
    plain = run("decide", str(tmp_path / "case.arbcase"), "--answers", str(tmp_path / "answers.json"))
    assert "seller_execute" not in plain.stdout


def test_example_4_a_dent_in_transit_does_not_exempt_the_return(tmp_path):
    case = bundle(tmp_path, {"claim.type": "damaged"})
    record = record_of(decide(tmp_path, case, problem="damaged", damage_extent="partial"))
    assert record["remedy"]["return_required"] is True and record["remedy"]["return_exemption"] is None
    record = record_of(decide(tmp_path, case, problem="damaged", damage_extent="complete"))
    assert record["remedy"]["return_exemption"] == "damaged"
    line = assert_one_line_error(decide(tmp_path, case, problem="damaged"), "damage_extent: missing answer")
    assert line.startswith("error: answers ")


def test_example_5_douyin_ineligible_no_reason_return_43_days_late_is_not_decided_for_the_buyer(tmp_path):
    case = bundle(tmp_path, {"claim.type": "no_reason_return", "order.items.0.no_reason_return_eligible": False,
                             "order.delivered_at": "2025-01-16T10:00:00+08:00",
                             "claim.submitted_at": "2025-02-28T10:00:00+08:00"}, douyin=True)
    line = assert_one_line_error(decide(tmp_path, case, problem="no_reason_return", amount="199.00",
                                        decided_at="2025-03-05T10:00:00+08:00"),
                                 "problem: no_reason_return cannot be found", "not eligible", "43 days")
    assert "(004)" in line


def test_example_5b_douyin_refund_including_postage_is_refused(tmp_path):
    case = bundle(tmp_path, {"order.shipping_fee": "12.00"}, douyin=True)
    assert_one_line_error(decide(tmp_path, case, amount="199.00", decided_at="2025-03-05T10:00:00+08:00"),
                          "amount: 199.00 is above the refund cap of 187.00 CNY", "postage")
    record = record_of(decide(tmp_path, case, amount="187.00", decided_at="2025-03-05T10:00:00+08:00"))
    assert record["remedy"]["postage_refunded"] is False


def test_example_6_the_two_day_appeal_rule_limits_the_count_not_the_time(tmp_path):
    late_but_first = bundle(tmp_path, {
        "after_sale.appeal": {"filed_at": "2025-03-08T10:00:00+00:00", "filed_by": "buyer",
                              "decision_appealed": {"decided_at": "2025-03-01T10:00:00+00:00"}},
        "after_sale.previous_appeals": 0, "after_sale.previous_appeal_times": [],
        "opened_at": "2025-03-08T11:00:00+00:00"})
    record = record_of(decide(tmp_path, late_but_first, decided_at="2025-03-09T10:00:00+00:00"))
    assert record["outcome"] == "buyer_favoured"
    assert record["appeals"] == {"buyer_remaining": 1, "buyer_max": 2, "seller": "ticket", "one_within": "2d",
                                 "period": None}
    second_within_two_days = bundle(tmp_path, {
        "after_sale.appeal": {"filed_at": "2025-03-02T10:00:00+00:00", "filed_by": "buyer",
                              "decision_appealed": {"decided_at": "2025-03-01T10:00:00+00:00"}},
        "after_sale.previous_appeals": 1, "after_sale.previous_appeal_times": ["2025-03-01T12:00:00+00:00"],
        "opened_at": "2025-03-02T11:00:00+00:00"})
    record = record_of(decide(tmp_path, second_within_two_days, decided_at="2025-03-03T10:00:00+00:00"))
    assert record["outcome"] == "declined" and record["decline_reasons"] == ["J8_appeal_allowed"]


def test_every_new_sample_gives_its_r2_decision():
    root = Path(__file__).resolve().parents[2] / "resources"
    expected = {"dy-cn-kettle-appeal": "buyer_favoured", "tts-uk-lamp-appeal-declined": "declined",
                "tts-us-blanket-late-supplement": "buyer_favoured", "dy-cn-ricecooker-cod-return": "buyer_favoured",
                "tts-uk-glassware-multiline": "buyer_favoured", "tts-th-scarf-thai": "buyer_favoured"}
    for name, outcome in expected.items():
        proc = run("decide", str(root / "samples" / f"{name}.arbcase"), "--answers",
                   str(root / "sample-answers" / f"{name}.answers.json"), "--json")
        assert record_of(proc)["outcome"] == outcome, name
