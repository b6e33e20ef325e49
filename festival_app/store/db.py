"""Opening, creating and writing the festival file safely.

Every write runs in an explicit `BEGIN IMMEDIATE` transaction and is committed at once:
there is no "Save". Opening never writes to a file before it is known to be a festival
file of a version this program understands, so anything else is left byte for byte.
"""

from __future__ import annotations

import filecmp
import glob
import logging
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from festival_app.domain.booths import BoothCategory
from festival_app.domain.program import ItemKind, ItemStatus
from festival_app.domain.troupes import Relation
from festival_app.domain.venues import VenueKind
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.store import errors, schema
from festival_app.store import lock as _lock
from festival_app.store.dialect import SQLITE

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


class _Damage(Exception):
    """Found while checking a file that looked like a SQLite database.

    `detail` is an English source marked N("StoreError", ...), its slots in `params`:
    the message that shows it translates it then (see errors.detail_text).
    """

    def __init__(self, detail: str, *, empty: bool = False, **params: object) -> None:
        super().__init__(errors.detail_text(detail, params))
        self.detail = detail
        self.params = params
        self.empty = empty


def _check_header(path: Path) -> None:
    """Refuse anything that is not a SQLite database of ours before SQLite touches it.

    The application id is read from the header bytes, not through SQLite: opening another
    program's database with SQLite could roll back its hot journal, which changes it.
    """
    if not path.exists():
        raise errors.FileMissingError(path)
    if path.is_dir():
        raise errors.NotAFestivalFileError(path, N("StoreError", "it is a folder"))
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
        size = path.stat().st_size
    except OSError as exc:
        raise errors.StoreError(path, exc.strerror or str(exc)) from exc
    if not head:
        raise _Damage(N("StoreError", "the file is empty"), empty=True)
    if not head.startswith(SQLITE_HEADER[: len(head)]) or len(head) < len(SQLITE_HEADER):
        raise errors.NotAFestivalFileError(path, N("StoreError", "it is not a database"))
    if len(head) < 100:
        raise _Damage(N("StoreError", "the file is cut short"))
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    # The page count in the header is valid only when written by the same change.
    # In WAL mode (a file from elsewhere) pages may still be in the -wal file beside it.
    counted = head[24:28] == head[92:96] and pages > 0 and head[18:20] == b"\x01\x01"
    if page_size < 512 or page_size & (page_size - 1):
        raise _Damage(N("StoreError", "its header is damaged"))
    if size % page_size or (counted and size < pages * page_size):
        raise _Damage(N("StoreError", "the file is cut short"))
    if int.from_bytes(head[68:72], "big") != schema.APPLICATION_ID:
        raise errors.NotAFestivalFileError(
            path, N("StoreError", "it is a database of another program")
        )


