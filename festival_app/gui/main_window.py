"""The main window: sections Festival, Venues, Troupes, Program and Booths.

Every edit is an undo command on one QUndoStack (`undo_stack`). Sections other than the
one shown first are built when first opened, so a large festival starts quickly.

For features added around the window (the timetable, the clash panel, exports): use
`add_section(key, title, widget)`, `addDockWidget`, the menus in `menus` (also
`file_menu`, `edit_menu`, `view_menu`, `tools_menu`), `push(command)`, and
`register_extension(function)` to run a function on every new window.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from festival_app import language as language_choice
from festival_app.domain.booths import BOOTH_CATEGORY_SHORT, Booth, BoothCategory
from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.times import format_day
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue
from festival_app.gui import commands
from festival_app.gui import settings as config
from festival_app.gui.dialogs.messages import show_error
from festival_app.gui.feedback import EditFeedback
from festival_app.gui.models.base import RecordTableModel, language
from festival_app.gui.models.days import DayTableModel
from festival_app.gui.undo_keys import UndoKeys
from festival_app.gui.widgets.festival_form import FestivalSection
from festival_app.gui.widgets.record_table import (
    RecordSection,
    SectionSpec,
    SectionTexts,
    describe_booth,
)
from festival_app.services import BOOTHS, PROGRAM, TROUPES, FestivalService
from festival_app.store.errors import StoreError

logger = logging.getLogger(__name__)

# Each language named in itself, so whoever cannot read the current one finds theirs.
LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}

Extension = Callable[["MainWindow"], None]
_extensions: list[Extension] = []
_open_windows: list[MainWindow] = []  # windows replaced by "Open" live on until closed


def _editors() -> ModuleType:
    """The record dialogs, imported when the first one opens (a faster start)."""
    from festival_app.gui.dialogs import editors

    return editors


def _models() -> ModuleType:
    """The table models of the sections built on demand."""
    from festival_app.gui.models import booths, program, troupes, venues

    namespace = ModuleType("festival_app.gui.models.all")
    for module in (booths, program, troupes, venues):
        namespace.__dict__.update(vars(module))
    return namespace


class _AfterFirstPaint(QObject):
    """Runs actions a while after the watched widget has painted for the first time (at
    once, after that while, when it already has). Their timers belong to the widget: no
    action runs once it is gone."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        self.painted = False
        self.waiting: list[tuple[int, Callable[[], object]]] = []
        widget.installEventFilter(self)

    def add(self, action: Callable[[], object], delay_ms: int) -> None:
        if self.painted:
            QTimer.singleShot(delay_ms, self.widget, action)
        else:
            self.waiting.append((delay_ms, action))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            watched.removeEventFilter(self)
            for delay_ms, action in self.waiting:
                QTimer.singleShot(delay_ms, self.widget, action)
            self.waiting.clear()
        return False


