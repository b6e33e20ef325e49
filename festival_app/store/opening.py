"""Opening a festival file with the care around it: a backup before its format is brought
up to date, a copy kept of a damaged file, and the newest good backup offered when a file
cannot be used. store.db opens; this module looks after the file's backups around it."""

from __future__ import annotations

import logging
import os
from datetime import datetime
from pathlib import Path

from festival_app.store import backup_folder, backups, errors, triage
from festival_app.store.db import Database

logger = logging.getLogger(__name__)


def open_festival(
    path: str | os.PathLike[str],
    *,
    read_only: bool = False,
    lock: bool = False,
    take_over: bool = False,
) -> Database:
    """Open a festival file as Database.open does, looking after its backups.

    An older file is backed up before it is brought up to date (an older copy of the
    program can still use that backup). A damaged file is copied beside itself (or into
    its backups folder) before the error is raised, and the error names the newest good
    backup; so does the error about a file of a newer program.
    """
    path = Path(path)
    try:
        return Database.open(
            path,
            read_only=read_only,
            lock=lock,
            take_over=take_over,
            before_upgrade=_backup_before_upgrade,
        )
    except errors.EmptyFileError as exc:
        exc.offer_backup(*_newest_good_backup(path))
        raise
    except errors.DamagedFileError as exc:
        if exc.copy is None and path.is_file():
            logger.info("%s is damaged: %s", path, exc.detail_text())  # the caller tells
            exc.keep_copy(triage.keep_damaged_copy(path, also=backup_folder.folder_if_any(path)))
        exc.offer_backup(*_newest_good_backup(path))
        raise
    except errors.NewerVersionError as exc:
        exc.offer_backup(*_newest_good_backup(path))
        raise


def _newest_good_backup(path: Path) -> tuple[Path | None, datetime | None]:
    try:
        info = backups.newest_good_backup(path)
    except Exception:  # finding a backup must never hide the error being reported
        logger.warning("could not look for backups of %s", path, exc_info=True)
        return None, None
    return (info.path, info.taken) if info else (None, None)


def _backup_before_upgrade(db: Database) -> None:
    try:
        backups.take_backup(db, backups.BEFORE_UPGRADE)
    except errors.StoreError as exc:  # no backups folder: the upgrade itself is safe
        logger.warning("no backup before upgrading %s: %s", db.path, exc.message())
