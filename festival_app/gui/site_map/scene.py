"""The scene of one booth area's map: its picture, its spaces, the booths on them.

Scene units are map metres times SCALE (a 3 m space is 60 units across at zoom 1). A
space item sits at its centre, turned by its rotation; its code stays upright.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QStyleOptionGraphicsItem,
    QWidget,
)

from festival_app.domain.booths import Booth
from festival_app.domain.category_colours import BLOCKED_COLOUR, CATEGORY_COLOURS, FREE_COLOUR
from festival_app.domain.site_map import BoothSpace, SiteMap

SCALE = 20.0  # scene units per metre
_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
)
_OUTLINE = QPen(QColor("#333333"), 1.2)
_TEXT = QColor("#1a1a1a")
_fonts: dict[tuple[int, bool], tuple[QFont, QFontMetricsF]] = {}
_brushes: dict[tuple[str, Qt.BrushStyle], QBrush] = {}


def _font(pixels: int, bold: bool) -> tuple[QFont, QFontMetricsF]:
    """A font of this pixel size and its metrics, made once (a map has few sizes)."""
    found = _fonts.get((pixels, bold))
    if found is None:
        font = QFont()
        font.setPixelSize(pixels)
        font.setBold(bold)
        found = _fonts[(pixels, bold)] = (font, QFontMetricsF(font))
    return found


def _brush(colour: str, style: Qt.BrushStyle) -> QBrush:
    found = _brushes.get((colour, style))
    if found is None:
        found = _brushes[(colour, style)] = QBrush(QColor(colour), style)
    return found


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
        if space.rotation:
            self.setRotation(space.rotation)
        self.setFlags(_FLAGS)
        self.setAcceptDrops(True)
        if space.blocked:
            self.setBrush(_brush(BLOCKED_COLOUR, Qt.BrushStyle.BDiagPattern))
        else:
            colour = CATEGORY_COLOURS[booth.category] if booth else FREE_COLOUR
            self.setBrush(_brush(colour, Qt.BrushStyle.SolidPattern))
        self.setPen(_OUTLINE)
        tip = space.code if not label else f"{space.code}: {label}"
        if space.blocked and space.blocked_reason:
            tip += f"\n{space.blocked_reason}"
        self.setToolTip(tip)
        self.label = label
        self._lay_out_text(w, d)

    def _lay_out_text(self, w: float, d: float) -> None:
        """The code's font (fitted to the width) and the label as it fits, kept for
        paint(): text drawn there costs nothing for the spaces out of sight."""
        across = min(w, d) if 45 < self.space.rotation % 180 < 135 else w
        size = max(6, int(min(w, d) * 0.28))
        self.code_font, metrics = _font(size, True)
        text_w = metrics.horizontalAdvance(self.space.code)
        if text_w > across * 0.92:
            self.code_font, metrics = _font(max(4, int(size * across * 0.92 / text_w)), True)
        self.label_font, small = _font(max(4, int(self.code_font.pixelSize() * 0.62)), False)
        self.shown_label = (
            small.elidedText(self.label, Qt.TextElideMode.ElideRight, across * 0.95)
            if self.label
            else ""
        )

    def paint(
        self, painter: object, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        super().paint(painter, option, widget)  # type: ignore[arg-type]
        p: QPainter = painter  # type: ignore[assignment]
        rect = self.rect()
        if self.highlighted or self.clashing:
            pen = QPen(HIGHLIGHT if self.highlighted else CLASH, 4 if self.highlighted else 2.5)
            if not self.highlighted:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect.adjusted(-3, -3, 3, 3))
        p.save()
        if self.space.rotation:  # the text stays upright whatever the space's rotation
            p.rotate(-self.space.rotation)
            side = min(rect.width(), rect.height())
            if 45 < self.space.rotation % 180 < 135:
                rect = QRectF(-rect.height() / 2, -rect.width() / 2, rect.height(), rect.width())
            elif self.space.rotation % 90:
                rect = QRectF(-side / 2, -side / 2, side, side)
        p.setPen(_TEXT)
        p.setFont(self.code_font)
        if self.shown_label:
            top = QRectF(rect.left(), rect.top(), rect.width(), rect.height() / 2 + 1)
            p.drawText(
                top,
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                self.space.code,
            )
            p.setFont(self.label_font)
            bottom = QRectF(rect.left(), rect.center().y() + 1, rect.width(), rect.height() / 2)
            p.drawText(
                bottom,
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                self.shown_label,
            )
        else:
            p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self.space.code)
        p.restore()

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
        # The last picture decoded, by (map id, row version): an edit redraws the area,
        # and decoding a large picture again each time would slow every edit.
        self._decoded: tuple[tuple[int | None, int], QPixmap | None] | None = None
        self.setBackgroundBrush(QColor("#eef1f4"))

    def _pixmap(self, site_map: SiteMap) -> QPixmap | None:
        """The map's picture, decoded once per version of the map (None: unreadable)."""
        key = (site_map.id, site_map.row_version)
        if self._decoded is None or self._decoded[0] != key:
            pixmap = QPixmap()
            self._decoded = (key, pixmap if pixmap.loadFromData(site_map.image) else None)
        return self._decoded[1]

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
        pixmap = self._pixmap(site_map) if site_map is not None and site_map.image else None
        if site_map is not None and pixmap is not None:
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
