"""File > Restore from backup…, the backups taken while a file is open, and the offer of
a backup when a file turns out to be damaged.

`install(window)` is a main-window extension (handed to `MainWindow`): it adds the menu
action and drives a `BackupScheduler` with a QTimer (a backup on open, then every ten
minutes while there were changes, and on close).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from festival_app.gui.dates import format_datetime
from festival_app.gui.dialogs.messages import show_error
from festival_app.services import FestivalService
from festival_app.store import backups, errors

if TYPE_CHECKING:
    from festival_app.gui.host import WindowHost

logger = logging.getLogger(__name__)

TICK_MS = 60_000  # the scheduler decides; a minute's precision is plenty


def _tr(text: str) -> str:
    return QCoreApplication.translate("RestoreDialog", text)


def reason_text(reason: str) -> str:
    """Why a backup was taken, in the user's words."""
    texts = {
        backups.OPEN: _tr("when opened"),
        backups.PERIODIC: _tr("while working"),
        backups.CLOSE: _tr("when closed"),
        backups.MANUAL: _tr("by hand"),
        backups.BEFORE_RESTORE: _tr("before a restore"),
        backups.BEFORE_UPGRADE: _tr("before updating the file format"),
    }
    return texts.get(reason, reason)


def _count(value: int | None) -> str:
    return "?" if value is None else QLocale().toString(value)


class RestoreDialog(QDialog):
    """The backups of the open file, newest first; Restore puts the chosen one back."""

    def __init__(self, service: FestivalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.restored_from: Path | None = None
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setObjectName("restore_dialog")
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose how the festival should be put back. What is in the file now is "
                "backed up first, so a restore can itself be undone by restoring that backup."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("backups")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Taken"),
                self.tr("Why"),
                self.tr("Troupes"),
                self.tr("Program items"),
                self.tr("Booths"),
                self.tr("Size"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumSize(620, 260)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(self.tr("There are no backups of this file yet."))
        layout.addWidget(self.empty_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setObjectName("restore")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.table.doubleClicked.connect(lambda *_: self.restore_selected())
        layout.addWidget(buttons)

        self.backups: list[backups.BackupInfo] = []
        self.load()

    def load(self) -> None:
        try:
            self.backups = backups.list_backups(self.service.path)
        except errors.StoreError as exc:
            self.backups = []
            self.empty_label.setText(exc.message())
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cells = [
                format_datetime(info.taken),
                reason_text(info.reason),
                _count(info.troupes),
                _count(info.program_items),
                _count(info.booths),
                QLocale().formattedDataSize(info.size),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        self.empty_label.setVisible(not self.backups)
        if self.backups:
            self.table.selectRow(0)
        self._update_button()

    def _update_button(self) -> None:
        self.restore_button.setEnabled(not self.service.read_only and self.selected() is not None)

    def selected(self) -> backups.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def confirm(self, info: backups.BackupInfo) -> bool:
        """Ask before restoring; the default button is Cancel."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore from backup"),
            self.tr(
                "Put the festival back as it was on {0} ({1} troupes, {2} program items, "
                "{3} booths)?"
            ).format(
                format_datetime(info.taken),
                _count(info.troupes),
                _count(info.program_items),
                _count(info.booths),
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setInformativeText(
            self.tr(
                "What is in the file now is backed up first; restore that backup to undo "
                "this. Undo and Redo in the Edit menu start afresh."
            )
        )
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is restore

    def restore_selected(self) -> bool:
        info = self.selected()
        if info is None or self.service.read_only or not self.confirm(info):
            return False
        try:
            self.service.restore_backup(info.path)  # every view reads the festival again
        except errors.StoreError as exc:
            show_error(self, self.tr("Not restored"), exc.message())
            self.load()
            return False
        self.restored_from = info.path
        self.accept()
        return True


def open_restore_dialog(parent: QWidget | None, service: FestivalService) -> bool:
    """Show the backups of the open file; True when one was restored."""
    dialog = RestoreDialog(service, parent)
    dialog.exec()
    return dialog.restored_from is not None


def offer_backup(parent: QWidget | None, error: errors.StoreError) -> bool:
    """Tell the user a file cannot be opened because it is damaged, and offer to put the
    newest good backup in its place (the damaged file is kept). True when that was done."""
    backup = getattr(error, "newest_backup", None)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        _tr("The festival file cannot be opened"),
        error.message(),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    use = None
    newer = isinstance(error, errors.NewerVersionError)
    if isinstance(error, errors.DamagedFileError | errors.NewerVersionError) and isinstance(
        backup, Path
    ):
        use = box.addButton(_tr("Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(close)
    box.exec()
    if use is None or box.clickedButton() is not use or not isinstance(backup, Path):
        return False
    try:
        backups.replace_damaged(error.path, backup, label="newer" if newer else "damaged")
    except errors.StoreError as exc:
        show_error(parent, _tr("Not restored"), exc.message())
        return False
    return True


class _BackupsOfWindow(QObject):
    """Takes the backups of one window's file: on open, every ten minutes while there
    were changes (QTimer over BackupScheduler), and when the window closes."""

    def __init__(self, window: QMainWindow, host: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.host = host
        self.scheduler = host.service.backup_scheduler()
        self.closed = False  # the file is closed with the window: no backup after that
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        window.installEventFilter(self)
        host.after_first_paint(self.opened)  # start-up stays quick
        self.timer.start()

    def opened(self) -> None:
        if self.closed:  # closed before the event loop ran
            return
        self.scheduler.on_open()
        self._report()

    def tick(self) -> None:
        if self.closed:
            return
        if self.scheduler.tick() is not None or self.scheduler.last_error is not None:
            self._report()

    def _report(self) -> None:
        if self.scheduler.last_error is not None:
            self.window.statusBar().showMessage(self.scheduler.last_error.message(), 15000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Before the window's closeEvent closes the file.
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.timer.stop()
            self.closed = True
            if not self.host.service.read_only:
                self.scheduler.on_close()
            self.window.removeEventFilter(self)
        return False


def install(window: WindowHost) -> None:
    """Main-window extension: File > Restore from backup… and the automatic backups."""
    assert isinstance(window, QMainWindow)
    if window.service.on_server:
        return  # a server festival's backups are `server pull`s, its restore `server init`
    action = QAction(_tr("Restore from &backup…"), window)
    action.setObjectName("restore_backup")
    action.setEnabled(not window.service.read_only)

    def run() -> None:
        if open_restore_dialog(window, window.service):
            window.undo_stack.clear()  # its steps belong to the festival before the restore
            window.statusBar().showMessage(
                _tr("Restored. The state before was backed up, so this can be undone."), 10000
            )

    action.triggered.connect(run)
    menu = window.file_menu
    anchor = window.save_copy_action
    actions = menu.actions()
    if anchor in actions and actions.index(anchor) + 1 < len(actions):
        menu.insertAction(actions[actions.index(anchor) + 1], action)
    else:
        menu.addAction(action)
    window.tools_menu.addAction(action)  # with Tools > Back up now, as well as in File
    _BackupsOfWindow(window, window)  # a child of the window: lives and goes with it
