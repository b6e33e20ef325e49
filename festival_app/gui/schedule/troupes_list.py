"""Troupes without a confirmed program item, ready to be dragged onto the grid."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from festival_app.domain.troupes import Troupe
from festival_app.gui.schedule.view import TROUPE_MIME


class UnscheduledTroupesList(QListWidget):
    """A list to drag troupes from; dropping one on the grid creates an item for it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setToolTip(self.tr("Drag a troupe onto a venue's column to give it a time slot."))

    def set_troupes(self, troupes: Sequence[Troupe], language: str = "en") -> None:
        self.clear()
        for troupe in troupes:
            city = troupe.city(language)
            name = troupe.display_name(language)
            text = self.tr("{name} ({city})").format(name=name, city=city) if city else name
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, troupe.id)
            self.addItem(entry)
        if not troupes:
            note = QListWidgetItem(self.tr("Every troupe has a confirmed item."))
            note.setFlags(Qt.ItemFlag.NoItemFlags)  # a note, not something to drag
            self.addItem(note)

    def troupe_ids(self) -> list[int]:
        ids = (self.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.count()))
        return [i for i in ids if i is not None]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        if items:
            troupe_id = items[0].data(Qt.ItemDataRole.UserRole)
            data.setData(TROUPE_MIME, str(troupe_id).encode())
            data.setText(items[0].text())
        return data

    def mimeTypes(self) -> list[str]:
        return [TROUPE_MIME]
