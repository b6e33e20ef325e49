"""The rows of the Changes section: one per changed program item."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from festival_app.domain.changes import ChangeSet, ItemChange
from festival_app.exports.changes_report import troupe_text, where_when


class Column(IntEnum):
    """The columns of the Changes section, in their order."""

    CHANGE = 0
    ITEM = 1
    TROUPE = 2
    BEFORE = 3
    AFTER = 4


HEADINGS = {
    Column.CHANGE: "Change",
    Column.ITEM: "Item",
    Column.TROUPE: "Troupe",
    Column.BEFORE: "Before",
    Column.AFTER: "After",
}

Index = QModelIndex | QPersistentModelIndex


class ChangesModel(QAbstractTableModel):
    """The changed program items of one comparison, one row each (none before one is set)."""

    def __init__(self, language: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self.language = language
        self.changes: ChangeSet | None = None
        self._rows: list[ItemChange] = []

    def set_changes(self, changes: ChangeSet | None) -> None:
        self.beginResetModel()
        self.changes = changes
        self._rows = list(changes.changes) if changes is not None else []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("Export", HEADINGS[Column(section)])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if not index.isValid() or self.changes is None:
            return None
        change = self._rows[index.row()]
        lang = "ko" if self.language == "ko" else "en"
        column = Column(index.column())
        if column == Column.CHANGE:
            return ", ".join(QCoreApplication.translate("Change", t) for t in change.labels())
        if column == Column.ITEM:
            title = change.current.title(lang)
            if change.before is not None and change.after is not None:
                old = change.before.title(lang)
                if old != title:
                    was = QCoreApplication.translate("Export", "was: {title}")
                    return f"{title} ({was.format(title=old)})"
            return title
        if column == Column.TROUPE:
            return troupe_text(change.after, self.changes.new, lang) or troupe_text(
                change.before, self.changes.old, lang
            )
        if column == Column.BEFORE:
            return where_when(change.before, self.changes.old, lang)
        return where_when(change.after, self.changes.new, lang)

    def change_at(self, row: int) -> ItemChange:
        return self._rows[row]
