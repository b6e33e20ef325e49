"""The view of the timetable scene: venue names and clock times stay in sight while scrolling,
Ctrl+wheel zooms, arrow keys nudge, and troupes can be dropped onto the grid."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from festival_app.domain.times import format_minutes, format_time, from_minutes
from festival_app.gui.schedule.blocks import ProgramBlock
from festival_app.gui.schedule.scene import TimetableScene
from festival_app.timetable.layout import GUTTER, HEADER, MAX_COLUMN_WIDTH

TROUPE_MIME = "application/x-festival-troupe-id"
DEFAULT_LENGTH = 30  # minutes of the item made by dropping a troupe


class TimetableView(QGraphicsView):
    """Shows a TimetableScene with sticky headers."""

    zoomRequested = Signal(int)  # +1 in, -1 out
    nudgeRequested = Signal(int, int)  # minutes, columns
    deleteRequested = Signal()
    editRequested = Signal(int)  # item id
    contextMenuRequested = Signal(object, QPoint)  # item id or None, global position
    troupeDropped = Signal(int, QPointF)  # troupe id, scene position

    def __init__(self, scene: TimetableScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.timetable = scene
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.drop_hint: tuple[int, int] | None = None  # column and start of a troupe drop

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    # -- sticky headers ------------------------------------------------------------

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        scene = self.timetable
        g = scene.geometry
        seen = self.visible_scene_rect()
        painter.save()
        if self.drop_hint is not None:
            self._paint_drop_hint(painter)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        font = QFont(self.font())
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        bold = QFont(font)
        bold.setBold(True)
        # Time labels down the left edge.
        gutter = QRectF(seen.left(), seen.top(), GUTTER, seen.height())
        painter.fillRect(gutter, QColor("#f3f4f6"))
        painter.setPen(QPen(QColor("#b0b0b0"), 1))
        painter.drawLine(gutter.topRight(), gutter.bottomRight())
        step = g.label_step()
        minute = g.start_min
        height = QFontMetricsF(small).height()
        while minute <= g.end_min:
            y = g.y(minute)
            if seen.top() + HEADER - height <= y <= seen.bottom() + height:
                painter.setFont(bold if minute % 60 == 0 else small)
                painter.setPen(QColor("#222222") if minute % 60 == 0 else QColor("#666666"))
                label = format_minutes(min(minute, 24 * 60))
                painter.drawText(
                    QRectF(seen.left(), y - height / 2, GUTTER - 8, height),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    label,
                )
            minute += step
        # Venue names along the top.
        header = QRectF(seen.left(), seen.top(), seen.width(), HEADER)
        painter.fillRect(header, QColor("#e8ecf2"))
        painter.setPen(QPen(QColor("#a8b0bc"), 1))
        painter.drawLine(header.bottomLeft(), header.bottomRight())
        line = QFontMetricsF(bold).height()
        for column in range(len(g.venue_ids)):
            x = g.x(column)
            if x > seen.right() or x + g.column_width < seen.left():
                continue
            cell = QRectF(x + 4, seen.top() + 3, g.column_width - 8, HEADER - 6)
            painter.setPen(QPen(QColor("#c4cad3"), 1))
            painter.drawLine(QPointF(x, seen.top()), QPointF(x, seen.top() + HEADER))
            painter.setFont(bold)
            painter.setPen(QColor("#1b1b1b"))
            name = QFontMetricsF(bold).elidedText(
                scene.header_text(column), Qt.TextElideMode.ElideRight, cell.width()
            )
            painter.drawText(
                QRectF(cell.left(), cell.top(), cell.width(), line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            hours = scene.open_hours(g.venue_ids[column])
            if hours is not None:
                painter.setFont(small)
                painter.setPen(QColor("#555555"))
                text = self.tr("open {opens}–{closes}").format(
                    opens=format_time(from_minutes(hours[0])),
                    closes=format_time(from_minutes(min(hours[1], 1439))),
                )
                painter.drawText(
                    QRectF(cell.left(), cell.top() + line, cell.width(), cell.height() - line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                    text,
                )
        painter.fillRect(QRectF(seen.left(), seen.top(), GUTTER, HEADER), QColor("#dde2ea"))
        painter.restore()

    def fit_columns(self) -> None:
        """Share the view's width among the columns, within readable bounds."""
        count = max(1, len(self.timetable.geometry.venue_ids))
        room = self.viewport().width() - GUTTER - 2
        self.timetable.set_column_width(min(MAX_COLUMN_WIDTH, room / count))

    def materialize(self) -> None:
        """Make the blocks in sight and half a screen around it."""
        seen = self.visible_scene_rect()
        w, h = seen.width() / 2, seen.height() / 2
        self.timetable.materialize(seen.adjusted(-w, -h, w, h))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()
        self.materialize()

    def _paint_drop_hint(self, painter: QPainter) -> None:
        assert self.drop_hint is not None
        g = self.timetable.geometry
        column, start = self.drop_hint
        rect = QRectF(
            g.x(column) + 4,
            g.y(start),
            g.column_width - 8,
            DEFAULT_LENGTH * g.ppm,
        )
        painter.setPen(QPen(QColor("#1565c0"), 2, Qt.PenStyle.DashLine))
        painter.setBrush(QColor(21, 101, 192, 40))
        painter.drawRoundedRect(rect, 3, 3)
        first = format_time(from_minutes(start))
        last = format_time(from_minutes(min(start + DEFAULT_LENGTH, 1439)))
        painter.setPen(QColor("#0d3c75"))
        painter.drawText(
            rect.adjusted(6, 2, -4, -2),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            f"{first}–{last}",
        )

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.materialize()
        # The headers are painted relative to the viewport: repaint them after a scroll.
        self.viewport().update()

    # -- input ---------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoomRequested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        moves = {
            Qt.Key.Key_Up: (-5, 0),
            Qt.Key.Key_Down: (5, 0),
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
        }
        if key in moves and self.timetable.selected_ids():
            self.nudgeRequested.emit(*moves[key])  # type: ignore[index]
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            dragged = [b for b in self.timetable.blocks.values() if b.is_dragging()]
            for block in dragged:  # let go: the block goes back, nothing is saved
                block.cancel_drag()
                block.ungrabMouse()
                block.place(self.timetable.geometry)
            if dragged:
                event.accept()
                return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.timetable.selected_ids():
            self.deleteRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_headers(self, pos: QPoint) -> bool:
        """True over the venue names or the clock times, which cover the grid's edges."""
        return pos.y() < HEADER or pos.x() < GUTTER

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._on_headers(event.position().toPoint()):
            event.accept()  # not the block hidden under the header
            return
        super().mousePressEvent(event)

    def block_at(self, pos: QPoint) -> ProgramBlock | None:
        for graphics_item in self.items(pos):
            if isinstance(graphics_item, ProgramBlock):
                return graphics_item
        return None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._on_headers(event.position().toPoint()):
            event.accept()
            return
        block = self.block_at(event.position().toPoint())
        if block is not None and event.button() == Qt.MouseButton.LeftButton:
            self.editRequested.emit(block.item_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        block = self.block_at(event.pos())
        if block is not None and not block.isSelected():
            self.timetable.select_ids([block.item_id])
        self.contextMenuRequested.emit(
            block.item_id if block is not None else None, event.globalPos()
        )
        event.accept()

    # -- troupes dropped from the list -----------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(TROUPE_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(TROUPE_MIME):
            event.acceptProposedAction()
            self._set_drop_hint(self.mapToScene(event.position().toPoint()))
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_hint(None)
        super().dragLeaveEvent(event)

    def _set_drop_hint(self, where: QPointF | None) -> None:
        """Show where a dropped troupe's item would go (nothing where it cannot go)."""
        hint = None
        g = self.timetable.geometry
        if where is not None:
            column = g.column_at(where.x())
            start = g.snapped_minute_at(where.y())
            if column is not None and g.contains_span(start, start + DEFAULT_LENGTH):
                hint = (column, start)
        if hint != self.drop_hint:
            self.drop_hint = hint
            self.viewport().update()

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        if not data.hasFormat(TROUPE_MIME):
            event.ignore()
            return
        try:
            troupe_id = int(bytes(data.data(TROUPE_MIME).data()).decode())
        except ValueError:
            event.ignore()
            return
        event.acceptProposedAction()
        self._set_drop_hint(None)
        self.troupeDropped.emit(troupe_id, self.mapToScene(event.position().toPoint()))
