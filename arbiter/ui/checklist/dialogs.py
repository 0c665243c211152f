"""The checklist's questions to the reviewer in modal dialogs; tests replace these functions to answer them."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from arbiter.ui.amend_dialog import AmendDialog


def ask_confirmation(parent: QWidget, title: str, text: str) -> bool:
    """Yes/No question (Y or N on the keyboard)."""
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_amendment_reason(parent: QWidget, summary: str) -> str | None:
    """The amendment reason, or None when cancelled."""
    dialog = AmendDialog(summary, parent)
    if dialog.exec() == AmendDialog.DialogCode.Accepted:
        return dialog.reason()
    return None


def ask_export_path(parent: QWidget, suggested: str) -> str | None:
    """Where to write the buyer's notice (OUT.pdf); the seller's goes beside it."""
    title = QCoreApplication.translate("ChecklistPanel", "Export decision notice")
    kinds = QCoreApplication.translate("ChecklistPanel", "PDF documents (*.pdf)")
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, kinds)
    return path or None
