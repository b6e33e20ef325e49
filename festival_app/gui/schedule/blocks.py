"""One program item on the grid: a block that can be dragged to another time or venue,
and whose bottom edge can be dragged to change its length."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from festival_app.domain.program import ItemKind, ItemStatus, ProgramItem
from festival_app.domain.times import STEP_MINUTES, format_minutes, format_time, from_minutes, snap
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.timetable.layout import COLUMN_WIDTH, GridGeometry


class BlockHost(Protocol):
    """What a block uses of the scene it is on (the timetable's scene)."""

    @property
    def geometry(self) -> GridGeometry: ...

    @property
    def read_only(self) -> bool: ...

    def drag_is_valid(self, block: ProgramBlock) -> bool: ...

    def drag_moved(self, block: ProgramBlock) -> None: ...

    def drag_finished(self, block: ProgramBlock, target: tuple[int | None, int, int]) -> None: ...


INSET = 4.0  # gap between a block and its column's edges
LANE_GAP = 2.0  # between blocks side by side in one column
RESIZE_GRIP = 6.0  # pixels above the bottom edge that resize instead of move

# Light fills with dark text stay readable on screen and in grey print.
KIND_COLOURS: dict[ItemKind, str] = {
    ItemKind.PARADE: "#f7d488",
    ItemKind.CEREMONY: "#c9b6e4",
    ItemKind.PERFORMANCE: "#a8d8a0",
    ItemKind.ENCORE: "#9fd3ee",
    ItemKind.FINALE: "#f3a9c4",
    ItemKind.OTHER: "#e0c9a6",
}
CANCELLED_FILL = "#ececec"
SEVERITY_COLOURS = {"error": "#d32f2f", "warning": "#f08c00"}


class DragMode(Enum):
    """What a drag of a block does: move it, or change its length."""

    MOVE = 1
    RESIZE = 2


@dataclass
class _Drag:
    mode: DragMode
    press: QPointF
    origin: QPointF
    pointer: QPointF  # last mouse position, in scene coordinates


_FONTS: list[tuple[QFont, QFont, float]] = []


def _fonts() -> tuple[QFont, QFont, float]:
    """The block fonts and line height, made once (a QFont per paint is costly)."""
    if not _FONTS:
        base = QFont()
        base.setPointSizeF(max(7.5, base.pointSizeF() * 0.9))
        bold = QFont(base)
        bold.setBold(True)
        _FONTS.append((base, bold, QFontMetricsF(base).height()))
    return _FONTS[0]


@dataclass(frozen=True)
class _Look:
    fill: QColor
    margin: QColor
    hatch: QBrush
    pen: QPen


@cache
def _look(
    kind: ItemKind,
    status: ItemStatus,
    severity: str | None,
    acknowledged: bool,
    selected: bool,
    invalid: bool,
) -> _Look:
    """Colours and outline of a block in one state (made once per state, not per paint)."""
    cancelled = status == ItemStatus.CANCELLED
    fill = QColor(CANCELLED_FILL if cancelled else KIND_COLOURS[kind])
    margin = QColor(fill)
    margin.setAlpha(110)
    hatch = QBrush(margin.darker(115), Qt.BrushStyle.BDiagPattern)
    pen = QPen(QColor("#7a7a7a") if cancelled else fill.darker(160), 1)
    if status == ItemStatus.DRAFT:
        pen.setStyle(Qt.PenStyle.DashLine)
    if severity in SEVERITY_COLOURS:
        pen = QPen(QColor(SEVERITY_COLOURS[severity]), 1.5 if acknowledged else 3)
        if acknowledged:
            pen.setStyle(Qt.PenStyle.DashLine)
    if selected:
        pen = QPen(QColor("#1565c0"), 3)
    if invalid:
        pen = QPen(QColor(SEVERITY_COLOURS["error"]), 2, Qt.PenStyle.DotLine)
    return _Look(fill, margin, hatch, pen)


class ProgramBlock(QGraphicsItem):
    """A program item drawn as a block in its venue's column."""

    def __init__(self, item: ProgramItem, troupe_name: str, language: str = "en") -> None:
        super().__init__()
        self.item = item
        self.troupe_name = troupe_name
        self.language = language
        self.severity: str | None = None  # worst clash this item is in
        self.acknowledged = False  # every clash of that severity is acknowledged
        self.clash_messages: Callable[[], list[str]] = list  # made when the tooltip shows
        self.changed = False  # changed since the printed release: a mark in its corner
        self._height = 0.0
        self._width = COLUMN_WIDTH - 2 * INSET
        self._bounds = QRectF()
        self.lane, self.lanes = 0, 1  # side by side with items it overlaps at its venue
        self._top_margin = 0.0  # setup, in pixels
        self._body = 0.0  # start to end, in pixels
        self._drag: _Drag | None = None
        self._preview_end: int | None = None  # minute, while the bottom edge is dragged
        self._text_cache: tuple[object, list[tuple[QFont, float, str]]] | None = None
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
        )
        self.setAcceptHoverEvents(True)

    @property
    def item_id(self) -> int:
        assert self.item.id is not None
        return self.item.id

    def timetable(self) -> BlockHost:
        """The scene the block is on, as what the block uses of it."""
        return self.scene()  # type: ignore[return-value]

    # -- placement -----------------------------------------------------------------

    def place(self, geometry: GridGeometry) -> None:
        """Put the block where its item is (its column must be visible)."""
        column = geometry.column_of(self.item.venue_id)
        end = self._preview_end if self._preview_end is not None else self.item.end_min
        self.prepareGeometryChange()
        lane_width = (geometry.column_width - 2 * INSET - LANE_GAP * (self.lanes - 1)) / self.lanes
        self._width = lane_width
        self._top_margin = self.item.setup_min * geometry.ppm
        self._body = (end - self.item.start_min) * geometry.ppm
        self._height = self._top_margin + self._body + self.item.teardown_min * geometry.ppm
        self._bounds = QRectF(-2, -2, self._width + 4, self._height + 4)
        x = geometry.x(column or 0) + INSET + self.lane * (lane_width + LANE_GAP)
        self.setPos(x, geometry.y(self.item.busy_from))

    def update_item(self, item: ProgramItem, troupe_name: str) -> None:
        self.item = item
        self.troupe_name = troupe_name

    def body_rect(self) -> QRectF:
        return QRectF(0, self._top_margin, self._width, self._body)

    def boundingRect(self) -> QRectF:
        return self._bounds  # asked for often: made once per placement

    # -- drawing -------------------------------------------------------------------

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        cancelled = self.item.status == ItemStatus.CANCELLED
        invalid = self._drag is not None and not self.timetable().drag_is_valid(self)
        look = _look(
            self.item.kind,
            self.item.status,
            self.severity,
            self.acknowledged,
            self.isSelected(),
            invalid,
        )
        width = self._width
        body = self.body_rect()
        if self._top_margin > 0:
            rect = QRectF(6, 0, width - 12, self._top_margin)
            painter.fillRect(rect, look.margin)
            painter.fillRect(rect, look.hatch)
        bottom = self._top_margin + self._body
        if self._height > bottom:
            rect = QRectF(6, bottom, width - 12, self._height - bottom)
            painter.fillRect(rect, look.margin)
            painter.fillRect(rect, look.hatch)
        painter.setPen(look.pen)
        painter.setBrush(look.fill)
        painter.drawRoundedRect(body.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        self._paint_text(painter, body, cancelled)
        if self.changed:
            _paint_changed_mark(painter, body)

    def _paint_text(self, painter: QPainter, body: QRectF, cancelled: bool) -> None:
        text_rect = body.adjusted(5, 2, -4, -1)
        lines = self._shown_lines(text_rect)
        if not lines:
            return
        painter.setPen(QColor("#777777") if cancelled else QColor("#1b1b1b"))
        y = text_rect.top()
        for font, ascent, text in lines:
            painter.setFont(font)
            painter.drawText(QPointF(text_rect.left(), y + ascent), text)
            y += _fonts()[2]

    def _shown_lines(self, text_rect: QRectF) -> list[tuple[QFont, float, str]]:
        line = _fonts()[2]
        if text_rect.height() < line * 0.8:
            return []
        start, end = self.display_span()
        rows = max(1, int(text_rect.height() // line))
        key = (start, end, rows, text_rect.width(), self.item, self.troupe_name)
        if self._text_cache is None or self._text_cache[0] != key:
            self._text_cache = (key, self._text_lines(start, end, rows, text_rect.width()))
        return self._text_cache[1]

    def text_lines(self) -> list[str]:
        """The lines of text the block shows now, as painted (elided to its width)."""
        return [text for _, _, text in self._shown_lines(self.body_rect().adjusted(5, 2, -4, -1))]

    def _text_lines(
        self, start: int, end: int, rows: int, width: float
    ) -> list[tuple[QFont, float, str]]:
        """The lines of text the block shows, elided to its width (kept until they change)."""
        base, bold, _ = _fonts()
        when = f"{format_minutes(start)}–{format_minutes(end)}"
        title = self.item.title(self.language)
        if self.item.status == ItemStatus.CANCELLED:
            title = QCoreApplication.translate("Timetable", "{title} (cancelled)").format(
                title=title
            )
        # Who performs matters as much as the title: a short block (20 minutes at the
        # usual zoom has room for two lines) puts time and title on one line and the
        # troupe on the next, each cut with "…" at the block's edge.
        troupe = self.troupe_name if self.troupe_name and self.troupe_name != title else ""
        lines: list[tuple[QFont, str]]
        if rows == 1:
            # One line: the start is enough, the title needs the room.
            lines = [(bold, f"{format_time(from_minutes(start))}  {title}")]
            if troupe:
                lines = [(bold, f"{format_time(from_minutes(start))}  {title} · {troupe}")]
        elif rows == 2 and troupe:
            lines = [(bold, f"{when}  {title}"), (base, troupe)]
        else:
            lines = [(bold, when), (base, title)]
            if troupe:
                lines.append((base, troupe))
        out = []
        for font, text in lines[:rows]:
            metrics = QFontMetricsF(font)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            out.append((font, metrics.ascent() + (_fonts()[2] - metrics.height()) / 2, shown))
        return out

    def display_span(self) -> tuple[int, int]:
        """Start and end minute as shown now (while dragging, where it would go)."""
        geometry = self.timetable().geometry
        if self._drag is not None and self._drag.mode == DragMode.MOVE:
            start = snap(geometry.minute_at(self.pos().y())) + self.item.setup_min
            return start, start + self.item.end_min - self.item.start_min
        end = self._preview_end if self._preview_end is not None else self.item.end_min
        return self.item.start_min, end

    def tooltip(self) -> str:
        tr = QCoreApplication.translate
        parts = [
            f"<b>{_escape(self.item.title(self.language))}</b>",
            f"{format_time(self.item.start)}–{format_time(self.item.end)}",
        ]
        if self.troupe_name:
            parts.append(_escape(self.troupe_name))
        if self.item.setup_min or self.item.teardown_min:
            parts.append(
                tr("Timetable", "Setup {setup} min, teardown {teardown} min").format(
                    setup=self.item.setup_min, teardown=self.item.teardown_min
                )
            )
        parts += [_escape(message) for message in self.clash_messages()]
        if self.changed:
            parts.append(tr("Timetable", CHANGED_TIP))
        return "<br>".join(parts)

    # -- editing with the mouse ----------------------------------------------------

    def _on_grip(self, pos: QPointF) -> bool:
        bottom = self._top_margin + self._body
        return bottom - RESIZE_GRIP <= pos.y() <= bottom + 2 and self._body >= 2 * RESIZE_GRIP

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        grip = self._on_grip(event.pos()) and not self.timetable().read_only
        shape = Qt.CursorShape.SizeVerCursor if grip else Qt.CursorShape.ArrowCursor
        self.setCursor(shape)
        super().hoverMoveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)  # selection
        if event.button() != Qt.MouseButton.LeftButton or self.timetable().read_only:
            return
        mode = DragMode.RESIZE if self._on_grip(event.pos()) else DragMode.MOVE
        self._drag = _Drag(mode, event.scenePos(), self.pos(), event.scenePos())
        self.setZValue(2)
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        drag = self._drag
        if drag is None:
            return
        geometry = self.timetable().geometry
        delta = event.scenePos() - drag.press
        drag.pointer = event.scenePos()
        if drag.mode == DragMode.MOVE:
            minutes = snap(delta.y() / geometry.ppm)
            column = geometry.column_at(event.scenePos().x())
            x = drag.origin.x() + delta.x() if column is None else geometry.x(column) + INSET
            self.setPos(x, geometry.y(self.item.busy_from + minutes))
        else:
            end = snap(self.item.end_min + delta.y() / geometry.ppm)
            # The end can never reach the start: the shortest item is one step.
            self._preview_end = max(self.item.start_min + STEP_MINUTES, end)
            self.place(geometry)
        self.timetable().drag_moved(self)
        self.update()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        drag = self._drag
        super().mouseReleaseEvent(event)
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return
        target = self.drag_target()
        self._drag = None
        self._preview_end = None
        self.setZValue(0)
        self.timetable().drag_finished(self, target)

    def drag_target(self) -> tuple[int | None, int, int]:
        """(venue id or None, start, end) where the block would go if dropped now."""
        geometry = self.timetable().geometry
        if self._drag is not None and self._drag.mode == DragMode.RESIZE:
            end = self._preview_end if self._preview_end is not None else self.item.end_min
            return self.item.venue_id, self.item.start_min, end
        start, end = self.display_span()
        pointer = self._drag.pointer if self._drag is not None else self.pos()
        return geometry.venue_at(pointer.x()), start, end

    def drag_pointer(self) -> QPointF | None:
        """Where the mouse is while the block is dragged (scene coordinates)."""
        return self._drag.pointer if self._drag is not None else None

    def is_dragging(self) -> bool:
        return self._drag is not None

    def cancel_drag(self) -> None:
        self._drag = None
        self._preview_end = None
        self.setZValue(0)


CHANGED_MARK = QColor("#e65100")
CHANGED_TIP = N("Timetable", "Changed since the printed release")


def _paint_changed_mark(painter: QPainter, body: QRectF) -> None:
    """A triangle in the block's top right corner: changed since the printed release."""
    size = min(12.0, body.height(), body.width() / 3)
    right, top = body.right() - 0.5, body.top() + 0.5
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(CHANGED_MARK)
    painter.drawPolygon(
        QPolygonF([QPointF(right - size, top), QPointF(right, top), QPointF(right, top + size)])
    )
    painter.restore()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
