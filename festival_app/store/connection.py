"""SQLite connections to festival files, and SQLite's failures told apart: the
environment's (a busy, full, read-only or failing drive) become a StoreError the user can
act on; anything else is a bug and is raised as it is, to reach the crash dialog."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.store import errors
from festival_app.store import lock as _lock

BUSY_TIMEOUT_S = 5.0


def connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), foreign keys on."""
    uri = path.resolve().as_uri() + ("?mode=ro" if read_only else "?mode=rw")
    conn = sqlite3.connect(
        uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False
    )
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_busy(exc: sqlite3.Error) -> bool:
    """True when SQLite failed only because another connection holds a lock."""
    return _primary_code(exc) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def is_damage(exc: sqlite3.Error) -> bool:
    """True when SQLite found the database itself damaged."""
    return _primary_code(exc) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def busy_error(path: Path) -> errors.LockedError:
    """The file is busy: name who holds it when this program's lock file says so."""
    holder = _lock.read_holder(_lock.lock_path(path))
    if holder is not None:
        return errors.LockedError(path, who=holder.who(), since=holder.since())
    return errors.LockedError(path)


def environment_error(path: Path, exc: sqlite3.Error) -> errors.StoreError | None:
    """The user's message for a failure of the file's surroundings, by SQLite's error
    code; None when SQLite's failure is not the environment's (a bug: "no such column",
    a wrong type, a misuse), which must not be dressed up as a message."""
    code = _primary_code(exc)
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM):
        return errors.ReadOnlyError(path, "")
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return busy_error(path)
    if code == sqlite3.SQLITE_FULL:
        return errors.WriteFailedError(path, N("StoreError", "the disk is full"))
    if code in (
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_CANTOPEN,
        sqlite3.SQLITE_NOLFS,
        sqlite3.SQLITE_PROTOCOL,
        sqlite3.SQLITE_NOMEM,
    ):
        return errors.WriteFailedError(
            path, N("StoreError", "the drive could not be written (removed or failing?)")
        )
    if is_damage(exc):
        return errors.DamagedFileError(path, str(exc), copy=None)
    return None


@contextmanager
def environment_errors(path: Path) -> Iterator[None]:
    """Raise the environment's SQLite failures inside the block as StoreErrors about
    `path`; let every other error through unchanged."""
    try:
        yield
    except sqlite3.Error as exc:
        error = environment_error(path, exc)
        if error is None:
            raise
        raise error from exc
