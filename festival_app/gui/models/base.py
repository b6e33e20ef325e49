"""The table model every list of records shares: display, sort and search done in Python.

Why not QSortFilterProxyModel: its C++ sort and filter call back into Python's data() for
every comparison; sorting 12,000 booths took 4.7 s here. The model instead keeps, per row,
the display strings, one sort key per column and one lowercase search text, computed once
when the records load; sorting is one Python `sorted` on those keys and each keystroke in
the search box is one pass of substring tests (a few milliseconds for 12,000 rows).
"""

from __future__ import annotations

from datetime import date, time
from enum import IntEnum
from functools import cache
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from festival_app.domain.times import format_day, format_time, normalize_text
from festival_app.gui.listeners import subscribe_weakly
from festival_app.services import FestivalService

R = TypeVar("R")

ModelIndex = QModelIndex | QPersistentModelIndex

_USER = int(Qt.ItemDataRole.UserRole.value)
RECORD_ROLE = _USER + 1  # the record itself
SORT_ROLE = _USER + 2  # the column's sort key
ID_ROLE = _USER + 3  # the record's id

Cell = tuple[str, Any]  # (display text, sort key)

# Roles and flags as plain ints and values, looked up once: data() runs thousands of
# times per repaint and Qt's enum attributes are slow to reach from Python.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_EDIT = int(Qt.ItemDataRole.EditRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_HANDLED = frozenset({_DISPLAY, _EDIT, _TOOLTIP, _ALIGNMENT, RECORD_ROLE, SORT_ROLE, ID_ROLE})
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_HORIZONTAL = Qt.Orientation.Horizontal
_VERTICAL = Qt.Orientation.Vertical
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsEditable


class EditRefused(ValueError):
    """An in-place edit could not be read (e.g. '25:00' as a time); nothing was written."""


class Committer(Protocol):
    """Where a model sends in-place edits: pushes the undo command or tells the user."""

    def commit(self, record: Any) -> bool: ...

    def refuse(self, message: str) -> None: ...


def language() -> str:
    """'ko' when the interface speaks Korean, else 'en'."""
    from PySide6.QtCore import QLocale

    return "ko" if QLocale().language() == QLocale.Language.Korean else "en"


