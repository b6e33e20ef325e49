"""File > Import…: preview an application workbook, then import it as one undo step.

The workbook is read and checked in a worker thread (the window never freezes; a progress
bar and Cancel). The records the check compares against are read first, in the GUI
thread, so the worker never touches the festival file. The preview names every record
that would change, with each field before and after (and which record a row without its
key matched); each change can be unticked. Nothing is written until the user presses
Import, and then only when no row has an error; the ticked changes are written in one
transaction, as one undo step. A path typed into the Workbook field is read when Enter
is pressed or the field is left.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from festival_app.domain.errors import UserError
from festival_app.gui import commands
from festival_app.gui.dialogs.import_changes import ChangesView
from festival_app.gui.dialogs.messages import show_error, show_info
from festival_app.gui.models.base import language
from festival_app.i18n import translate
from festival_app.imports.apply import ImportResult, apply_plan, redo_import, undo_import
from festival_app.imports.errors import CANCELLED, WorkbookError
from festival_app.imports.plan import Change, FestivalChange, ImportPlan, RowKey, Snapshot
from festival_app.imports.spaces import SpacesPlan, import_workbook_spaces, plan_workbook_spaces
from festival_app.imports.workbook import preview_workbook, replan
from festival_app.services import FestivalService
from festival_app.store.errors import StoreError

logger = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


class ImportCommand(QUndoCommand):
    """An import as one undo step: every record it created or changed, and the festival."""

    def __init__(
        self,
        service: FestivalService,
        plan: ImportPlan,
        text: str,
        spaces: SpacesPlan | None = None,
    ) -> None:
        super().__init__(text)
        self.service = service
        self.plan = plan
        self.spaces = spaces  # the workbook's Spaces sheet, drawn in this step
        self.result: ImportResult | None = None

    @property
    def done_text(self) -> str:
        """What the status bar says once the import is done (see gui/feedback.py)."""
        if self.result is None:
            return ""
        log = self.result.log
        return QCoreApplication.translate("Feedback", "Import: {0} created, {1} changed").format(
            len(log.created()), len(log.updated())
        )

    def redo(self) -> None:
        # A record changed elsewhere since the plan read it (or since the last undo)
        # refuses the whole step; the views then read the file again.
        with commands.rereads_when_stale(self.service):
            if self.result is None:
                with self.service.batch():
                    result = apply_plan(self.service, self.plan)
                    import_workbook_spaces(self.service, self.spaces, result.log)
                self.result = result
            else:
                redo_import(self.service, self.result)

    def undo(self) -> None:
        assert self.result is not None
        with commands.rereads_when_stale(self.service):
            undo_import(self.service, self.result)


class _Reader(QThread):
    """Reads and checks the workbook off the GUI thread."""

    progressed = Signal(int, int)
    planned = Signal(object)
    failed = Signal(str, bool)  # message, cancelled

    def __init__(self, snapshot: Snapshot, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snapshot = snapshot
        self.path = path

    def run(self) -> None:
        try:
            plan = preview_workbook(
                self.snapshot,
                self.path,
                progress=self.progressed.emit,
                should_stop=self.isInterruptionRequested,
            )
        except WorkbookError as exc:
            self.failed.emit(exc.message(), exc.template == CANCELLED)
        except Exception as exc:  # a defect: say so plainly, keep the details in the log
            logger.exception("reading %s failed", self.path)
            self.failed.emit(
                translate("Import", "The workbook could not be read: {detail}").format(detail=exc),
                False,
            )
        else:
            self.planned.emit(plan)


class ImportDialog(QDialog):
    """Choose a workbook, see what it would change and every problem, then import it."""

    COUNT_COLUMNS = 5

    def __init__(
        self,
        service: FestivalService,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.undo_stack = undo_stack
        self.plan: ImportPlan | None = None
        self.snapshot: Snapshot | None = None  # what the plan was made against
        self.reader: _Reader | None = None
        self.path: Path | None = None
        self.setWindowTitle(self.tr("Import applications from Excel"))
        self.resize(900, 640)

        layout = QVBoxLayout(self)
        chooser = QHBoxLayout()
        label = QLabel(self.tr("Workbook:"))
        chooser.addWidget(label)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(
            self.tr("Type the path of an .xlsx file and press Enter, or choose one")
        )
        self.path_edit.setClearButtonEnabled(True)
        label.setBuddy(self.path_edit)
        # Enter reads the workbook typed (again, when it is shown already); leaving the
        # field reads it when it was edited.
        self.path_edit.returnPressed.connect(lambda: self._path_typed(again=True))
        self.path_edit.editingFinished.connect(self._path_typed)
        chooser.addWidget(self.path_edit, 1)
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose)
        chooser.addWidget(self.choose_button)
        layout.addLayout(chooser)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.counts = QTableWidget(0, self.COUNT_COLUMNS)
        self.counts.setHorizontalHeaderLabels(
            [
                self.tr("Sheet"),
                self.tr("Created"),
                self.tr("Updated"),
                self.tr("Unchanged"),
                self.tr("Rows with errors"),
            ]
        )
        self._readonly_table(self.counts)
        self.counts.setFixedHeight(self.counts.horizontalHeader().sizeHint().height() + 4)
        layout.addWidget(self.counts)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.changes_view = ChangesView()
        self.changes_view.ticks_changed.connect(self._show_status)
        self.changes = self.changes_view.tree
        self.tick_all_button = self.changes_view.tick_all_button
        self.untick_all_button = self.changes_view.untick_all_button
        splitter.addWidget(self.changes_view)

        problems_box = QWidget()
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        self.problems_label = QLabel(self.tr("Problems"))
        problems_layout.addWidget(self.problems_label)
        self.problems = QTableWidget(0, 5)
        self.problems.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("Sheet"),
                self.tr("Row"),
                self.tr("Column"),
                self.tr("Problem"),
            ]
        )
        self._readonly_table(self.problems)
        self.problems.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        problems_layout.addWidget(self.problems, 1)
        splitter.addWidget(problems_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        # Enter in the Workbook field reads the file; it never presses a button.
        for button in (self.import_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.import_button.clicked.connect(self.commit)
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(self.buttons)
        if path is not None:
            self.start(path)

    @staticmethod
    def _readonly_table(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)

    # -- reading ------------------------------------------------------------------------------

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import applications"), "", self.tr("Excel workbooks (*.xlsx *.xlsm)")
        )
        if name:
            self.start(Path(name))

    def _path_typed(self, again: bool = False) -> None:
        """Enter in the Workbook field, or leaving it after an edit: read that workbook."""
        edited = self.path_edit.isModified()
        self.path_edit.setModified(False)
        if not (edited or again) or not self.isVisible():
            return  # focus left an untouched field, or the dialog is closing
        typed = self.path_edit.text().strip().strip('"')
        if not typed:
            return
        path = Path(typed).expanduser()
        if not again and path == self.path and (self.reading() or self.plan is not None):
            return  # that workbook is being read or shown already
        self.start(path)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the Workbook field has done its work (editingFinished): it must not
        # reach the dialog, which would take it for its default button.
        if self.path_edit.hasFocus() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def start(self, path: Path) -> None:
        """Read and check `path` in the background."""
        self.stop_reading()
        self.path = path
        self.plan = None
        self.path_edit.setText(str(path))
        self.import_button.setEnabled(False)
        self.counts.setRowCount(0)
        self.problems.setRowCount(0)
        self.changes_view.clear()
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Reading {0}…").format(path.name))
        self.snapshot = Snapshot.read(self.service)
        reader = _Reader(self.snapshot, path, self)
        # Results of a reading that was cancelled or replaced may still be queued: drop them.
        reader.progressed.connect(
            lambda done, expected: (
                self._progressed(done, expected) if reader is self.reader else None
            )
        )
        reader.planned.connect(lambda plan: self._planned(plan) if reader is self.reader else None)
        reader.failed.connect(
            lambda text, cancelled: self._failed(text, cancelled) if reader is self.reader else None
        )
        self.reader = reader
        reader.start()

    def reading(self) -> bool:
        """True from the start of a reading until its result is shown."""
        return self.reader is not None

    def stop_reading(self) -> None:
        reader, self.reader = self.reader, None
        if reader is not None:
            reader.requestInterruption()
            reader.wait()

    def _progressed(self, done: int, expected: int) -> None:
        if expected > 0:
            self.progress.setRange(0, expected)
            self.progress.setValue(min(done, expected))
        self.status.setText(self.tr("Reading rows: {0}").format(done))

    def _failed(self, message: str, cancelled: bool) -> None:
        self.progress.setVisible(False)
        self.status.setText(self.tr("Reading was cancelled.") if cancelled else message)
        self._reader_done()

    def _reader_done(self) -> None:
        """The reading has sent its result: let its thread end before it can go (a QThread
        destroyed while running aborts the program), which takes no time now."""
        reader, self.reader = self.reader, None
        if reader is not None:
            reader.wait()

    def _planned(self, plan: ImportPlan) -> None:
        self.progress.setVisible(False)
        self._reader_done()
        self.plan = plan
        self._show_counts(plan)
        self._show_problems(plan)
        self.changes_view.show_plan(plan)
        self._show_status()

    def _show_status(self) -> None:
        plan = self.plan
        if plan is None:
            return
        if plan.has_errors:
            self.status.setText(
                self.tr(
                    "Rows with errors: {0}. Correct them in the workbook and read it again; "
                    "nothing can be imported until every row is right."
                ).format(plan.error_rows)
            )
            self.import_button.setEnabled(False)
            return
        if not plan.has_changes:
            unchanged = plan.unchanged
            self.status.setText(
                self.tr("Nothing to import: the one row matches the festival already.")
                if unchanged == 1
                else self.tr("Nothing to import: all {0} rows match the festival already.").format(
                    unchanged
                )
            )
            self.import_button.setEnabled(False)
            return
        text = self.tr("Ready: {0}, {1}, {2}.").format(
            self._created_text(plan.created),
            self._updated_text(plan.updated),
            self._unchanged_text(plan.unchanged),
        )
        left_out = len(self.unticked())
        if left_out:
            text += " " + self.tr(
                "{0} of {1} changes are unticked and will not be imported."
            ).format(left_out, len(self.shown))
        self.status.setText(text)
        self.import_button.setEnabled(left_out < len(self.shown))

    def _created_text(self, count: int) -> str:
        if count == 1:
            return self.tr("1 record will be created")
        return self.tr("{0} records will be created").format(count)

    def _updated_text(self, count: int) -> str:
        if count == 1:
            return self.tr("1 record will be updated")
        return self.tr("{0} records will be updated").format(count)

    def _unchanged_text(self, count: int) -> str:
        if count == 1:
            return self.tr("1 record stays unchanged")
        return self.tr("{0} records stay unchanged").format(count)

    # -- the changes -----------------------------------------------------------------

    @property
    def shown(self) -> list[Change | FestivalChange]:
        """The changes listed, in order."""
        return self.changes_view.shown

    def change_item(self, index: int) -> QTreeWidgetItem:
        """The line of the `index`th change (as `shown` lists them)."""
        return self.changes_view.change_item(index)

    def unticked(self) -> list[RowKey]:
        """The rows whose changes the user unticked."""
        return self.changes_view.unticked()

    def _show_counts(self, plan: ImportPlan) -> None:
        self.counts.setRowCount(len(plan.counts))
        for row, (sheet, counts) in enumerate(plan.counts.items()):
            values = [counts.created, counts.updated, counts.unchanged, counts.errors]
            self.counts.setItem(row, 0, QTableWidgetItem(translate("ImportSheet", sheet)))
            for column, value in enumerate(values, start=1):
                item = QTableWidgetItem(str(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.counts.setItem(row, column, item)
        self.counts.resizeColumnsToContents()
        for column in range(1, self.COUNT_COLUMNS):
            self.counts.setColumnWidth(column, max(self.counts.columnWidth(column), 110))
        # As tall as its rows: the problems below get the rest of the space.
        height = self.counts.horizontalHeader().height() + 2 * self.counts.frameWidth()
        height += sum(self.counts.rowHeight(r) for r in range(self.counts.rowCount()))
        self.counts.setFixedHeight(height)

    def _show_problems(self, plan: ImportPlan) -> None:
        shown = plan.errors() + plan.warnings()
        self.problems_label.setText(
            self.tr("Problems: {0} errors, {1} warnings").format(
                len(plan.errors()), len(plan.warnings())
            )
        )
        self.problems.setRowCount(len(shown))
        for row, problem in enumerate(shown):
            kind = self.tr("Error") if problem.is_error else self.tr("Warning")
            cells = [
                kind,
                translate("ImportSheet", problem.sheet),
                str(problem.row) if problem.row else "",
                translate("ImportColumn", problem.column) if problem.column else "",
                problem.text(),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.problems.setItem(row, column, item)
        self.problems.resizeColumnsToContents()
        self.problems.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

    # -- committing -----------------------------------------------------------------------------

    def commit(self) -> None:
        """Import the ticked changes as one undo step (only offered when no row has an
        error). Unticked ones are left out by planning again against the same snapshot,
        so a record changed elsewhere since the preview is still refused."""
        if self.plan is None or self.plan.has_errors or not self.plan.has_changes:
            return
        plan = self.plan
        left_out = self.unticked()
        if left_out:
            if len(left_out) >= len(self.shown):
                return
            assert self.snapshot is not None
            plan = replan(self.snapshot, self.plan, left_out)
            if plan.has_errors:
                self._show_problems(plan)
                self.status.setText(
                    self.tr(
                        "The ticked changes need some that are unticked (see the problems); "
                        "tick those too, or untick the changes that need them."
                    )
                )
                return
            if not plan.has_changes:
                return
        name = self.path.name if self.path else ""
        try:
            spaces = plan_workbook_spaces(self.service, self.path) if self.path else None
            if spaces and not self._spaces_confirmed(spaces):
                return
            command = ImportCommand(self.service, plan, self.tr("Import {0}").format(name), spaces)
            commands.push(self.undo_stack, command)
        except UserError as exc:  # a bad Spaces sheet; changed elsewhere meanwhile; a lost
            show_error(self, self.tr("Import failed"), exc.message())  # server: none written
            return
        self.accept()

    def _spaces_confirmed(self, spaces: SpacesPlan) -> bool:
        """Show what the workbook's Spaces sheet draws and changes, before and after;
        True when the user goes on (Cancel is the default)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Spaces sheet"),
            self.tr(
                "The workbook's Spaces sheet also changes the site maps, in the same step as "
                "the import: new spaces {0}, changed spaces {1}."
            ).format(len(spaces.new), len(spaces.changed)),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("spaces_confirmation")
        box.setInformativeText(self.tr("The details list every space, before and after."))
        box.setDetailedText("\n".join(spaces.describe(language())))
        go_on = box.addButton(self.tr("Import"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        return box.clickedButton() is go_on

    def cancel(self) -> None:
        """Stop reading if a workbook is being read; otherwise close without importing."""
        if self.reading():
            self.stop_reading()
            self._failed("", True)
            return
        self.reject()

    def reject(self) -> None:
        self.stop_reading()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_reading()
        super().closeEvent(event)


def open_import_dialog(
    parent: QWidget | None, service: FestivalService, undo_stack: QUndoStack
) -> None:
    """File > Import…: ask for a workbook, preview it, import it on the user's word."""
    name, _ = QFileDialog.getOpenFileName(
        parent, _tr("Import applications"), "", _tr("Excel workbooks (*.xlsx *.xlsm)")
    )
    if not name:
        return
    dialog = ImportDialog(service, undo_stack, parent, Path(name))
    dialog.exec()


def save_import_template(parent: QWidget | None, service: FestivalService | None = None) -> None:
    """File > Import template…: save the template workbook where the user chooses; with
    `service`, its Venue and Troupe drop-downs list that festival's venues and troupes."""
    from festival_app.imports.template import write_template

    name, _ = QFileDialog.getSaveFileName(
        parent,
        _tr("Save import template"),
        _tr("festival-import-template.xlsx"),
        _tr("Excel workbooks (*.xlsx *.xlsm)"),
    )
    if not name:
        return
    path = Path(name)
    if path.suffix.lower() != ".xlsx":
        path = path.with_suffix(".xlsx")
    try:
        write_template(path, language(), service)
    except StoreError as exc:  # a festival file chosen, a full disk, ...
        show_error(parent, _tr("Template not saved"), exc.message())
        return
    show_info(
        parent, _tr("Template saved"), _tr("The import template was saved as {0}.").format(path)
    )
