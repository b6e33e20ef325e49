"""One section of the window: a searchable, sortable table of one kind of record.

Adding, editing and deleting go through undo commands pushed by the window; the table
itself only reads (its model reloads when the service announces a change).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from festival_app.domain.booths import Booth
from festival_app.domain.errors import UserError, ValidationError
from festival_app.domain.times import format_time
from festival_app.domain.troupes import Troupe
from festival_app.gui import settings as config
from festival_app.gui.commands import DeleteRecordsCommand, SaveRecordCommand
from festival_app.gui.dialogs.messages import (
    ItemsChoice,
    ask_troupe_items,
    confirm_delete,
    show_error,
)
from festival_app.gui.mine_on_top import save_record
from festival_app.gui.models.base import RecordTableModel, language
from festival_app.gui.widgets.column_fit import add_column_menu, fit_columns
from festival_app.services import Dependents

if TYPE_CHECKING:
    from festival_app.gui.dialogs.editors import RecordDialog
    from festival_app.gui.host import Host

ModelIndex = QModelIndex | QPersistentModelIndex

NAMED_AT_MOST = 8  # records named in a confirmation before "and N more"


@dataclass(frozen=True)
class SectionTexts:
    """The translated words of one section (templates take the record's label as {0})."""

    add: str  # "Add booth '{0}'"
    edit: str  # "Edit booth '{0}'"
    delete_one: str  # "Delete booth '{0}'"
    delete_many: str  # "Delete {0} booths"
    ask_one: str  # "Delete the booth {0}?"
    ask_many: str  # "Delete these {0} booths?"
    search: str  # placeholder of the search box
    count: str  # "{0} of {1} booths"


@dataclass(frozen=True)
class SectionSpec:
    """What a record section needs to know about its kind of record."""

    key: str
    kind: type
    texts: SectionTexts
    label: Callable[[Any], str]
    dialog: Callable[[Any | None, Callable[[Any], None], QWidget], RecordDialog]
    # How a delete confirmation names a record when its label alone does not say what it
    # is (a booth's code: "P-75 (Peru Tourism, Peru)"); None: by its label.
    describe: Callable[[Any], str] | None = None


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down for columns with a fixed set of values (a program item's status)."""

    def __init__(self, choices: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        box = QComboBox(parent)
        for value, label in self.choices:
            box.addItem(label, value)
        return box

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setCurrentIndex(max(0, editor.findData(value)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class RecordSection(QWidget):
    """Search box, buttons and the table of one kind of record."""

    selection_changed = Signal()

    def __init__(self, window: Host, model: RecordTableModel[Any], spec: SectionSpec) -> None:
        super().__init__()
        self.window_ = window
        self.model = model
        self.spec = spec
        model.committer = self  # in-place edits come back through commit()/refuse()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName(f"search_{spec.key}")
        self.search.setPlaceholderText(spec.texts.search)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        bar.addWidget(self.search, 1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        self.add_button = self._button(self.tr("Add…"), self.add_record)
        self.edit_button = self._button(self.tr("Edit…"), self.edit_selected)
        self.delete_button = self._button(self.tr("Delete"), self.delete_selected)
        for button in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        layout.addLayout(bar)

        self.table = QTableView()
        self.table.setObjectName(f"table_{spec.key}")
        self.table.setModel(model)
        # No sort column until one is clicked (the file's order: area, then code);
        # set before enabling sorting, which sorts by the indicator's column at once.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.DoubleClicked  # in-place columns; others: dialog
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Row numbers mean little in a sorted, filtered list and cost paint time per key.
        self.table.verticalHeader().hide()
        # Fit columns to the first rows only: measuring 12,000 rows took 1.6 s.
        self.table.verticalHeader().setResizeContentsPrecision(200)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        self.table.doubleClicked.connect(self._double_clicked)
        # The actions act on the rows selected and shown. A search (or a reload) resets
        # the model, which drops the selection without a signal: the records the user
        # selected are kept by id and selected again where they are shown (a search that
        # hides a selected booth leaves nothing to edit; clearing it selects it again).
        self._kept_ids: set[Any] = set()
        self._user_selected = False  # the selection changed since it was last kept
        self._restoring = False
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        model.modelAboutToBeReset.connect(self._keep_selection)
        model.modelReset.connect(self._reselect)
        model.modelReset.connect(self._update_count)
        model.rowsInserted.connect(self._update_count)
        model.rowsRemoved.connect(self._update_count)
        choices = getattr(model, "choices", None)
        if choices is not None:
            for column in model.editable:
                options = choices(column)
                if options:
                    self.table.setItemDelegateForColumn(column, ChoiceDelegate(options, self.table))
        layout.addWidget(self.table, 1)
        self._load_header()
        add_column_menu(self.table)  # right-click a heading to show or hide columns
        self._update_count()
        self.update_actions()
        # Make the search text in idle time, a few hundred rows at a time, so the first
        # key typed finds it ready without a pause when the section opened.
        self._warm_timer = QTimer(self)
        self._warm_timer.setInterval(0)
        self._warm_timer.timeout.connect(self._warm)
        QTimer.singleShot(100, self._warm_timer.start)
        model.modelReset.connect(lambda: self._warm_timer.start())

    def _warm(self) -> None:
        if not self.model.prepare():
            self._warm_timer.stop()

    def _button(self, text: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(slot)
        return button

    # -- header and settings -----------------------------------------------------------

    def _load_header(self) -> None:
        header = self.table.horizontalHeader()
        state = config.table_header(self.spec.key).get(self.window_.settings)
        if state.isEmpty() or not header.restoreState(state):
            self._fit_columns()
            return
        column = header.sortIndicatorSection()
        if 0 <= column < self.model.columnCount():
            self.model.sort(column, header.sortIndicatorOrder())

    def _fit_columns(self) -> None:
        """Columns as wide as their header and first rows (QTableView's own fitting
        reads every row of a table that is not shown yet: 1.6 s for 12,000 booths),
        secondary ones hidden, narrowed to the table's width once it is shown."""
        fit_columns(self.table, self.model.hidden_columns)

    def save_settings(self) -> None:
        state = self.table.horizontalHeader().saveState()
        config.table_header(self.spec.key).set(self.window_.settings, state)

    # -- state -------------------------------------------------------------------------

    def _search_changed(self, text: str) -> None:
        self.model.set_search(text)

    def _update_count(self, *args: object) -> None:
        self.count_label.setText(
            self.spec.texts.count.format(self.model.rowCount(), self.model.total_count())
        )

    def _selection_changed(self, *args: object) -> None:
        if not self._restoring:
            self._user_selected = True
        self.update_actions()
        self.selection_changed.emit()  # the window updates its actions

    def _keep_selection(self) -> None:
        """Before a reset: the ids of the records selected (when the user changed the
        selection since the last reset; else the ones kept then, shown or not)."""
        if self._user_selected:
            self._kept_ids = {getattr(r, "id", None) for r in self.selected_records()}
            self._user_selected = False

    def _reselect(self) -> None:
        """After a reset: select the kept records that are shown; the actions follow."""
        rows = self.model.rows_of(self._kept_ids) if self._kept_ids else []
        if rows:
            selection = QItemSelection()
            last = self.model.columnCount() - 1
            start = previous = rows[0]
            for row in [*rows[1:], None]:
                if row is not None and row == previous + 1:
                    previous = row
                    continue
                selection.select(self.model.index(start, 0), self.model.index(previous, last))
                if row is not None:
                    start = previous = row
            self._restoring = True
            try:
                self.table.selectionModel().select(
                    selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
            finally:
                self._restoring = False
        self.update_actions()
        self.selection_changed.emit()

    def update_actions(self, selected: int | None = None) -> None:
        """Enable the buttons for `selected` rows (counted here when not given)."""
        if selected is None:
            selected = self.selected_count()
        writable = not self.window_.service.read_only
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and selected == 1)
        self.delete_button.setEnabled(writable and selected > 0)

    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def selected_count(self) -> int:
        """How many rows are selected, counted from the selection's ranges: quick with
        thousands selected, where selected_rows() makes an index for every row."""
        selection = self.table.selectionModel().selection()
        ranges = sorted((r.top(), r.bottom()) for r in map(selection.at, range(selection.count())))
        count, reached = 0, -1
        for top, bottom in ranges:  # ranges may overlap: count each row once
            if bottom > reached:
                count += bottom - max(top, reached + 1) + 1
                reached = bottom
        return count

    def selected_records(self) -> list[Any]:
        return [self.model.record(row) for row in self.selected_rows()]

    def select_record(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row is None and self.model.search_text():
            self.search.clear()  # the new record may not match the search
            row = self.model.row_of(record_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- editing -----------------------------------------------------------------------

    def _submit(self, template: str) -> Callable[[Any], None]:
        def submit(record: Any) -> None:
            # Theirs kept: the refusal is shown in the dialog, which keeps what was typed.
            command = self._save(record, template.format(self.spec.label(record)), raise_kept=True)
            if command is None:
                return
            stored_id = getattr(command.stored(), "id", None)
            if stored_id is not None:
                self.select_record(stored_id)

        return submit

    def add_record(self) -> None:
        if self.window_.service.read_only:
            return
        dialog = self.spec.dialog(None, self._submit(self.spec.texts.add), self)
        dialog.exec()

    def edit_selected(self) -> None:
        records = self.selected_records()
        if len(records) != 1 or self.window_.service.read_only:
            return
        dialog = self.spec.dialog(records[0], self._submit(self.spec.texts.edit), self)
        dialog.exec()

    def _double_clicked(self, index: QModelIndex) -> None:
        if not (self.model.flags(index) & Qt.ItemFlag.ItemIsEditable):
            self.table.selectRow(index.row())
            self.edit_selected()

    def _save(
        self, record: Any, text: str, *, raise_kept: bool = False
    ) -> SaveRecordCommand | None:
        """Save `record` as one undo step, offering to apply it on top of someone else's
        change (see mine_on_top.save_record)."""
        service = self.window_.service
        return save_record(self, service, self.window_.push, record, text, raise_kept=raise_kept)

    def commit(self, record: Any) -> bool:
        """An in-place cell edit: one undo step, or a message and nothing written."""
        text = self.spec.texts.edit.format(self.spec.label(record))
        try:
            saved = self._save(record, text)
        except ValidationError as exc:
            show_error(self, self.tr("Not changed"), "\n".join(p.message() for p in exc.problems))
            return False
        except UserError as exc:  # a full disk, a record deleted elsewhere
            show_error(self, self.tr("Not changed"), exc.message())
            return False
        return saved is not None

    def refuse(self, message: str) -> None:
        show_error(self, self.tr("Not changed"), message)

    def delete_selected(self) -> None:
        records = self.selected_records()
        if not records or self.window_.service.read_only:
            return
        ids = [r.id for r in records]
        labels = [self.spec.label(r) for r in records]
        describe = self.spec.describe or self.spec.label
        names = [describe(r) for r in records]
        texts = self.spec.texts
        if len(records) == 1:
            question = texts.ask_one.format(names[0])
            undo_text = texts.delete_one.format(labels[0])
            named: list[str] = []  # the question names it
        else:
            question = texts.ask_many.format(len(records))
            undo_text = texts.delete_many.format(len(records))
            named = names
        service = self.window_.service
        deps = service.dependents(self.spec.kind, ids)
        details = self._describe(named, deps)
        keep_items = False
        if self.spec.kind is Troupe and deps.items:
            choice = ask_troupe_items(self, self.tr("Delete troupes"), question, details)
            if choice is None:
                return
            keep_items = choice is ItemsChoice.KEEP
        elif not confirm_delete(self, self.tr("Delete"), question, details):
            return
        # The records as shown, with their row versions: if one was changed elsewhere
        # since, nothing is deleted and the table shows it as it is now.
        command = DeleteRecordsCommand(
            service, self.spec.kind, records, undo_text, keep_items=keep_items
        )
        try:
            self.window_.push(command)
        except UserError as exc:  # a full disk, a record changed elsewhere
            show_error(self, self.tr("Not deleted"), exc.message())

    def _describe(self, labels: list[str], deps: Dependents) -> str:
        """Names what goes (unless the question did) and what depends on it, a few of each."""
        lines = [_names(labels, self.tr("… and {0} more"))] if labels else []
        if deps.items:
            lang = language()
            titles = [f"{i.title(lang)} ({format_time(i.start)})" for i in deps.items]
            if self.spec.kind is Troupe:
                lines.append(
                    self.tr("They have {0} program items: {1}").format(
                        len(deps.items), _names(titles, self.tr("… and {0} more"))
                    )
                )
            else:
                lines.append(
                    self.tr("This also deletes {0} program items: {1}").format(
                        len(deps.items), _names(titles, self.tr("… and {0} more"))
                    )
                )
        if deps.booths:
            codes = [b.code or b.label(language()) for b in deps.booths]
            lines.append(
                self.tr("This also deletes {0} booths: {1}").format(
                    len(deps.booths), _names(codes, self.tr("… and {0} more"))
                )
            )
        if deps.site_maps or deps.spaces:
            lines.append(
                self.tr("This also deletes the site map and its {0} drawn spaces.").format(
                    len(deps.spaces)
                )
            )
        lines.append(self.tr("You can undo this with Edit > Undo."))
        return "\n\n".join(lines)


def describe_booth(booth: Booth, lang: str) -> str:
    """A booth as a delete confirmation names it: its code with who exhibits and the
    country ("P-75 (Peru Tourism, Peru)"); without a code, who and the country."""
    from festival_app.domain import countries

    who = booth.exhibitor or booth.organization
    parts = [p for p in (booth.code, who, countries.name(booth.country, lang)) if p]
    parts = list(dict.fromkeys(parts))  # an exhibitor named like the country: once
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return f"{parts[0]} ({', '.join(parts[1:])})"


def _names(labels: list[str], more: str) -> str:
    shown = ", ".join(labels[:NAMED_AT_MOST])
    if len(labels) > NAMED_AT_MOST:
        shown += " " + more.format(len(labels) - NAMED_AT_MOST)
    return shown


__all__ = ["ChoiceDelegate", "RecordSection", "SectionSpec", "SectionTexts", "describe_booth"]
