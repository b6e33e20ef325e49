"""Settings > Language: the system's, 한국어 or English, in effect after a restart."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from festival_app import language as language_choice
from festival_app.gui import settings as config

# Each language named in itself, so whoever cannot read the current one finds theirs.
LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class LanguageMenu(QObject):
    """The Language menu of one window; `actions` by language code ("" for the system's)."""

    def __init__(self, window: QMainWindow, parent_menu: QMenu, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.notice: QMessageBox | None = None
        self.menu = parent_menu.addMenu(_tr("&Language"))
        self.menu.setObjectName("language_menu")
        group = QActionGroup(self)
        stored = self.stored()
        choices = [("", _tr("As the system"))] + [
            (code, LANGUAGE_NAMES[code]) for code in language_choice.LANGUAGES
        ]
        self.actions: dict[str, QAction] = {}
        for code, text in choices:
            action = QAction(text, group)
            action.setCheckable(True)
            action.setChecked(code == stored)
            action.setObjectName(f"language_{code or 'system'}")
            action.triggered.connect(lambda *_, chosen=code: self.choose(chosen))
            self.menu.addAction(action)
            self.actions[code] = action

    def stored(self) -> str:
        return language_choice.normalise(config.LANGUAGE.get(self.settings)) or ""

    def choose(self, code: str) -> None:
        """Store the interface language; it takes effect when the program starts again."""
        if code == self.stored():
            return
        config.LANGUAGE.set(self.settings, code)
        self.settings.sync()
        self.actions[code].setChecked(True)
        if os.environ.get(language_choice.ENV_VARIABLE):
            note = _tr(
                "The language was saved, but FESTIVAL_APP_LANG is set and decides the "
                "language while it is."
            )
        else:
            note = _tr(
                "The new language is used from the next start. Close the program and "
                "open it again to see it."
            )
        self.window.statusBar().showMessage(note, 15000)
        # Opened, not executed: the notice does not hold up the window (nor a test).
        self.notice = QMessageBox(
            QMessageBox.Icon.Information,
            _tr("Language"),
            note,
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        self.notice.setObjectName("language_notice")
        self.notice.open()


__all__ = ["LANGUAGE_NAMES", "LanguageMenu"]
