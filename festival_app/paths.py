"""Where the program finds its resources and keeps the user's data."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

FONT_DIRS_VAR = "FESTIVAL_APP_FONT_DIRS"
FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")
BUNDLED_FONT = "NanumGothic.ttf"  # in resources/fonts (frozen build), its licence beside it
APP_NAME = "SeoulFriendshipFestival"
APP_AUTHOR = "SeoulFriendshipFestival"
DEFAULT_DB_NAME = "festival.sqlite3"


def resources_dir() -> Path:
    """The resources folder: beside the package in a checkout, inside it when installed."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "resources", here / "resources"):
        if (candidate / "sample").is_dir():
            return candidate
    raise FileNotFoundError("the program's resources folder is missing; reinstall the program")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def bundled_fonts_dir() -> Path | None:
    """resources/fonts, when the program carries fonts (the frozen build does; a source
    checkout or a pip install has none)."""
    try:
        folder = resource("fonts")
    except FileNotFoundError:
        return None
    return folder if folder.is_dir() else None


def bundled_font() -> Path | None:
    """The Korean font that came with the program, None when it brought none."""
    folder = bundled_fonts_dir()
    if folder is None or not (folder / BUNDLED_FONT).is_file():
        return None
    return folder / BUNDLED_FONT


def font_dirs_override() -> list[Path] | None:
    """The folders FESTIVAL_APP_FONT_DIRS names (separated by os.pathsep), which replace
    the system's font folders in the search for a Korean font, for PDFs and the window;
    None when it is not set or empty. An empty folder: as if no Korean font were installed.
    """
    value = os.environ.get(FONT_DIRS_VAR, "")
    if not value.strip():
        return None
    return [Path(part) for part in value.split(os.pathsep) if part.strip()]


def font_files(folders: list[Path]) -> list[Path]:
    """The font files in `folders` and their subfolders, sorted."""
    found: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            found += sorted(
                p for p in folder.rglob("*") if p.suffix.lower() in FONT_SUFFIXES and p.is_file()
            )
    return found


def user_data_dir() -> Path:
    """The per-user data folder (default festival file, backups, log).

    `FESTIVAL_APP_DATA_DIR` overrides it, which tests and portable installs use.
    """
    override = os.environ.get("FESTIVAL_APP_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return user_data_dir() / DEFAULT_DB_NAME


def settings_file() -> Path:
    """The program's settings (an INI file, so the command line can read it without Qt)."""
    return user_data_dir() / "settings.ini"


LOG_NAME = "festival-app.log"  # the log file in log_dir(), and its handler's name


def log_dir() -> Path:
    path = user_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backups_dir() -> Path:
    path = user_data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path
