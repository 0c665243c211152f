"""The desk's Calibration room with real widgets (offscreen, a real SQLite file): agreement per question, where
reviewers split, the same CSV as `qa calibration --csv`, marking gold from a file or blind, withdrawing."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from arbiter import cli
from arbiter.signing import demo_identity
from arbiter.store import Repository, import_bundle, open_database
from arbiter.store.gold import GoldStore
from tests.factories import answers_dict, case_dict
from tests.qa.calib_helpers import answer_by_package
from tests.store.helpers import make_loaded

pytestmark = pytest.mark.gui

MINOR = {"problem": "minor_quality", "remedy": "partial_refund", "amount": "5.00"}


@pytest.fixture
def desk(qtbot, tmp_path):
    from arbiter.ui.supervisor.desk import SupervisorDesk

    url = f"sqlite:///{tmp_path / 'cal.db'}"
    db = open_database(url)
    for case_id in ("TTS-UK-G1", "TTS-UK-G2", "TTS-UK-G3", "TTS-UK-G4"):
        import_bundle(db, make_loaded(case_dict(case_id=case_id)), actor="importer")
    for case_id in ("TTS-UK-G1", "TTS-UK-G2"):
        GoldStore(db).add(case_id, answers_dict(reviewer="sam"), "sam")
        answer_by_package(db, tmp_path, case_id, demo_identity("ana", "Ana"), answers_dict())
        answer_by_package(db, tmp_path, case_id, demo_identity("ben", "Ben"), answers_dict(**MINOR))
    widget = SupervisorDesk(db, Repository(db), "sam", demo_identity("sam", "Sam", "supervisor"))
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    yield widget, db, url
    db.close()


def _cells(model):
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_calibration_room_shows_agreement_and_splits(qtbot, desk, capsys):
    widget, _db, url = desk
    page = widget.calibration
    assert widget.rooms.tabText(widget.CALIBRATION) == "Calibration"
    widget.rooms.setCurrentIndex(widget.CALIBRATION)
    assert [row[0] for row in _cells(page.gold_model)] == ["TTS-UK-G1", "TTS-UK-G2"]
    assert _cells(page.gold_model)[0][2] == "ana, ben"
    headers = [page.question_model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(page.question_model.columnCount())]
    assert headers[:4] == ["Question", "Answers", "Agreement", "Fleiss κ (reviewers)"]
    assert headers[4:] == ["ana\nagreement / κ", "ben\nagreement / κ"]
    problem = next(row for row in _cells(page.question_model) if row[0] == "Problem")
    assert problem[1:4] == ["4", "50%", "-1.00"]  # Fleiss: the two split on every item
    assert problem[4] == "100% / 1.00" and problem[5] == "0% / 0.00"
    splits = _cells(page.split_model)
    assert ["TTS-UK-G1", "Problem", "Serious quality problem",
            "Serious quality problem: ana; Minor quality problem: ben"] in splits
    assert "2 gold cases (2 answered), 2 reviewers, 4 answers compared." in page.summary.text()
    assert "Most common: Problem: Serious quality problem → Minor quality problem ×2 (ben)" in page.summary.text()
    assert cli.main(["--db", url, "qa", "calibration", "--csv"]) == 0
    assert page.csv_text() == capsys.readouterr().out


def test_marking_gold_from_a_file_and_blind_then_withdrawing(qtbot, desk, tmp_path):
    from arbiter.ui.supervisor.gold_dialog import GoldDialog

    widget, db, _ = desk
    page = widget.calibration
    dialog = GoldDialog(db, Repository(db), "sam", page)
    qtbot.addWidget(dialog)
    dialog.case_id.setText("TTS-UK-G3")
    (tmp_path / "bad.json").write_text("[1]", "utf-8")
    dialog.path.setText(str(tmp_path / "bad.json"))
    dialog.save()
    assert dialog.message.text() == "The answers file must hold a JSON object." and not dialog.result()
    (tmp_path / "g3.json").write_text(json.dumps(answers_dict(finding="maybe")), "utf-8")
    dialog.path.setText(str(tmp_path / "g3.json"))
    dialog.save()
    assert dialog.message.text().startswith("TTS-UK-G3: the answers do not decide the case: finding:")
    (tmp_path / "g3.json").write_text(json.dumps(answers_dict()), "utf-8")
    dialog.save()
    assert dialog.result() and dialog.status_text == "added: TTS-UK-G3"

    blind = GoldDialog(db, Repository(db), "sam", page)
    qtbot.addWidget(blind)
    blind.case_id.setText("TTS-UK-G4")
    assert blind.show_blind_form() and blind.from_blind.isChecked()
    assert blind.form.answers().get("finding") is None          # empty: the supervisor answers
    blind.save()
    assert blind.message.text() == "Answer every question first."
    blind.form.set_answers(answers_dict(reviewer="sam"))
    blind.save()
    assert blind.status_text == "added: TTS-UK-G4"
    rows = {g.case_id: g for g in GoldStore(db).gold()}
    assert rows["TTS-UK-G4"].source == "blind_review" and rows["TTS-UK-G3"].source == "answers_file"

    page.refresh()
    assert [row[0] for row in _cells(page.gold_model)][-2:] == ["TTS-UK-G3", "TTS-UK-G4"]
    page.gold_table.selectRow(2)
    qtbot.mouseClick(page.withdraw_button, Qt.MouseButton.LeftButton)
    assert [row[0] for row in _cells(page.gold_model)] == ["TTS-UK-G1", "TTS-UK-G2", "TTS-UK-G4"]
