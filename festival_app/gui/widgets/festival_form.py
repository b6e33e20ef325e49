"""The Festival section: the festival's names and settings, and its days."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from festival_app.domain.errors import ValidationError
from festival_app.domain.festival import Festival
from festival_app.domain.times import normalize_text
from festival_app.gui.commands import UpdateFestivalCommand
from festival_app.gui.dialogs.messages import ERROR_STYLE
from festival_app.gui.widgets.record_table import RecordSection
from festival_app.services import FESTIVAL
from festival_app.store.errors import StoreError

if TYPE_CHECKING:
    from festival_app.gui.main_window import MainWindow


class FestivalSection(QWidget):
    """Name (English, Korean), minimum changeover, notes; the days below, edited in place."""

    def __init__(self, window: MainWindow, days: RecordSection) -> None:
        super().__init__()
        self.window_ = window
        self.days = days
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        group = QGroupBox(self.tr("Festival"))
        form = QFormLayout(group)
        self.name_en = QLineEdit()
        self.name_ko = QLineEdit()
        self.min_changeover = QSpinBox()
        self.min_changeover.setRange(0, 24 * 60)
        self.min_changeover.setSuffix(self.tr(" min"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.errors: dict[str, QLabel] = {}
        for name, label, widget in (
            ("name_en", self.tr("Name"), self.name_en),
            ("name_ko", self.tr("Name (Korean)"), self.name_ko),
            ("min_changeover", self.tr("Minimum changeover between venues"), self.min_changeover),
            ("notes", self.tr("Notes"), self.notes),
        ):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(widget)
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            column.addWidget(error)
            self.errors[name] = error
            form.addRow(label, box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.apply_button = QPushButton(self.tr("Apply"))
        self.revert_button.clicked.connect(self.load)
        self.apply_button.clicked.connect(self.apply)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        form.addRow(buttons)
        layout.addWidget(group)
        days_group = QGroupBox(self.tr("Days and opening hours"))
        days_layout = QVBoxLayout(days_group)
        days_layout.addWidget(days)
        layout.addWidget(days_group, 1)
        for edit in (self.name_en, self.name_ko):
            edit.textEdited.connect(self._edited)
        self.min_changeover.valueChanged.connect(self._edited)
        self.notes.textChanged.connect(self._edited)
        window.service.subscribe(self._on_change)
        read_only = window.service.read_only
        for widget in (self.name_en, self.name_ko, self.notes):
            widget.setReadOnly(read_only)
        self.min_changeover.setReadOnly(read_only)
        self.load()

    def _on_change(self, kinds: frozenset[str]) -> None:
        if FESTIVAL in kinds:
            self.load()

    def load(self) -> None:
        festival = self.window_.service.festival()
        self._loading = True
        self.name_en.setText(festival.name_en)
        self.name_ko.setText(festival.name_ko)
        self.min_changeover.setValue(festival.min_changeover)
        self.notes.setPlainText(festival.notes)
        self._loading = False
        for error in self.errors.values():
            error.hide()
        self._set_dirty(False)

    def _edited(self, *args: object) -> None:
        if not getattr(self, "_loading", False):
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        writable = not self.window_.service.read_only
        self.apply_button.setEnabled(dirty and writable)
        self.revert_button.setEnabled(dirty)

    def edited_festival(self) -> Festival:
        return replace(
            self.window_.service.festival(),
            name_en=normalize_text(self.name_en.text()),
            name_ko=normalize_text(self.name_ko.text()),
            min_changeover=self.min_changeover.value(),
            notes=self.notes.toPlainText().strip(),
        )

    def apply(self) -> None:
        for error in self.errors.values():
            error.hide()
        festival = self.edited_festival()
        command = UpdateFestivalCommand(
            self.window_.service, festival, self.tr("Change festival settings")
        )
        try:
            self.window_.push(command)
        except ValidationError as exc:
            for problem in exc.problems:
                label = self.errors.get(problem.field, self.errors["name_en"])
                label.setText(problem.message())
                label.show()
        except StoreError as exc:
            self.errors["name_en"].setText(exc.message())
            self.errors["name_en"].show()

    def save_settings(self) -> None:
        self.days.save_settings()
