"""The Festival section: the festival's names and settings, and its days.

Like every other edit in the program, each field is saved as it is edited: when the user
leaves it (or presses Enter), and, for a field still being typed in, when the section is
left, the window closes, or Undo is pressed. Each saved field is one undo step.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from festival_app.domain.errors import UserError, ValidationError
from festival_app.domain.times import normalize_text
from festival_app.gui.commands import UpdateFestivalCommand
from festival_app.gui.dialogs.messages import ERROR_STYLE
from festival_app.gui.listeners import subscribe_weakly
from festival_app.gui.widgets.record_table import RecordSection
from festival_app.services import FESTIVAL

if TYPE_CHECKING:
    from festival_app.gui.host import Host


class FestivalSection(QWidget):
    """Name (English, Korean), minimum changeover, notes; the days below, edited in place."""

    FIELDS = ("name_en", "name_ko", "min_changeover", "notes")

    def __init__(self, window: Host, days: RecordSection) -> None:
        super().__init__()
        self.window_ = window
        self.days = days
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        group = QGroupBox(self.tr("Festival"))
        form = QFormLayout(group)
        self.name_en = QLineEdit()
        self.name_en.setObjectName("festival_name_en")
        self.name_ko = QLineEdit()
        self.name_ko.setObjectName("festival_name_ko")
        self.min_changeover = QSpinBox()
        self.min_changeover.setObjectName("festival_min_changeover")
        self.min_changeover.setRange(0, 24 * 60)
        self.min_changeover.setSuffix(self.tr(" min"))
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("festival_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        # (undo step, status bar message once saved) per field
        self.step_texts = {
            "name_en": (self.tr("Change the festival's name"), self.tr("Festival name changed")),
            "name_ko": (
                self.tr("Change the festival's Korean name"),
                self.tr("Festival's Korean name changed"),
            ),
            "min_changeover": (
                self.tr("Change the minimum changeover"),
                self.tr("Minimum changeover changed"),
            ),
            "notes": (self.tr("Change the festival's notes"), self.tr("Festival notes changed")),
        }
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
            error.setObjectName(f"error_{name}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            column.addWidget(error)
            self.errors[name] = error
            form.addRow(label, box)
        hint = QLabel(self.tr("Changes are saved as you make them; Edit > Undo takes them back."))
        hint.setStyleSheet("color: palette(mid);")
        hint.setWordWrap(True)
        form.addRow(hint)
        layout.addWidget(group)
        days_group = QGroupBox(self.tr("Days and opening hours"))
        days_layout = QVBoxLayout(days_group)
        days_layout.addWidget(days)
        layout.addWidget(days_group, 1)
        self.name_en.editingFinished.connect(lambda: self.save_field("name_en"))
        self.name_ko.editingFinished.connect(lambda: self.save_field("name_ko"))
        self.min_changeover.editingFinished.connect(lambda: self.save_field("min_changeover"))
        self.notes.installEventFilter(self)  # a plain text edit has no editingFinished
        subscribe_weakly(window.service, self, "_on_change")
        read_only = window.service.read_only
        for widget in (self.name_en, self.name_ko, self.notes):
            widget.setReadOnly(read_only)
        self.min_changeover.setReadOnly(read_only)
        self.load()

    def _on_change(self, topics: frozenset[str]) -> None:
        if FESTIVAL in topics:
            self.load()

    def load(self) -> None:
        """Show the festival as the file has it (a field already showing its value is left
        alone, so that its cursor stays where it is)."""
        festival = self.window_.service.festival()
        self.shown = festival
        for name in self.FIELDS:
            value = getattr(festival, name)
            if self.value(name) == value:
                continue
            if name == "min_changeover":
                self.min_changeover.setValue(value)
            elif name == "notes":
                self.notes.setPlainText(value)
            else:
                widget = self.name_en if name == "name_en" else self.name_ko
                widget.setText(value)
        for error in self.errors.values():
            error.hide()

    def value(self, name: str) -> Any:
        """What field `name` holds now, as it would be saved."""
        if name == "min_changeover":
            return self.min_changeover.value()
        if name == "notes":
            return self.notes.toPlainText().strip()
        widget = self.name_en if name == "name_en" else self.name_ko
        return normalize_text(widget.text())

    def unsaved(self) -> list[str]:
        """The fields whose text differs from what the file has (as last read)."""
        return [name for name in self.FIELDS if self.value(name) != getattr(self.shown, name)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes and event.type() == QEvent.Type.FocusOut:
            self.save_field("notes")
        return super().eventFilter(watched, event)

    def hideEvent(self, event: QHideEvent) -> None:
        # Another section is shown: what is being typed is saved. (When the window closes,
        # it has saved it already, before it closed the file.)
        if not event.spontaneous() and self.window_.isVisible():
            self.finish_editing()
        super().hideEvent(event)

    def finish_editing(self) -> None:
        """Save every field that was changed but not saved yet (each as its own step)."""
        for name in self.unsaved():
            self.save_field(name)

    def save_field(self, name: str) -> bool:
        """Save field `name` if it changed, as one undo step; a message under the field
        when the festival's rules refuse it (the typed text stays, to be corrected)."""
        if self.window_.service.read_only or name not in self.unsaved():
            return True
        if self.window_.closed:  # the file is closed: a refused value
            return False  # (no name at all) cannot be saved now either
        error = self.errors[name]
        error.hide()
        # The other fields as the file has them now: only this one changes.
        festival = replace(self.window_.service.festival(), **{name: self.value(name)})
        text, done = self.step_texts[name]
        command = UpdateFestivalCommand(self.window_.service, festival, text, done)
        try:
            self.window_.push(command)
        except ValidationError as exc:
            error.setText("\n".join(p.message() for p in exc.problems))
            error.show()
            return False
        except UserError as exc:  # a full disk, a record changed elsewhere
            error.setText(exc.message())
            error.show()
            return False
        return True

    def save_settings(self) -> None:
        self.days.save_settings()
