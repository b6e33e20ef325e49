"""The File menu's work: a new file, open (with its lock), open recent, save a copy, back
up now, and the import and export dialogs.

`FileActions` holds the actions; the window puts them in its menus. Opening another file
hands its service to `replace`, which shows it in a new window in the old one's place.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from festival_app.domain.errors import UserError
from festival_app.gui import settings as config
from festival_app.gui.actions import make_action
from festival_app.gui.dialogs.messages import show_error
from festival_app.services import FestivalService

if TYPE_CHECKING:
    from festival_app.gui.host import WindowHost


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def festival_file_filter() -> str:
    """The one file-dialog filter for festival files (new, open, save a copy)."""
    return _tr("Festival files (*.sqlite3 *.festival *.db);;All files (*)")


class FileActions(QObject):
    """The File menu's actions of one window (`window` and `host` are the same window:
    as a widget and as what it offers)."""

    def __init__(
        self,
        window: QMainWindow,
        host: WindowHost,
        replace: Callable[[FestivalService], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.host = host
        self.replace = replace
        key = QKeySequence.StandardKey
        self.new_action = make_action(
            window, _tr("&New festival file…"), self.new_file, key.New, "new"
        )
        self.open_action = make_action(window, _tr("&Open…"), self.open_file, key.Open, "open")
        self.save_copy_action = make_action(
            window, _tr("Save a &copy as…"), self.save_copy, key.SaveAs, "save_copy"
        )
        self.import_action = make_action(
            window, _tr("&Import applications…"), self.import_workbook, "Ctrl+I", "import"
        )
        self.import_template_action = make_action(
            window,
            _tr("Save import &template…"),
            self.save_import_template,
            None,
            "import_template",
        )
        self.export_action = make_action(
            window, _tr("&Export…"), self.export_files, "Ctrl+Shift+E", "export"
        )
        self.back_up_action = make_action(
            window, _tr("&Back up now"), self.back_up_now, None, "back_up_now"
        )
        self.recent_menu = QMenu(_tr("Open &recent"), window)
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)

    @property
    def service(self) -> FestivalService:
        return self.host.service

    def _folder(self) -> str:
        return config.LAST_FOLDER.get(self.host.settings) or str(self.service.path.parent)

    # -- new and open --------------------------------------------------------------------

    def new_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            _tr("New festival file"),
            self._folder(),
            festival_file_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.create_path(Path(name))

    def create_path(self, path: Path) -> bool:
        """Create an empty festival file there and open it; never overwrites anything."""
        if path.exists():
            show_error(
                self.window,
                _tr("Not created"),
                _tr("{0} already exists; it was left unchanged. Choose a new name.").format(path),
            )
            return False
        try:
            FestivalService.create(path).close()
        except UserError as exc:
            show_error(self.window, _tr("Not created"), exc.message())
            return False
        return self.open_path(path)

    def open_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, _tr("Open festival file"), self._folder(), festival_file_filter()
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
            service = open_festival(self.window, path)
        except OSError as exc:
            show_error(self.window, _tr("Cannot open"), str(exc))
            return False
        if service is None:
            return False
        self.replace(service)
        return True

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = config.RECENT_FILES.get(self.host.settings)
        if not recent:
            empty = self.recent_menu.addAction(_tr("(no recent files)"))
            empty.setEnabled(False)
            return
        for number, name in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {name}")
            action.triggered.connect(lambda *_, n=name: self.open_recent(n))

    def open_recent(self, name: str) -> bool:
        path = Path(name)
        if not path.exists():
            config.forget_file(self.host.settings, name)
            show_error(
                self.window,
                _tr("Cannot open"),
                _tr("{0} is no longer there; it was removed from the recent files.").format(name),
            )
            return False
        return self.open_path(path)

    # -- copies and backups --------------------------------------------------------------

    def save_copy(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, _tr("Save a copy as"), self._folder(), festival_file_filter()
        )
        if name:
            self.save_copy_to(Path(name))

    def save_copy_to(self, path: Path) -> bool:
        if path.resolve() == self.service.path.resolve():
            show_error(self.window, _tr("Not saved"), _tr("Choose another file than the one open."))
            return False
        try:
            self.service.save_copy(path)
        except UserError as exc:
            show_error(self.window, _tr("Not saved"), exc.message())
            return False
        self.host.statusBar().showMessage(_tr("Saved a copy as {0}").format(path), 8000)
        return True

    def back_up_now(self) -> Path | None:
        """Tools > Back up now: a backup beside the automatic ones (File > Restore from
        backup… lists it); its file, or None and a message when it could not be taken."""
        self.host.finish_editing()
        try:
            path = self.service.take_backup()
        except UserError as exc:
            show_error(self.window, _tr("Not backed up"), exc.message())
            return None
        self.host.statusBar().showMessage(_tr("Backed up to {0}").format(path), 10000)
        return path

    # -- imports and exports: their dialogs load openpyxl or reportlab when first used ---

    def import_workbook(self) -> None:
        from festival_app.gui.dialogs.import_dialog import open_import_dialog

        open_import_dialog(self.window, self.service, self.host.undo_stack)

    def save_import_template(self) -> None:
        from festival_app.gui.dialogs.import_dialog import save_import_template

        save_import_template(self.window, self.service)

    def export_files(self) -> None:
        from festival_app.gui.dialogs.export_dialog import open_export_dialog

        open_export_dialog(self.window, self.service)

    def actions(self) -> list[QAction]:
        """Every action, to enable or disable them together."""
        return [
            self.new_action,
            self.open_action,
            self.save_copy_action,
            self.import_action,
            self.import_template_action,
            self.export_action,
            self.back_up_action,
        ]


__all__ = ["FileActions", "festival_file_filter"]
