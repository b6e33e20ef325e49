"""Schema version 6 (who changed a record last, and when): a version-3 file is brought up
to date with nothing lost, and every write from then on says who made it and when.

tests/_files/festival_v3.sqlite3 was written by the program while its schema was version 3
(the 2018 sample, as `festival-app init` made it); it is never changed by the tests, only
copied.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

from festival_app.services import FestivalService
from festival_app.store import schema

V3_FILE = Path(__file__).resolve().parent.parent / "_files" / "festival_v3.sqlite3"


def _read(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_version_3_file_gets_who_and_when_columns_and_keeps_every_value(
    tmp_path: Path,
) -> None:
    path = tmp_path / "festival.sqlite3"
    shutil.copyfile(V3_FILE, path)
    assert _read(path, "PRAGMA user_version") == [(3,)]
    before = {t: _read(path, f"SELECT * FROM {t} ORDER BY id") for t in schema.VERSIONED_TABLES}

    FestivalService.open(path).close()

    assert _read(path, "PRAGMA user_version") == [(schema.SCHEMA_VERSION,)]
    for table in schema.VERSIONED_TABLES:
        width = len(before[table][0])  # the version-3 columns come first, as they were
        after = _read(path, f"SELECT * FROM {table} ORDER BY id")
        assert [row[:width] for row in after] == before[table], table  # every old value kept
        who = _read(path, f"SELECT changed_by, changed_at FROM {table}")
        assert set(who) <= {("", "")}, table  # not known for old rows


def test_every_write_notes_who_made_it_and_when(tmp_path: Path) -> None:
    path = tmp_path / "festival.sqlite3"
    shutil.copyfile(V3_FILE, path)
    service = FestivalService.open(path)
    try:
        troupe = service.troupes()[0]
        stored, _ = service.save(replace(troupe, phone="+82 2 120"))
        added, _ = service.save(replace(troupe, id=None, name="Jeju Dancers", row_version=0))
        who = service.db.who
    finally:
        service.close()
    for record_id in (stored.id, added.id):
        ((by, at),) = _read(
            path, f"SELECT changed_by, changed_at FROM troupe WHERE id = {record_id}"
        )
        assert by == who and "(" in who
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", str(at))
    untouched = _read(
        path, f"SELECT changed_by FROM troupe WHERE id NOT IN ({stored.id}, {added.id})"
    )
    assert untouched and {row[0] for row in untouched} == {""}
