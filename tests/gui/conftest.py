"""Fixtures for the main window: a window on a copy of the sample, answers to message boxes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from festival_app.gui.main_window import MainWindow
from festival_app.services import FestivalService
from tests.helpers.window import MessageBoxes


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: Any, sample_service: FestivalService, settings: QSettings) -> MainWindow:
    win = MainWindow(sample_service, settings)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    return win


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    answers = MessageBoxes()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answers.exec(box))
    return answers
