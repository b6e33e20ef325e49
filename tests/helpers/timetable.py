"""Helpers for tests of the timetable: what the grid shows, dragging on it as a user does."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from festival_app.domain.program import ProgramItem
from festival_app.gui.schedule.blocks import ProgramBlock
from festival_app.gui.schedule.widget import TimetableWidget
from festival_app.services import FestivalService


def shown_title(service: FestivalService, item_id: int) -> str:
    """A program item's title as the interface shows it (Korean run: the Korean title)."""
    from festival_app.gui.models.base import language as interface_language

    item = service.get(ProgramItem, item_id)
    assert item is not None
    return item.title(interface_language())


def shown_venue(service: FestivalService, venue_id: int) -> str:
    from festival_app.domain.venues import Venue
    from festival_app.gui.models.base import language as interface_language

    venue = service.get(Venue, venue_id)
    assert venue is not None
    return venue.name(interface_language())


def reopened(service: FestivalService, item_id: int) -> ProgramItem | None:
    """The item as the file holds it, read through a second, fresh connection."""
    other = FestivalService.open(service.db.path)
    try:
        return other.get(ProgramItem, item_id)
    finally:
        other.close()


def body_point(block: ProgramBlock, fx: float = 0.5, fy: float = 0.5) -> QPointF:
    """A scene point inside the block's body (fx, fy: fractions of its width and height)."""
    body = block.body_rect()
    return block.mapToScene(
        QPointF(body.left() + body.width() * fx, body.top() + body.height() * fy)
    )


def drag(timetable: TimetableWidget, start: QPointF, end: QPointF, steps: int = 4) -> None:
    """Press, move in steps and release the left button on the view, as a user does."""
    view = timetable.view
    viewport = view.viewport()
    a: QPoint = view.mapFromScene(start)
    b: QPoint = view.mapFromScene(end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for n in range(1, steps + 1):
        p = QPoint(a.x() + (b.x() - a.x()) * n // steps, a.y() + (b.y() - a.y()) * n // steps)
        QTest.mouseMove(viewport, p)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
