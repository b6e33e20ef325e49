"""Use cases: validation in context, deletes with what depends on them, exact undo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time

import pytest

from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.errors import ValidationError
from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue, VenueKind
from festival_app.services import FestivalService
from tests.helpers.engines import ENGINES, empty_festival, open_festival


def snapshot(s: FestivalService) -> tuple[object, ...]:
    return (s.festival(), s.days(), s.venues(), s.troupes(), s.program(), s.booths())


@pytest.fixture(params=ENGINES)
def empty_service(request: pytest.FixtureRequest) -> Iterator[FestivalService]:
    """A new festival, in a SQLite file and on a PostgreSQL server."""
    service = open_festival(empty_festival(request.param, request))
    yield service
    service.close()


@pytest.fixture
def small(empty_service: FestivalService) -> FestivalService:
    s = empty_service
    day, _ = s.save(FestivalDay(date(2018, 9, 1), time(12), time(18)))
    s.save(FestivalDay(date(2018, 9, 2), time(12), time(17)))
    stage, _ = s.save(Venue("Main Stage", "메인무대"))
    area, _ = s.save(
        Venue("Mugyo-ro", "무교로", VenueKind.BOOTH_AREA, booth_spaces=60, code_prefix="M")
    )
    troupe, _ = s.save(Troupe("Tokyo Taiko", city_en="Tokyo", country="JP"))
    assert day.id is not None and stage.id is not None and area.id is not None
    s.save(ProgramItem(day.id, stage.id, time(13), time(13, 30), "Taiko", troupe_id=troupe.id))
    s.save(
        ProgramItem(day.id, stage.id, time(14), time(14, 30), "Taiko again", troupe_id=troupe.id)
    )
    s.save(Booth(area.id, BoothCategory.FOOD, "M-01", "JP", day_ids=frozenset({day.id})))
    return s


def test_booth_codes_are_unique_and_name_the_holder(small: FestivalService) -> None:
    area = small.venues()[1]
    assert area.id is not None
    with pytest.raises(ValidationError) as caught:
        small.save(Booth(area.id, BoothCategory.FOOD, "M-01", "VN"))
    assert caught.value.for_field("code")
    assert "Japan" in caught.value.for_field("code")[0].message()
    assert len(small.booths()) == 1


def test_venue_names_and_troupes_are_unique(small: FestivalService) -> None:
    with pytest.raises(ValidationError) as caught:
        small.save(Venue("main stage"))
    assert caught.value.for_field("name_en")
    with pytest.raises(ValidationError):
        small.save(Troupe("Tokyo Taiko", city_en="Tokyo"))
    small.save(Troupe("Tokyo Taiko", city_en="Osaka"))  # another city: another troupe


def test_an_item_must_be_on_a_festival_day(small: FestivalService) -> None:
    stage = small.venues()[0]
    assert stage.id is not None
    with pytest.raises(ValidationError) as caught:
        small.save(ProgramItem(99, stage.id, time(13), time(14), "Lost"))
    assert caught.value.for_field("day_id")


def test_deleting_a_troupe_takes_or_keeps_its_items_and_restores_exactly(
    small: FestivalService,
) -> None:
    before = snapshot(small)
    troupe = small.troupes()[0]
    assert troupe.id is not None
    assert len(small.dependents(Troupe, [troupe.id]).items) == 2
    removal = small.delete(Troupe, [troupe.id], keep_items=True)
    assert small.troupes() == []
    assert [i.troupe_id for i in small.program()] == [None, None]
    small.undelete(removal)
    assert snapshot(small) == before
    removal = small.delete(Troupe, [troupe.id])
    assert small.program() == []
    small.undelete(removal)
    assert snapshot(small) == before


def test_deleting_a_venue_or_day_restores_exactly(small: FestivalService) -> None:
    before = snapshot(small)
    area = small.venues()[1]
    assert area.id is not None
    removal = small.delete(Venue, [area.id])
    assert small.booths() == []
    small.undelete(removal)
    assert snapshot(small) == before
    day = small.days()[0]
    assert day.id is not None
    removal = small.delete(FestivalDay, [day.id])
    assert small.program() == []
    assert small.booths()[0].day_ids == frozenset()
    small.undelete(removal)
    assert snapshot(small) == before


def test_a_batch_is_all_or_nothing_and_reverts_exactly(small: FestivalService) -> None:
    before = snapshot(small)
    area = small.venues()[1]
    assert area.id is not None
    with pytest.raises(ValidationError), small.batch():
        small.save(Booth(area.id, BoothCategory.FOOD, "M-02", "VN"))
        small.save(Booth(area.id, BoothCategory.FOOD, "M-99", "TH"))  # not a space
    assert snapshot(small) == before
    with small.batch() as log:
        small.save(Booth(area.id, BoothCategory.FOOD, "M-02", "VN"))
        small.save(Venue("Main Stage", "서울광장 메인무대", id=small.venues()[0].id))
    after = snapshot(small)
    assert len(log.created()) == 1 and len(log.updated()) == 1
    small.revert(log)
    assert snapshot(small) == before
    small.reapply(log)
    assert snapshot(small) == after


def test_listeners_hear_once_per_batch(small: FestivalService) -> None:
    heard: list[frozenset[str]] = []
    small.subscribe(heard.append)
    area = small.venues()[1]
    assert area.id is not None
    with small.batch():
        small.save(Booth(area.id, BoothCategory.FOOD, "M-02", "VN"))
        small.save(Booth(area.id, BoothCategory.FOOD, "M-03", "TH"))
    assert heard == [frozenset({"booths"})]


def test_a_booth_area_with_booths_cannot_shrink_below_them(small: FestivalService) -> None:
    from dataclasses import replace

    area = small.venues()[1]
    area_booth = small.booths()[0]
    small.save(replace(area_booth, code="M-50"))
    with pytest.raises(ValidationError) as caught:
        small.save(replace(area, booth_spaces=10))
    assert caught.value.for_field("booth_spaces")
    with pytest.raises(ValidationError):
        small.save(replace(area, kind=VenueKind.STAGE))


def test_festival_settings_and_checked_writes_join_the_batch(small: FestivalService) -> None:
    from dataclasses import replace

    before = snapshot(small)
    area = small.venues()[1]
    assert area.id is not None
    booth = small.booths()[0]
    with small.batch() as log:
        small.update_festival(replace(small.festival(), name_ko="서울세계도시문화축제"))
        small.write_checked(Booth(area.id, BoothCategory.FOOD, "M-09", "TH"), None)
        small.write_checked(replace(booth, staff=7), booth)
    after = snapshot(small)
    assert after != before and log.topics() == {"festival", "booths"}
    small.revert(log)
    assert snapshot(small) == before
    small.reapply(log)
    assert snapshot(small) == after
    with pytest.raises(RuntimeError):
        small.write_checked(Booth(area.id, BoothCategory.FOOD, "M-10", "TH"), None)


def test_venue_names_clash_as_the_import_sees_them(small: FestivalService) -> None:
    # The window and the import tell names apart alike: spaces, width and case ignored.
    for name in ("mainstage", "ＭＡＩＮ ＳＴＡＧＥ", " Main  Stage "):
        with pytest.raises(ValidationError) as caught:
            small.save(Venue(name))
        assert caught.value.for_field("name_en"), name
