"""Schema version 2 (acknowledged clashes): old files are brought up to date, newer refused.

tests/_files/festival_v1.sqlite3 was written by the program while its schema was version 1
(before acknowledgements existed); it is never changed by the tests, only copied.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from festival_app import clash_checks
from festival_app.services import FestivalService
from festival_app.store import schema
from festival_app.store.db import Database
from festival_app.store.errors import NewerVersionError

V1_FILE = Path(__file__).resolve().parent.parent / "_files" / "festival_v1.sqlite3"


def _version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def v1_file(tmp_path: Path) -> Path:
    copy = tmp_path / "festival_v1.sqlite3"
    shutil.copyfile(V1_FILE, copy)
    return copy


def test_the_saved_file_is_version_1() -> None:
    assert _version(V1_FILE) == 1
    assert schema.SCHEMA_VERSION >= 2


def test_opening_a_version_1_file_migrates_it(v1_file: Path) -> None:
    service = FestivalService.open(v1_file)
    try:
        assert service.db.schema_version == schema.SCHEMA_VERSION
        # Everything the file held is still there.
        assert [d.date.isoformat() for d in service.days()] == ["2018-09-01", "2018-09-02"]
        assert {v.name_en for v in service.venues()} == {"Main stage", "Parade route", "Mugyo-ro"}
        assert len(service.program()) == 4
        assert len(service.booths()) == 1
        # And the new table works.
        assert service.acknowledgements() == {}
        clash_checks.acknowledge(service, "outside_hours:2", "Setup is done before opening")
        [clash] = [c for c in clash_checks.check(service) if c.key == "outside_hours:2"]
        assert clash.acknowledged
    finally:
        service.close()
    assert _version(v1_file) == schema.SCHEMA_VERSION
    service = FestivalService.open(v1_file)
    try:
        assert service.acknowledgements() == {"outside_hours:2": "Setup is done before opening"}
    finally:
        service.close()


def test_a_fresh_file_has_the_table(tmp_path: Path) -> None:
    db = Database.create(tmp_path / "new.sqlite3")
    try:
        names = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "clash_acknowledgement" in names
        with pytest.raises(sqlite3.IntegrityError), db.transaction():
            db.conn.execute(
                "INSERT INTO clash_acknowledgement VALUES ('venue_overlap:1:2', '', '2018')"
            )
    finally:
        db.close()


def test_a_file_of_a_newer_version_is_refused_and_left_unchanged(v1_file: Path) -> None:
    conn = sqlite3.connect(v1_file)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    before = v1_file.read_bytes()
    with pytest.raises(NewerVersionError):
        FestivalService.open(v1_file)
    with pytest.raises(NewerVersionError):
        FestivalService.open(v1_file, read_only=True)
    assert v1_file.read_bytes() == before
