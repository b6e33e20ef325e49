"""Schema version 3 (row versions): a version-2 file is brought up to date, nothing lost.

tests/_files/festival_v2.sqlite3 was written by the program while its schema was version 2
(the 2018 sample, as `festival-app init --sample` made it, and one acknowledged clash); it
is never changed by the tests, only copied.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from festival_app.domain.troupes import Troupe
from festival_app.services import FestivalService
from festival_app.store import schema
from festival_app.store.db import Database

V2_FILE = Path(__file__).resolve().parent.parent / "_files" / "festival_v2.sqlite3"
VERSIONED = schema.VERSIONED_TABLES


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _version(path: Path) -> int:
    conn = _connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _contents(path: Path, columns: dict[str, list[str]] | None = None) -> dict[str, object]:
    """Every table's rows (only `columns` of each, when given), the indexes and the ids."""
    conn = _connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not r[0].startswith("sqlite_")
        ]
        out: dict[str, object] = {}
        for table in tables:
            if columns is not None and table not in columns:
                continue  # a table of a later version
            names = columns[table] if columns is not None else _columns(conn, table)
            quoted = ", ".join(f'"{c}"' for c in names)
            out[table] = sorted(conn.execute(f"SELECT {quoted} FROM {table}"), key=repr)
        out["indexes"] = sorted(
            (
                row
                for row in conn.execute(
                    "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index'"
                )
                if columns is None or row[1] in columns  # not a later version's
            ),
            key=repr,
        )
        out["application_id"] = conn.execute("PRAGMA application_id").fetchone()[0]
        return out
    finally:
        conn.close()


@pytest.fixture
def v2_file(tmp_path: Path) -> Path:
    copy = tmp_path / "festival_v2.sqlite3"
    shutil.copyfile(V2_FILE, copy)
    return copy


def test_the_saved_file_is_version_2_without_row_versions() -> None:
    assert _version(V2_FILE) == 2
    assert schema.SCHEMA_VERSION >= 3
    conn = _connect(V2_FILE)
    try:
        for table in VERSIONED:
            assert "row_version" not in _columns(conn, table)
    finally:
        conn.close()


def test_opening_a_version_2_file_gives_every_row_version_1_and_changes_nothing_else(
    v2_file: Path,
) -> None:
    conn = _connect(v2_file)
    try:
        old_columns = {t: _columns(conn, t) for t in [*VERSIONED, "festival", "booth_day"]}
        old_columns["clash_acknowledgement"] = _columns(conn, "clash_acknowledgement")
    finally:
        conn.close()
    before = _contents(v2_file)

    service = FestivalService.open(v2_file)
    service.close()

    assert _version(v2_file) == schema.SCHEMA_VERSION
    assert _contents(v2_file, old_columns) == before  # every old column and row as it was
    conn = _connect(v2_file)
    try:
        for table in VERSIONED:
            assert _columns(conn, table)[: len(old_columns[table]) + 1] == [
                *old_columns[table],
                "row_version",
            ]
            versions = conn.execute(f"SELECT DISTINCT row_version FROM {table}").fetchall()
            assert versions == [(1,)], table
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def test_a_migrated_file_is_read_and_written_with_versions(v2_file: Path) -> None:
    service = FestivalService.open(v2_file)
    try:
        assert len(service.troupes()) == 15 and len(service.booths()) == 131
        assert {r.row_version for r in service.troupes()} == {1}
        assert {r.row_version for r in service.program()} == {1}
        assert {r.row_version for r in service.booths()} == {1}
        assert {r.row_version for r in service.days()} == {1}
        assert {r.row_version for r in service.venues()} == {1}
        assert service.acknowledgements() == {
            "item_without_troupe:5": "The lantern parade has no troupe of its own"
        }
        troupe = service.troupes()[0]
        stored, _ = service.save(replace(troupe, notes="after the upgrade"))
        assert stored.row_version == 2
        assert service.get(Troupe, troupe.id or 0) == stored
    finally:
        service.close()


def test_a_fresh_file_has_row_versions_that_the_file_checks(tmp_path: Path) -> None:
    db = Database.create(tmp_path / "new.sqlite3")
    try:
        for table in VERSIONED:
            assert "row_version" in _columns(db.conn, table)
        with db.transaction():
            db.conn.execute("INSERT INTO troupe (name, relation) VALUES ('T', 'sister')")
        assert db.query("SELECT row_version FROM troupe")[0][0] == 1
        for bad in ("0", "'two'"):
            with pytest.raises(sqlite3.IntegrityError), db.transaction():
                db.conn.execute(f"UPDATE troupe SET row_version = {bad}")
    finally:
        db.close()
