"""Every setting of the window declared once, with its type and default (over QSettings).

Settings live in an INI file in the user data folder, so FESTIVAL_APP_DATA_DIR (tests,
portable installs) keeps them apart from the system's registry or ~/.config.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from festival_app import language, paths

T = TypeVar("T")

SETTINGS_VERSION = 1
MAX_RECENT_FILES = 8


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One value in QSettings: its key, its Python type and what it is when unset."""

    key: str
    kind: type
    default: T

    def get(self, settings: QSettings) -> T:
        if not settings.contains(self.key):
            return self.default
        value: Any = settings.value(self.key)
        try:
            if self.kind is list:
                # INI files give back a single-element list as a plain string.
                if value is None or value == "":
                    return self.default
                return list(value) if isinstance(value, list | tuple) else [value]  # type: ignore[return-value]
            if self.kind is QByteArray:
                return value if isinstance(value, QByteArray) else self.default  # type: ignore[return-value]
            if self.kind is bool:
                return (value in (True, "true", "1", 1)) if value is not None else self.default  # type: ignore[return-value]
            return self.kind(value)  # type: ignore[no-any-return, unused-ignore]
        except (TypeError, ValueError):
            return self.default

    def set(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


VERSION = Setting("settings/version", int, SETTINGS_VERSION)
WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
SPLITTER_STATE = Setting("window/splitter", QByteArray, QByteArray())
CURRENT_SECTION = Setting("window/section", str, "festival")
RECENT_FILES: Setting[list[str]] = Setting("files/recent", list, [])
LAST_FOLDER = Setting("files/last_folder", str, "")
# File > Export…: the folder of the last export and the Korean font for PDFs ("": found).
EXPORT_FOLDER = Setting("export/folder", str, "")
EXPORT_PDF_FONT = Setting("export/pdf_font", str, "")
# "ko", "en", or "" to follow the system's locale; read before the window exists.
LANGUAGE = Setting(language.SETTING_KEY, str, "")
KOREAN_FONT_WARNED = Setting("interface/korean_font_warned", bool, False)


def table_header(section: str) -> Setting[QByteArray]:
    """Column widths, order and sort column of one section's table."""
    return Setting(f"tables/{section}/header", QByteArray, QByteArray())


def venue_ids(group: str, name: str) -> Setting[list[str]]:
    """The venue ids of one file's timetable kept under `name` ("order", "shown",
    "hidden"); `group` names the file."""
    return Setting(f"{group}/{name}", list, [])


def settings_path() -> Path:
    return paths.settings_file()


def open_settings(path: Path | None = None) -> QSettings:
    """The program's settings, upgraded to this version's layout."""
    settings = QSettings(str(path or settings_path()), QSettings.Format.IniFormat)
    _upgrade(settings)
    return settings


def _upgrade(settings: QSettings) -> None:
    version = VERSION.get(settings) if settings.contains(VERSION.key) else 0
    # Version 1 is the first layout; later versions add their steps here, in order.
    if version < SETTINGS_VERSION:
        VERSION.set(settings, SETTINGS_VERSION)


def remember_file(settings: QSettings, path: Path) -> list[str]:
    """Put `path` first in the recent files (at most MAX_RECENT_FILES)."""
    text = str(path.resolve())
    recent = [p for p in RECENT_FILES.get(settings) if p != text]
    recent.insert(0, text)
    del recent[MAX_RECENT_FILES:]
    RECENT_FILES.set(settings, recent)
    return recent


def forget_file(settings: QSettings, path: str) -> None:
    RECENT_FILES.set(settings, [p for p in RECENT_FILES.get(settings) if p != path])