def sort_key(value: Any) -> tuple[int, Any]:
    """Empty values sort after everything else; text sorts without case."""
    if value is None or value == "":
        return (1, "")
    if isinstance(value, str):
        return (0, value.casefold())
    return (0, value)


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows of records of one kind, with its own sorting and as-you-type search."""

    Column: ClassVar[type[IntEnum]]
    headers: ClassVar[dict[int, str]]  # English sources, translated in `context`
    context: ClassVar[str]
    topics: ClassVar[frozenset[str]]  # change notifications that reload this model
    own_topic: ClassVar[str]  # the topic of the rows; other topics are lookups (names)
    editable: ClassVar[frozenset[int]] = frozenset()
    numeric: ClassVar[frozenset[int]] = frozenset()
    date_columns: ClassVar[frozenset[int]] = frozenset()  # also found by search as ISO
    # Shown only when chosen (right-click a heading): without them the table fits the
    # window's width at 1280 x 800.
    hidden_columns: ClassVar[frozenset[int]] = frozenset()
    # Hidden too, in this order, when a narrower window has no room even for the headings.
    expendable_columns: ClassVar[tuple[int, ...]] = ()

    def __init__(self, service: FestivalService, parent: Any = None) -> None:
        super().__init__(parent)
        self.service = service
        self.committer: Committer | None = None
        self.language = language()
        # Asked for every painted cell; a file stays read-only or writable while open.
        self._editable = frozenset() if service.read_only else self.editable
        self._records: list[R] = []
        # Per record, made when first needed (shown, sorted or searched), so that a
        # section of 12,000 booths opens without formatting every row first.
        self._cells: list[list[str] | None] = []  # display text of each column
        self._values: list[list[Any] | None] = []  # raw sort value of each column
        self._search: list[str | None] = []  # lowercase text a search looks in
        self._key_cache: dict[int, list[tuple[int, Any]]] = {}  # sort keys of a column
        self._warm_position = 0
        self._order: list[int] = []  # positions in _records of the visible rows, in order
        self._needles: list[str] = []
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        subscribe_weakly(service, self, "_on_change")
        self.reload()

    # -- what subclasses provide -------------------------------------------------------

    def load(self) -> list[R]:
        """Read every record (and whatever lookups the cells need) from the service."""
        raise NotImplementedError

    def cells(self, record: R) -> list[Cell]:
        """(display, sort key) for every column, in Column order."""
        raise NotImplementedError

    def extra_search(self, record: R) -> str:
        """Text found by search but not shown (e.g. the other language's names)."""
        return ""

    def edited(self, record: R, column: int, value: Any) -> R:
        """The record with `value` typed into `column`; raise EditRefused if unreadable."""
        raise EditRefused(value)

    def edit_value(self, record: R, column: int) -> Any:
        """What an in-place editor starts with."""
        return self._row_cells(self._records.index(record))[column]

    # -- loading -----------------------------------------------------------------------

    def _on_change(self, topics: frozenset[str]) -> None:
        if topics & self.topics:
            self.reload(topics)

    def reload(self, topics: frozenset[str] | None = None) -> None:
        """Read the records again; unchanged rows stay as they are (narrow dataChanged).

        When only rows of the model's own kind changed, only the records that differ are
        redrawn; a change of a lookup (a venue's name) redraws every row.
        """
        records = self.load()
        count = len(records)
        same_rows = [_id(r) for r in records] == [_id(r) for r in self._records]
        if not same_rows:
            self.beginResetModel()
            self._set_rows(records, range(count))
            self._order = self._compute_order()
            self.endResetModel()
            return
        if topics is not None and topics & self.topics <= {self.own_topic}:
            changed = [i for i in range(count) if records[i] != self._records[i]]
        else:
            changed = list(range(count))
        self._set_rows(records, changed)
        order = self._compute_order()
        if order != self._order:
            self._relayout(order)
            return
        if not changed or not self._order:
            return
        last = self.columnCount() - 1
        if len(changed) == count:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._order) - 1, last))
            return
        position = {record: row for row, record in enumerate(self._order)}
        for i in changed:
            row = position.get(i)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def _set_rows(self, records: list[R], stale: range | list[int]) -> None:
        """Take the records; forget what was made for the `stale` ones."""
        if len(records) != len(self._records):
            self._cells = [None] * len(records)
            self._values = [None] * len(records)
            self._search = [None] * len(records)
        else:
            for i in stale:
                self._cells[i] = self._values[i] = self._search[i] = None
        self._records = records
        self._key_cache = {}
        self._warm_position = 0

    def _row_cells(self, i: int) -> list[str]:
        display = self._cells[i]
        if display is None:
            cells = self.cells(self._records[i])
            display = [c[0] for c in cells]
            self._cells[i] = display
            self._values[i] = [c[1] for c in cells]
        return display

    def _row_search(self, i: int) -> str:
        text = self._search[i]
        if text is None:
            # Stored text is already normalized (editors and imports do it); only the
            # typed search words are, in set_search.
            text = f"{' '.join(self._row_cells(i))} {self.extra_search(self._records[i])}"
            if self.date_columns:  # dates show the language's way; typed ISO finds them too
                values = self._values[i] or []
                text += " " + " ".join(
                    values[c].isoformat() for c in self.date_columns if values[c] is not None
                )
            text = text.casefold()
            self._search[i] = text
        return text

    def _all_search(self) -> list[str]:
        if None in self._search:
            for i in range(len(self._records)):
                self._row_search(i)
        return self._search  # type: ignore[return-value]

    def prepare(self, rows: int = 500) -> bool:
        """Make the search text of up to `rows` more records (idle time, in steps);
        True while some are left."""
        end = min(self._warm_position + rows, len(self._records))
        for i in range(self._warm_position, end):
            self._row_search(i)
        self._warm_position = end
        return end < len(self._records)

    def _sort_keys(self, column: int) -> list[tuple[int, Any]]:
        """Sort keys of one column, made when that column is first sorted by."""
        keys = self._key_cache.get(column)
        if keys is None:
            for i, values in enumerate(self._values):
                if values is None:
                    self._row_cells(i)
            keys = [sort_key(row[column]) for row in self._values]  # type: ignore[index]
            self._key_cache[column] = keys
        return keys

    def _compute_order(self) -> list[int]:
        rows = range(len(self._records))
        if self._needles:
            search = self._all_search()
            needles = self._needles
            if len(needles) == 1:
                needle = needles[0]
                rows = [i for i in rows if needle in search[i]]  # type: ignore[assignment]
            else:
                rows = [i for i in rows if all(n in search[i] for n in needles)]  # type: ignore[assignment]
        if self._sort_column < 0:
            return list(rows)
        keys = self._sort_keys(self._sort_column)
        return sorted(
            rows,
            key=keys.__getitem__,
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )

    def _relayout(self, order: list[int]) -> None:
        """Show the rows in a new order, keeping selections on the same records."""
        if len(order) != len(self._order):
            self.beginResetModel()
            self._order = order
            self.endResetModel()
            return
        self.layoutAboutToBeChanged.emit()
        old_order = self._order
        new_rows = {record: row for row, record in enumerate(order)}
        previous = self.persistentIndexList()
        self._order = order
        replacement: list[QModelIndex] = []
        for index in previous:
            record = old_order[index.row()] if 0 <= index.row() < len(old_order) else None
            new_row = new_rows.get(record) if record is not None else None
            replacement.append(
                self.index(new_row, index.column()) if new_row is not None else QModelIndex()
            )
        self.changePersistentIndexList(previous, replacement)
        self.layoutChanged.emit()

    # -- sorting and searching ---------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = column
        self._sort_order = order
        self._relayout(self._compute_order())

    def set_search(self, text: str) -> None:
        """Show only rows whose text holds every word of `text` (any case, KO or EN)."""
        needles = normalize_text(text).casefold().split()
        if needles == self._needles:
            return
        if _narrows(self._needles, needles):
            # Typing on: only rows shown now can still match, and they stay in order.
            search = self._all_search()
            if len(needles) == 1:
                needle = needles[0]
                order = [i for i in self._order if needle in search[i]]
            else:
                order = [i for i in self._order if all(n in search[i] for n in needles)]
        else:
            order = None
        self._needles = needles
        self.beginResetModel()
        self._order = order if order is not None else self._compute_order()
        self.endResetModel()

    def search_text(self) -> str:
        return " ".join(self._needles)

    # -- records -----------------------------------------------------------------------

    def record(self, row: int) -> R:
        return self._records[self._order[row]]

    def total_count(self) -> int:
        return len(self._records)

    def row_of(self, record_id: int) -> int | None:
        for row, i in enumerate(self._order):
            if _id(self._records[i]) == record_id:
                return row
        return None

    def rows_of(self, record_ids: set[Any]) -> list[int]:
        """The rows shown of the records with these ids, in order (hidden ones: none)."""
        records = self._records
        return [row for row, i in enumerate(self._order) if _id(records[i]) in record_ids]

    # -- Qt's model interface ------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        role = int(role)
        if orientation == _HORIZONTAL and 0 <= section < len(self.Column):
            if role == _DISPLAY:
                return QCoreApplication.translate(self.context, self.headers[section])
            if role == _ALIGNMENT and section in self.numeric:
                return _RIGHT
        elif role == _DISPLAY and orientation == _VERTICAL:
            return section + 1
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every cell painted: plain int tests, early return.
        if role not in _HANDLED:
            return None
        position = index.row()
        if position < 0 or position >= len(self._order):
            return None
        row = self._order[position]
        column = index.column()
        if role in (_DISPLAY, _TOOLTIP):
            return (self._cells[row] or self._row_cells(row))[column]
        if role == _ALIGNMENT:
            return _RIGHT if column in self.numeric else None
        if role == _EDIT:
            return self.edit_value(self._records[row], column)
        if role == SORT_ROLE:
            self._row_cells(row)
            key = sort_key(self._values[row][column])  # type: ignore[index]
            return key[1] if key[0] == 0 else None
        if role == RECORD_ROLE:
            return self._records[row]
        return _id(self._records[row])  # ID_ROLE

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if index.row() < 0:
            return _NO_FLAGS
        if index.column() in self._editable:
            return _EDITABLE_FLAGS
        return _FLAGS

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() not in self.editable
            or self.committer is None
        ):
            return False
        record = self.record(index.row())
        try:
            changed = self.edited(record, index.column(), value)
        except EditRefused as exc:
            self.committer.refuse(str(exc))
            return False
        if changed == record:
            return True
        # The service's change notification reloads the rows (and emits dataChanged).
        return self.committer.commit(changed)


