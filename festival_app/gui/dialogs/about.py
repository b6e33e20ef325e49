"""Help > About: the version, and where the program keeps its things.

Besides the version it names what support asks for first: the data folder (default
festival file, backups, settings), the log file, and the Korean fonts in use in the
window and in PDFs (an installed one, or the one bundled with the program).
"""

from __future__ import annotations

import logging
import platform
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from festival_app import __version__, paths
from festival_app.gui import settings as config


def log_file() -> Path:
    """The log file this run writes (the default place when it writes none)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler) and handler.get_name() == paths.LOG_NAME:
            return Path(handler.baseFilename)
    return paths.user_data_dir() / "logs" / paths.LOG_NAME


def pdf_font(settings: QSettings | None) -> str:
    """The Korean font PDFs embed (the export dialog's font setting first)."""
    from festival_app.exports import MissingFontError
    from festival_app.exports.fonts import find_korean_font

    chosen = config.EXPORT_PDF_FONT.get(settings).strip() if settings is not None else ""
    try:
        return find_korean_font(chosen or None).describe()
    except MissingFontError:
        return QCoreApplication.translate(
            "AboutDialog", "none: PDFs cannot be made until a Korean TrueType font is installed"
        )


def window_font() -> str:
    from festival_app.gui.fonts import ensure_korean_font

    return ensure_korean_font().describe()


class AboutDialog(QDialog):
    """The About box: a form of selectable values, and a button to open the data folder."""

    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About"))
        layout = QVBoxLayout(self)
        # The description's text and context are those of the earlier message box.
        intro = QLabel(
            QCoreApplication.translate(
                "MainWindow",
                "Seoul Friendship Festival organizer {0}\n\nVenues, days, troupes, the stage "
                "program and country booths in one festival file. Every change is saved as "
                "it is made.",
            ).format(__version__)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.data_folder = paths.user_data_dir()
        self.values: dict[str, str] = {
            "version": self.tr("{0} (Qt {1}, Python {2}{3})").format(
                __version__,
                pyside_version,
                platform.python_version(),
                self.tr(", frozen build") if getattr(sys, "frozen", False) else "",
            ),
            "data_folder": str(self.data_folder),
            "log_file": str(log_file()),
            "window_font": window_font(),
            "pdf_font": pdf_font(settings),
        }
        labels = {
            "version": self.tr("Version:"),
            "data_folder": self.tr("Data folder:"),
            "log_file": self.tr("Log file:"),
            "window_font": self.tr("Korean font in the window:"),
            "pdf_font": self.tr("Korean font in PDFs:"),
        }
        form = QFormLayout()
        self.value_labels: dict[str, QLabel] = {}
        for key, text in self.values.items():
            value = QLabel(text)
            value.setObjectName(key)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(labels[key], value)
            self.value_labels[key] = value
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_folder_button = QPushButton(self.tr("Open data folder"))
        buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.clicked.connect(self.open_data_folder)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_folder)))


def show_about(parent: QWidget) -> AboutDialog:
    """Open the About box over `parent` (not blocking it) and return it."""
    dialog = AboutDialog(parent, getattr(parent, "settings", None))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
