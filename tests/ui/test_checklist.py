"""The checklist panel driven through its real widgets (offscreen) on a real temporary SQLite database."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QButtonGroup, QMainWindow, QPlainTextEdit, QRadioButton

from arbiter.ui import checklist as cp
from arbiter.ui.checklist import dialogs
from arbiter.ui.amend_dialog import AmendDialog
from tests import factories
from tests.ui.checklist_support import Env, answer_supported_case, auto_confirm, choice, click, open_everything

pytestmark = pytest.mark.gui


@pytest.fixture
def env(tmp_path, qapp):
    e = Env(tmp_path)
    yield e
    e.close()


@pytest.fixture
def panel(env, qtbot):
    p = cp.ChecklistPanel(env.session())
    qtbot.addWidget(p)
    p.resize(600, 900)
    p.show()
    return p


def all_groups(panel) -> list[QButtonGroup]:
    groups = panel.findChildren(QButtonGroup)
    assert len(groups) == len(panel.choices)
    return groups


def test_no_answer_is_preselected(panel):
    groups = all_groups(panel)
    # J1, J4, J5, J6 (J2, J3, J7, J8 are decided by the facts), E1, E2 (E3 is excluded by rule), finding,
    # problem, damage extent, 3 seller conduct, override outcome, remedy
    assert len(groups) == 4 + 2 + 1 + 1 + 1 + 3 + 1 + 1
    assert all(g.checkedButton() is None for g in groups)
    assert not any(b.isChecked() for b in panel.findChildren(QRadioButton))
    assert not panel.override_check.isChecked()
    assert panel.amount_edit.text() == "" and panel.rationale_edit.toPlainText() == ""
    assert panel.session.answers == {}
    assert not panel.sign_button.isEnabled()


def test_both_parties_evidence_rows_get_the_same_choices(panel):
    buyer = [b.text() for b in panel.choices["evidence.E1"].buttons.values()]
    seller = [b.text() for b in panel.choices["evidence.E2"].buttons.values()]
    assert buyer == seller == ["Admissible", "Not authentic", "Not relevant"]
    assert "evidence.E3" not in panel.choices   # not requested: excluded by rule, no choice
    forced = panel.findChild(type(panel.banner), "forced:E3")
    assert "did not request" in forced.text()


def test_computed_gates_are_shown_decided_by_the_facts_without_a_click(panel):
    """checklist.md neutrality 2 (r2): J2, J3, J7, J8 are facts with their figures, not questions."""
    for gid in ("J2_in_time", "J3_not_settled", "J7_no_legal_action", "J8_appeal_allowed"):
        assert f"jurisdiction.{gid}" not in panel.choices
        assert panel.findChild(QRadioButton, f"choice:{gid}:True") is None
    facts = panel.gate_facts["J2_in_time"].text()
    assert "Decided by the facts: passes" in facts and "within 7 days" in facts
    assert not any("J2" in b or "J3" in b or "J7" in b or "J8" in b for b in panel.blockers)


def test_failed_computed_gate_declines_without_a_click(tmp_path, qtbot, qapp):
    data = factories.case_dict()
    data["after_sale"]["settled_between_parties"] = True
    env = Env(tmp_path, data)
    p = cp.ChecklistPanel(env.session())
    qtbot.addWidget(p)
    assert "Decided by the facts: fails" in p.gate_facts["J3_not_settled"].text()
    assert "Declined" in p.derived_label.text()
    assert "J3" in p.derived_label.text() and "J3_not_settled" not in p.derived_label.text()
    # a declined case has no remedy but "none"
    enabled = {code for code, b in p.choices["remedy"].buttons.items() if b.isEnabled()}
    assert enabled == {"none"}
    env.close()


def test_sign_disabled_while_one_admissible_item_is_unopened(panel, qtbot):
    s = panel.session
    answer_supported_case(qtbot, panel)
    s.mark_chat_read("buyer:buyer_seller")
    s.mark_chat_read("seller:buyer_seller")
    s.mark_evidence_opened("E1")
    assert not panel.sign_button.isEnabled()
    assert "Evidence E2 (seller) has not been opened." in panel.missing_label.text()
    assert "not opened yet" in panel.evidence_open_labels["E2"].text()
    s.mark_evidence_opened("E2")
    assert panel.sign_button.isEnabled(), panel.blockers
    assert "Nothing is missing" in panel.missing_label.text()


def test_sign_disabled_until_both_chats_read(panel, qtbot):
    s = panel.session
    answer_supported_case(qtbot, panel)
    for item in s.case.evidence:
        s.mark_evidence_opened(item.id)
    s.mark_chat_read("buyer:buyer_seller")
    assert not panel.sign_button.isEnabled()
    assert "seller's chat log" in panel.missing_label.text()
    s.mark_chat_read("seller:buyer_seller")
    assert panel.sign_button.isEnabled()


def test_amount_above_paid_is_refused(panel, qtbot):
    answer_supported_case(qtbot, panel, amount="25.00")
    open_everything(panel.session)
    assert panel.paid_label.text() == "of 19.99 GBP paid"
    assert panel.amount_error.isVisible()
    assert "19.99" in panel.amount_error.text()
    assert not panel.sign_button.isEnabled()
    # the validator refuses what is not an amount at all
    panel.amount_edit.clear()
    qtbot.keyClicks(panel.amount_edit, "1e5,7.123")
    assert panel.amount_edit.text() == "157.12"   # "e", "," and a third decimal refused
    panel.amount_edit.clear()
    qtbot.keyClicks(panel.amount_edit, "19.99")
    assert not panel.amount_error.isVisible()
    assert panel.sign_button.isEnabled(), panel.blockers


def test_remedy_is_constrained_by_the_outcome(panel, qtbot):
    click(qtbot, choice(panel, "finding", "contradicted"))
    for gid in ("J1_platform_order", "J4_actual_consumer", "J5_valid_transaction", "J6_unresolved"):
        click(qtbot, choice(panel, f"jurisdiction.{gid}", True))
    enabled = {code for code, b in panel.choices["remedy"].buttons.items() if b.isEnabled()}
    assert enabled == {"none"}
    assert not panel.amount_edit.isEnabled()
    click(qtbot, choice(panel, "finding", "supported"))
    enabled = {code for code, b in panel.choices["remedy"].buttons.items() if b.isEnabled()}
    assert enabled == {"refund_only", "return_and_refund", "replacement", "reship", "partial_refund"}
    assert choice(panel, "problem", "damaged").isEnabled()


def test_override_needs_justification_and_flags(panel, qtbot, monkeypatch):
    s = panel.session
    answer_supported_case(qtbot, panel)
    open_everything(s)
    assert panel.sign_button.isEnabled()
    click(qtbot, panel.override_check)
    assert panel.override_box.isVisible()
    assert "supervisor" in panel.override_warning.text()
    assert not choice(panel, "override.outcome", "buyer_favoured").isEnabled()   # what the rules derive
    assert not choice(panel, "override.outcome", "partial").isEnabled()          # that is a remedy choice
    click(qtbot, choice(panel, "override.outcome", "seller_favoured"))
    assert not panel.sign_button.isEnabled()
    assert "Override: a written justification is required." in panel.blockers
    # the remedy no longer fits the outcome: it is withdrawn with its amount, only "no remedy" is left
    assert s.answers.get("remedy") is None and s.answers.get("amount") is None
    assert {c for c, b in panel.choices["remedy"].buttons.items() if b.isEnabled()} == {"none"}
    qtbot.keyClicks(panel.justification_edit, "The crack is visible in the seller's packing photo E2 too.")
    assert panel.sign_button.isEnabled(), panel.blockers
    assert "supervisor" in panel.banner.text()
    auto_confirm(monkeypatch)
    click(qtbot, panel.sign_button)
    qtbot.waitUntil(lambda: s.is_locked, timeout=10_000)   # the writer stores it, off the GUI thread
    verdict = env_verdict(s)
    assert verdict.flagged_for_supervisor
    assert verdict.record["override"]["outcome"] == "seller_favoured"
    assert verdict.record["derived_outcome"] == "buyer_favoured"
    assert "Flagged for supervisor" in panel.signed_label.text()


def env_verdict(session):
    return session.repo.current_verdict(session.case_pk)


def test_rationale_citations_are_chips_that_open_the_item(panel, qtbot):
    qtbot.keyClicks(panel.rationale_edit, "E1 shows the crack, M3 is vague, E9 is made up")
    assert set(panel.chip_buttons) == {"E1", "M3", "E9"}
    assert "E9" in panel.citation_status.text() and "Unknown" in panel.citation_status.text()
    with qtbot.waitSignal(panel.session.citationRequested) as sig:
        qtbot.mouseClick(panel.chip_buttons["M3"], Qt.MouseButton.LeftButton)
    assert sig.args == ["M3"]
    with qtbot.assertNotEmitted(panel.session.citationRequested):
        qtbot.mouseClick(panel.chip_buttons["E9"], Qt.MouseButton.LeftButton)


def test_next_unanswered_shortcut_focuses_first_missing(panel, qtbot):
    panel.activateWindow()
    widget = panel.focus_next_unanswered()
    assert widget is choice(panel, "jurisdiction.J1_platform_order", True)
    click(qtbot, widget)
    qtbot.keyClick(panel, Qt.Key.Key_F8)
    assert panel.focus_next_unanswered() is choice(panel, "jurisdiction.J4_actual_consumer", True)
    answer_supported_case(qtbot, panel)
    panel.session.set_answer("rationale", None)
    assert isinstance(panel.focus_next_unanswered(), QPlainTextEdit)


def test_draft_restored_after_the_window_is_closed(env, qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = cp.ChecklistPanel(env.session())
    window.setCentralWidget(panel)
    window.show()
    click(qtbot, choice(panel, "jurisdiction.J1_platform_order", True))
    click(qtbot, choice(panel, "evidence.E2", "not_relevant"))
    click(qtbot, choice(panel, "finding", "insufficient"))
    qtbot.keyClicks(panel.rationale_edit, "E2 is a packing photo")
    panel.session.mark_evidence_opened("E1")
    window.close()   # no wait for the debounce: closing flushes

    env.reopen_repo()
    again = cp.ChecklistPanel(env.session())
    qtbot.addWidget(again)
    assert choice(again, "jurisdiction.J1_platform_order", True).isChecked()
    assert choice(again, "evidence.E2", "not_relevant").isChecked()
    assert choice(again, "finding", "insufficient").isChecked()
    assert again.choices["evidence.E1"].group.checkedButton() is None
    assert again.rationale_edit.toPlainText() == "E2 is a packing photo"
    assert "opened" in again.evidence_open_labels["E1"].text()


def sign_supported(panel, qtbot, monkeypatch):
    answer_supported_case(qtbot, panel)
    open_everything(panel.session)
    asked = auto_confirm(monkeypatch)
    qtbot.keyClick(panel.rationale_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked, "Ctrl+Return did not ask to sign"
    qtbot.waitUntil(lambda: panel.session.is_locked, timeout=10_000)   # stored by the writer thread


def test_signing_locks_the_form_and_amending_makes_a_second_verdict(panel, qtbot, monkeypatch):
    s = panel.session
    sign_supported(panel, qtbot, monkeypatch)
    verdict = env_verdict(s)
    assert verdict.kind == "original" and verdict.reviewer == "r.chen"
    text = panel.signed_label.text()
    assert "r.chen" in text and verdict.fingerprint in text and verdict.policy_version in text
    # nothing can be answered any more
    assert not any(b.isEnabled() for c in panel.choices.values() for b in c.buttons.values())
    assert panel.rationale_edit.isReadOnly() and not panel.amount_edit.isEnabled()
    assert not panel.sign_button.isVisible() and panel.amend_button.isVisible()
    qtbot.keyClicks(panel.rationale_edit, "changed")
    assert "changed" not in s.answers["rationale"]
    with pytest.raises(PermissionError):
        s.set_answer("finding", "contradicted")

    monkeypatch.setattr(dialogs, "ask_amendment_reason", lambda parent, summary: "E2 was misjudged on review.")
    click(qtbot, panel.amend_button)
    assert s.is_amending and "E2 was misjudged" in panel.banner.text()
    assert panel.sign_button.text() == "Sign amendment"
    click(qtbot, choice(panel, "remedy", "refund_only"))
    assert panel.sign_button.isEnabled(), panel.blockers
    click(qtbot, panel.sign_button)
    qtbot.waitUntil(lambda: s.is_locked, timeout=10_000)
    history = s.repo.verdict_history(s.case_pk)
    assert [v.kind for v in history] == ["original", "amendment"]
    assert history[1].reason == "E2 was misjudged on review."
    assert history[1].record["remedy"]["type"] == "refund_only"
    assert history[0].record["remedy"]["type"] == "return_and_refund"


def test_amend_dialog_needs_a_reason(qtbot):
    dialog = AmendDialog("Signed by r.chen")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "short")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, " but now long enough")
    assert dialog.ok_button.isEnabled()
    assert dialog.reason() == "short but now long enough"


def test_export_writes_both_notices_off_the_gui_thread(panel, qtbot, monkeypatch, tmp_path):
    import arbiter.notice

    sign_supported(panel, qtbot, monkeypatch)
    threads = []
    real = arbiter.notice.write_notices

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(arbiter.notice, "write_notices", spy)
    out = tmp_path / "out" / "OUT.pdf"
    out.parent.mkdir()
    monkeypatch.setattr(dialogs, "ask_export_path", lambda parent, suggested: str(out))
    assert panel.export_button.isVisible()
    with qtbot.waitSignal(panel.exportFinished, timeout=20000):
        click(qtbot, panel.export_button)
    assert threads and threads[0] is not threading.main_thread()
    assert out.read_bytes().startswith(b"%PDF")
    assert (tmp_path / "out" / "OUT.seller.pdf").read_bytes().startswith(b"%PDF")
    assert str(out) in panel.export_status.text() and "OUT.seller.pdf" in panel.export_status.text()


def test_export_failure_is_reported_in_plain_words(panel, qtbot, monkeypatch, tmp_path):
    sign_supported(panel, qtbot, monkeypatch)
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x")
    with qtbot.waitSignal(panel.exportFailed, timeout=20000):
        panel.export_notice(str(blocker / "OUT.pdf"))
    assert "could not be written" in panel.export_status.text()
    assert panel.export_button.isEnabled()


def test_export_shows_the_notice_warnings(panel, tmp_path):
    from arbiter.notice import NoticePaths

    warning = "1 character (U+1FAE8) no embedded font covers drawn as \ufffd (the replacement character)"
    panel._export_done(NoticePaths(tmp_path / "a.pdf", tmp_path / "a.seller.pdf", (warning,)))
    assert warning in panel.export_status.text()
    panel._export_done(NoticePaths(tmp_path / "a.pdf", tmp_path / "a.seller.pdf"))
    assert "⚠" not in panel.export_status.text()
