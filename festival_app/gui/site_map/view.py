"""The view of a site map: Ctrl+wheel zooms, spaces are dragged, lines are drawn for the
row and scale tools, and booths from the unplaced list are dropped onto spaces."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsView, QWidget

from festival_app.gui.site_map.scene import SCALE, SiteScene, SpaceItem

BOOTH_MIME = "application/x-festival-booth-id"


class Tool(Enum):
    """What a drag on the map does."""

    SELECT = "select"
    ROW = "row"  # drag a line: a row of spaces along it
    SCALE = "scale"  # drag a line on the picture: the scale's two points
    SPACE = "space"  # click: one space there


class SiteView(QGraphicsView):
    """Shows a SiteScene; tells the section what the user did, in map metres."""

    spacesMoved = Signal(list, float, float)  # space items, dx, dy (metres)
    lineDrawn = Signal(object, QPointF, QPointF)  # tool, start, end (metres)
    pointClicked = Signal(QPointF)  # where a space is to go (metres)
    boothDropped = Signal(int, object)  # booth id, space item
    rotateRequested = Signal(float)  # degrees
    deleteRequested = Signal()

    def __init__(self, scene: SiteScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.site = scene
        self.tool = Tool.SELECT
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setAcceptDrops(True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._press: QPointF | None = None
        self._start_positions: dict[SpaceItem, QPointF] = {}
        self._line: QGraphicsLineItem | None = None

    def set_tool(self, tool: Tool) -> None:
        self.tool = tool
        self.setDragMode(
            QGraphicsView.DragMode.RubberBandDrag
            if tool == Tool.SELECT
            else QGraphicsView.DragMode.NoDrag
        )
        self.viewport().setCursor(
            Qt.CursorShape.ArrowCursor if tool == Tool.SELECT else Qt.CursorShape.CrossCursor
        )

    def fit_all(self) -> None:
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    @staticmethod
    def metres(point: QPointF) -> QPointF:
        return QPointF(point.x() / SCALE, point.y() / SCALE)

    # -- mouse -----------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = self.mapToScene(event.position().toPoint())
        if self.tool in (Tool.ROW, Tool.SCALE) and event.button() == Qt.MouseButton.LeftButton:
            self._press = point
            pen = QPen(QColor("#d00000"), 0)
            pen.setCosmetic(True)
            pen.setWidth(2)
            self._line = self.site.addLine(point.x(), point.y(), point.x(), point.y(), pen)
            return
        if self.tool == Tool.SPACE and event.button() == Qt.MouseButton.LeftButton:
            self.pointClicked.emit(self.metres(point))
            return
        super().mousePressEvent(event)
        self._start_positions = {i: i.pos() for i in self.site.selected_spaces()}

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._line is not None and self._press is not None:
            point = self.mapToScene(event.position().toPoint())
            self._line.setLine(self._press.x(), self._press.y(), point.x(), point.y())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._line is not None and self._press is not None:
            end = self.mapToScene(event.position().toPoint())
            start = self._press
            self.site.removeItem(self._line)
            self._line, self._press = None, None
            self.lineDrawn.emit(self.tool, self.metres(start), self.metres(end))
            return
        super().mouseReleaseEvent(event)
        moved = [i for i, p in self._start_positions.items() if i.pos() != p]
        if moved:
            first = moved[0]
            delta = first.pos() - self._start_positions[first]
            self._start_positions = {}
            self.spacesMoved.emit(moved, delta.x() / SCALE, delta.y() / SCALE)
        self._start_positions = {}

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = 1.2 if event.angleDelta().y() > 0 else 1 / 1.2
            self.scale(factor, factor)
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_R:
            step = -15.0 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 15.0
            self.rotateRequested.emit(step)
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deleteRequested.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.set_tool(Tool.SELECT)
        super().keyPressEvent(event)

    # -- booths dropped from the list --------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(BOOTH_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(BOOTH_MIME):
            on = self.site.space_at(self.mapToScene(event.position().toPoint()))
            if on is not None and on.booth is None:
                event.acceptProposedAction()
            else:
                event.ignore()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if not event.mimeData().hasFormat(BOOTH_MIME):
            super().dropEvent(event)
            return
        on = self.site.space_at(self.mapToScene(event.position().toPoint()))
        if on is None:
            event.ignore()
            return
        booth_id = int(bytes(event.mimeData().data(BOOTH_MIME).data()).decode())
        event.acceptProposedAction()
        self.boothDropped.emit(booth_id, on)
