"""Opening, creating and writing the festival file safely.

Every write runs in an explicit `BEGIN IMMEDIATE` transaction and is committed at once:
there is no "Save". Opening never writes to a file before it is known to be a festival
file of a version this program understands, so anything else is left byte for byte.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from festival_app.store import errors, schema

logger = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 5.0


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + ("?mode=ro" if read_only else "?mode=rw")
    conn = sqlite3.connect(
        uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False
    )
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _check_header(path: Path) -> None:
    """Refuse anything that is not a SQLite database before SQLite touches it."""
    if not path.exists():
        raise errors.FileMissingError(path)
    if path.is_dir():
        raise errors.NotAFestivalFileError(path, "it is a folder")
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise errors.StoreError(path, exc.strerror or str(exc)) from exc
    if not head:
        raise errors.NotAFestivalFileError(path, "the file is empty")
    if len(head) < 100 or not head.startswith(SQLITE_HEADER):
        raise errors.NotAFestivalFileError(path, "it is not a database")


def translate_sqlite_error(path: Path, exc: sqlite3.Error) -> errors.StoreError:
    """Turn SQLite's failure while writing into a message the user can act on."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return errors.ReadOnlyError(path, "")
    if "locked" in text or "busy" in text:
        return errors.LockedError(path)
    if "full" in text:
        return errors.WriteFailedError(path, "the disk is full")
    if "disk i/o" in text or "unable to open" in text:
        return errors.WriteFailedError(path, "the drive could not be written (removed or failing?)")
    if "malformed" in text or "not a database" in text:
        return errors.DamagedFileError(path, str(exc), copy="-")
    return errors.WriteFailedError(path, str(exc))


class Database:
    """One open festival file."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, read_only: bool) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self._depth = 0

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False) -> Database:
        """Open an existing festival file, bringing an older schema up to date."""
        path = Path(path)
        _check_header(path)
        version = cls._inspect(path)
        if not read_only and not os.access(path, os.W_OK):
            read_only = True
        if read_only and version < schema.SCHEMA_VERSION:
            raise errors.ReadOnlyError(
                path, "It must be updated to this program's format first, which needs writing."
            )
        try:
            conn = _connect(path, read_only=read_only)
        except sqlite3.Error as exc:
            raise translate_sqlite_error(path, exc) from exc
        db = cls(conn, path, read_only=read_only)
        try:
            if not read_only:
                conn.execute("PRAGMA journal_mode = DELETE")  # no WAL: safe on shared folders
                conn.execute("PRAGMA synchronous = FULL")
                db._migrate(version)
        except BaseException:
            conn.close()
            raise
        return db

    @staticmethod
    def _inspect(path: Path) -> int:
        """Read the application id and version without writing anything."""
        try:
            conn = _connect(path, read_only=True)
        except sqlite3.Error as exc:
            raise errors.NotAFestivalFileError(path, str(exc)) from exc
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise errors.NotAFestivalFileError(path, "it is not a readable database") from exc
        finally:
            conn.close()
        if app_id != schema.APPLICATION_ID:
            raise errors.NotAFestivalFileError(path, "it is a database of another program")
        if version > schema.SCHEMA_VERSION:
            raise errors.NewerVersionError(path, found=version, supported=schema.SCHEMA_VERSION)
        return int(version)

    @classmethod
    def create(cls, path: str | os.PathLike[str]) -> Database:
        """Create a new, empty festival file; refuse to overwrite anything."""
        path = Path(path)
        if path.exists():
            raise errors.ExistsError(path)
        if not path.parent.is_dir():
            raise errors.StoreError(path, f"the folder {path.parent} does not exist")
        try:
            # Exclusive creation: never truncate a file that appeared meanwhile.
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            os.close(fd)
        except FileExistsError as exc:
            raise errors.ExistsError(path) from exc
        except OSError as exc:
            raise errors.StoreError(path, exc.strerror or str(exc)) from exc
        try:
            conn = _connect(path, read_only=False)
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
            db = cls(conn, path, read_only=False)
            db._migrate(0)
        except BaseException:
            with suppress(Exception):
                conn.close()
            path.unlink(missing_ok=True)
            raise
        return db

    def _migrate(self, version: int) -> None:
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
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise translate_sqlite_error(self.path, exc) from exc
        self._depth = 1
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, sqlite3.OperationalError):
                raise translate_sqlite_error(self.path, exc) from exc
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
            dest = sqlite3.connect(partial)
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
            os.replace(partial, target)  # the copy appears whole or not at all
        except sqlite3.Error as exc:
            partial.unlink(missing_ok=True)
            raise translate_sqlite_error(target, exc) from exc
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise errors.WriteFailedError(target, exc.strerror or str(exc)) from exc

    def close(self) -> None:
        self.conn.close()


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
