"""The window and the import refuse the same records in the same words: the rules across
records (domain/record_rules.py) asked of the file and of the import's planned state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from festival_app.domain import record_rules
from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.errors import Problem, ValidationError
from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.site_map import BoothSpace
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue, VenueKind
from festival_app.imports.plan import Snapshot
from festival_app.imports.plan.state import PlannedState
from festival_app.imports.workbook import preview_workbook
from festival_app.services import FestivalService


@pytest.fixture
def festival(empty_service: FestivalService) -> FestivalService:
    s = empty_service
    s.save(FestivalDay(date(2018, 9, 1), time(12), time(18)))
    s.save(Venue("Main Stage", "메인무대"))
    area, _ = s.save(
        Venue("Mugyo-ro", "무교로", VenueKind.BOOTH_AREA, booth_spaces=60, code_prefix="M")
    )
    s.save(Troupe("Tokyo Taiko", city_en="Tokyo", country="JP"))
    s.save(Booth(area.id or 0, BoothCategory.FOOD, "M-01", "JP"))
    return s


def _service_problems(service: FestivalService, record: record_rules.Record) -> list[Problem]:
    try:
        service.validate(record)
    except ValidationError as exc:
        return exc.problems
    return []


def test_the_file_and_the_planned_state_answer_the_rules_alike(
    festival: FestivalService,
) -> None:
    day = festival.days()[0]
    stage, area = festival.venues()
    troupe = festival.troupes()[0]
    assert day.id is not None and stage.id is not None and area.id is not None
    assert troupe.id is not None
    # Spaces drawn beyond the area's 60: a booth may stand on them, the area may shrink.
    festival.save(BoothSpace(area.id, "M-75"))
    festival.save(BoothSpace(area.id, "M-76", x=5))
    festival.save(Booth(area.id, BoothCategory.FOOD, "M-75", "KR"))
    candidates: list[record_rules.Record] = [
        FestivalDay(date(2018, 9, 1), time(10), time(20)),  # the day exists
        FestivalDay(date(2018, 9, 2), time(10), time(20)),
        Venue("main  stage"),  # the name is taken
        Venue("Seoul Plaza", kind=VenueKind.BOOTH_AREA, booth_spaces=9, code_prefix="M"),
        Venue("Seoul Plaza"),
        Troupe("tokyo taiko", city_en="TOKYO"),  # the troupe exists
        Troupe("Tokyo Taiko", city_en="Osaka"),
        ProgramItem(day.id, 999, time(13), time(14), "Lost", troupe_id=998),
        ProgramItem(99, stage.id, time(13), time(14), "Off the days"),
        ProgramItem(day.id, stage.id, time(13), time(14), "Fine", troupe_id=troupe.id),
        Booth(area.id, BoothCategory.FOOD, "M-01", "VN"),  # the code is Japan's
        Booth(999, BoothCategory.FOOD, "M-02", "VN"),
        Booth(stage.id, BoothCategory.FOOD, "M-03", "VN"),  # not a booth area
        Booth(area.id, BoothCategory.FOOD, "M-04", "VN", day_ids=frozenset({98})),
        Booth(area.id, BoothCategory.FOOD, "M-05", "VN"),
        Booth(area.id, BoothCategory.FOOD, "M-76", "VN"),  # a drawn space beyond the 60
        Booth(area.id, BoothCategory.FOOD, "M-77", "VN"),  # beyond the 60, not drawn
        replace(area, booth_spaces=1),  # M-01 is space 1, M-75 is drawn
        replace(area, booth_spaces=0),  # a booth area needs its spaces
    ]
    planned = PlannedState(Snapshot.read(festival))
    refused = 0
    for record in candidates:
        expected = _service_problems(festival, record)
        assert record_rules.problems(record, planned) == expected, record
        refused += bool(expected)
    assert refused == 12  # every candidate but the seven fine ones is refused, in both


def test_an_imported_venue_is_refused_as_the_window_refuses_it(
    festival: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    path = make_workbook(
        {
            "Venues": [
                ["Name", "Name (Korean)", "Kind", "Booth spaces", "Code prefix"],
                ["Seoul Plaza", "서울광장", "booth area", 9, "M"],
            ]
        }
    )
    plan = preview_workbook(festival, path)
    with pytest.raises(ValidationError) as caught:
        festival.save(
            Venue("Seoul Plaza", "서울광장", VenueKind.BOOTH_AREA, booth_spaces=9, code_prefix="M")
        )
    assert [(p.template, dict(p.params)) for p in plan.errors()] == [
        (p.template, dict(p.params)) for p in caught.value.problems
    ]
    assert "Mugyo-ro" in plan.errors()[0].message()
