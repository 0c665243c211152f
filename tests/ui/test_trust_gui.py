"""Trust in the window (issue 11): the red banner when an opened case does not verify, the amber one when a newer
revision of a signed case arrived, no notice from a tampered verdict, Help > Verify database, File > Import
verdicts. Real widgets offscreen, a real SQLite file."""
from __future__ import annotations

import json

import pytest

from arbiter.signing import create_identity
from arbiter.store import import_bundle
from arbiter.ui import app as app_module
from arbiter.ui import trust_actions
from tests.factories import case_dict
from tests.store.helpers import drop_guard, execute, make_loaded, sign
from tests.ui.checklist_support import open_case

pytestmark = pytest.mark.gui


@pytest.fixture
def station(qtbot, tmp_path):
    me = create_identity("r.chen", "R. Chen")
    st = app_module.start(f"sqlite:///{tmp_path}/w.db", False)
    qtbot.addWidget(st.window)
    import_bundle(st.db, make_loaded(), actor="r.chen")
    st.window.refresh_queue()
    st.me = me
    yield st
    st.window.close()
    st.close()


def checked(qtbot, workspace):
    """Wait for the trust banner's check, which runs off the GUI thread (it re-hashes every evidence item)."""
    qtbot.waitUntil(lambda: not workspace.trust_banner.checking, timeout=20000)
    return workspace.trust_banner


def test_a_clean_case_shows_no_banner(station, qtbot):
    workspace = open_case(qtbot, station.window, 1)   # read off the GUI thread (ui/case_tabs.py)
    checked(qtbot, workspace)
    assert station.window.identity.id == "r.chen"
    assert not workspace.trust_banner.isVisible() and workspace.trust_banner.problems == []


def test_a_changed_case_json_shows_a_red_banner_naming_it(station, qtbot):
    with station.db.engine.connect() as conn:
        raw = bytes(conn.exec_driver_sql("SELECT case_json FROM case_revisions WHERE id = 1").scalar())
    execute(station.db, "UPDATE case_revisions SET case_json = :j WHERE id = 1",
            j=raw.replace(b'"amount": "19.99"', b'"amount": "0.01"'))
    workspace = open_case(qtbot, station.window, 1)   # read off the GUI thread (ui/case_tabs.py)
    checked(qtbot, workspace)
    banner = workspace.trust_banner
    assert banner.isVisibleTo(workspace) and banner.problem_label.isVisibleTo(workspace)
    assert "does not verify" in banner.problem_label.text()
    assert "case.json does not match its sha256" in banner.problem_label.text()


def test_a_tampered_verdict_exports_no_notice(station, qtbot, tmp_path):
    verdict = sign(station.repo, 1, station.me)
    drop_guard(station.db, "verdicts")
    execute(station.db, "UPDATE verdicts SET record = replace(record, '19.99', '99.99') WHERE id = :id",
            id=verdict.id)
    workspace = open_case(qtbot, station.window, 1)   # read off the GUI thread (ui/case_tabs.py)
    checked(qtbot, workspace)
    assert "record does not match its fingerprint" in workspace.trust_banner.problem_label.text()
    out = tmp_path / "n" / "OUT.pdf"
    with qtbot.waitSignal(workspace.checklist.exportFailed, timeout=20000):
        workspace.checklist.export_notice(str(out))
    assert not out.exists()
    assert "does not verify" in workspace.checklist.export_status.text()


def test_a_new_revision_of_a_signed_case_asks_to_confirm_and_the_notice_keeps_the_signed_facts(station, qtbot,
                                                                                               tmp_path):
    sign(station.repo, 1, station.me)
    newer = case_dict()
    newer["claim"] = dict(newer["claim"], reason_text="Revision 2: the buyer adds a sentence.")
    import_bundle(station.db, make_loaded(newer), actor="r.chen")
    workspace = open_case(qtbot, station.window, 1)   # read off the GUI thread (ui/case_tabs.py)
    checked(qtbot, workspace)
    banner = workspace.trust_banner
    assert banner.revision_row.isVisibleTo(workspace)
    assert "Revision 2" in banner.revision_label.text() and "revision 1" in banner.revision_label.text()
    out = tmp_path / "n" / "OUT.pdf"
    with qtbot.waitSignal(workspace.checklist.exportFinished, timeout=20000):
        workspace.checklist.export_notice(str(out))
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Revision 2: the buyer adds" not in text
    assert "r.chen" in text   # the signing identity, never the OS login
    keywords = PdfReader(out).metadata.get("/Keywords", "")
    assert "chain:" in keywords
    [export] = station.repo.notice_exports(1)
    assert export["files"]["buyer"]["name"] == "OUT.pdf" and not export["superseded"]
    banner.confirm_button.click()            # written on the single writer, then the case is checked again
    qtbot.waitUntil(lambda: not banner.revision_row.isVisibleTo(workspace), timeout=20000)
    assert station.repo.revision_state(1)["confirmed"]
    assert station.repo.verify().ok


def test_help_verify_database_runs_in_the_background(station, qtbot):
    drop_guard(station.db, "audit_events")
    execute(station.db, "UPDATE audit_events SET actor = 'someone else' WHERE seq = 1")
    dialog = trust_actions.verify_database(station.window)
    qtbot.waitUntil(lambda: dialog.finished_ok is not None, timeout=20000)
    assert dialog.finished_ok is False
    assert any("audit event 1" in line and "modified" in line for line in dialog.lines)
    assert "problems found" in dialog.summary.text()
    assert station.window.trust_actions["verify"] in station.window.menu_help.actions()


def test_file_import_verdicts_shows_each_outcome(station, qtbot, tmp_path):
    bad = tmp_path / "bad.arbverdict"
    bad.write_bytes(b"not a zip")
    dialog = trust_actions.import_verdicts(station.window, [str(bad)])
    qtbot.waitUntil(lambda: dialog.finished_ok is not None, timeout=20000)
    assert dialog.lines[0].startswith(f"refused: {bad}: ")
    assert "1 refused" in dialog.summary.text()
    names = [a.objectName() for a in station.window.menu_file.actions()]
    assert "actExportVerdicts" in names and "actImportVerdicts" in names
    _ = json


def test_file_export_verdicts_writes_the_packages(station, qtbot, tmp_path):
    sign(station.repo, 1, station.me)
    dialog = trust_actions.export_verdicts(station.window, str(tmp_path / "pk"))
    qtbot.waitUntil(lambda: dialog.finished_ok is not None, timeout=20000)
    assert dialog.finished_ok, dialog.lines
    assert [p.name for p in (tmp_path / "pk").iterdir()] == ["TTS-UK-TEST-0001.v1.arbverdict"]
    assert "1 verdict packages written" in dialog.summary.text()
    assert any(e.action == "verdicts.exported" for e in station.repo.audit_trail())


def test_the_check_on_opening_runs_off_the_gui_thread(station, qtbot, monkeypatch):
    """Verifying a case re-hashes every evidence item: the banner reads it through tasks.run, never on the GUI
    thread (it used to, right after the case itself had been read off it)."""
    import threading

    repo = station.window.repo
    threads = []
    for name in ("verify_case", "revision_state", "notice_exports"):
        real = getattr(repo, name)
        monkeypatch.setattr(repo, name, lambda *a, _r=real, _n=name, **k: threads.append(
            (_n, threading.current_thread() is threading.main_thread())) or _r(*a, **k))
    workspace = open_case(qtbot, station.window, 1)
    checked(qtbot, workspace)
    assert {n for n, _ in threads} == {"verify_case", "revision_state", "notice_exports"}
    assert [t for t in threads if t[1]] == []
