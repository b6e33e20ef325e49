"""Helpers for tests of the main window: answering message boxes, filling record dialogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from festival_app.gui.dialogs.editors import RecordDialog
from tests.helpers.interface_language import tr


def cancel() -> str:
    """The Cancel button's text in this language."""
    return tr("QPlatformTheme", "Cancel")


class MessageBoxes:
    """Stands in for the person in front of message boxes: records them, clicks a button."""

    def __init__(self) -> None:
        self.answer: str | None = None  # text of the button to click; None: the default
        self.shown: list[tuple[str, str, str]] = []  # (title, text, informative text)
        self.details: list[str] = []  # their detailed texts

    def exec(self, box: QMessageBox) -> int:
        self.shown.append((box.windowTitle(), box.text(), box.informativeText()))
        self.details.append(box.detailedText())
        for button in box.buttons():
            if self.answer is not None and button.text() == self.answer:
                button.click()
                return 0
        default = box.defaultButton() or (box.buttons()[0] if box.buttons() else None)
        if default is not None:
            default.click()
        return 0


DialogResult = dict[str, Any]


def drive_dialog(
    trigger: Callable[[], object], fill: Callable[[RecordDialog], None]
) -> DialogResult:
    """Run `trigger` (which opens a record dialog), fill the dialog, press OK.

    Returns the messages under each field after OK and whether the dialog stayed open
    (it is then cancelled, as a person would).
    """
    result: DialogResult = {}

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecordDialog):
            QTimer.singleShot(10, step)
            return
        result["dialog_title"] = dialog.windowTitle()
        try:
            fill(dialog)
        except BaseException:
            dialog.reject()  # a failing fill fails the test, instead of a dialog left open
            raise
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        result["errors"] = {name: dialog.error_text(name) for name in [*dialog.fields, "general"]}
        result["stayed_open"] = dialog.isVisible()
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, step)
    trigger()
    return result
