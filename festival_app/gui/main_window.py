"""The main window: one open festival file, its sections, menus and undo stack.

Every edit is an undo command on one QUndoStack (`undo_stack`), pushed through `push`.
The sections (Festival, Venues, Troupes, Program, Booths) are defined in `sections`; each is
built when first opened, so a large festival starts quickly. The File menu's work is in
`file_actions`, the Language menu in `language_menu`.

Features around the window (the timetable, the clash panel, the backups) are extensions
handed to the constructor: functions of the window (a `host.WindowHost`) that use
`add_section(key, title, widget)`, `addDockWidget`, the menus (`file_menu`, `edit_menu`,
`view_menu`, `tools_menu`, all in `menus`), `push(command)` and `after_first_paint`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from festival_app.gui import commands
from festival_app.gui import settings as config
from festival_app.gui.actions import make_action
from festival_app.gui.feedback import EditFeedback
from festival_app.gui.file_actions import FileActions
from festival_app.gui.first_paint import AfterFirstPaint
from festival_app.gui.language_menu import LanguageMenu
from festival_app.gui.models.base import language
from festival_app.gui.record_counts import RecordCounts
from festival_app.gui.section_stack import SectionStack
from festival_app.gui.sections import record_sections
from festival_app.gui.undo_keys import UndoKeys
from festival_app.gui.widgets.festival_form import FestivalSection
from festival_app.gui.widgets.record_table import RecordSection
from festival_app.gui.window_layout import restore_layout, save_layout
from festival_app.services import FestivalService

if TYPE_CHECKING:
    from festival_app.gui.host import Extension

_open_windows: list[MainWindow] = []  # windows replaced by "Open" live on until closed


class MainWindow(QMainWindow):
    """One open festival file."""

    def __init__(
        self,
        service: FestivalService,
        settings: QSettings | None = None,
        extensions: Sequence[Extension] = (),
    ) -> None:
        super().__init__()
        self.service = service
        self.settings = settings if settings is not None else config.open_settings()
        self.extensions = tuple(extensions)  # handed on to the window of another file
        self.language = language()
        self.undo_stack = QUndoStack(self)
        self.replaced_by: MainWindow | None = None
        self._closed = False
        self._first_paint = AfterFirstPaint(self)
        self.setObjectName("MainWindow")
        self.files = FileActions(self, self, self.show_festival)
        self._build_actions()
        self._build_menus()
        self.section_stack = SectionStack(self, self.view_menu)
        self.sections = self.section_stack.sections  # built sections by key
        self.navigation = self.section_stack.navigation
        self.stack = self.section_stack.stack
        self.section_stack.built.connect(self._section_built)
        self.section_stack.shown.connect(lambda *_: self.update_actions())
        self._build_frame()
        for key, title, build in record_sections(self, self.language):
            self.add_section(key, title, build)
        self.undo_stack.cleanChanged.connect(lambda *_: self.update_actions())
        self.undo_stack.indexChanged.connect(lambda *_: self.update_actions())
        self.feedback = EditFeedback(self.undo_stack, self.statusBar())  # "Booth P-75 added"
        # Ctrl+Z in a text field undoes the last edit
        self.undo_keys = UndoKeys(self, self.undo_action, self.redo_action, self.finish_editing)
        for extension in self.extensions:
            extension(self)
        self._update_title()
        self._load_settings()
        # The counts query the file; they follow the first paint instead of delaying it.
        self.after_first_paint(self.update_counts)
        _open_windows.append(self)

    def after_first_paint(self, action: Callable[[], object], delay_ms: int = 100) -> None:
        """Run `action` `delay_ms` after the window's first paint: for work that would
        otherwise keep the window from showing (a timer of 0 runs before it paints)."""
        self._first_paint.add(action, delay_ms)

    # -- frame, actions and menus ------------------------------------------------------

    def _build_frame(self) -> None:
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(6, 6, 6, 0)
        self.read_only_banner = QLabel(
            self.tr(
                "This festival file is open read-only: you can look and search, but not "
                "change anything. (It may be write-protected, or in use on another computer.)"
            )
        )
        self.read_only_banner.setObjectName("read_only_banner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(
            "background: #fff3cd; color: #664d03; border: 1px solid #ffe69c; padding: 6px;"
        )
        self.read_only_banner.setVisible(self.service.read_only)
        column.addWidget(self.read_only_banner)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([150, 1100])
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.counts_label = RecordCounts(self.service, lambda: self._closed)
        self.statusBar().addPermanentWidget(self.counts_label)

    def _build_actions(self) -> None:
        files = self.files
        self.new_action = files.new_action
        self.open_action = files.open_action
        self.recent_menu = files.recent_menu
        self.save_copy_action = files.save_copy_action
        self.import_action = files.import_action
        self.import_template_action = files.import_template_action
        self.export_action = files.export_action
        self.back_up_action = files.back_up_action
        key = QKeySequence.StandardKey
        self.quit_action = make_action(self, self.tr("&Quit"), self.close, key.Quit, "quit")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        # No prefix: Qt's own "Undo %1" is translated with the word order of the language.
        self.undo_action: QAction = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action: QAction = self.undo_stack.createRedoAction(self)
        redo_keys = {QKeySequence(s).toString() for s in ("Ctrl+Shift+Z", "Ctrl+Y")}
        redo_keys |= {k.toString() for k in QKeySequence.keyBindings(key.Redo)}
        self.redo_action.setShortcuts([QKeySequence(k) for k in sorted(redo_keys) if k])
        self.undo_action.setObjectName("undo")
        self.redo_action.setObjectName("redo")

        def on_section(do: Callable[[RecordSection], object]) -> Callable[[], object]:
            return lambda: None if (s := self.record_section()) is None else do(s)

        self.add_action = make_action(
            self, self.tr("&Add…"), on_section(RecordSection.add_record), "Ins", "add"
        )
        self.edit_record_action = make_action(
            self,
            self.tr("&Edit…"),
            on_section(RecordSection.edit_selected),
            "Ctrl+E",
            "edit_record",
        )
        self.delete_action = make_action(
            self,
            self.tr("&Delete"),
            on_section(RecordSection.delete_selected),
            key.Delete,
            "delete",
        )
        self.find_action = make_action(self, self.tr("&Find"), self._find, key.Find, "find")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addActions([self.new_action, self.open_action])
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.save_copy_action)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.import_action, self.import_template_action])
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.add_action, self.edit_record_action, self.delete_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)

        self.view_menu: QMenu = bar.addMenu(self.tr("&View"))
        self.tools_menu = bar.addMenu(self.tr("&Tools"))
        self.tools_menu.setObjectName("tools_menu")
        self.tools_menu.addAction(self.back_up_action)
        self.settings_menu = bar.addMenu(self.tr("&Settings"))
        self.settings_menu.setObjectName("settings_menu")
        self.languages = LanguageMenu(self, self.settings_menu, self.settings)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(make_action(self, self.tr("&About"), self.about, None, "about"))
        self.menus: dict[str, QMenu] = {
            "file": self.file_menu,
            "edit": self.edit_menu,
            "view": self.view_menu,
            "tools": self.tools_menu,
            "settings": self.settings_menu,
            "help": self.help_menu,
        }

    # -- sections ----------------------------------------------------------------------

    def add_section(self, key: str, title: str, widget: QWidget | Callable[[], QWidget]) -> None:
        """Add a section to the navigation; a callable builds the widget when first shown."""
        self.section_stack.add(key, title, widget)

    def section(self, key: str) -> QWidget:
        """The section's widget, built now if it was not yet."""
        return self.section_stack.section(key)

    def show_section(self, key: str) -> None:
        self.section_stack.show(key)

    def current_key(self) -> str:
        return self.section_stack.current_key()

    def _section_built(self, widget: QWidget) -> None:
        table = widget.days if isinstance(widget, FestivalSection) else widget
        if isinstance(table, RecordSection):
            table.selection_changed.connect(self.update_actions)

    def record_section(self, key: str | None = None) -> RecordSection | None:
        """The table section shown (or named), if it is one; the days in Festival."""
        widget = self.section(key or self.current_key()) if (key or self.current_key()) else None
        if isinstance(widget, FestivalSection):
            return widget.days
        return widget if isinstance(widget, RecordSection) else None

    # -- editing -----------------------------------------------------------------------

    def push(self, command: QUndoCommand) -> None:
        """Run an edit as one undo step; a failure propagates and leaves no step behind."""
        commands.push(self.undo_stack, command)

    def _find(self) -> None:
        section = self.record_section()
        if section is not None and section.search.isVisible():
            section.focus_search()

    def update_actions(self) -> None:
        writable = not self.service.read_only
        section = self.record_section() if self.current_key() else None
        selected = section.selected_count() if section is not None else 0
        self.add_action.setEnabled(writable and section is not None)
        self.edit_record_action.setEnabled(writable and selected == 1)
        self.delete_action.setEnabled(writable and selected > 0)
        self.find_action.setEnabled(section is not None)
        self.new_action.setEnabled(True)
        self.import_action.setEnabled(writable)
        if not writable:
            self.undo_action.setEnabled(False)
            self.redo_action.setEnabled(False)
        if section is not None:
            section.update_actions(selected)

    # -- status bar and title ----------------------------------------------------------

    def update_counts(self) -> None:
        self.counts_label.update_counts()

    def _update_title(self) -> None:
        path = self.service.path
        self.setWindowFilePath(str(path))
        if self.service.read_only:
            title = self.tr("{0} [read-only] – Seoul Friendship Festival organizer").format(
                path.name
            )
        else:
            title = self.tr("{0} – Seoul Friendship Festival organizer").format(path.name)
        self.setWindowTitle(title)

    def about(self) -> None:
        from festival_app.gui.dialogs.about import show_about

        show_about(self)

    # -- files -------------------------------------------------------------------------

    def open_path(self, path: Path) -> bool:
        """Open another festival file in this window's place (see `FileActions`)."""
        return self.files.open_path(path)

    def show_festival(self, service: FestivalService) -> None:
        """Show another festival (a file, a server's) in a new window in this one's place."""
        window = MainWindow(service, self.settings, self.extensions)
        if self.isVisible():
            window.restoreGeometry(self.saveGeometry())
            window.show()
        self.replaced_by = window
        self.close()

    # -- settings and closing ----------------------------------------------------------

    def _load_settings(self) -> None:
        restore_layout(self, self.splitter, self.navigation, self.settings)
        key = config.CURRENT_SECTION.get(self.settings)
        keys = self.section_stack.keys
        self.navigation.setCurrentRow(keys.index(key) if key in keys else 0)
        if not self.service.on_server:  # a server festival is no file to reopen
            config.remember_file(self.settings, self.service.path)
            config.LAST_FOLDER.set(self.settings, str(self.service.path.parent))

    def save_settings(self) -> None:
        save_layout(self, self.splitter, self.settings)
        if self.current_key():
            config.CURRENT_SECTION.set(self.settings, self.current_key())
        for widget in self.sections.values():
            save = getattr(widget, "save_settings", None)
            if callable(save):
                save()
        self.settings.sync()

    def finish_editing(self) -> None:
        """Save what is typed but not saved yet (a festival field still being edited)."""
        for widget in list(self.sections.values()):
            finish = getattr(widget, "finish_editing", None)
            if callable(finish):
                finish()

    @property
    def closed(self) -> bool:
        """True once the window has closed its festival file."""
        return self._closed

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            super().closeEvent(event)
            return
        self.finish_editing()  # while the file is still open
        self._closed = True
        self.save_settings()
        self.undo_stack.clear()  # its commands hold the service
        self.service.close()
        if self in _open_windows:
            _open_windows.remove(self)
        super().closeEvent(event)


__all__ = ["MainWindow"]