def _narrows(old: list[str], new: list[str]) -> bool:
    """True when every row matching `new` also matches `old` (more was typed)."""
    if not old or len(new) < len(old):
        return False
    return all(o == n for o, n in zip(old[:-1], new, strict=False)) and old[-1] in new[len(old) - 1]


def number_cell(value: int | None) -> Cell:
    return ("" if value is None else str(value), value)


def one_line(text: str) -> str:
    """Notes shown in one table row."""
    return " ".join(text.split())[:200]


def date_cell(value: date | None, language: str) -> Cell:
    """A date the interface language's way (README: 2018년 9월 1일 (토) / Sat 1 Sep 2018);
    sorted by the date, and found by search in that form and as 2018-09-01 too."""
    return ("" if value is None else format_day(value, language), value)


def time_cell(value: time | None) -> Cell:
    return ("" if value is None else format_time(value), value)


@cache
def country_cell(code: str, language: str) -> Cell:
    from festival_app.domain import countries  # Babel's data: loaded when first shown

    shown = countries.name(code, language)
    return (shown, shown)


@cache
def country_search(code: str) -> str:
    """Both names and the code, so either language finds the country."""
    if not code:
        return ""
    from festival_app.domain import countries

    return f"{countries.name(code, 'en')} {countries.name(code, 'ko')} {code}"


def _id(record: Any) -> Any:
    return getattr(record, "id", None)
