"""The festival file: schema, constraints, round trips, and refusing what is not ours."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import pytest

from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ItemKind, ItemStatus, ProgramItem
from festival_app.domain.troupes import Relation, Troupe
from festival_app.domain.venues import Venue, VenueKind
from festival_app.services import FestivalService
from festival_app.store import errors, schema
from festival_app.store.db import Database


def test_a_new_file_has_the_current_schema_and_is_marked_as_ours(tmp_path: Path) -> None:
    db = Database.create(tmp_path / "f.sqlite3")
    assert db.schema_version == schema.SCHEMA_VERSION
    assert db.conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    tables = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"festival", "festival_day", "venue", "troupe", "program_item", "booth"} <= tables
    db.close()


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    path.write_bytes(b"precious")
    with pytest.raises(errors.ExistsError):
        Database.create(path)
    assert path.read_bytes() == b"precious"


def test_every_entity_round_trips_with_korean_text(empty_service: FestivalService) -> None:
    s = empty_service
    s.update_festival(Festival("Seoul Friendship Festival", "서울세계도시문화축제", 25, "메모"))
    day, _ = s.save(FestivalDay(date(2018, 9, 1), time(12), time(18)))
    stage, _ = s.save(
        Venue(
            "Main Stage",
            "서울광장 메인무대",
            VenueKind.STAGE,
            "서울광장",
            3000,
            changeover_min=10,
            opens=time(12, 30),
            closes=time(17),
            notes="무대",
        )
    )
    area, _ = s.save(Venue("Mugyo-ro", "무교로", VenueKind.BOOTH_AREA, "무교로", None, 60, "M"))
    troupe, _ = s.save(
        Troupe(
            "Hanoi Water Puppets",
            "하노이 수상인형극단",
            "Hanoi",
            "하노이",
            "VN",
            Relation.SISTER,
            "전통 인형극",
            12,
            "Nguyễn Văn An",
            "an@example.org",
            "+84 24 1234 5678",
            date(2018, 8, 31),
            date(2018, 9, 3),
            "비고",
        )
    )
    assert day.id is not None and stage.id is not None and area.id is not None
    item, _ = s.save(
        ProgramItem(
            day.id,
            stage.id,
            time(13),
            time(13, 30),
            "Water puppets",
            "수상인형극",
            ItemKind.PERFORMANCE,
            troupe.id,
            10,
            5,
            ItemStatus.DRAFT,
            "무대 뒤 물탱크",
        )
    )
    booth, _ = s.save(
        Booth(
            area.id,
            BoothCategory.FOOD,
            "M-01",
            "VN",
            "",
            "베트남 대사관",
            "김민수",
            "kim@example.org",
            "02-123-4567",
            4,
            True,
            True,
            False,
            frozenset({day.id}),
            "쌀국수",
        )
    )
    path = s.db.path
    s.close()
    again = FestivalService.open(path)
    assert again.festival() == Festival(
        "Seoul Friendship Festival", "서울세계도시문화축제", 25, "메모"
    )
    assert again.days() == [day]
    assert again.venues() == [stage, area]
    assert again.troupes() == [troupe]
    assert again.program() == [item]
    assert again.booths() == [booth]
    again.close()


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO festival_day (date, opens, closes) VALUES ('2018-09-01', '18:00', '12:00')",
        "INSERT INTO festival_day (date, opens, closes) VALUES ('2018-9-1', '12:00', '18:00')",
        "INSERT INTO festival_day (date, opens, closes) VALUES ('2018-09-01', 'noon', '18:00')",
        "INSERT INTO venue (name_en, kind) VALUES ('', 'stage')",
        "INSERT INTO venue (name_en, kind) VALUES ('X', 'castle')",
        "INSERT INTO venue (name_en, kind, capacity) VALUES ('X', 'stage', -1)",
        "INSERT INTO venue (name_en, kind, capacity) VALUES ('X', 'stage', 'many')",
        "INSERT INTO troupe (name, relation) VALUES ('', 'sister')",
        "INSERT INTO troupe (name, relation, country) VALUES ('T', 'sister', 'Korea')",
        "INSERT INTO troupe (name, relation, performers) VALUES ('T', 'cousin', 3)",
        'INSERT INTO program_item (day_id, venue_id, start, "end", title_en, kind, status)'
        " VALUES (99, 99, '13:00', '14:00', 'x', 'performance', 'confirmed')",
        "INSERT INTO booth (venue_id, category, country) VALUES (99, 'food', 'VN')",
    ],
)
def test_constraints_reject_bad_rows(empty_service: FestivalService, sql: str) -> None:
    with pytest.raises(sqlite3.IntegrityError), empty_service.db.transaction() as conn:
        conn.execute(sql)


def test_constraints_reject_an_item_ending_before_it_starts(empty_service: FestivalService) -> None:
    s = empty_service
    day, _ = s.save(FestivalDay(date(2018, 9, 1), time(12), time(18)))
    stage, _ = s.save(Venue("Main Stage"))
    with pytest.raises(sqlite3.IntegrityError), s.db.transaction() as conn:
        conn.execute(
            'INSERT INTO program_item (day_id, venue_id, start, "end", title_en, kind, status)'
            " VALUES (?, ?, '14:00', '13:00', 'x', 'performance', 'confirmed')",
            (day.id, stage.id),
        )
    assert s.program() == []


def _newer_file(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def _other_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda p: p.write_text("festival, but as text\n" * 20), errors.NotAFestivalFileError),
        (lambda p: p.write_bytes(PNG), errors.NotAFestivalFileError),
        (lambda p: p.write_bytes(b""), errors.NotAFestivalFileError),
        (_other_database, errors.NotAFestivalFileError),
        (_newer_file, errors.NewerVersionError),
    ],
    ids=["text", "png", "empty", "other-database", "newer-version"],
)
def test_what_is_not_a_festival_file_is_refused_and_left_alone(
    tmp_path: Path, make: Callable[[Path], object], error: type[errors.StoreError]
) -> None:
    path = tmp_path / "thing.sqlite3"
    make(path)
    before = path.read_bytes()
    with pytest.raises(error) as caught:
        Database.open(path)
    assert caught.value.bad_input
    assert str(path) in caught.value.message()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thing.sqlite3"]


def test_a_missing_file_suggests_init(tmp_path: Path) -> None:
    with pytest.raises(errors.FileMissingError) as caught:
        Database.open(tmp_path / "nope.sqlite3")
    assert "festival-app init" in caught.value.message()
    assert not (tmp_path / "nope.sqlite3").exists()


def test_a_failed_write_changes_nothing(empty_service: FestivalService) -> None:
    s = empty_service
    s.save(FestivalDay(date(2018, 9, 1), time(12), time(18)))
    with pytest.raises(RuntimeError), s.db.transaction() as conn:
        conn.execute("DELETE FROM festival_day")
        raise RuntimeError("power cut")
    assert len(s.days()) == 1


def test_save_a_copy_uses_the_backup_api_and_is_complete(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.sqlite3"
    sample_service.save_copy(copy)
    other = FestivalService.open(copy, read_only=True)
    assert len(other.booths()) == len(sample_service.booths())
    assert other.program() == sample_service.program()
    other.close()
    assert not list(tmp_path.glob(".*partial"))


def test_a_booth_without_a_code_reads_back_with_an_empty_code(
    empty_service: FestivalService,
) -> None:
    s = empty_service
    area, _ = s.save(
        Venue("Mugyo-ro", "무교로", VenueKind.BOOTH_AREA, booth_spaces=60, code_prefix="M")
    )
    assert area.id is not None
    one, _ = s.save(Booth(area.id, BoothCategory.NGO, organization="UNHCR"))
    two, _ = s.save(Booth(area.id, BoothCategory.NGO, organization="Greenpeace"))
    assert [b.code for b in s.booths()] == ["", ""]
    assert one.id is not None and two.id is not None
    assert s.get(Booth, one.id) == one and s.get(Booth, two.id) == two
