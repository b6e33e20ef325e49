"""Tools > Release this version…: freeze the program under a name, with comments."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from festival_app import releasing
from festival_app.domain.errors import UserError, ValidationError
from festival_app.domain.releases import Release
from festival_app.services import FestivalService


class ReleaseDialog(QDialog):
    """Name (v1, v2, … suggested), comments in Korean and English, printed baseline."""

    def __init__(self, service: FestivalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.made: Release | None = None
        self.setWindowTitle(self.tr("Release this version"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A release freezes the whole program as it is now. It is kept in the festival "
                "file and cannot be changed or removed afterwards; printouts name it in their "
                "footer, and changes are reported against it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit(releasing.next_name(service))
        self.name_edit.setMaxLength(40)
        form.addRow(self.tr("&Name:"), self.name_edit)
        self.comment_ko = QLineEdit()
        form.addRow(self.tr("Comment (&Korean):"), self.comment_ko)
        self.comment_en = QLineEdit()
        form.addRow(self.tr("Comment (&English):"), self.comment_en)
        self.printed = QCheckBox(self.tr("This version goes to the printer (the printed baseline)"))
        form.addRow("", self.printed)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("release_problem")
        self.problem.setStyleSheet("color: #a40000;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.release_button = buttons.addButton(
            self.tr("&Release"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.release_button.clicked.connect(self.release)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def release(self) -> None:
        """Make the release; a bad or taken name is said here and nothing is written."""
        try:
            self.made = releasing.release(
                self.service,
                self.name_edit.text(),
                self.comment_ko.text(),
                self.comment_en.text(),
                printed=self.printed.isChecked(),
            )
        except ValidationError as exc:
            self.problem.setText(exc.message())
            self.name_edit.setFocus()
            return
        except UserError as exc:  # the file or the server could not be written: told
            self.problem.setText(exc.message())
            return
        self.accept()
