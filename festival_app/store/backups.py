"""Backups of the festival file: taken, kept, listed and restored.

Copies are made only with SQLite's backup API (a plain file copy of a live database can
catch it half-written), into the user data folder's `backups/`, one subfolder per festival
file. A name carries the file, the time and why it was taken:
`festival.sqlite3.2026-11-27T10-32-05.open.bak.sqlite3`.

Kept: the newest `KEEP_NEWEST`, plus the newest of each of the last `KEEP_DAYS` days.
"""

from __future__ import annotations

import glob
import logging
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.store import engine, errors, schema
from festival_app.store.backup_folder import folder_for, folder_if_any
from festival_app.store.connection import environment_error, is_damage
from festival_app.store.db import Database, copy_pages
from festival_app.store.engine import Store
from festival_app.store.triage import check_file, journal_path, keep_damaged_copy

logger = logging.getLogger(__name__)

KEEP_NEWEST = 10
KEEP_DAYS = 14
INTERVAL_S = 10 * 60.0
SUFFIX = ".bak.sqlite3"
_STAMP = "%Y-%m-%dT%H-%M-%S"
_NAME = re.compile(
    r"^(?P<file>.+)\.(?P<stamp>\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d)(?:-(?P<n>\d+))?"
    r"\.(?P<reason>[a-z0-9-]+)\.bak\.sqlite3$"
)

# Why a backup was taken, as its name records it.
OPEN, PERIODIC, CLOSE, MANUAL, BEFORE_RESTORE, BEFORE_UPGRADE, BEFORE_IMPORT = (
    "open",
    "periodic",
    "close",
    "manual",
    "before-restore",
    "before-upgrade",
    "before-import",
)


class Stamp(NamedTuple):
    """A backup file and when it was taken (from its name)."""

    path: Path
    taken: datetime


@dataclass(frozen=True)
class BackupInfo:
    """One backup as the restore list shows it. Counts are None when it cannot be read."""

    path: Path
    taken: datetime
    reason: str
    size: int
    troupes: int | None = None
    booths: int | None = None
    program_items: int | None = None


def parse_name(path: Path) -> tuple[datetime, str] | None:
    """When and why a backup was taken, from its file name (None: not a backup)."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    return datetime.strptime(match["stamp"], _STAMP), match["reason"]


def stamps(path: str | Path) -> list[Stamp]:
    """The backups of a festival file, newest first (names only; nothing is opened)."""
    folder = folder_for(path)
    out: list[Stamp] = []
    for candidate in folder.glob(f"*{SUFFIX}"):
        parsed = parse_name(candidate)
        if parsed is not None:
            out.append(Stamp(candidate, parsed[0]))
    out.sort(key=_order, reverse=True)
    return out


def _order(stamp: Stamp) -> tuple[datetime, int, str]:
    """Oldest first: by time, then by the -2, -3 of backups taken in the same second."""
    match = _NAME.match(stamp.path.name)
    return stamp.taken, int(match["n"] or 1) if match else 0, stamp.path.name


def to_delete(
    backups: Sequence[Stamp], now: datetime, *, keep_newest: int = KEEP_NEWEST
) -> list[Stamp]:
    """The backups the retention policy lets go: all but the newest `keep_newest` and
    the newest of each of the last `KEEP_DAYS` days (today included)."""
    ordered = sorted(backups, key=_order, reverse=True)
    keep = set(ordered[:keep_newest])
    first_day = now.date() - timedelta(days=KEEP_DAYS - 1)
    seen_days: set[object] = set()
    for stamp in ordered:
        day = stamp.taken.date()
        if first_day <= day <= now.date() and day not in seen_days:
            seen_days.add(day)
            keep.add(stamp)
    return [s for s in ordered if s not in keep]


def prune(path: str | Path, now: datetime | None = None) -> list[Path]:
    """Delete the backups of `path` the retention policy lets go; returns them."""
    gone: list[Path] = []
    for stamp in to_delete(stamps(path), now or datetime.now()):
        try:
            stamp.path.unlink()
            gone.append(stamp.path)
        except OSError:
            logger.warning("could not delete old backup %s", stamp.path, exc_info=True)
    return gone


def take_backup(db: Store, reason: str = MANUAL, *, now: datetime | None = None) -> Path:
    """Copy the open festival file into its backups folder; returns the copy's path."""
    now = now or datetime.now()
    folder = folder_for(db.path)
    base = f"{db.path.name}.{now.strftime(_STAMP)}"
    stem, n = base, 1
    # Two backups in one second (e.g. open, then restore) get their own names.
    while any(folder.glob(f"{glob.escape(stem)}.*{SUFFIX}")):
        n += 1
        stem = f"{base}-{n}"
    target = folder / f"{stem}.{reason}{SUFFIX}"
    engine.backup_to(db, target)
    logger.info("backup of %s taken (%s): %s", db.path, reason, target)
    prune(db.path, now)
    return target


def read_info(path: Path) -> BackupInfo:
    """Date, size and what a backup holds, read through a read-only connection."""
    parsed = parse_name(path)
    taken, reason = parsed if parsed else (datetime.fromtimestamp(path.stat().st_mtime), "")
    counts: list[int | None] = [None, None, None]
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            for i, table in enumerate(("troupe", "booth", "program_item")):
                counts[i] = int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        logger.warning("backup %s cannot be read", path, exc_info=True)
    return BackupInfo(path, taken, reason, path.stat().st_size, *counts)


def list_backups(path: str | Path) -> list[BackupInfo]:
    """The backups of a festival file, newest first, with what each holds."""
    out: list[BackupInfo] = []
    for stamp in stamps(path):
        try:
            out.append(read_info(stamp.path))
        except OSError:  # deleted meanwhile
            continue
    return out


