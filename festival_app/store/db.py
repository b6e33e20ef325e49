"""Opening, creating and writing the festival file safely.

Every write runs in an explicit `BEGIN IMMEDIATE` transaction and is committed at once:
there is no "Save". Opening never writes to a file before it is known to be a festival
file of a version this program understands, so anything else is left byte for byte.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.store import early_check, errors, schema, triage
from festival_app.store import lock as _lock
from festival_app.store.connection import BUSY_TIMEOUT_S, busy_error, connect, environment_errors
from festival_app.store.dialect import SQLITE

logger = logging.getLogger(__name__)


class Database:
    """One open festival file."""

    dialect = SQLITE  # the SQL this engine speaks (store/dialect.py)

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        read_only: bool,
        lock: _lock.FileLock | None = None,
    ) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self.lock = lock  # the lock file held while editing (None: no lock taken)
        self._depth = 0
        self._closed = False
        self.who = f"{_lock.this_host()} ({_lock.this_user()})"  # its writes' changed_by

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        read_only: bool = False,
        lock: bool = False,
        take_over: bool = False,
        before_upgrade: Callable[[Database], object] | None = None,
    ) -> Database:
        """Open an existing festival file, bringing an older schema up to date.

        The file is checked first through a read-only connection (header, version,
        `quick_check`, `foreign_key_check`, see store.triage); a damaged file raises
        DamagedFileError and is never written to. With `lock` (the window), editing also
        takes the lock file so that nobody else edits at the same time (LockedByOtherError
        otherwise; `take_over` replaces a stale lock). One-shot commands need no lock:
        SQLite keeps their single transactions apart. `before_upgrade` is called with the
        open file before an older schema is brought up to date (a backup, say).

        The care around opening (a copy of a damaged file, a backup offered, a backup
        before an upgrade) is store.opening's.
        """
        path = Path(path)
        try:
            triage.check_header(path)
            triage.recover_hot_journal(path)
            version = early_check.take(path)  # started ahead by the window, when it was
            if version is None:
                version = triage.inspect(path)
        except triage.Damage as damage:
            error_type = errors.EmptyFileError if damage.empty else errors.DamagedFileError
            raise error_type(path, damage.detail, **damage.params) from None
        if not read_only and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            # A read-only file, or a read-only folder (SQLite writes its journal beside it).
            read_only = True
        if read_only and version < schema.SCHEMA_VERSION:
            raise errors.ReadOnlyError(
                path,
                N(
                    "StoreError",
                    "It must be updated to this program's format first, which needs writing.",
                ),
            )
        file_lock = (
            _lock.FileLock.acquire(path, take_over=take_over) if lock and not read_only else None
        )
        try:
            with environment_errors(path):
                conn = connect(path, read_only=read_only)
        except BaseException:
            if file_lock:
                file_lock.release()
            raise
        db = cls(conn, path, read_only=read_only, lock=file_lock)
        try:
            if not read_only:
                conn.execute("PRAGMA journal_mode = DELETE")  # no WAL: safe on shared folders
                conn.execute("PRAGMA synchronous = FULL")
                if 0 < version < schema.SCHEMA_VERSION and before_upgrade is not None:
                    before_upgrade(db)
                db.migrate(version)
        except BaseException:
            db.close()
            raise
        return db

    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        fill: Callable[[Database], object] | None = None,
    ) -> Database:
        """Create a new festival file, filled by `fill`, and open it; never overwrite.

        The file is built under a temporary name beside `path` and moved into place only
        when complete, so a crash or kill leaves either no file or the whole new one.
        """
        path = Path(path)
        if path.exists() or path.is_symlink():
            raise errors.ExistsError(path)
        if not path.parent.is_dir():
            raise errors.FolderMissingError(path, folder=path.parent)
        _remove_abandoned_partials(path)
        partial = _partial_name(path, os.getpid())
        try:
            # Exclusive creation: never truncate a file that appeared meanwhile.
            fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            os.close(fd)
        except OSError as exc:
            raise errors.WriteFailedError(path, exc.strerror or str(exc)) from exc
        try:
            with environment_errors(path):
                conn = connect(partial, read_only=False)
            db = cls(conn, partial, read_only=False)
            try:
                conn.execute("PRAGMA journal_mode = DELETE")
                conn.execute("PRAGMA synchronous = FULL")
                db.migrate(0)
                if fill is not None:
                    fill(db)
            finally:
                db.close()
            _move_into_place(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            triage.journal_path(partial).unlink(missing_ok=True)
            raise
        return cls.open(path)

    def migrate(self, version: int) -> None:
        """Bring the file from schema `version` up to this program's, one migration a step."""
        for target in range(version + 1, schema.SCHEMA_VERSION + 1):
            logger.info("migrating %s to schema version %d", self.path, target)
            with self.transaction():
                for statement in _statements(schema.MIGRATIONS[target - 1]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
                self.conn.execute(f"PRAGMA user_version = {target}")

    # -- transactions --------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: committed when the block ends, rolled back on any error.

        Nested use joins the outer transaction, so a use case made of several writes is
        still all-or-nothing.
        """
        if self.read_only:
            raise errors.ReadOnlyError(self.path, "")
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        with environment_errors(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            with environment_errors(self.path):
                yield self.conn
                self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0

    def _rollback(self) -> None:
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error:  # SQLite may already have rolled back (I/O error, full disk)
            logger.warning("rollback failed on %s", self.path, exc_info=True)

    # -- reading -------------------------------------------------------------------------

    def query(
        self, sql: str, params: tuple[object, ...] | dict[str, object] = ()
    ) -> list[sqlite3.Row]:
        cursor = self.conn.execute(sql, params)
        return cursor.fetchall()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # -- copies --------------------------------------------------------------------------

    def backup_to(self, target: str | os.PathLike[str]) -> None:
        """Copy the whole file with SQLite's backup API (safe while it is open)."""
        target = Path(target)
        partial = target.with_name(f".{target.name}.partial")
        partial.unlink(missing_ok=True)
        try:
            with environment_errors(target):
                dest = sqlite3.connect(partial)
                try:
                    copy_pages(self.conn, dest, self.path)
                finally:
                    dest.close()
            os.replace(partial, target)  # the copy appears whole or not at all
        except (sqlite3.Error, errors.StoreError):
            partial.unlink(missing_ok=True)
            raise
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise errors.WriteFailedError(target, exc.strerror or str(exc)) from exc

    def close(self) -> None:
        """Close the file and give up the lock; closing twice does nothing."""
        if self._closed:
            return
        self._closed = True
        try:
            self.conn.close()
        finally:
            if self.lock is not None:
                self.lock.release()
                self.lock = None


_PARTIAL = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.creating$")


def _partial_name(path: Path, pid: int) -> Path:
    """Where a new festival file is built before it takes its name."""
    return path.with_name(f".{path.name}.{pid}.creating")


def _remove_abandoned_partials(path: Path) -> None:
    """Remove the half-built files of `path` whose program was killed (its pid is gone)."""
    with suppress(OSError):
        for candidate in path.parent.iterdir():
            match = _PARTIAL.match(candidate.name)
            if not match or match["name"] != path.name:
                continue
            if int(match["pid"]) != os.getpid() and not _lock.pid_running(int(match["pid"])):
                logger.info("removing %s, left by an interrupted creation", candidate)
                candidate.unlink(missing_ok=True)
                triage.journal_path(candidate).unlink(missing_ok=True)


def _move_into_place(partial: Path, path: Path) -> None:
    """Give the finished file its name, never replacing a file that appeared meanwhile."""
    try:
        os.link(partial, path)  # fails when `path` exists: no overwrite, no race
    except FileExistsError as exc:
        raise errors.ExistsError(path) from exc
    except OSError:
        # No hard links here (some network shares, FAT): rename; on Windows it refuses
        # an existing target by itself.
        if path.exists():
            raise errors.ExistsError(path) from None
        try:
            os.rename(partial, path)
        except FileExistsError as exc:
            raise errors.ExistsError(path) from exc
        except OSError as exc:
            raise errors.WriteFailedError(path, exc.strerror or str(exc)) from exc
        return
    partial.unlink(missing_ok=True)


BACKUP_STEP_PAGES = 1024  # pages per step of a copy: Ctrl-C is heard between steps


def copy_pages(
    source: sqlite3.Connection,
    target: sqlite3.Connection,
    busy_path: Path,
    *,
    busy_timeout_s: float = BUSY_TIMEOUT_S,
) -> None:
    """Copy a whole database with SQLite's backup API, in steps.

    Between steps Python runs its signal handlers, so Ctrl-C stops a long copy (the
    target is then left as it was); a copy that cannot go on because another connection
    holds a lock gives up after `busy_timeout_s` with LockedError naming `busy_path`
    instead of waiting for ever.
    """
    waited_since: list[float] = []

    def progress(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            now = time.monotonic()
            if not waited_since:
                waited_since.append(now)
            elif now - waited_since[0] > busy_timeout_s:
                raise busy_error(busy_path)
        else:
            waited_since.clear()

    source.backup(target, pages=BACKUP_STEP_PAGES, progress=progress)


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would commit on its own)."""
    out: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                out.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError("incomplete statement in migration")
    return out
