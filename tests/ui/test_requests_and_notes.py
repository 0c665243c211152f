"""The Requests and Notes tabs of the case view on a real session over a real SQLite file: a supplement request
made through the dialog sets the case waiting and is exported for the platform; private notes are written,
edited and removed, and never reach a notice (read back with pdftotext), the decision record or the draft."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QDateTime

from arbiter.notice import write_notices
from arbiter.ui.case_view import CaseView
from arbiter.ui.supplement_dialog import SupplementRequestDialog
from tests.store.helpers import sign
from tests.notice.pdftools import text as pdf_text

pytestmark = pytest.mark.gui

SECRET = "PRIVATE-NOTE-7f3a: the seller's photo looks staged"


def _view(qtbot, session):
    view = CaseView(session)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_request_dialog_needs_a_party_and_text(qtbot):
    dialog = SupplementRequestDialog(now=datetime(2025, 3, 5, 10, 0).astimezone())
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    assert not dialog.buyer.isChecked() and not dialog.seller.isChecked()   # nothing pre-selected
    assert not ok.isEnabled()
    dialog.seller.setChecked(True)
    dialog.what.setPlainText("  Photo of the outer box  ")
    assert ok.isEnabled()
    party, what, due = dialog.values()
    assert (party, what) == ("seller", "Photo of the outer box")
    assert due.tzinfo is not None and due - datetime(2025, 3, 5, 10, 0).astimezone() == timedelta(days=3)


def test_request_makes_the_case_wait_and_exports(qtbot, review_session, repo, tmp_path):
    view = _view(qtbot, review_session)
    panel = view.requests
    due = datetime.now(timezone.utc) + timedelta(days=2)
    task = panel.submit("buyer", "Photo of the shipping label", due)
    qtbot.waitUntil(lambda: panel.open_count() == 1, timeout=10_000)
    assert task.error is None
    assert repo.load_case(review_session.case_pk).status == "awaiting_evidence"
    assert view.tabText(CaseView.REQUESTS) == "Requests (1 open)"
    assert panel.table.item(0, 0).text() == "ARB-R1" and panel.table.item(0, 4).text() == "open"
    assert any("waits for supplementary evidence (ARB-R1)" in b for b in review_session.sign_blockers())

    out = tmp_path / "out" / "requests.json"
    panel.export(str(out))
    qtbot.waitUntil(lambda: out.exists(), timeout=10_000)
    doc = json.loads(out.read_text("utf-8"))
    assert doc["format"] == "arbiter.supplement-requests/1"
    assert [(r["case_id"], r["id"], r["party"], r["what"]) for r in doc["requests"]] == [
        ("TTS-UK-TEST-0001", "ARB-R1", "buyer", "Photo of the shipping label")]

    panel.table.selectRow(0)
    panel.withdraw_selected()
    qtbot.waitUntil(lambda: panel.open_count() == 0 and panel.requests()[0].state == "withdrawn", timeout=10_000)
    assert repo.load_case(review_session.case_pk).status == "in_review"
    assert not any("supplementary evidence" in b for b in review_session.sign_blockers())


def test_notes_never_reach_the_notice_record_draft_or_package(qtbot, review_session, db, repo, tmp_path):
    view = _view(qtbot, review_session)
    notes = view.notes
    notes.editor.setPlainText(SECRET)
    notes.save()
    qtbot.waitUntil(lambda: len(notes.notes()) == 1, timeout=10_000)
    assert view.tabText(CaseView.NOTES) == "Notes (1)"
    notes.list.setCurrentRow(0)
    notes.edit_selected()
    notes.editor.setPlainText(SECRET + " (checked: it is not)")
    notes.save()
    qtbot.waitUntil(lambda: notes.notes() and notes.notes()[0].body.endswith("(checked: it is not)"),
                    timeout=10_000)
    assert "(edited)" in notes.list.item(0).text()
    assert len(repo.note_history(review_session.case_pk)) == 2

    # the review goes on and is signed; nothing of the note is in what leaves the workstation
    review_session.set_answer("finding", "supported")
    assert review_session.flush()
    sign(repo, review_session.case_pk)
    record = repo.current_verdict(review_session.case_pk).record
    paths = write_notices(review_session.case, record, tmp_path / "OUT.pdf")
    for pdf in (paths.buyer, paths.seller):
        body = pdf_text(pdf)
        assert "Ceramic mug" in body or "TTS-UK-TEST-0001" in body    # the text layer is readable
        assert "PRIVATE-NOTE" not in body and "staged" not in body
    stored = repo.current_verdict(review_session.case_pk)
    assert "PRIVATE-NOTE" not in stored.record_json
    draft = repo.load_draft(review_session.case_pk)
    assert "PRIVATE-NOTE" not in json.dumps([draft.answers, draft.progress], ensure_ascii=False)
    from arbiter.packages import export_verdicts

    lines, failures = export_verdicts(db, tmp_path / "packages", actor="r.chen")
    assert failures == [] and len(lines) == 1
    (package,) = (tmp_path / "packages").iterdir()
    import zipfile

    with zipfile.ZipFile(package) as zf:   # every member, decompressed
        blob = b"".join(zf.read(name) for name in zf.namelist())
    assert b"TTS-UK-TEST-0001" in blob and b"PRIVATE-NOTE" not in blob and b"staged" not in blob
    events = json.dumps([e.payload for e in repo.audit_trail(review_session.case_pk)], ensure_ascii=False)
    assert "PRIVATE-NOTE" not in events and events.count("body_sha256") == 2

    notes.list.setCurrentRow(0)
    notes.remove_selected()
    qtbot.waitUntil(lambda: notes.notes() == [], timeout=10_000)
    assert [n.body == "" for n in repo.note_history(review_session.case_pk)] == [False, False, True]


def test_the_queue_resumes_cases_whose_requests_fell_due(qtbot, review_session, repo):
    from arbiter.ui.queue_model import COL_STATUS, CODE_ROLE, QueueModel

    long_ago = datetime(2025, 3, 5, 10, 0, tzinfo=timezone.utc)
    repo.request_supplement(review_session.case_pk, "seller", "Invoice", long_ago + timedelta(days=1), "r.chen",
                            now=long_ago)        # fell due while the workstation was closed
    assert repo.load_case(review_session.case_pk).status == "awaiting_evidence"
    from tests.ui.queue_support import settled

    model = settled(qtbot, QueueModel(repo))
    # settled when the queue is read: the resume is a write on the writer thread, then the queue is read again
    assert model.index(0, COL_STATUS).data(CODE_ROLE) == "in_review"
    assert repo.supplement_requests(review_session.case_pk)[0].state == "expired"

    repo.request_supplement(review_session.case_pk, "buyer", "Label", long_ago + timedelta(days=2), "r.chen",
                            now=long_ago)
    settled(qtbot, model).refresh()
    settled(qtbot, model)
    # (the refresh itself settles it too; a request falling due while the queue is open is settled by tick)
    assert model.index(0, COL_STATUS).data(CODE_ROLE) == "in_review"
    repo.request_supplement(review_session.case_pk, "buyer", "Box", datetime.now(timezone.utc) + timedelta(seconds=1),
                            "r.chen")
    model.refresh()
    settled(qtbot, model)
    assert model.index(0, COL_STATUS).data(CODE_ROLE) == "awaiting_evidence"
    qtbot.wait(1200)
    model.tick()
    qtbot.waitUntil(lambda: model.index(0, COL_STATUS).data(CODE_ROLE) == "in_review", timeout=10_000)
    assert model.index(0, COL_STATUS).data(CODE_ROLE) == "in_review"
