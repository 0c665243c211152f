"""ReviewSession on a real temporary SQLite database: answers, progress, autosaved drafts, sign blockers."""
from __future__ import annotations

import pytest

from tests import factories
from tests.ui.checklist_support import Env, open_everything

pytestmark = pytest.mark.gui

COMPUTED = {"J2_in_time": True, "J3_not_settled": True, "J7_no_legal_action": True, "J8_appeal_allowed": True}


@pytest.fixture
def env(tmp_path, qapp):
    e = Env(tmp_path)
    yield e
    e.close()


def complete_answers() -> dict:
    answers = factories.answers_dict()
    answers.pop("decided_at")
    answers["jurisdiction"].update(COMPUTED)
    return answers


def test_fresh_session_has_no_answers_and_lists_everything_missing(env):
    s = env.session()
    assert s.answers == {}
    assert s.opened_evidence == set() and s.chats_read == set()
    assert s.required_chat_keys() == {"buyer:buyer_seller", "seller:buyer_seller"}
    blockers = s.sign_blockers()
    text = "\n".join(blockers)
    assert "Jurisdiction J1 bought on this platform: not answered." in blockers
    assert not any("J2" in b for b in blockers)   # decided by the facts: nothing to confirm
    assert "Evidence E1 (buyer) has not been opened." in blockers
    assert "Evidence E2 (seller) has not been opened." in blockers
    assert "E3" not in text.replace("E3:", "")  # not requested: excluded by rule, need not be opened
    assert "The buyer's chat log (buyer and seller) has not been read to the end." in blockers
    assert "The seller's chat log (buyer and seller) has not been read to the end." in blockers


def test_set_answer_by_dotted_key_and_none_removes(env):
    s = env.session()
    s.set_answer("jurisdiction.J1_platform_order", True)
    assert s.answers == {"jurisdiction": {"J1_platform_order": True}}
    s.set_answer("jurisdiction.J1_platform_order", None)
    assert s.answers == {}


def test_autosave_is_debounced_and_restores_in_a_new_session(env, qtbot):
    s = env.session()
    with qtbot.waitSignal(s.saved, timeout=3000) as saved:
        s.set_answer("finding", "supported")
        s.set_answer("problem", "damaged")
        s.mark_evidence_opened("E1")
        s.mark_chat_read("buyer:buyer_seller")
        assert env.repo.load_draft(env.case_pk) is None   # not yet: debounced
    assert saved.args == [True]
    draft = env.repo.load_draft(env.case_pk)
    assert draft.answers == {"finding": "supported", "problem": "damaged"}
    assert draft.progress == {"opened_evidence": ["E1"], "chats_read": ["buyer:buyer_seller"]}

    env.reopen_repo()   # as after restarting the app
    again = env.session()
    assert again.answers == {"finding": "supported", "problem": "damaged"}
    assert again.opened_evidence == {"E1"}
    assert again.chats_read == {"buyer:buyer_seller"}


def test_flush_writes_at_once(env):
    s = env.session()
    s.set_answer("rationale", "E1 shows it")
    assert s.has_unsaved_changes
    assert s.flush()
    assert not s.has_unsaved_changes
    assert env.repo.load_draft(env.case_pk).answers == {"rationale": "E1 shows it"}


def test_assessment_previews_with_now_and_reviewer(env):
    s = env.session()
    s.answers = complete_answers()
    a = s.assessment()
    assert a.missing == () and a.errors == ()
    assert a.record["outcome"] == "buyer_favoured"
    assert a.record["reviewer"] == "r.chen"


def test_sign_blockers_empty_only_when_answered_opened_and_read(env):
    s = env.session()
    s.answers = complete_answers()
    s.mark_evidence_opened("E1")
    s.mark_chat_read("buyer:buyer_seller")
    s.mark_chat_read("seller:buyer_seller")
    assert s.sign_blockers() == ["Evidence E2 (seller) has not been opened."]
    s.mark_evidence_opened("E2")
    assert s.sign_blockers() == []


def test_amount_above_paid_is_a_blocker_in_words(env):
    s = env.session()
    s.answers = complete_answers()
    open_everything(s)
    s.set_answer("amount", "25.00")
    blockers = s.sign_blockers()
    assert any("25.00" in b and "19.99" in b for b in blockers), blockers


def test_citations_known_and_unknown(env):
    s = env.session()
    s.set_answer("rationale", "E1 shows it, M3 and E9; see also ISO 8601.")
    assert s.citations() == [("E1", True), ("M3", True), ("E9", False)]


def test_tampered_item_need_not_be_opened(env, monkeypatch):
    monkeypatch.setattr(type(env.repo), "tampered_evidence", lambda self, pk: frozenset({"E2"}))
    s = env.session()
    assert s.tampered == {"E2"}
    assert not any("E2 (seller)" in b for b in s.sign_blockers())


def test_sign_then_locked_and_amend_makes_second_verdict(env):
    s = env.session()
    s.answers = complete_answers()
    open_everything(s)
    row = s.sign()
    assert row.kind == "original" and s.is_locked
    with pytest.raises(PermissionError):
        s.set_answer("finding", "contradicted")
    s.begin_amendment("The seller's packing photo was misread.")
    assert s.is_amending and not s.is_locked
    s.set_answer("finding", "contradicted")
    s.set_answer("problem", None)
    s.set_answer("remedy", None)
    s.set_answer("amount", None)
    assert s.sign_blockers() == []
    amended = s.sign()
    history = env.repo.verdict_history(env.case_pk)
    assert [v.kind for v in history] == ["original", "amendment"]
    assert amended.reason == "The seller's packing photo was misread."
    assert env.repo.current_verdict(env.case_pk).record["outcome"] == "seller_favoured"


def test_amendment_in_progress_survives_reopening(env):
    s = env.session()
    s.answers = complete_answers()
    open_everything(s)
    s.sign()
    s.begin_amendment("A reason long enough")
    env.reopen_repo()
    again = env.session()
    assert again.is_amending and again.amendment_reason == "A reason long enough"


def test_the_session_records_review_seconds_in_the_progress(review_session, monkeypatch):
    """The time worked on a review is kept in the progress (issue 12 part 5: the median time per case), idle gaps
    capped, restored with the draft."""
    from arbiter.domain.review_clock import IDLE_CAP
    from arbiter.ui import session as session_module

    now = [1000.0]
    monkeypatch.setattr(session_module.time, "monotonic", lambda: now[0])
    review_session.clock.tick(now[0])
    before = review_session.clock.whole_seconds()
    for step in (40.0, 20.0, 7200.0):
        now[0] += step
        review_session.mark_evidence_opened("E1") if step == 40.0 else review_session.set_answer(
            "rationale", f"E1 shows it ({step})")
    assert review_session.progress()["review_seconds"] == before + 60 + int(IDLE_CAP)
    assert review_session.flush()
    restored = session_module.ReviewSession(review_session.repo, review_session.case_pk, review_session.signer)
    assert restored.progress()["review_seconds"] >= before + 60 + int(IDLE_CAP)
    restored._timer.stop()
