"""Telling the user once when no installed font can show Hangul.

Without a Korean font Qt draws empty boxes for every Korean name and label. The warning
is a status bar message each run and a message box only the first time (remembered in
the settings), never in a smoke test.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QMainWindow, QMessageBox

from festival_app.gui import settings as config

logger = logging.getLogger(__name__)


def korean_font_families() -> list[str]:
    """The installed font families that can write Korean."""
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.Korean))


def missing_font_message() -> str:
    return QCoreApplication.translate(
        "Fonts",
        "No Korean font was found, so Korean text shows as empty boxes. Install one: on "
        "Debian or Ubuntu 'sudo apt install fonts-nanum', on Fedora 'sudo dnf install "
        "google-noto-sans-cjk-fonts'; Windows and macOS have one already. Then start the "
        "program again.",
    )


def warn_if_no_korean_font(window: QMainWindow, settings: QSettings) -> bool:
    """Warn when Hangul cannot be shown; True when a warning was given."""
    if korean_font_families():
        return False
    message = missing_font_message()
    logger.warning("no font with Korean glyphs is installed")
    window.statusBar().showMessage(message)
    if not config.KOREAN_FONT_WARNED.get(settings):
        config.KOREAN_FONT_WARNED.set(settings, True)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Fonts", "No Korean font"),
            message,
            QMessageBox.StandardButton.Ok,
            window,
        )
        box.setObjectName("korean_font_warning")
        box.open()  # does not hold up the window; shown once for good
    return True
