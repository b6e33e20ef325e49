"""Schema version 5 (releases): a version-3 file is brought up to date, nothing lost, and a
release stays frozen whatever writes to the file.

tests/_files/festival_v3.sqlite3 was written by the program while its schema was version 3
(the 2018 sample, as `festival-app init` made it); it is only copied, never changed.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from festival_app import releasing
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


@pytest.fixture
def v3_file(tmp_path: Path) -> Path:
    copy = tmp_path / "festival_v3.sqlite3"
    shutil.copyfile(V3_FILE, copy)
    return copy


def test_the_saved_file_is_version_3_without_releases() -> None:
    rows = _rows(V3_FILE)
    assert "release" not in rows and "festival_guid" not in rows
    assert len(rows["program_item"]) == 30


def test_opening_a_version_3_file_adds_releases_and_a_guid_and_keeps_every_row(
    v3_file: Path,
) -> None:
    before = _rows(v3_file)
    FestivalService.open(v3_file).close()
    after = _rows(v3_file)
    conn = sqlite3.connect(f"{v3_file.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    finally:
        conn.close()
    for table, rows in before.items():
        # Later versions add columns at the end (who and when): the old ones are kept.
        width = len(rows[0]) if rows else 0
        kept = sorted((tuple(r[:width]) for r in after[table]), key=repr)
        assert kept == rows, table
    assert after["release"] == []
    [(one, guid)] = after["festival_guid"]
    assert one == 1 and isinstance(guid, str) and uuid.UUID(guid).version == 4

    # Opening again keeps the guid: it is made once.
    FestivalService.open(v3_file).close()
    assert _rows(v3_file)["festival_guid"] == after["festival_guid"]


def test_two_files_get_different_guids(tmp_path: Path) -> None:
    a = FestivalService.create(tmp_path / "a.sqlite3")
    b = FestivalService.create(tmp_path / "b.sqlite3")
    try:
        ga = releasing.repository(a).festival_guid()
        gb = releasing.repository(b).festival_guid()
        assert ga != gb
    finally:
        a.close()
        b.close()


def test_the_file_itself_keeps_a_release_frozen(v3_file: Path) -> None:
    service = FestivalService.open(v3_file)
    try:
        releasing.release(service, "v1", "처음", "first")
        releasing.release(service, "v2")
        conn = service.db.conn
        for statement in (
            "UPDATE release SET name = 'v9' WHERE name = 'v1'",
            "UPDATE release SET comment_en = 'changed' WHERE name = 'v1'",
            "UPDATE release SET snapshot = '{}' WHERE name = 'v1'",
            "UPDATE release SET created_at = '2000-01-01T00:00:00' WHERE name = 'v1'",
            "UPDATE release SET content_hash = hex(zeroblob(32)) WHERE name = 'v1'",
            "UPDATE release SET id = 7 WHERE name = 'v1'",
            "DELETE FROM release WHERE name = 'v1'",
            "UPDATE festival_guid SET guid = '00000000-0000-4000-8000-000000000000'",
            "DELETE FROM festival_guid",
        ):
            with pytest.raises(sqlite3.IntegrityError):
                conn.execute(statement)
        # Only the printed mark moves, and only one release carries it.
        releasing.mark_printed(service, "v1")
        releasing.mark_printed(service, "v2")
        assert [r.printed for r in releasing.releases(service)] == [False, True]
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE release SET printed = 1")
        first = releasing.releases(service)[0]
        assert (first.name, first.comment_ko, first.comment_en) == ("v1", "처음", "first")
    finally:
        service.close()


def test_a_new_item_never_takes_the_id_of_a_deleted_one(v3_file: Path) -> None:
    """Published guids come from item ids: an id is never given to another item."""
    from festival_app.domain.program import ProgramItem

    service = FestivalService.open(v3_file)
    try:
        last = max(service.program(), key=lambda i: i.id or 0)
        assert last.id is not None
        service.delete(ProgramItem, [last.id])
        added, _ = service.save(replace(last, id=None, title_en="Another item"))
        assert added.id is not None and added.id > last.id
    finally:
        service.close()
