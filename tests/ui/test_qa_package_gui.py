"""The QA package in the two GUIs (issue 12 part 3): the supervisor's desk exports the signed actions on verdicts
that came from a reviewer's verdict package; the reviewer's File > Import signed packages stores them, and the
case's export shows the supervisor's return note. Real widgets offscreen, two real SQLite files."""
from __future__ import annotations

import pytest

from arbiter.packages import export_verdicts, import_packages
from arbiter.store import Repository, import_bundle, open_database
from arbiter.store.qa import QAStore
from arbiter.ui import app as app_module
from arbiter.ui import trust_actions
from tests.store.helpers import make_loaded, sign

pytestmark = pytest.mark.gui
NOTE = "Cite the photo that shows the crack (E1) in the rationale."


def test_desk_exports_and_the_reviewer_imports_a_return(qtbot, tmp_path):
    from arbiter.signing import create_identity, demo_identity
    from arbiter.ui.supervisor.desk import SupervisorDesk

    # the reviewer's workstation: its identity on disk, the case signed, a verdict package sent
    me = create_identity("r.chen", "R. Chen")
    station = app_module.start(f"sqlite:///{tmp_path}/reviewer.db", False)
    qtbot.addWidget(station.window)
    import_bundle(station.db, make_loaded(), actor="r.chen")
    sign(station.repo, 1, me)
    export_verdicts(station.db, tmp_path / "to-boss", actor="r.chen")

    # the supervisor's workstation: the package imported, the verdict returned on the desk
    boss = demo_identity("boss", "The Boss", "supervisor")
    sup = open_database(f"sqlite:///{tmp_path}/supervisor.db")
    try:
        import_bundle(sup, make_loaded(), actor="boss")
        Repository(sup).register_key_card(me.card, "boss")
        assert [o.status for o in import_packages(sup, [str(p) for p in (tmp_path / "to-boss").iterdir()],
                                                  actor="boss")] == ["accepted"]
        desk = SupervisorDesk(sup, Repository(sup), "boss", boss)
        qtbot.addWidget(desk)
        verdict = Repository(sup).current_verdict(1)
        QAStore(sup).review(verdict.id, "boss", "return", note=NOTE, signer=boss)
        assert desk.export_button.isEnabled()
        out = tmp_path / "for-chen.arbqa"
        dialog = desk.export_qa_package(path=str(out), reviewer="r.chen")
        qtbot.waitUntil(lambda: dialog.finished_ok is not None, timeout=20000)
        assert dialog.finished_ok, dialog.lines
        assert dialog.lines == ["exported: TTS-UK-TEST-0001 v1 r.chen return",
                                f"wrote: {out} (1 supervisor action)"]
    finally:
        sup.close()

    try:
        station.repo.register_key_card(boss.card, "r.chen")     # the supervisor's card, from a trusted channel
        dialog = trust_actions.import_verdicts(station.window, [str(out)])
        qtbot.waitUntil(lambda: dialog.finished_ok is not None, timeout=20000)
        assert dialog.finished_ok, dialog.lines
        assert dialog.lines == ["accepted: TTS-UK-TEST-0001 v1 return by boss"]
        assert "1 verdicts returned to you" in dialog.summary.text()
        hold = station.repo.notice_hold(1)
        assert hold and NOTE in hold and "boss" in hold          # shown beside the notice export
        assert QAStore(station.db).returned_to("r.chen") == [("TTS-UK-TEST-0001", 1, NOTE)]
    finally:
        station.window.close()
        station.close()
