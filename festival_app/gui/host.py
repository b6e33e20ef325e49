"""What the parts of the window use of it, as Protocols: the sections, the file dialogs
and the extensions depend on these, never on `MainWindow` itself (no import circle)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QLabel, QMenu, QStatusBar, QWidget

from festival_app.gui.section_stack import SectionStack
from festival_app.services import FestivalService


class Host(Protocol):
    """What a section (a record table, the festival form) uses of its window."""

    @property
    def service(self) -> FestivalService: ...

    @property
    def settings(self) -> QSettings: ...

    @property
    def closed(self) -> bool:
        """True once the window has closed its festival file."""
        ...

    def push(self, command: QUndoCommand) -> None:
        """Run an edit as one undo step; a failure propagates and leaves no step behind."""
        ...

    def isVisible(self) -> bool: ...


class WindowHost(Host, Protocol):
    """What an extension (the timetable, the backups) uses of the window, besides what
    every QMainWindow has."""

    @property
    def undo_stack(self) -> QUndoStack: ...

    @property
    def language(self) -> str: ...

    @property
    def file_menu(self) -> QMenu: ...

    @property
    def view_menu(self) -> QMenu: ...

    @property
    def tools_menu(self) -> QMenu: ...

    @property
    def save_copy_action(self) -> QAction: ...

    def statusBar(self) -> QStatusBar: ...

    def after_first_paint(self, action: Callable[[], object], delay_ms: int = 100) -> None: ...

    def add_section(
        self, key: str, title: str, widget: QWidget | Callable[[], QWidget]
    ) -> None: ...

    def section(self, key: str) -> QWidget: ...

    def show_section(self, key: str) -> None: ...

    def finish_editing(self) -> None: ...

    def show_festival(self, service: FestivalService) -> None:
        """Show another festival in a new window in this one's place."""
        ...

    @property
    def recent_menu(self) -> QMenu: ...

    @property
    def read_only_banner(self) -> QLabel: ...

    @property
    def section_stack(self) -> SectionStack:
        """The sections: those built so far (`sections`), and `built` when one is."""
        ...


Extension = Callable[[WindowHost], None]
"""Run on every new main window: adds sections, docks, menu entries."""

__all__ = ["Extension", "Host", "WindowHost"]
