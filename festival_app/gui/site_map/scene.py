"""The scene of one booth area's map: its picture, its spaces, the booths on them.

Scene units are map metres times SCALE (a 3 m space is 60 units across at zoom 1). A
space item sits at its centre, turned by its rotation; its code stays upright.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from festival_app.domain.booths import Booth
from festival_app.domain.category_colours import BLOCKED_COLOUR, CATEGORY_COLOURS, FREE_COLOUR
from festival_app.domain.site_map import BoothSpace, SiteMap

SCALE = 20.0  # scene units per metre
HIGHLIGHT = QColor("#d00000")
CLASH = QColor("#c62828")


class SpaceItem(QGraphicsRectItem):
    """One space: a rectangle in its booth's category colour, with its code."""

    def __init__(self, space: BoothSpace, booth: Booth | None, label: str) -> None:
        w, d = space.width * SCALE, space.depth * SCALE
        super().__init__(-w / 2, -d / 2, w, d)
        self.space = space
        self.booth = booth
        self.highlighted = False
        self.clashing = False
        self.setPos(space.x * SCALE, space.y * SCALE)
        self.setRotation(space.rotation)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, True)
        self.setAcceptDrops(True)
        if space.blocked:
            brush = QBrush(QColor(BLOCKED_COLOUR), Qt.BrushStyle.BDiagPattern)
            self.setBrush(brush)
        else:
            colour = CATEGORY_COLOURS[booth.category] if booth else FREE_COLOUR
            self.setBrush(QBrush(QColor(colour)))
        self.setPen(QPen(QColor("#333333"), 1.2))
        tip = space.code if not label else f"{space.code}: {label}"
        if space.blocked and space.blocked_reason:
            tip += f"\n{space.blocked_reason}"
        self.setToolTip(tip)
        self.code_text = QGraphicsSimpleTextItem(space.code, self)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(6, int(min(w, d) * 0.28)))
        self.code_text.setFont(font)
        self.label_text = QGraphicsSimpleTextItem(label, self) if label else None
        self._lay_out_text(w, d, font)

    def _lay_out_text(self, w: float, d: float, font: QFont) -> None:
        metrics = QFontMetricsF(font)
        text_w = metrics.horizontalAdvance(self.space.code)
        if text_w > w * 0.92:
            font.setPixelSize(max(4, int(font.pixelSize() * w * 0.92 / text_w)))
            self.code_text.setFont(font)
            metrics = QFontMetricsF(font)
            text_w = metrics.horizontalAdvance(self.space.code)
        # Upright whatever the space's rotation: the text turns back about the centre.
        self.code_text.setRotation(-self.space.rotation)
        offset = -metrics.height() * (0.85 if self.label_text else 0.5)
        self.code_text.setPos(self._upright(-text_w / 2, offset))
        if self.label_text is not None:
            small = QFont()
            small.setPixelSize(max(4, int(font.pixelSize() * 0.62)))
            small_metrics = QFontMetricsF(small)
            text = small_metrics.elidedText(
                self.label_text.text(), Qt.TextElideMode.ElideRight, w * 0.95
            )
            self.label_text.setText(text)
            self.label_text.setFont(small)
            self.label_text.setRotation(-self.space.rotation)
            width = small_metrics.horizontalAdvance(text)
            self.label_text.setPos(self._upright(-width / 2, metrics.height() * 0.1))

    def _upright(self, x: float, y: float) -> QPointF:
        """Where an upright child's origin goes for an offset (x, y) from the centre."""
        from math import cos, radians, sin

        angle = radians(-self.space.rotation)
        return QPointF(x * cos(angle) - y * sin(angle), x * sin(angle) + y * cos(angle))

    def paint(
        self, painter: object, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        super().paint(painter, option, widget)  # type: ignore[arg-type]
        if self.highlighted or self.clashing:
            pen = QPen(HIGHLIGHT if self.highlighted else CLASH, 4 if self.highlighted else 2.5)
            if not self.highlighted:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)  # type: ignore[attr-defined]
            painter.setBrush(Qt.BrushStyle.NoBrush)  # type: ignore[attr-defined]
            painter.drawRect(self.rect().adjusted(-3, -3, 3, 3))  # type: ignore[attr-defined]

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()


class SiteScene(QGraphicsScene):
    """One area's map as graphics items."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items_by_code: dict[str, SpaceItem] = {}
        self.picture: QGraphicsPixmapItem | None = None
        self.setBackgroundBrush(QColor("#eef1f4"))

    def show_area(
        self,
        site_map: SiteMap | None,
        spaces: Sequence[BoothSpace],
        booths: dict[str, Booth],
        labels: dict[str, str],
        clashing: Iterable[str] = (),
    ) -> None:
        self.clear()
        self.items_by_code = {}
        self.picture = None
        if site_map is not None and site_map.image:
            pixmap = QPixmap()
            if pixmap.loadFromData(site_map.image):
                self.picture = self.addPixmap(pixmap)
                self.picture.setScale(site_map.metres_per_pixel * SCALE)
                self.picture.setOpacity(0.75)
                self.picture.setZValue(-10)
                self.picture.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        marked = set(clashing)
        for space in spaces:
            booth = booths.get(space.code)
            item = SpaceItem(space, booth, labels.get(space.code, ""))
            item.clashing = space.code in marked
            self.addItem(item)
            self.items_by_code[space.code] = item
        bounds = self.itemsBoundingRect().adjusted(-5 * SCALE, -5 * SCALE, 5 * SCALE, 5 * SCALE)
        self.setSceneRect(bounds if not bounds.isEmpty() else QRectF(0, 0, 100 * SCALE, 60 * SCALE))

    def space_items(self) -> list[SpaceItem]:
        return list(self.items_by_code.values())

    def selected_spaces(self) -> list[SpaceItem]:
        return [i for i in self.selectedItems() if isinstance(i, SpaceItem)]

    def space_at(self, point: QPointF) -> SpaceItem | None:
        for item in self.items(point):
            while item is not None and not isinstance(item, SpaceItem):
                item = item.parentItem()
            if isinstance(item, SpaceItem):
                return item
        return None
