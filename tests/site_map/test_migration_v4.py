"""Schema version 4 (site maps): a version-3 file is brought up to date, nothing lost.

tests/_files/festival_v3.sqlite3 was written by the program while its schema was version 3
(`festival-app init` with the 2018 sample); it is never changed by the tests, only copied.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from festival_app import site_plan
from festival_app.services import FestivalService
from festival_app.store import schema

V3_FILE = Path(__file__).resolve().parent.parent / "_files" / "festival_v3.sqlite3"


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not r[0].startswith("sqlite_")
        ]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}"), key=repr) for t in tables}
    finally:
        conn.close()


def _version(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def v3_file(tmp_path: Path) -> Path:
    copy = tmp_path / "festival_v3.sqlite3"
    shutil.copyfile(V3_FILE, copy)
    return copy


def test_the_saved_file_is_version_3_without_site_maps() -> None:
    assert _version(V3_FILE) == 3
    assert "booth_space" not in _rows(V3_FILE) and "site_map" not in _rows(V3_FILE)


def test_a_version_3_file_opens_upgraded_with_every_row_kept(v3_file: Path) -> None:
    before = _rows(v3_file)
    service = FestivalService.open(v3_file)
    try:
        assert _version(v3_file) == schema.SCHEMA_VERSION >= 4
        after = _rows(v3_file)
        for table, rows in before.items():
            # Later versions add columns at the end (who and when): the old ones are kept.
            width = len(rows[0]) if rows else 0
            kept = sorted((tuple(r[:width]) for r in after[table]), key=repr)
            assert kept == rows, table
        assert after["booth_space"] == [] and after["site_map"] == []
        # The upgraded file takes a map at once.
        mugyo = next(v for v in site_plan.booth_areas(service) if v.code_prefix == "M")
        site_plan.add_row(service, mugyo.id or 0, (0, 0), (180, 0), 60, gas=True)
        assert len(site_plan.spaces(service, mugyo.id)) == 60
        assert {b.code for b in service.booths() if b.venue_id == mugyo.id} <= {
            s.code for s in site_plan.spaces(service, mugyo.id)
        }
    finally:
        service.close()


def test_the_file_itself_refuses_a_repeated_space_code(v3_file: Path) -> None:
    service = FestivalService.open(v3_file)
    try:
        venue_id = site_plan.booth_areas(service)[0].id
        with pytest.raises(sqlite3.IntegrityError), service.db.transaction():
            for _ in range(2):
                service.db.conn.execute(
                    "INSERT INTO booth_space (venue_id, code, x, y, width, depth) "
                    "VALUES (?, 'P-01', 0, 0, 3, 3)",
                    (venue_id,),
                )
        assert site_plan.spaces(service) == []
    finally:
        service.close()