def newest_good_backup(path: str | Path) -> BackupInfo | None:
    """The newest backup that passes the same checks as opening a file."""
    for stamp in stamps(path):
        if check_file(stamp.path) is None:
            return read_info(stamp.path)
    return None


def restore(db: Database, backup: str | Path) -> Path:
    """Put the festival file back as it was in `backup`; returns the backup taken of the
    present state first, so the restore itself can be undone by restoring that one.

    The backup is checked first; a damaged one is refused and nothing changes. The
    copy goes through SQLite's backup API into the open connection, in one transaction:
    the file is either wholly the old one or wholly the restored one, even on a crash.
    """
    backup = Path(backup)
    if db.read_only:
        raise errors.ReadOnlyError(db.path, "")
    _refuse_same_file(backup, db.path)
    problem = check_file(backup)
    if problem is not None:
        raise errors.BadBackupError(backup, problem)
    before = take_backup(db, BEFORE_RESTORE)
    try:
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise errors.BadBackupError(backup, str(exc)) from exc
    try:
        copy_pages(source, db.conn, backup)
    except sqlite3.Error as exc:
        if is_damage(exc):  # the backup turned out damaged after all
            raise errors.BadBackupError(backup, str(exc)) from exc
        error = environment_error(db.path, exc)
        if error is None:
            raise
        raise error from exc
    finally:
        source.close()
    db.conn.execute("PRAGMA journal_mode = DELETE")  # whatever the backup's file said
    version = db.schema_version
    if version < schema.SCHEMA_VERSION:
        db.migrate(version)  # an older backup is brought up to this program's format
    logger.info("%s restored from %s (previous state kept in %s)", db.path, backup, before)
    return before


def replace_damaged(path: str | Path, backup: str | Path, *, label: str = "damaged") -> Path | None:
    """Put a good backup in place of a damaged festival file, which open refused (so it
    is not open here). The damaged file is kept first as NAME.<label>-TIME; returns where
    (None when it was empty). The backup is checked first: a bad one is refused and
    nothing changes. Also used for a file of a newer program (`label` "newer").
    """
    from festival_app.store.lock import FileLock

    path, backup = Path(path), Path(backup)
    _refuse_same_file(backup, path)
    problem = check_file(backup)
    if problem is not None:
        raise errors.BadBackupError(backup, problem)
    held = FileLock.acquire(path)  # nobody else may have it open for editing meanwhile
    try:
        kept = (
            keep_damaged_copy(path, label, also=folder_if_any(path))
            if path.exists() and path.stat().st_size
            else None
        )
        if path.exists() and path.stat().st_size and kept is None:
            raise errors.BackupError(
                path, N("StoreError", "no copy of the damaged file could be kept")
            )
        journal = journal_path(path)
        if journal.exists():
            # A journal left beside it belongs to the damaged file, never to the backup.
            stamp = datetime.now().strftime(_STAMP)
            aside = Path(f"{kept}-journal") if kept else Path(f"{path}.{label}-{stamp}-journal")
            os.replace(journal, aside)
        partial = path.with_name(f".{path.name}.restoring")
        shutil.copyfile(backup, partial)
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except OSError as exc:
        raise errors.WriteFailedError(path, exc.strerror or str(exc)) from exc
    finally:
        held.release()
    Database.open(path).close()  # an older backup is brought up to this program's format
    logger.info("damaged %s replaced by backup %s (damaged copy: %s)", path, backup, kept)
    return Path(kept) if kept else None


def _refuse_same_file(backup: Path, path: Path) -> None:
    """A festival file cannot be restored from itself (by any of its names)."""
    try:
        same = os.path.samefile(backup, path)
    except OSError:  # one of them is missing: check_file and open say so
        return
    if same:
        raise errors.BadBackupError(backup, N("StoreError", "it is the festival file itself"))


class BackupScheduler:
    """When to take backups of one open file: on open, every `interval_s` while there
    were changes, and on close if anything changed since the last one.

    Plain Python: the window drives `tick()` from a QTimer (every minute is plenty).
    A failing backup never stops the work; `last_error` keeps it for a status message.
    """

    def __init__(
        self,
        db: Database,
        *,
        interval_s: float = INTERVAL_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.db = db
        self.interval_s = interval_s
        self.clock = clock
        self.last_backup: Path | None = None
        self.last_error: errors.StoreError | None = None
        self._last_time = clock()
        self._seen_changes = self._changes()

    def _changes(self) -> int:
        # total_changes counts every row this connection wrote: no listener needed.
        return self.db.conn.total_changes

    @property
    def changed(self) -> bool:
        return self._changes() != self._seen_changes

    def _take(self, reason: str) -> Path | None:
        seen = self._changes()
        try:
            self.last_backup = take_backup(self.db, reason)
        except errors.StoreError as exc:
            logger.warning("backup of %s failed: %s", self.db.path, exc.message())
            self.last_error = exc
            return None
        self.last_error = None
        self._seen_changes = seen
        self._last_time = self.clock()
        return self.last_backup

    def on_open(self) -> Path | None:
        """Back up the file as it was opened, unless the newest backup is already newer."""
        try:
            newest = stamps(self.db.path)[:1]
            if newest and newest[0].path.stat().st_mtime >= self.db.path.stat().st_mtime:
                self.last_backup = newest[0].path
                return None
        except (OSError, errors.StoreError):
            pass  # _take reports what is wrong
        return self._take(OPEN)

    def tick(self) -> Path | None:
        """Take a backup when the interval has passed and something changed."""
        if self.changed and self.clock() - self._last_time >= self.interval_s:
            return self._take(PERIODIC)
        return None

    def on_close(self) -> Path | None:
        return self._take(CLOSE) if self.changed else None
