"""Fixtures for the timetable tests: the 2018 sample on the grid, in a real window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from festival_app.gui.clash_panel import ClashPanel, connect_clash_panel
from festival_app.gui.schedule.widget import TimetableWidget
from festival_app.services import FestivalService


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
    connect_clash_panel(panel, timetable.show_items)
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
