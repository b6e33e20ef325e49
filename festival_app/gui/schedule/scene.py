"""The timetable scene: one day's grid of venues by time, with a block per program item.

The grid itself (columns, time lines, closed hours) is painted in drawBackground, so it
costs no scene items; blocks are kept by item id and updated in place when the program
changes, instead of rebuilding the scene.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QRect, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneHelpEvent, QToolTip

from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ItemStatus, ProgramItem
from festival_app.domain.times import format_minutes
from festival_app.domain.venues import Venue
from festival_app.gui.schedule.blocks import BlockHost, ProgramBlock
from festival_app.timetable.layout import (
    COLUMN_WIDTH,
    GUTTER,
    HEADER,
    GridGeometry,
    lanes,
    venue_hours,
)


@dataclass(frozen=True)
class ClashMark:
    """What the grid shows of an item's clashes."""

    severity: str  # "error" or "warning"
    acknowledged: bool
    messages: Callable[[], list[str]]  # the clashes' messages, made only when asked for

    def shown(self) -> tuple[str | None, bool]:
        return self.severity, self.acknowledged


class TimetableScene(QGraphicsScene):
    """One festival day on the grid."""

    # item id, venue id, start minute, end minute; "move" or "resize"
    changeRequested = Signal(int, int, int, int, str)
    refused = Signal(str)  # a drop that was not done, and why

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.day: FestivalDay | None = None
        self.venues: list[Venue] = []  # visible, in column order
        self.geometry = GridGeometry(12 * 60, 18 * 60, (), 2.0)
        self.blocks: dict[int, ProgramBlock] = {}
        self.show_cancelled = True
        self.read_only = False  # blocks can be selected but not dragged
        self.column_width = COLUMN_WIDTH
        self.language = "en"
        self._open: dict[int, tuple[int, int]] = {}
        self._items: dict[int, ProgramItem] = {}
        self._troupe_names: Mapping[int, str] = {}
        self._marks: Mapping[int, ClashMark] = {}
        self.changed_ids: frozenset[int] = frozenset()  # changed since the printed release
        # Blocks are made only for the part of the grid that has been in sight (first and
        # last minute, first and last column): a big day has thousands of items.
        self._region: tuple[float, float, int, int] | None = None
        self._lanes: dict[int, tuple[int, int]] = {}
        # Finding the block under the mouse must not ask every block for its bounds.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    # -- building ------------------------------------------------------------------

    def load(
        self,
        day: FestivalDay | None,
        venues: Sequence[Venue],
        items: Iterable[ProgramItem],
        troupe_names: Mapping[int, str],
        ppm: float,
    ) -> None:
        """Show `day` with `venues` as columns (in this order) and its program items."""
        self.day = day
        self.venues = list(venues)
        self._troupe_names = troupe_names
        self._items = {i.id: i for i in items if i.id is not None}
        if day is None:
            self.geometry = GridGeometry(12 * 60, 18 * 60, (), ppm, self.column_width)
            self._open = {}
        else:
            visible = {v.id for v in self.venues}
            shown = [i for i in self._items.values() if i.venue_id in visible]
            self.geometry = GridGeometry.for_day(day, self.venues, shown, ppm, self.column_width)
            self._open = {v.id: venue_hours(v, day) for v in self.venues if v.id is not None}
        self._region = None
        self._rebuild_blocks()

    def set_zoom(self, ppm: float) -> None:
        self._regeometry(replace(self.geometry, ppm=ppm))

    def set_column_width(self, width: float) -> None:
        """Widen the columns to fill the view (never below the readable minimum)."""
        self.column_width = max(COLUMN_WIDTH, width)
        if self.column_width != self.geometry.column_width:
            self._regeometry(replace(self.geometry, column_width=self.column_width))

    def _regeometry(self, geometry: GridGeometry) -> None:
        self.geometry = geometry
        self._update_rect()
        for block in self.blocks.values():
            block.place(self.geometry)
        self.invalidate(self.sceneRect(), QGraphicsScene.SceneLayer.BackgroundLayer)

    def update_program(self, items: Iterable[ProgramItem], troupe_names: Mapping[int, str]) -> None:
        """Bring the blocks up to date with the day's items, touching only what changed."""
        new = {i.id: i for i in items if i.id is not None}
        self._troupe_names = troupe_names
        visible = set(self.geometry.venue_ids)
        if self.day is not None:
            shown = [i for i in new.values() if i.venue_id in visible]
            wanted = GridGeometry.for_day(
                self.day, self.venues, shown, self.geometry.ppm, self.column_width
            )
            if (wanted.start_min, wanted.end_min) != (
                self.geometry.start_min,
                self.geometry.end_min,
            ):
                # An item now reaches beyond the grid: every block moves.
                self._items = new
                self.geometry = wanted
                self._rebuild_blocks()
                return
        self._items = new
        for item_id in [i for i in self.blocks if i not in new or not self._wanted(new[i])]:
            self.removeItem(self.blocks.pop(item_id))
        self._relane()
        for item in new.values():
            if not self._wanted(item):
                continue
            block = self.blocks.get(item.id)  # type: ignore[arg-type]
            name = self._troupe_name(item)
            if block is None:
                if self._in_region(item):
                    self._add_block(item)
            elif block.item != item or block.troupe_name != name:
                block.update_item(item, name)
                block.place(self.geometry)
                block.update()
            else:
                block.item = item  # the same content, maybe a newer row version

    def update_item(self, item: ProgramItem) -> None:
        """Show one changed item of the day (cheaper than update_program for one item)."""
        g = self.geometry
        if item.id not in self._items or not (
            g.start_min <= item.busy_from and item.busy_until <= g.end_min
        ):
            self._items[item.id] = item  # type: ignore[index]
            self.update_program(list(self._items.values()), self._troupe_names)
            return
        old = self._items[item.id]
        self._items[item.id] = item
        self._relane({old.venue_id, item.venue_id})
        block = self.blocks.get(item.id)
        if not self._wanted(item):
            if block is not None:
                self.removeItem(self.blocks.pop(block.item_id))
        elif block is None:
            if self._in_region(item):
                self._add_block(item)
        else:
            block.update_item(item, self._troupe_name(item))
            block.place(self.geometry)
            block.update()

    def set_clash_marks(
        self, marks: Mapping[int, ClashMark], changed: Iterable[int] | None = None
    ) -> None:
        """Outline blocks by their clashes; `changed`: the only item ids whose marks may
        differ from before (None: any)."""
        self._marks = marks
        for item_id in self.blocks if changed is None else changed:
            block = self.blocks.get(item_id)
            if block is None:
                continue
            mark = marks.get(item_id)
            shown = mark.shown() if mark else (None, False)
            block.clash_messages = mark.messages if mark else list
            if (block.severity, block.acknowledged) != shown:
                block.severity, block.acknowledged = shown
                block.update()

    def set_changed_marks(self, item_ids: Iterable[int]) -> None:
        """Mark the blocks of the items changed since the printed release."""
        self.changed_ids = frozenset(item_ids)
        for block in self.blocks.values():
            changed = block.item_id in self.changed_ids
            if block.changed != changed:
                block.changed = changed
                block.update()

    def _wanted(self, item: ProgramItem) -> bool:
        if item.venue_id not in self.geometry.venue_ids:
            return False
        return self.show_cancelled or item.status != ItemStatus.CANCELLED

    def _relane(self, venue_ids: set[int] | None = None) -> None:
        """Lay out overlapping items side by side again (at these venues, or everywhere)."""
        shown = [
            i
            for i in self._items.values()
            if self._wanted(i) and (venue_ids is None or i.venue_id in venue_ids)
        ]
        fresh = lanes(shown)
        if venue_ids is None:
            self._lanes = fresh
        else:
            for item_id in [i for i, _ in self._lanes.items() if i not in fresh]:
                item = self._items.get(item_id)
                if item is None or item.venue_id in venue_ids:
                    del self._lanes[item_id]
            self._lanes.update(fresh)
        for item_id, block in self.blocks.items():
            lane = self._lanes.get(item_id, (0, 1))
            if (block.lane, block.lanes) != lane and not block.is_dragging():
                block.lane, block.lanes = lane
                block.place(self.geometry)
                block.update()

    def _in_region(self, item: ProgramItem) -> bool:
        if self._region is None:
            return False
        first, last, left, right = self._region
        column = self.geometry.column_of(item.venue_id)
        return (
            column is not None
            and left <= column <= right
            and item.busy_until >= first
            and item.busy_from <= last
        )

    def materialize(self, rect: QRectF) -> None:
        """Make the blocks of the items in `rect` (scene coordinates) that are not made yet."""
        g = self.geometry
        if not g.venue_ids:
            return
        left = g.column_at(max(rect.left(), g.x(0))) or 0
        right = g.column_at(min(rect.right(), g.width - 1))
        self._extend(
            g.minute_at(rect.top()),
            g.minute_at(rect.bottom()),
            left,
            len(g.venue_ids) - 1 if right is None else right,
        )

    def _extend(self, first: float, last: float, left: int, right: int) -> None:
        if self._region is not None:
            old = self._region
            first, last = min(first, old[0]), max(last, old[1])
            left, right = min(left, old[2]), max(right, old[3])
            if (first, last, left, right) == old:
                return
        self._region = (first, last, left, right)
        for item in self._items.values():
            if item.id not in self.blocks and self._wanted(item) and self._in_region(item):
                self._add_block(item)

    def _troupe_name(self, item: ProgramItem) -> str:
        return self._troupe_names.get(item.troupe_id, "") if item.troupe_id is not None else ""

    def _rebuild_blocks(self) -> None:
        selected = {b.item_id for b in self.blocks.values() if b.isSelected()}
        self.blocks = {}
        self.clear()  # at once: removing thousands of blocks one by one is slow
        self._update_rect()
        self._lanes = lanes(i for i in self._items.values() if self._wanted(i))
        for item in self._items.values():
            if self._wanted(item) and (self._in_region(item) or item.id in selected):
                block = self._add_block(item)
                if block.item_id in selected:
                    block.setSelected(True)
        self.invalidate(self.sceneRect(), QGraphicsScene.SceneLayer.BackgroundLayer)

    def _add_block(self, item: ProgramItem) -> ProgramBlock:
        block = ProgramBlock(item, self._troupe_name(item), self.language)
        block.lane, block.lanes = self._lanes.get(block.item_id, (0, 1))
        block.place(self.geometry)  # before adding: the scene files it once
        self.addItem(block)
        self.blocks[block.item_id] = block
        self._apply_mark(block)
        block.changed = block.item_id in self.changed_ids
        return block

    def _apply_mark(self, block: ProgramBlock) -> None:
        mark = self._marks.get(block.item_id)
        block.severity = mark.severity if mark else None
        block.acknowledged = mark.acknowledged if mark else False
        block.clash_messages = mark.messages if mark else list

    def _update_rect(self) -> None:
        g = self.geometry
        self.setSceneRect(QRectF(0, 0, g.width, g.height))

    def item(self, item_id: int) -> ProgramItem | None:
        return self._items.get(item_id)

    def items_of_day(self) -> list[ProgramItem]:
        return list(self._items.values())

    def selected_ids(self) -> list[int]:
        return sorted(b.item_id for b in self.blocks.values() if b.isSelected())

    def select_ids(self, ids: Iterable[int]) -> list[ProgramBlock]:
        self.clearSelection()
        ids = list(ids)
        for item_id in ids:  # items never in sight yet get their blocks now
            item = self._items.get(item_id)
            column = self.geometry.column_of(item.venue_id) if item is not None else None
            if item is not None and column is not None and item_id not in self.blocks:
                self._extend(item.busy_from, item.busy_until, column, column)
        chosen = [self.blocks[i] for i in ids if i in self.blocks]
        for block in chosen:
            block.setSelected(True)
        return chosen

    # -- dragging ------------------------------------------------------------------

    def check_target(self, venue_id: int | None, start: int, end: int) -> str | None:
        """Why a block cannot go there, or None when it can."""
        g = self.geometry
        if venue_id is None:
            return self.tr("Drop the item on a venue's column.")
        if not g.contains_span(start, end):
            return self.tr("{start}–{end} is outside the day ({first}–{last}).").format(
                start=_clock(start),
                end=_clock(end),
                first=_clock(g.start_min),
                last=_clock(g.end_min),
            )
        return None

    def drag_is_valid(self, block: ProgramBlock) -> bool:
        return self.check_target(*block.drag_target()) is None

    def drag_moved(self, block: ProgramBlock) -> None:
        """Scroll the views when a dragged block's pointer nears their edges."""
        pointer = block.drag_pointer()
        if pointer is None:
            return
        spot = QRectF(pointer.x() - 1, pointer.y() - 1, 2, 2)
        for view in self.views():
            view.ensureVisible(spot, 30, int(HEADER) + 10)  # the header covers the top

    def drag_finished(self, block: ProgramBlock, target: tuple[int | None, int, int]) -> None:
        venue_id, start, end = target
        item = block.item
        problem = self.check_target(venue_id, start, end)
        changed = (venue_id, start, end) != (item.venue_id, item.start_min, item.end_min)
        block.place(self.geometry)  # back where it was until the change is saved
        if not changed:
            return
        if problem is not None:
            self.refused.emit(problem)
            return
        assert venue_id is not None
        mode = "resize" if end - start != item.end_min - item.start_min else "move"
        self.changeRequested.emit(block.item_id, venue_id, start, end, mode)

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        # Tooltips are made when asked for: thousands of blocks need not carry one each.
        for found in self.items(event.scenePos()):
            if isinstance(found, ProgramBlock):
                QToolTip.showText(event.screenPos(), found.tooltip())
                event.accept()
                return
        QToolTip.hideText()

    # -- the grid ------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        rect = QRectF(rect)
        g = self.geometry
        painter.fillRect(rect, QColor("#ffffff"))
        top, bottom = g.y(g.start_min), g.body_bottom
        closed = QColor("#e4e4e4")
        hatch = QBrush(QColor("#cfcfcf"), Qt.BrushStyle.BDiagPattern)
        for column, venue_id in enumerate(g.venue_ids):
            x = g.x(column)
            if x > rect.right() or x + g.column_width < rect.left():
                continue
            if column % 2:
                painter.fillRect(QRectF(x, top, g.column_width, bottom - top), QColor("#f7f9fc"))
            opens, closes = self._open.get(venue_id, (g.start_min, g.end_min))
            for first, last in ((g.start_min, opens), (closes, g.end_min)):
                if last > first:
                    shade = QRectF(x, g.y(first), g.column_width, g.y(last) - g.y(first))
                    painter.fillRect(shade, closed)
                    painter.fillRect(shade, hatch)
        step = g.label_step()
        minor = QPen(QColor("#ececec"), 1)
        major = QPen(QColor("#c8c8c8"), 1)
        minute = g.start_min
        left, right = GUTTER, g.width
        while minute <= g.end_min:
            y = g.y(minute)
            if rect.top() - 1 <= y <= rect.bottom() + 1:
                painter.setPen(major if minute % 60 == 0 else minor)
                painter.drawLine(int(left), int(y), int(right), int(y))
            minute += min(step, 15)
        painter.setPen(QPen(QColor("#d0d0d0"), 1))
        for column in range(len(g.venue_ids) + 1):
            x = int(g.x(column))
            painter.drawLine(x, int(top), x, int(bottom))

    def header_text(self, column: int) -> str:
        venue = self.venues[column]
        return venue.name(self.language)

    def open_hours(self, venue_id: int) -> tuple[int, int] | None:
        return self._open.get(venue_id)


def _clock(minute: int) -> str:
    return format_minutes(min(max(0, minute), 24 * 60))


def _hosts_blocks(scene: TimetableScene) -> BlockHost:
    return scene  # mypy checks that the scene is what its blocks expect


__all__ = ["HEADER", "ClashMark", "TimetableScene"]