def default_size(window: QWidget) -> QSize:
    """1280 x 800, or the screen's free area less a frame's room when it is smaller
    (a 1024 x 768 screen)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1280, 800)
    room = screen.availableGeometry()
    return QSize(min(1280, room.width() - 16), min(800, room.height() - 40))


def register_extension(extension: Extension) -> None:
    """Run `extension(window)` on every main window made from now on."""
    _extensions.append(extension)


class MainWindow(QMainWindow):
    """One open festival file."""

    def __init__(self, service: FestivalService, settings: QSettings | None = None) -> None:
        super().__init__()
        self.service = service
        self.settings = settings if settings is not None else config.open_settings()
        self.language = language()
        self.undo_stack = QUndoStack(self)
        self.sections: dict[str, QWidget] = {}  # built sections by key
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._keys: list[str] = []
        self._counts_pending = False
        self.replaced_by: MainWindow | None = None
        self._closed = False
        self._first_paint = _AfterFirstPaint(self)
        self.setObjectName("MainWindow")

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
        self.read_only_banner.setVisible(service.read_only)
        column.addWidget(self.read_only_banner)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setMaximumWidth(240)
        self.stack = QStackedWidget()
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([150, 1100])
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.counts_label = QLabel()
        self.counts_label.setObjectName("counts")
        self.statusBar().addPermanentWidget(self.counts_label)

        self._build_actions()
        self._build_menus()
        self._add_record_sections()
        self.navigation.currentRowChanged.connect(self._show_row)
        service.subscribe(self._on_change)
        self.undo_stack.cleanChanged.connect(lambda *_: self.update_actions())
        self.undo_stack.indexChanged.connect(lambda *_: self.update_actions())
        self.feedback = EditFeedback(self.undo_stack, self.statusBar())  # "Booth P-75 added"
        self.undo_keys = UndoKeys(self)  # Ctrl+Z in a text field undoes the last edit

        for extension in _extensions:
            extension(self)

        self._update_title()
        self._restore_settings()
        # The counts query the file; they follow the first paint instead of delaying it.
        self.after_first_paint(self.update_counts)
        _open_windows.append(self)

    def after_first_paint(self, action: Callable[[], object], delay_ms: int = 100) -> None:
        """Run `action` `delay_ms` after the window's first paint: for work that would
        otherwise keep the window from showing (a timer of 0 runs before it paints)."""
        self._first_paint.add(action, delay_ms)

    # -- actions and menus -------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | list[QKeySequence] | None = None,
        name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda *_: slot())
        if name:
            action.setObjectName(name)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action(
            self.tr("&New festival file…"), self.new_file, key.New, "new"
        )
        self.open_action = self._action(self.tr("&Open…"), self.open_file, key.Open, "open")
        self.save_copy_action = self._action(
            self.tr("Save a &copy as…"), self.save_copy, key.SaveAs, "save_copy"
        )
        self.import_action = self._action(
            self.tr("&Import applications…"), self.import_workbook, "Ctrl+I", "import"
        )
        self.import_template_action = self._action(
            self.tr("Save import &template…"), self.save_import_template, None, "import_template"
        )
        self.export_action = self._action(
            self.tr("&Export…"), self.export_files, "Ctrl+Shift+E", "export"
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, key.Quit, "quit")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        # No prefix: Qt's own "Undo %1" is translated with the word order of the language.
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self.undo_stack.createRedoAction(self)
        redo_keys = {QKeySequence(s).toString() for s in ("Ctrl+Shift+Z", "Ctrl+Y")}
        redo_keys |= {k.toString() for k in QKeySequence.keyBindings(key.Redo)}
        self.redo_action.setShortcuts([QKeySequence(k) for k in sorted(redo_keys) if k])
        self.undo_action.setObjectName("undo")
        self.redo_action.setObjectName("redo")

        self.add_action = self._action(self.tr("&Add…"), self._add, "Ins", "add")
        self.edit_record_action = self._action(
            self.tr("&Edit…"), self._edit, "Ctrl+E", "edit_record"
        )
        self.delete_action = self._action(self.tr("&Delete"), self._delete, key.Delete, "delete")
        self.find_action = self._action(self.tr("&Find"), self._find, key.Find, "find")
        self.back_up_action = self._action(
            self.tr("&Back up now"), self.back_up_now, None, "back_up_now"
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.open_action)
        self.recent_menu = self.file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.save_copy_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.import_template_action)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.add_action)
        self.edit_menu.addAction(self.edit_record_action)
        self.edit_menu.addAction(self.delete_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)

        self.view_menu = bar.addMenu(self.tr("&View"))
        self.tools_menu = bar.addMenu(self.tr("&Tools"))
        self.tools_menu.setObjectName("tools_menu")
        self.tools_menu.addAction(self.back_up_action)
        self.settings_menu = bar.addMenu(self.tr("&Settings"))
        self.settings_menu.setObjectName("settings_menu")
        self._build_language_menu()
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self._action(self.tr("&About"), self.about, None, "about"))
        self.menus: dict[str, QMenu] = {
            "file": self.file_menu,
            "edit": self.edit_menu,
            "view": self.view_menu,
            "tools": self.tools_menu,
            "settings": self.settings_menu,
            "help": self.help_menu,
        }

    def _build_language_menu(self) -> None:
        """Settings > Language: the system's, 한국어 or English, in effect after a restart."""
        self.language_menu = self.settings_menu.addMenu(self.tr("&Language"))
        self.language_menu.setObjectName("language_menu")
        group = QActionGroup(self)
        stored = language_choice.normalise(config.LANGUAGE.get(self.settings)) or ""
        choices = [("", self.tr("As the system"))] + [
            (code, LANGUAGE_NAMES[code]) for code in language_choice.LANGUAGES
        ]
        self.language_actions: dict[str, QAction] = {}
        for code, text in choices:
            action = QAction(text, group)
            action.setCheckable(True)
            action.setChecked(code == stored)
            action.setObjectName(f"language_{code or 'system'}")
            action.triggered.connect(lambda *_, chosen=code: self.choose_language(chosen))
            self.language_menu.addAction(action)
            self.language_actions[code] = action

    def choose_language(self, code: str) -> None:
        """Store the interface language; it takes effect when the program starts again."""
        if code == (language_choice.normalise(config.LANGUAGE.get(self.settings)) or ""):
            return
        config.LANGUAGE.set(self.settings, code)
        self.settings.sync()
        self.language_actions[code].setChecked(True)
        if os.environ.get(language_choice.ENV_VARIABLE):
            note = self.tr(
                "The language was saved, but FESTIVAL_APP_LANG is set and decides the "
                "language while it is."
            )
        else:
            note = self.tr(
                "The new language is used from the next start. Close the program and "
                "open it again to see it."
            )
        self.statusBar().showMessage(note, 15000)
        # Opened, not executed: the notice does not hold up the window (nor a test).
        self.language_notice = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Language"),
            note,
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.language_notice.setObjectName("language_notice")
        self.language_notice.open()

    # -- sections ----------------------------------------------------------------------

    def add_section(self, key: str, title: str, widget: QWidget | Callable[[], QWidget]) -> None:
        """Add a section to the navigation; a callable builds the widget when first shown."""
        if key in self._factories or key in self.sections:
            raise ValueError(f"section {key!r} exists already")
        placeholder = QWidget()
        self.stack.addWidget(placeholder)
        self._keys.append(key)
        if isinstance(widget, QWidget):
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.insertWidget(len(self._keys) - 1, widget)
            self.sections[key] = widget
        else:
            self._factories[key] = widget
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.navigation.addItem(item)
        number = len(self._keys)
        if number <= 9:
            action = self._action(
                title, lambda: self.show_section(key), f"Ctrl+{number}", f"section_{key}"
            )
            self.view_menu.addAction(action)

    def section(self, key: str) -> QWidget:
        """The section's widget, built now if it was not yet."""
        if key not in self.sections:
            index = self._keys.index(key)
            widget = self._factories.pop(key)()
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.sections[key] = widget
            table = widget.days if isinstance(widget, FestivalSection) else widget
            if isinstance(table, RecordSection):
                table.selection_changed.connect(self.update_actions)
        return self.sections[key]

    def show_section(self, key: str) -> None:
        self.navigation.setCurrentRow(self._keys.index(key))

    def current_key(self) -> str:
        row = self.navigation.currentRow()
        return self._keys[row] if 0 <= row < len(self._keys) else ""

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self._keys):
            return
        widget = self.section(self._keys[row])
        self.stack.setCurrentWidget(widget)
        self.update_actions()

    def record_section(self, key: str | None = None) -> RecordSection | None:
        """The table section shown (or named), if it is one; the days in Festival."""
        widget = self.section(key or self.current_key()) if (key or self.current_key()) else None
        if isinstance(widget, FestivalSection):
            return widget.days
        return widget if isinstance(widget, RecordSection) else None

    def _add_record_sections(self) -> None:
        tr = self.tr
        lang = self.language
        service = self.service

        def make(
            key: str, model: Callable[[], RecordTableModel[Any]], spec: SectionSpec
        ) -> Callable[[], RecordSection]:
            return lambda: RecordSection(self, model(), spec)

        days_spec = SectionSpec(
            "days",
            FestivalDay,
            SectionTexts(
                add=tr("Add day {0}"),
                edit=tr("Change day {0}"),
                delete_one=tr("Delete day {0}"),
                delete_many=tr("Delete {0} days"),
                ask_one=tr("Delete the festival day {0}?"),
                ask_many=tr("Delete these {0} festival days?"),
                search=tr("Search days"),
                count=tr("{0} of {1} days"),
            ),
            lambda d: format_day(d.date, lang),
            lambda record, submit, parent: _editors().DayDialog(record, submit, parent),
        )

        def festival() -> QWidget:
            days = RecordSection(self, DayTableModel(service), days_spec)
            days.search.hide()
            return FestivalSection(self, days)

        self.add_section("festival", tr("Festival"), festival)
        specs: list[tuple[str, str, Callable[[], RecordTableModel[Any]], SectionSpec]] = [
            (
                "venues",
                tr("Venues"),
                lambda: _models().VenueTableModel(service),
                SectionSpec(
                    "venues",
                    Venue,
                    SectionTexts(
                        add=tr("Add venue '{0}'"),
                        edit=tr("Edit venue '{0}'"),
                        delete_one=tr("Delete venue '{0}'"),
                        delete_many=tr("Delete {0} venues"),
                        ask_one=tr("Delete the venue '{0}'?"),
                        ask_many=tr("Delete these {0} venues?"),
                        search=tr("Search venues (name in Korean or English, zone, kind…)"),
                        count=tr("{0} of {1} venues"),
                    ),
                    lambda v: v.name(lang),
                    lambda record, submit, parent: _editors().VenueDialog(record, submit, parent),
                ),
            ),
            (
                "troupes",
                tr("Troupes"),
                lambda: _models().TroupeTableModel(service),
                SectionSpec(
                    "troupes",
                    Troupe,
                    SectionTexts(
                        add=tr("Add troupe '{0}'"),
                        edit=tr("Edit troupe '{0}'"),
                        delete_one=tr("Delete troupe '{0}'"),
                        delete_many=tr("Delete {0} troupes"),
                        ask_one=tr("Delete the troupe '{0}'?"),
                        ask_many=tr("Delete these {0} troupes?"),
                        search=tr("Search troupes (name, city, country, genre, contact…)"),
                        count=tr("{0} of {1} troupes"),
                    ),
                    lambda t: t.display_name(lang),
                    lambda record, submit, parent: _editors().TroupeDialog(
                        record, submit, lang, parent
                    ),
                ),
            ),
            (
                "program",
                tr("Program"),
                lambda: _models().ProgramTableModel(service),
                SectionSpec(
                    "program",
                    ProgramItem,
                    SectionTexts(
                        add=tr("Add '{0}'"),
                        edit=tr("Edit '{0}'"),
                        delete_one=tr("Delete '{0}'"),
                        delete_many=tr("Delete {0} program items"),
                        ask_one=tr("Delete the program item '{0}'?"),
                        ask_many=tr("Delete these {0} program items?"),
                        search=tr("Search the program (title, venue, troupe, status…)"),
                        count=tr("{0} of {1} items"),
                    ),
                    lambda i: i.title(lang),
                    lambda record, submit, parent: _editors().ProgramItemDialog(
                        record, submit, service, lang, parent
                    ),
                ),
            ),
            (
                "booths",
                tr("Booths"),
                lambda: _models().BoothTableModel(service),
                SectionSpec(
                    "booths",
                    Booth,
                    SectionTexts(
                        add=tr("Add booth '{0}'"),
                        edit=tr("Edit booth '{0}'"),
                        delete_one=tr("Delete booth '{0}'"),
                        delete_many=tr("Delete {0} booths"),
                        ask_one=tr("Delete the booth {0}?"),
                        ask_many=tr("Delete these {0} booths?"),
                        search=tr(
                            "Search booths (code, country in Korean or English, organization, "
                            "exhibitor, contact…)"
                        ),
                        count=tr("{0} of {1} booths"),
                    ),
                    lambda b: b.code or b.label(lang),
                    lambda record, submit, parent: _editors().BoothDialog(
                        record, submit, service, lang, parent
                    ),
                    describe=lambda b: describe_booth(b, lang),  # "P-75 (Peru Tourism, Peru)"
                ),
            ),
        ]
        for key, title, model, spec in specs:
            self.add_section(key, title, make(key, model, spec))

    # -- editing -----------------------------------------------------------------------

    def push(self, command: QUndoCommand) -> None:
        """Run an edit as one undo step; a failure propagates and leaves no step behind."""
        commands.push(self.undo_stack, command)

    def _add(self) -> None:
        section = self.record_section()
        if section is not None:
            section.add_record()

    def _edit(self) -> None:
        section = self.record_section()
        if section is not None:
            section.edit_selected()

    def _delete(self) -> None:
        section = self.record_section()
        if section is not None:
            section.delete_selected()

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

    # -- status bar --------------------------------------------------------------------

    def _on_change(self, kinds: frozenset[str]) -> None:
        if kinds & {BOOTHS, TROUPES, PROGRAM} and not self._counts_pending:
            self._counts_pending = True
            QTimer.singleShot(0, self.update_counts)

    def update_counts(self) -> None:
        self._counts_pending = False
        if self._closed:  # a timer set before the window closed
            return
        self.counts_label.setText(self.counts_text())

    def counts_text(self) -> str:
        """'57 food · 53 tourism · 11 NGO · 10 marriage culture booths · 15 troupes · …'"""
        from festival_app.i18n import translate

        counts = self.service.booth_counts()
        parts = [
            self.tr("{0} {1}").format(count, translate("BoothCategory", BOOTH_CATEGORY_SHORT[c]))
            for c in BoothCategory
            if (count := counts.get(c, 0))
        ]
        booths = " · ".join(parts) if parts else "0"
        # Counted in SQL: loading 5,000 items to count them would slow the start.
        troupes, items = self.service.record_counts()
        return self.tr("{0} booths · {1} troupes · {2} program items").format(
            booths, troupes, items
        )

    # -- files -------------------------------------------------------------------------

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

    def _folder(self) -> str:
        return config.LAST_FOLDER.get(self.settings) or str(self.service.path.parent)

    def new_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New festival file"),
            self._folder(),
            self.tr("Festival files (*.sqlite3 *.festival);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.create_path(Path(name))

    def create_path(self, path: Path) -> bool:
        """Create an empty festival file there and open it; never overwrites anything."""
        if path.exists():
            show_error(
                self,
                self.tr("Not created"),
                self.tr("{0} already exists; it was left unchanged. Choose a new name.").format(
                    path
                ),
            )
            return False
        try:
            FestivalService.create(path).close()
        except StoreError as exc:
            show_error(self, self.tr("Not created"), exc.message())
            return False
        return self.open_path(path)

    def open_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open festival file"),
            self._folder(),
            self.tr("Festival files (*.sqlite3 *.festival *.db);;All files (*)"),
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        """Open another festival file in this window, for editing unless someone else has
        it (then read-only, if the user agrees); a message when it cannot be used."""
        from festival_app.gui.dialogs.lock_dialog import open_festival

        if path.resolve() == self.service.path.resolve():
            return True  # already open here; opening again would meet our own lock
        try:
            service = open_festival(self, path)
        except OSError as exc:
            show_error(self, self.tr("Cannot open"), str(exc))
            return False
        if service is None:
            return False
        self._switch_to(service)
        return True

    # The dialogs behind these load openpyxl or reportlab: only when first used.

    def import_workbook(self) -> None:
        from festival_app.gui.dialogs.import_dialog import open_import_dialog

        open_import_dialog(self, self.service, self.undo_stack)

    def save_import_template(self) -> None:
        from festival_app.gui.dialogs.import_dialog import save_import_template

        save_import_template(self, self.service)

    def export_files(self) -> None:
        from festival_app.gui.dialogs.export_dialog import open_export_dialog

        open_export_dialog(self, self.service)

    def _switch_to(self, service: FestivalService) -> None:
        """Show the other file in a new window in this one's place."""
        window = MainWindow(service, self.settings)
        if self.isVisible():
            window.restoreGeometry(self.saveGeometry())
            window.show()
        self.replaced_by = window
        self.close()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = config.RECENT_FILES.get(self.settings)
        if not recent:
            empty = self.recent_menu.addAction(self.tr("(no recent files)"))
            empty.setEnabled(False)
            return
        for number, name in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {name}")
            action.triggered.connect(lambda *_, n=name: self.open_recent(n))

    def open_recent(self, name: str) -> bool:
        path = Path(name)
        if not path.exists():
            config.forget_file(self.settings, name)
            show_error(
                self,
                self.tr("Cannot open"),
                self.tr("{0} is no longer there; it was removed from the recent files.").format(
                    name
                ),
            )
            return False
        return self.open_path(path)

    def save_copy(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a copy as"),
            self._folder(),
            self.tr("Festival files (*.sqlite3 *.festival);;All files (*)"),
        )
        if name:
            self.save_copy_to(Path(name))

    def save_copy_to(self, path: Path) -> bool:
        if path.resolve() == self.service.path.resolve():
            show_error(
                self, self.tr("Not saved"), self.tr("Choose another file than the one open.")
            )
            return False
        try:
            self.service.save_copy(path)
        except StoreError as exc:
            show_error(self, self.tr("Not saved"), exc.message())
            return False
        self.statusBar().showMessage(self.tr("Saved a copy as {0}").format(path), 8000)
        return True

    def back_up_now(self) -> Path | None:
        """Tools > Back up now: a backup beside the automatic ones (File > Restore from
        backup… lists it); its file, or None and a message when it could not be taken."""
        self.finish_editing()
        try:
            path = self.service.take_backup()
        except StoreError as exc:
            show_error(self, self.tr("Not backed up"), exc.message())
            return None
        self.statusBar().showMessage(self.tr("Backed up to {0}").format(path), 10000)
        return path

    def about(self) -> None:
        from festival_app.gui.dialogs.about import show_about

        show_about(self)

    # -- settings ----------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = config.WINDOW_GEOMETRY.get(self.settings)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(default_size(self))
        state = config.WINDOW_STATE.get(self.settings)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = config.SPLITTER_STATE.get(self.settings)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        else:  # the section names take their width; every other pixel is the section's
            names = self.navigation.sizeHintForColumn(0) + 2 * self.navigation.frameWidth() + 16
            self.splitter.setSizes([names, max(1, self.width() - names)])
        key = config.CURRENT_SECTION.get(self.settings)
        self.navigation.setCurrentRow(self._keys.index(key) if key in self._keys else 0)
        if not self.service.on_server:  # a server festival is no file to reopen
            config.remember_file(self.settings, self.service.path)
            config.LAST_FOLDER.set(self.settings, str(self.service.path.parent))

    def save_settings(self) -> None:
        config.WINDOW_GEOMETRY.set(self.settings, self.saveGeometry())
        config.WINDOW_STATE.set(self.settings, self.saveState())
        config.SPLITTER_STATE.set(self.settings, self.splitter.saveState())
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


__all__ = ["MainWindow", "register_extension"]
