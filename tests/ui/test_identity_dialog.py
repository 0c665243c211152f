"""The first-start identity dialog and the identity the window signs with (pytest-qt, offscreen)."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from arbiter.signing import identity_card, load_identity
from arbiter.ui.identity_dialog import IdentityDialog, load_quietly

pytestmark = pytest.mark.gui


def test_dialog_creates_the_identity(qtbot):
    dialog = IdentityDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.id_edit, "bad id")
    qtbot.keyClicks(dialog.name_edit, "R. Chen")
    assert not ok.isEnabled() and "id" in dialog.hint.text()
    dialog.id_edit.setText("r.chen")
    qtbot.keyClicks(dialog.pass_edit, "secret")
    assert not ok.isEnabled() and "differ" in dialog.hint.text()
    qtbot.keyClicks(dialog.pass_again, "secret")
    assert ok.isEnabled()
    ok.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert identity_card().id == "r.chen"
    assert load_quietly() == (None, "locked")
    assert load_identity("secret").fingerprint == dialog.identity.fingerprint


def test_demo_identity_needs_no_prompt():
    identity, problem = load_quietly(demo=True)
    assert problem is None and identity.id == "demo.reviewer"


def test_the_window_signs_as_its_identity_never_the_os_login(qtbot, tmp_path):
    from arbiter.ui import app as app_module

    station = app_module.start(f"sqlite:///{tmp_path}/w.db", True)
    qtbot.addWidget(station.window)
    try:
        assert station.window.identity.id == "demo.reviewer"
    finally:
        station.window.close()
        station.close()
