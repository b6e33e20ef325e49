"""Which venues are columns of the timetable, in which order; remembered per festival file."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from festival_app.domain.venues import Venue, VenueKind
from festival_app.gui import settings as config
from festival_app.gui.models.base import language


def _ids(value: object) -> list[int]:
    # QSettings hands back a str, a list or None depending on the format and the count;
    # settings written before they were lists hold one string "3,1,2".
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    parts = [part for item in items for part in str(item).split(",")]
    return [int(p) for p in parts if p.strip().lstrip("-").isdigit()]


class VenueColumns:
    """Order and visibility of venue columns. Booth areas are hidden unless shown."""

    def __init__(self, settings: QSettings, file_key: str) -> None:
        self.settings = settings
        digest = hashlib.sha1(file_key.encode()).hexdigest()[:12]
        self.group = f"timetable/{digest}"

    def _get(self, name: str) -> list[int]:
        return _ids(config.venue_ids(self.group, name).get(self.settings))

    def _set(self, name: str, ids: Sequence[int]) -> None:
        config.venue_ids(self.group, name).set(self.settings, [str(i) for i in ids])

    def ordered(self, venues: Sequence[Venue]) -> list[Venue]:
        """All venues in the remembered order; new ones after, in their usual order."""
        order = {venue_id: n for n, venue_id in enumerate(self._get("order"))}
        indexed = list(enumerate(venues))
        indexed.sort(key=lambda pair: order.get(pair[1].id or 0, len(order) + pair[0]))
        return [venue for _, venue in indexed]

    def is_visible(self, venue: Venue) -> bool:
        if venue.id in self._get("shown"):
            return True
        if venue.id in self._get("hidden"):
            return False
        return venue.kind != VenueKind.BOOTH_AREA

    def visible(self, venues: Sequence[Venue]) -> list[Venue]:
        return [v for v in self.ordered(venues) if self.is_visible(v)]

    def save(self, order: Sequence[int], shown: Sequence[int], venues: Sequence[Venue]) -> None:
        """Remember a new order and the set of shown venues."""
        self._set("order", order)
        shown_set = set(shown)
        self._set("shown", [v.id for v in venues if v.id in shown_set and v.id is not None])
        self._set("hidden", [v.id for v in venues if v.id not in shown_set and v.id is not None])
        self.settings.sync()


class VenueColumnsDialog(QDialog):
    """Tick the venues to show and move them up or down to reorder the columns."""

    def __init__(
        self, venues: Sequence[Venue], columns: VenueColumns, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Venue columns"))
        self.venues = list(venues)
        self.columns = columns
        self.list = QListWidget()
        for venue in columns.ordered(self.venues):
            entry = QListWidgetItem(venue.name(language()))
            entry.setData(Qt.ItemDataRole.UserRole, venue.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            visible = columns.is_visible(venue)
            entry.setCheckState(Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)
            self.list.addItem(entry)
        self.list.setCurrentRow(0)
        up = QPushButton(self.tr("Move &up"))
        down = QPushButton(self.tr("Move &down"))
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        side = QVBoxLayout()
        side.addWidget(up)
        side.addWidget(down)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Columns shown on the timetable, left to right:")))
        layout.addLayout(row)
        layout.addWidget(buttons)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        entry = self.list.takeItem(row)
        self.list.insertItem(target, entry)
        self.list.setCurrentRow(target)

    def order(self) -> list[int]:
        return [self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.list.count())]

    def shown(self) -> list[int]:
        return [
            self.list.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.list.count())
            if self.list.item(r).checkState() == Qt.CheckState.Checked
        ]

    def accept(self) -> None:
        self.columns.save(self.order(), self.shown(), self.venues)
        super().accept()
