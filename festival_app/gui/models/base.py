"""The table model every list of records shares: display, sort and search done in Python.

Why not QSortFilterProxyModel: its C++ sort and filter call back into Python's data() for
every comparison; sorting 12,000 booths took 4.7 s here. The model instead keeps, per row,
the display strings, one sort key per column and one lowercase search text, computed once
when the records load; sorting is one Python `sorted` on those keys and each keystroke in
the search box is one pass of substring tests (a few milliseconds for 12,000 rows).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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

from festival_app.domain.times import format_time, normalize_text
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
    kinds: ClassVar[frozenset[str]]  # change notifications that reload this model
    editable: ClassVar[frozenset[int]] = frozenset()
    numeric: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, service: FestivalService, parent: Any = None) -> None:
        super().__init__(parent)
        self.service = service
        self.committer: Committer | None = None
        self.language = language()
        self._records: list[R] = []
        self._cells: list[list[str]] = []
        self._values: list[list[Any]] = []  # per row, the raw sort value of each column
        self._key_cache: dict[int, list[tuple[int, Any]]] = {}  # sort keys of a column
        self._search: list[str] = []
        self._order: list[int] = []  # positions in _records of the visible rows, in order
        self._needles: list[str] = []
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        service.subscribe(self._on_change)
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
        return self._cells[self._records.index(record)][column]

    # -- loading -----------------------------------------------------------------------

    def _on_change(self, kinds: frozenset[str]) -> None:
        if kinds & self.kinds:
            self.reload()

    def reload(self) -> None:
        """Read the records again; unchanged rows stay as they are (narrow dataChanged)."""
        records = self.load()
        cells = [self.cells(r) for r in records]
        display = [[c[0] for c in row] for row in cells]
        values = [[c[1] for c in row] for row in cells]
        # Stored text is already normalized (editors and imports do it); only the
        # typed search words are, in set_search.
        extra = self.extra_search
        search = [
            f"{' '.join(d)} {extra(r)}".casefold() for d, r in zip(display, records, strict=True)
        ]
        same_rows = [_id(r) for r in records] == [_id(r) for r in self._records]
        if not same_rows:
            self.beginResetModel()
            self._set_rows(records, display, values, search)
            self._order = self._compute_order()
            self.endResetModel()
            return
        changed = [i for i in range(len(records)) if display[i] != self._cells[i]]
        changed_records = [i for i in range(len(records)) if records[i] != self._records[i]]
        self._set_rows(records, display, values, search)
        order = self._compute_order()
        if order != self._order:
            self._relayout(order)
            return
        position = {record: row for row, record in enumerate(self._order)}
        last = self.columnCount() - 1
        for i in sorted(set(changed) | set(changed_records)):
            row = position.get(i)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def _set_rows(
        self,
        records: list[R],
        display: list[list[str]],
        values: list[list[Any]],
        search: list[str],
    ) -> None:
        self._records, self._cells, self._values, self._search = records, display, values, search
        self._key_cache = {}

    def _sort_keys(self, column: int) -> list[tuple[int, Any]]:
        """Sort keys of one column, made when that column is first sorted by."""
        keys = self._key_cache.get(column)
        if keys is None:
            keys = [sort_key(row[column]) for row in self._values]
            self._key_cache[column] = keys
        return keys

    def _compute_order(self) -> list[int]:
        rows = range(len(self._records))
        if self._needles:
            search = self._search
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
            search = self._search
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

    def records(self) -> list[R]:
        """Every record, shown or not."""
        return list(self._records)

    def total_count(self) -> int:
        return len(self._records)

    def row_of(self, record_id: int) -> int | None:
        for row, i in enumerate(self._order):
            if _id(self._records[i]) == record_id:
                return row
        return None

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
            return self._cells[row][column]
        if role == _ALIGNMENT:
            return _RIGHT if column in self.numeric else None
        if role == _EDIT:
            return self.edit_value(self._records[row], column)
        if role == SORT_ROLE:
            key = sort_key(self._values[row][column])
            return key[1] if key[0] == 0 else None
        if role == RECORD_ROLE:
            return self._records[row]
        return _id(self._records[row])  # ID_ROLE

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if index.row() < 0:
            return _NO_FLAGS
        if index.column() in self.editable and not self.service.read_only:
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


def date_cell(value: date | None) -> Cell:
    return ("" if value is None else value.isoformat(), value)


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


def lookup(records: Sequence[Any], label: Callable[[Any], str]) -> dict[Any, str]:
    return {r.id: label(r) for r in records}
