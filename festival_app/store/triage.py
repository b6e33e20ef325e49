"""Telling a festival file from anything else, and a sound one from a damaged one.

Everything here only reads, through the header bytes or a read-only connection, until the
file is known to be ours: another program's database or journal is never touched. A hot
journal (a write interrupted by a crash) is rolled back by SQLite itself, once the file is
known to be a festival file.
"""

from __future__ import annotations

import filecmp
import glob
import logging
import os
import shutil
import sqlite3
from contextlib import suppress
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from festival_app.domain.booths import BoothCategory
from festival_app.domain.program import ItemKind, ItemStatus
from festival_app.domain.troupes import Relation
from festival_app.domain.venues import VenueKind
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.store import errors, schema
from festival_app.store.connection import busy_error, connect, is_busy

logger = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


class Damage(Exception):
    """Found while checking a file that looked like a SQLite database.

    `detail` is an English source marked N("StoreError", ...), its slots in `params`:
    the message that shows it translates it then (see errors.detail_text).
    """

    def __init__(self, detail: str, *, empty: bool = False, **params: object) -> None:
        super().__init__(errors.detail_text(detail, params))
        self.detail = detail
        self.params = params
        self.empty = empty


def check_header(path: Path) -> None:
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
        raise Damage(N("StoreError", "the file is empty"), empty=True)
    if not head.startswith(SQLITE_HEADER[: len(head)]) or len(head) < len(SQLITE_HEADER):
        raise errors.NotAFestivalFileError(path, N("StoreError", "it is not a database"))
    if len(head) < 100:
        raise Damage(N("StoreError", "the file is cut short"))
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    # The page count in the header is valid only when written by the same change.
    # In WAL mode (a file from elsewhere) pages may still be in the -wal file beside it.
    counted = head[24:28] == head[92:96] and pages > 0 and head[18:20] == b"\x01\x01"
    if page_size < 512 or page_size & (page_size - 1):
        raise Damage(N("StoreError", "its header is damaged"))
    if size % page_size or (counted and size < pages * page_size):
        raise Damage(N("StoreError", "the file is cut short"))
    if int.from_bytes(head[68:72], "big") != schema.APPLICATION_ID:
        raise errors.NotAFestivalFileError(
            path, N("StoreError", "it is a database of another program")
        )


def journal_path(path: Path) -> Path:
    """The rollback journal SQLite keeps beside a file while writing it."""
    return path.with_name(path.name + "-journal")


# The first bytes of a journal that SQLite will roll back (a "hot" journal). A journal
# whose header was zeroed (SQLite does that when a transaction ends, and an early kill
# can leave it so) holds nothing to roll back and is ignored by SQLite too.
_JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


def has_hot_journal(path: Path) -> bool:
    try:
        with journal_path(path).open("rb") as handle:
            return handle.read(len(_JOURNAL_MAGIC)) == _JOURNAL_MAGIC
    except OSError:  # no journal (or none that can be read, which SQLite could not use)
        return False


def recover_hot_journal(path: Path) -> None:
    """Let SQLite roll back a transaction interrupted by a crash or power cut.

    A read-only connection cannot do that and fails on a file with a hot journal, so a
    normal connection reads once first: that is SQLite's own recovery, which puts the
    file back to its last committed state. Runs only on a file known to be ours.
    """
    if not has_hot_journal(path):
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
        conn = connect(path, read_only=False)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise busy_error(path) from exc
        raise Damage(str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise Damage(str(exc)) from exc


def inspect(path: Path) -> int:
    """Read the application id and version and check the file, without writing anything."""
    try:
        conn = connect(path, read_only=True)
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
            raise busy_error(path) from exc
        raise Damage(str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise Damage(str(exc)) from exc
    finally:
        conn.close()
    return int(version)


def _check_contents(conn: sqlite3.Connection) -> None:
    """Raise Damage when SQLite finds the file inconsistent (read-only; fast enough for
    every start: see docs/PERFORMANCE.md)."""
    rows = conn.execute("PRAGMA quick_check").fetchall()
    if [tuple(r) for r in rows] != [("ok",)]:
        raise Damage(N("StoreError", "the database check found: {found}"), found=rows[0][0])
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        table = broken[0][0]
        raise Damage(
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
    """Raise Damage for a value the program could never have written: a time or date
    that has the right shape but does not exist, a word outside its list.

    Reading such a value would fail later, in the middle of work; one query per table,
    stopping at the first bad row, finds it on open.
    """
    tables = sorted(set(_TIME_COLUMNS) | set(_DATE_COLUMNS) | {t for t, _ in _WORD_COLUMNS})
    for table in tables:
        condition = " OR ".join(_wrong_values(table))
        row = conn.execute(f"SELECT id FROM {table} WHERE {condition} LIMIT 1").fetchone()
        if row is not None:
            raise Damage(
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
        check_header(path)
        if has_hot_journal(path):
            return errors.detail_text(N("StoreError", "it was not closed properly"))
        inspect(path)
    except Damage as damage:
        return errors.detail_text(damage.detail, damage.params)
    except errors.StoreError as exc:
        return exc.detail_text() or exc.message()
    return None


def keep_damaged_copy(
    path: Path, label: str = "damaged", *, also: Path | None = None
) -> str | None:
    """Copy the damaged file to NAME.damaged-TIMESTAMP beside it, or into the backups
    folder (`also`) when its own folder cannot be written. An identical copy is not made twice.
    (`label` "newer": a file of a newer program, kept before a backup replaces it).
    """
    stamp = datetime.now().strftime("%Y-%m-%dT%H-%M-%S")
    name = f"{path.name}.{label}-{stamp}"
    candidates = [path.parent] + ([also] if also is not None else [])
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
