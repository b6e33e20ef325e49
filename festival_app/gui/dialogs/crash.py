"""The dialog shown when the program itself failed (a bug, not the user's doing)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    """What happened, where the log is, the details to copy into a report."""

    def __init__(
        self, summary: str, details: str, log_file: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The program ran into a problem"))
        self.details = details
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Something went wrong inside the program: {0}\n\n"
                "Your festival file is safe: every change is written as it is made, and "
                "the change in progress was not written."
            ).format(summary)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if log_file is not None:
            where = QLabel(self.tr("Details are in the log file {0}").format(log_file))
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(where)
        text = QPlainTextEdit(details)
        text.setReadOnly(True)
        text.setMinimumSize(560, 200)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
