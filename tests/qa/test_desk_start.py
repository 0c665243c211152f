"""The identity's role opens the supervisor's rooms: a supervisor's workstation starts with the desk, a
reviewer's without it."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(("role", "has_desk"), [("supervisor", True), ("reviewer", False)])
def test_the_role_opens_the_desk(qtbot, tmp_path, monkeypatch, role, has_desk):
    from arbiter.signing import create_identity
    from arbiter.ui import app as appmod

    monkeypatch.setenv("ARBITER_DATA_DIR", str(tmp_path / "data"))
    create_identity("pat.person", "Pat Person", role)
    station = appmod.start(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        window = station.window
        desk = getattr(window, "supervisor_desk", None)
        assert (desk is not None) is has_desk
        if has_desk:
            assert window.tabs.currentWidget() is desk and window.act_supervisor_desk.shortcut().toString() == "Ctrl+2"
            assert desk.supervisor == "pat.person" and desk.inbox.model.rowCount() == 0
    finally:
        station.window.close()
        station.close()
