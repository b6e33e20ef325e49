"""Fixtures for the timetable tests: the 2018 sample on the grid, in a real window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from festival_app.domain.program import ProgramItem
from festival_app.gui.clash_panel import ClashPanel, connect_clash_panel
from festival_app.gui.schedule.blocks import ProgramBlock
from festival_app.gui.schedule.widget import TimetableWidget
from festival_app.services import FestivalService
from tests.interface_language import _interface_language as _interface_language
from tests.interface_language import fragment as fragment
from tests.interface_language import redo_text as redo_text
from tests.interface_language import tr as tr
from tests.interface_language import undo_text as undo_text


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


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def window(
    qtbot: QtBot, sample_service: FestivalService, stack: QUndoStack, settings: QSettings
) -> Iterator[QMainWindow]:
    """A window with the timetable and the clash panel, as the main window holds them."""
    window = QMainWindow()
    timetable = TimetableWidget(sample_service, stack, settings)
    panel = ClashPanel(sample_service, stack)
    window.setCentralWidget(timetable)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    connect_clash_panel(panel, timetable)
    window.resize(1400, 900)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not panel.is_pending() and bool(panel.clashes), timeout=5000)
    yield window
    window.close()  # before the file closes: nothing may read it afterwards


@pytest.fixture
def timetable(window: QMainWindow) -> TimetableWidget:
    widget = window.centralWidget()
    assert isinstance(widget, TimetableWidget)
    return widget


@pytest.fixture
def panel(window: QMainWindow) -> ClashPanel:
    found = window.findChild(ClashPanel)
    assert isinstance(found, ClashPanel)
    return found


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