def _journal(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


# The first bytes of a journal that SQLite will roll back (a "hot" journal). A journal
# whose header was zeroed (SQLite does that when a transaction ends, and an early kill
# can leave it so) holds nothing to roll back and is ignored by SQLite too.
_JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


def _has_hot_journal(path: Path) -> bool:
    try:
        with _journal(path).open("rb") as handle:
            return handle.read(len(_JOURNAL_MAGIC)) == _JOURNAL_MAGIC
    except OSError:  # no journal (or none that can be read, which SQLite could not use)
        return False


def _recover_hot_journal(path: Path) -> None:
    """Let SQLite roll back a transaction interrupted by a crash or power cut.

    A read-only connection cannot do that and fails on a file with a hot journal, so a
    normal connection reads once first: that is SQLite's own recovery, which puts the
    file back to its last committed state. Runs only on a file known to be ours.
    """
    if not _has_hot_journal(path):
        return
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise errors.StoreError(
            path,
            N(
                "StoreError",
                "it was not closed properly last time and can only be repaired where it can "
                "be written; copy it to a folder of your own and open it there",
            ),
        )
    logger.warning("recovering %s after an interrupted write", path)
    try:
        conn = _connect(path, read_only=False)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise _busy_error(path) from exc
        raise _Damage(str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise _Damage(str(exc)) from exc


def is_busy(exc: sqlite3.Error) -> bool:
    """True when SQLite failed only because another connection holds a lock."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return True
    text = str(exc).lower()
    return "database is locked" in text or "database table is locked" in text


def _busy_error(path: Path) -> errors.LockedError:
    """The file is busy: name who holds it when this program's lock file says so."""
    holder = _lock.read_holder(_lock.lock_path(path))
    if holder is not None:
        return errors.LockedError(path, who=holder.who(), since=holder.since())
    return errors.LockedError(path)


def translate_sqlite_error(path: Path, exc: sqlite3.Error) -> errors.StoreError:
    """Turn SQLite's failure while writing into a message the user can act on."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return errors.ReadOnlyError(path, "")
    if is_busy(exc):
        return _busy_error(path)
    if "full" in text:
        return errors.WriteFailedError(path, N("StoreError", "the disk is full"))
    if "disk i/o" in text or "unable to open" in text:
        return errors.WriteFailedError(
            path, N("StoreError", "the drive could not be written (removed or failing?)")
        )
    if "malformed" in text or "not a database" in text:
        return errors.DamagedFileError(path, str(exc), copy=None)
    return errors.WriteFailedError(path, str(exc))


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
    ) -> Database:
        """Open an existing festival file, bringing an older schema up to date.

        The file is checked first through a read-only connection (header, version,
        `quick_check`, `foreign_key_check`); a damaged file raises DamagedFileError and
        is never written to. With `lock` (the window), editing also takes the lock file
        so that nobody else edits at the same time (LockedByOtherError otherwise;
        `take_over` replaces a stale lock). One-shot commands need no lock: SQLite keeps
        their single transactions apart.
        """
        path = Path(path)
        try:
            _check_header(path)
            _recover_hot_journal(path)
            version = cls._inspect(path)
        except _Damage as damage:
            raise _damaged_error(path, damage) from None
        except errors.NewerVersionError as exc:
            exc.offer_backup(*_newest_good_backup(path))
            raise
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
            conn = _connect(path, read_only=read_only)
        except sqlite3.Error as exc:
            if file_lock:
                file_lock.release()
            raise translate_sqlite_error(path, exc) from exc
        db = cls(conn, path, read_only=read_only, lock=file_lock)
        try:
            if not read_only:
                conn.execute("PRAGMA journal_mode = DELETE")  # no WAL: safe on shared folders
                conn.execute("PRAGMA synchronous = FULL")
                if 0 < version < schema.SCHEMA_VERSION:
                    _backup_before_upgrade(db)
                db._migrate(version)
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def _inspect(path: Path) -> int:
        """Read the application id and version and check the file, without writing anything."""
        try:
            conn = _connect(path, read_only=True)
        except sqlite3.Error as exc:
            raise errors.NotAFestivalFileError(path, str(exc)) from exc
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if app_id != schema.APPLICATION_ID:
                raise errors.NotAFestivalFileError(
                    path, N("StoreError", "it is a database of another program")
                )
            if version > schema.SCHEMA_VERSION:
                raise errors.NewerVersionError(path, found=version, supported=schema.SCHEMA_VERSION)
            _check_contents(conn)
        except sqlite3.OperationalError as exc:
            if is_busy(exc):  # busy is busy, never damage: someone is writing right now
                raise _busy_error(path) from exc
            raise _Damage(str(exc)) from exc
        except sqlite3.DatabaseError as exc:
            raise _Damage(str(exc)) from exc
        finally:
            conn.close()
        return int(version)

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
            try:
                conn = _connect(partial, read_only=False)
            except sqlite3.Error as exc:
                raise translate_sqlite_error(path, exc) from exc
            db = cls(conn, partial, read_only=False)
            try:
                conn.execute("PRAGMA journal_mode = DELETE")
                conn.execute("PRAGMA synchronous = FULL")
                db._migrate(0)
                if fill is not None:
                    fill(db)
            finally:
                db.close()
            _move_into_place(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            _journal(partial).unlink(missing_ok=True)
            raise
        return cls.open(path)

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
                copy_pages(self.conn, dest, self.path)
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
                _journal(candidate).unlink(missing_ok=True)


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
                raise _busy_error(busy_path)
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


def _check_contents(conn: sqlite3.Connection) -> None:
    """Raise _Damage when SQLite finds the file inconsistent (read-only; fast enough for
    every start: see docs/PERFORMANCE.md)."""
    rows = conn.execute("PRAGMA quick_check").fetchall()
    if [tuple(r) for r in rows] != [("ok",)]:
        raise _Damage(N("StoreError", "the database check found: {found}"), found=rows[0][0])
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        table = broken[0][0]
        raise _Damage(
            N("StoreError", "{count} records in '{table}' point to records that are missing"),
            count=len(broken),
            table=table,
        )
    _check_values(conn)


# Columns whose CHECK constraint tests only the shape ('29:00' and '2018-02-30' pass it).
_TIME_COLUMNS = {
    "festival_day": ("opens", "closes"),
    "venue": ("opens", "closes"),
    "program_item": ("start", "end"),
}
_DATE_COLUMNS = {
    "festival_day": ("date",),
    "troupe": ("arrival", "departure"),
}
# Columns that hold one of a list of words. Their CHECK constraints say so too, but a
# file written with the checks turned off (or by another tool) can hold anything, and
# SQLite's own check of a file does not always look at CHECK constraints.
_WORD_COLUMNS: dict[tuple[str, str], type[StrEnum]] = {
    ("venue", "kind"): VenueKind,
    ("troupe", "relation"): Relation,
    ("program_item", "kind"): ItemKind,
    ("program_item", "status"): ItemStatus,
    ("booth", "category"): BoothCategory,
}


def _wrong_values(table: str) -> list[str]:
    """SQL conditions that are true for a row holding a value no festival file can."""
    wrong = []
    for column in _TIME_COLUMNS.get(table, ()):
        wrong.append(
            f'("{column}" IS NOT NULL AND NOT ("{column}" GLOB \'[01][0-9]:[0-5][0-9]\' '
            f"OR \"{column}\" GLOB '2[0-3]:[0-5][0-9]'))"
        )
    for column in _DATE_COLUMNS.get(table, ()):
        # With a modifier SQLite normalises the date: 2018-02-30 becomes 2018-03-02.
        wrong.append(
            f'("{column}" IS NOT NULL AND date("{column}", \'+0 days\') IS NOT "{column}")'
        )
    for (owner, column), words in _WORD_COLUMNS.items():
        if owner == table:
            listed = ", ".join(f"'{w.value}'" for w in words)
            wrong.append(f'("{column}" NOT IN ({listed}))')
    return wrong


def _check_values(conn: sqlite3.Connection) -> None:
    """Raise _Damage for a value the program could never have written: a time or date
    that has the right shape but does not exist, a word outside its list.

    Reading such a value would fail later, in the middle of work; one query per table,
    stopping at the first bad row, finds it on open.
    """
    tables = sorted(set(_TIME_COLUMNS) | set(_DATE_COLUMNS) | {t for t, _ in _WORD_COLUMNS})
    for table in tables:
        condition = " OR ".join(_wrong_values(table))
        row = conn.execute(f"SELECT id FROM {table} WHERE {condition} LIMIT 1").fetchone()
        if row is not None:
            raise _Damage(
                N("StoreError", "record {record} in '{table}' holds a value that does not exist"),
                record=row[0],
                table=table,
            )


def check_file(path: Path) -> str | None:
    """What is wrong with a festival file (a backup, say), or None when it is good; in
    the interface's language.

    Reads only; used to check a backup before restoring or offering it.
    """
    try:
        _check_header(path)
        if _has_hot_journal(path):
            return errors.detail_text(N("StoreError", "it was not closed properly"))
        Database._inspect(path)
    except _Damage as damage:
        return errors.detail_text(damage.detail, damage.params)
    except errors.StoreError as exc:
        return exc.detail_text() or exc.message()
    return None


def _newest_good_backup(path: Path) -> tuple[Path | None, datetime | None]:
    from festival_app.store import backups  # backups uses Database: imported late

    try:
        info = backups.newest_good_backup(path)
    except Exception:  # finding a backup must never hide the error being reported
        logger.warning("could not look for backups of %s", path, exc_info=True)
        return None, None
    return (info.path, info.taken) if info else (None, None)


def _backup_before_upgrade(db: Database) -> None:
    """Keep the file as an older program wrote it before bringing it up to date: an
    older copy of the program can still use that backup."""
    from festival_app.store import backups  # backups uses Database: imported late

    try:
        backups.take_backup(db, backups.BEFORE_UPGRADE)
    except errors.StoreError as exc:  # no backups folder: the upgrade itself is safe
        logger.warning("no backup before upgrading %s: %s", db.path, exc.message())


def _damaged_error(path: Path, damage: _Damage) -> errors.DamagedFileError:
    """Keep a copy of a damaged file, then build the error that names it and a backup."""
    logger.info("%s is damaged: %s", path, damage)  # the caller tells the user
    error: errors.DamagedFileError
    if damage.empty:
        error = errors.EmptyFileError(path, damage.detail, **damage.params)
    else:
        error = errors.DamagedFileError(
            path, damage.detail, copy=_keep_damaged_copy(path), **damage.params
        )
    error.offer_backup(*_newest_good_backup(path))
    return error


def _keep_damaged_copy(path: Path, label: str = "damaged") -> str | None:
    """Copy the damaged file to NAME.damaged-TIMESTAMP beside it, or into the backups
    folder when its own folder cannot be written. An identical copy is not made twice.
    (`label` "newer": a file of a newer program, kept before a backup replaces it.)"""
    stamp = datetime.now().strftime("%Y-%m-%dT%H-%M-%S")
    name = f"{path.name}.{label}-{stamp}"
    candidates = [path.parent]
    with suppress(Exception):
        from festival_app.store import backups

        candidates.append(backups.folder_for(path))
    for folder in candidates:
        for existing in sorted(folder.glob(f"{glob.escape(path.name)}.{label}-*")):
            with suppress(OSError):
                if filecmp.cmp(existing, path, shallow=False):
                    return str(existing)
        target = folder / name
        try:
            if not os.access(folder, os.W_OK):
                continue
            shutil.copyfile(path, target)
        except OSError:
            with suppress(OSError):
                target.unlink()
            continue
        return str(target)
    return None
