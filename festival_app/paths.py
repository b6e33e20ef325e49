"""Where the program finds its resources and keeps the user's data."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

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


def log_dir() -> Path:
    path = user_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backups_dir() -> Path:
    path = user_data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path
