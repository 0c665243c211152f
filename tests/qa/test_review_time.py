"""Median review time on the scorecards (issue 12 part 5) for verdicts that came in verdict packages: it was "—"
because a package carried no timing and the fallback (first draft save to signature) reads the *local* audit
trail, which an imported verdict does not have. The workstation now records ``review_seconds`` in the review
progress (signed, carried by the package); ``demo build`` gives its reviewers a pace."""
from __future__ import annotations

import json
import zipfile
from datetime import datetime, timezone

from arbiter.domain.qa import scorecards
from arbiter.domain.review_clock import IDLE_CAP, ReviewClock
from arbiter.packages import build_package, import_packages, package_bytes
from arbiter.store import Repository, import_bundle
from arbiter.store.qa import QAStore
from tests.factories import answers_dict
from tests.store.helpers import make_loaded, signer, stored_inputs


def test_the_clock_counts_work_and_caps_idle_gaps():
    clock = ReviewClock()
    for t in (100.0, 130.0, 190.0):        # opened, then two changes
        clock.tick(t)
    assert clock.whole_seconds() == 90
    clock.tick(190.0 + 3600)              # an hour away from the desk counts as the cap
    assert clock.whole_seconds() == 90 + int(IDLE_CAP)
    again = ReviewClock(clock.whole_seconds())   # restored from the draft: the next session adds to it
    again.tick(0.0)
    again.tick(12.0)
    assert again.whole_seconds() == 90 + int(IDLE_CAP) + 12


def test_imported_verdicts_with_review_seconds_have_a_median(team_db, tmp_path):
    repo = Repository(team_db)
    import_bundle(team_db, make_loaded(), actor="boss")
    chen = signer()
    repo.register_key_card(chen.card, "boss")
    answers = answers_dict(reviewer=chen.id)
    record, progress = stored_inputs(repo, 1, answers)
    data = build_package(case_id="TTS-UK-TEST-0001", number=1, kind="original", reason=None, case_revision=1,
                         case_sha256=repo.load_case(1).case_sha256, supersedes=None, record=record,
                         answers=answers, progress=dict(progress, review_seconds=754),
                         signed_at=datetime(2025, 3, 5, tzinfo=timezone.utc), reviewer=chen, chain_head=None,
                         export_head=None)
    path = tmp_path / "v.arbverdict"
    path.write_bytes(package_bytes(data))
    assert [o.status for o in import_packages(team_db, [str(path)], actor="boss")] == ["accepted"]
    qa = QAStore(team_db)
    [facts] = qa.verdict_facts()
    assert facts.review_seconds == 754
    [card] = scorecards(qa.verdict_facts(), qa.review_outcomes(), qa.qa_settings())
    assert card.median_review_seconds == 754


def test_demo_build_packages_carry_each_reviewers_pace(tmp_path):
    from arbiter.demo import PACE_MINUTES, build_demo

    build_demo(tmp_path / "demo")
    seconds: dict[str, list[int]] = {}
    for path in sorted((tmp_path / "demo" / "verdicts").glob("*.arbverdict"))[:120]:
        with zipfile.ZipFile(path) as zf:
            data = json.loads(zf.read("verdict.json"))
        seconds.setdefault(data["reviewer"]["id"], []).append(data["progress"]["review_seconds"])
    assert set(seconds) == set(PACE_MINUTES)
    for who, values in seconds.items():
        assert all(isinstance(v, int) and 0.5 * 60 * PACE_MINUTES[who] <= v <= 2 * 60 * PACE_MINUTES[who]
                   for v in values), who
