"""Message boxes and the delete confirmation.

Every box is built as a QMessageBox instance and run with exec(), so that tests can answer
it by replacing QMessageBox.exec (the only thing they stand in for). Korean texts name
records in paired particles (부스 {0}을(를)); the boxes show the one that fits the name.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from festival_app.domain.korean import attach_particles

ERROR_STYLE = "color: #b00020;"  # messages next to a field


def _tr(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something could not be done (their file, their input)."""
    text = attach_particles(text)
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        title,
        attach_particles(text),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.exec()


def confirm_delete(parent: QWidget | None, title: str, text: str, details: str = "") -> bool:
    """Ask before deleting; the default button is Cancel."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        attach_particles(text),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    if details:
        box.setInformativeText(attach_particles(details))
    delete = box.addButton(_tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is delete


class ItemsChoice(Enum):
    """What happens to the program items of troupes being deleted."""

    DELETE = "delete"
    KEEP = "keep"


def ask_troupe_items(
    parent: QWidget | None, title: str, text: str, details: str
) -> ItemsChoice | None:
    """Delete the troupes' items too, keep them without troupe, or cancel (None)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        attach_particles(text),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(attach_particles(details))
    delete = box.addButton(_tr("Delete the items too"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_tr("Keep the items without troupe"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is delete:
        return ItemsChoice.DELETE
    if clicked is keep:
        return ItemsChoice.KEEP
    return None
