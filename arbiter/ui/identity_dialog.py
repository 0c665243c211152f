"""This workstation's signing identity in the GUI (docs/trust.md): the first-start dialog (id, name, role and
an optional passphrase), the passphrase prompt for a protected key, and File > Identity (show it, export the
key card). ``--demo`` uses a fixed demo identity so the demo never asks.

``ensure_identity(window)`` is what ``arbiter.ui.app.run`` calls after the window is up.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from arbiter.signing import (
    Identity,
    IdentityError,
    IdentityLocked,
    KeyCardError,
    create_identity,
    demo_identity,
    load_identity,
)
from arbiter.signing.keys import check_id, check_name

DEMO_ID = "demo.reviewer"
DEMO_NAME = "Demo Reviewer"
PASSPHRASE_TRIES = 3

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def the_demo_identity() -> Identity:
    return demo_identity(DEMO_ID, DEMO_NAME)


class IdentityDialog(QDialog):
    """Asks for the id and name a verdict is signed with (and an optional passphrase); creates the key pair."""

    def __init__(self, parent: QWidget | None = None, *, replacing: bool = False):
        super().__init__(parent)
        self.setObjectName("identityDialog")
        self.setWindowTitle(self.tr("Your signing identity"))
        self.setModal(True)
        self.replacing = replacing
        self.identity: Identity | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Every verdict is signed with your own key. Enter the id and the name your "
                               "supervisor knows you by; they are printed on the notices you sign. The key stays "
                               "on this computer, readable by you only."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("identityId")
        self.id_edit.setPlaceholderText(self.tr("e.g. r.chen"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("identityName")
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("identityRole")
        self.role_combo.addItem(self.tr("Reviewer"), "reviewer")
        self.role_combo.addItem(self.tr("Supervisor"), "supervisor")
        self.pass_edit = QLineEdit()
        self.pass_edit.setObjectName("identityPassphrase")
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_edit.setPlaceholderText(self.tr("optional"))
        self.pass_again = QLineEdit()
        self.pass_again.setObjectName("identityPassphraseAgain")
        self.pass_again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Id:"), self.id_edit)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Role:"), self.role_combo)
        form.addRow(self.tr("&Passphrase:"), self.pass_edit)
        form.addRow(self.tr("Passphrase a&gain:"), self.pass_again)
        layout.addLayout(form)
        self.hint = QLabel()
        self.hint.setObjectName("identityHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #b71c1c;")
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create my key"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for edit in (self.id_edit, self.name_edit, self.pass_edit, self.pass_again):
            edit.textChanged.connect(self._update)
        self.resize(460, 320)
        self._update()

    def problem(self) -> str | None:
        try:
            check_id(self.id_edit.text().strip())
        except KeyCardError:
            return self.tr("The id: 1-64 letters, digits or . _ @ - (no spaces).")
        try:
            check_name(self.name_edit.text())
        except KeyCardError:
            return self.tr("Your name is required.")
        if self.pass_edit.text() != self.pass_again.text():
            return self.tr("The two passphrases differ.")
        return None

    def _update(self) -> None:
        problem = self.problem()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)
        self.hint.setText(problem or "")

    def accept(self) -> None:
        if self.problem() is not None:
            return
        try:
            self.identity = create_identity(self.id_edit.text().strip(), self.name_edit.text(),
                                            self.role_combo.currentData(), passphrase=self.pass_edit.text() or "",
                                            force=self.replacing)
        except IdentityError as exc:
            self.hint.setText(str(exc))
            return
        super().accept()


def ask_passphrase(parent: QWidget | None, message: str = "") -> str | None:
    dialog = QDialog(parent)
    dialog.setObjectName("passphraseDialog")
    dialog.setWindowTitle(translate("IdentityDialog", "Unlock your signing key"))
    layout = QVBoxLayout(dialog)
    label = QLabel(message or translate("IdentityDialog", "Your signing key is protected by a passphrase."))
    label.setWordWrap(True)
    layout.addWidget(label)
    edit = QLineEdit()
    edit.setObjectName("passphraseEdit")
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    layout.addWidget(edit)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return edit.text()


def load_quietly(demo: bool = False) -> tuple[Identity | None, str | None]:
    """``(identity, problem)`` without asking anything: the demo identity with ``demo``; the stored one when it
    needs no passphrase; ``(None, "locked")`` when it does; ``(None, None)`` when there is none."""
    if demo:
        return the_demo_identity(), None
    try:
        return load_identity(), None
    except IdentityLocked:
        return None, "locked"
    except IdentityError as exc:
        return None, str(exc)


def ensure_identity(window, *, demo: bool = False) -> Identity | None:
    """Give ``window`` (``MainWindow``) its signing identity, asking when needed: the passphrase of a protected
    key, or id and name on the first start. Cancelling leaves the workstation usable for reading, not signing."""
    identity, problem = load_quietly(demo)
    if identity is None and problem == "locked":
        message = ""
        for _ in range(PASSPHRASE_TRIES):
            passphrase = ask_passphrase(window, message)
            if passphrase is None:
                break
            try:
                identity = load_identity(passphrase)
                break
            except IdentityLocked:
                message = translate("IdentityDialog", "Wrong passphrase. Try again.")
            except IdentityError as exc:
                QMessageBox.warning(window, translate("IdentityDialog", "Signing key"), str(exc))
                break
    elif identity is None and problem is None:
        dialog = IdentityDialog(window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            identity = dialog.identity
    elif identity is None:
        QMessageBox.warning(window, translate("IdentityDialog", "Signing key"), problem)
    set_identity = getattr(window, "set_identity", None)
    if callable(set_identity):
        set_identity(identity)
    return identity


def show_identity(window, identity: Identity | None) -> None:
    """File > Identity: who signs here, with the key's fingerprint; export the key card for a supervisor, or
    create the identity if there is none."""
    if identity is None:
        ensure_identity(window)
        return
    box = QMessageBox(window)
    box.setObjectName("identityBox")
    box.setWindowTitle(translate("IdentityDialog", "Signing identity"))
    box.setText(translate("IdentityDialog", "Verdicts are signed here as {name} ({id}), {role}.").format(
        name=identity.name, id=identity.id, role=identity.role))
    box.setInformativeText(translate("IdentityDialog", "Key fingerprint: {fp}").format(fp=identity.fingerprint))
    export = box.addButton(translate("IdentityDialog", "Export key card…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is export:
        path, _ = QFileDialog.getSaveFileName(window, translate("IdentityDialog", "Export key card"),
                                              str(Path.home() / f"{identity.id}.arbkey"),
                                              translate("IdentityDialog", "Key cards (*.arbkey)"))
        if path:
            Path(path).write_bytes(identity.card.to_bytes() + b"\n")
            window.statusBar().showMessage(translate("IdentityDialog", "Key card written: %1").replace("%1", path), 8000)
