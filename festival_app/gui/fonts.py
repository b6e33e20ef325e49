"""A font that shows Hangul in the window, and telling the user once when there is none.

Without a Korean font Qt draws empty boxes for every Korean name and label. When the
system has none, the font bundled with the program (the frozen build carries NanumGothic)
is loaded as an application font before the window is built (`use_bundled_font_if_needed`)
and made the fallback of every font family, so Hangul shows all the same. Only when there is no bundled font either, the user is warned:
a status bar message each run and a message box only the first time (remembered in the
settings), never in a smoke test.

FESTIVAL_APP_FONT_DIRS (see paths.font_dirs_override) replaces the system's fonts here
too: the window then counts only the Korean fonts in those folders as installed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextLayout
from PySide6.QtWidgets import QMainWindow

from festival_app import paths
from festival_app.gui import settings as config

logger = logging.getLogger(__name__)

KOREAN = QFontDatabase.WritingSystem.Korean
_SAMPLE = "한글"

# Font files loaded as application fonts (path -> their families), each loaded once.
_loaded: dict[str, list[str]] = {}
# Families that came with the program: never counted as installed on the system.
_bundled_families: set[str] = set()


@dataclass(frozen=True)
class WindowFont:
    """The font that shows Hangul in the window."""

    family: str | None  # None: no font can show Hangul
    bundled_file: Path | None = None  # the program's own font file, when it is that

    @property
    def bundled(self) -> bool:
        return self.bundled_file is not None

    def describe(self) -> str:
        """For the user to read (the About box)."""
        if self.family is None:
            return QCoreApplication.translate("Fonts", "none (Korean shows as empty boxes)")
        if self.bundled:
            return QCoreApplication.translate("Fonts", "{0} (bundled with the program)").format(
                self.family
            )
        return self.family


def _add_font(path: Path) -> list[str]:
    key = str(path)
    if key not in _loaded:
        font_id = QFontDatabase.addApplicationFont(key)
        _loaded[key] = list(QFontDatabase.applicationFontFamilies(font_id)) if font_id >= 0 else []
        if font_id < 0:
            logger.info("Qt cannot load the font %s", path)
    return _loaded[key]


def korean_font_families() -> list[str]:
    """The installed font families that can write Korean (with FESTIVAL_APP_FONT_DIRS:
    those in its folders); the program's own font is not counted."""
    folders = paths.font_dirs_override()
    if folders is None:
        families = list(QFontDatabase.families(KOREAN))
    else:
        loaded = [family for path in paths.font_files(folders) for family in _add_font(path)]
        families = [f for f in dict.fromkeys(loaded) if KOREAN in QFontDatabase.writingSystems(f)]
    return [f for f in families if f not in _bundled_families]


def _hangul_family() -> str | None:
    """The family Qt draws Hangul with in the interface's font (after fallback)."""
    layout = QTextLayout(_SAMPLE, QGuiApplication.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    for run in layout.glyphRuns():
        raw = run.rawFont()
        if raw.isValid() and all(raw.glyphIndexesForString(_SAMPLE)):
            return raw.familyName()
    return None


def _load_bundled() -> WindowFont:
    path = paths.bundled_font()
    if path is None:
        return WindowFont(None)
    installed = list(QFontDatabase.families())
    families = _add_font(path)
    bold = path.with_name(path.stem + "Bold" + path.suffix)
    if bold.is_file():
        _add_font(bold)
    if not families:
        return WindowFont(None)
    family = families[0]
    _bundled_families.update(families)
    # Whatever font a widget asks for, the Hangul it lacks comes from this one (Linux's
    # fontconfig finds application fonts for some families by itself, not for all).
    from PySide6.QtGui import QFont  # only here: making its enums slows every start

    for other in {QGuiApplication.font().family(), *installed}:
        QFont.insertSubstitution(other, family)
    logger.info("no Korean font installed: using the bundled %s (%s)", family, path)
    return WindowFont(family, path)


def use_bundled_font_if_needed() -> None:
    """Load the bundled font when no installed font can write Korean (once; call it
    before the window is built, so that every text is laid out with it)."""
    if not _bundled_families and not korean_font_families():
        _load_bundled()


def ensure_korean_font() -> WindowFont:
    """Make sure the window can show Hangul and say with which font.

    An installed Korean font is used as the system provides it; without one, the font
    bundled with the program is loaded (once). The family is None when neither exists.
    """
    if _bundled_families:
        return WindowFont(sorted(_bundled_families)[0], paths.bundled_font())
    if korean_font_families():
        return WindowFont(_hangul_family() or korean_font_families()[0])
    return _load_bundled()


def missing_font_message() -> str:
    return QCoreApplication.translate(
        "Fonts",
        "No Korean font was found, so Korean text shows as empty boxes. Install one: on "
        "Debian or Ubuntu 'sudo apt install fonts-nanum', on Fedora 'sudo dnf install "
        "google-noto-sans-cjk-fonts'; Windows and macOS have one already. Then start the "
        "program again.",
    )


def warn_if_no_korean_font(window: QMainWindow, settings: QSettings) -> bool:
    """Use the bundled font when the system has no Korean one; warn when Hangul cannot
    be shown at all. True when a warning was given."""
    if ensure_korean_font().family is not None:
        return False
    message = missing_font_message()
    logger.warning("no font with Korean glyphs is installed")
    window.statusBar().showMessage(message)
    if not config.KOREAN_FONT_WARNED.get(settings):
        from PySide6.QtWidgets import QMessageBox

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
