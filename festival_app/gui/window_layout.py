"""The window's size, docks and splitter as the user left them, or a size that fits."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QListWidget, QMainWindow, QSplitter, QWidget

from festival_app.gui import settings as config


def default_size(window: QWidget) -> QSize:
    """1280 x 800, or the screen's free area less a frame's room when it is smaller
    (a 1024 x 768 screen)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1280, 800)
    room = screen.availableGeometry()
    return QSize(min(1280, room.width() - 16), min(800, room.height() - 40))


def restore_layout(
    window: QMainWindow, splitter: QSplitter, navigation: QListWidget, settings: QSettings
) -> None:
    """Geometry, docks and the splitter as stored; without them, a size that fits the
    screen and section names at their width (every other pixel is the section's)."""
    geometry = config.WINDOW_GEOMETRY.get(settings)
    if geometry.isEmpty() or not window.restoreGeometry(geometry):
        window.resize(default_size(window))
    state = config.WINDOW_STATE.get(settings)
    if not state.isEmpty():
        window.restoreState(state)
    stored = config.SPLITTER_STATE.get(settings)
    if not stored.isEmpty():
        splitter.restoreState(stored)
    else:
        names = navigation.sizeHintForColumn(0) + 2 * navigation.frameWidth() + 16
        splitter.setSizes([names, max(1, window.width() - names)])


def save_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    config.WINDOW_GEOMETRY.set(settings, window.saveGeometry())
    config.WINDOW_STATE.set(settings, window.saveState())
    config.SPLITTER_STATE.set(settings, splitter.saveState())


__all__ = ["default_size", "restore_layout", "save_layout"]
