"""Rules of the festival's records: each broken rule names its field."""

from __future__ import annotations

from datetime import date, time

import pytest

from festival_app.domain import countries
from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.errors import Problem
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ItemStatus, ProgramItem
from festival_app.domain.times import format_time, parse_date, parse_time, snap
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue, VenueKind

MUGYO = Venue("Mugyo-ro", "무교로", VenueKind.BOOTH_AREA, booth_spaces=60, code_prefix="M", id=3)
DAY1 = FestivalDay(date(2018, 9, 1), time(12), time(18), id=1)


def fields_of(problems: list[Problem]) -> set[str]:
    return {p.field for p in problems}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12:30", time(12, 30)),
        ("1230", time(12, 30)),
        ("12:30:00", time(12, 30)),
        ("9:05", time(9, 5)),
        ("１２：３０", time(12, 30)),
        ("\u00a012:30 ", time(12, 30)),
    ],
)
def test_times_are_read_in_the_ways_people_write_them(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("25:00", r"hour must be in 0\.\.23"),
        ("12:60", r"minute must be in 0\.\.59"),
        ("noon", "not a time: 'noon'"),
        ("", "not a time: ''"),
        ("24:00", "24:00 is not a time of day"),
        ("12.30.5", r"not a time: '12\.30\.5'"),
    ],
)
def test_wrong_times_are_refused(text: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        parse_time(text)


@pytest.mark.parametrize("text", ["2018-09-01", "2018.09.01", "2018/9/1", "2018. 9. 1."])
def test_dates_are_read_in_the_ways_people_write_them(text: str) -> None:
    assert parse_date(text.replace(". ", ".")) == date(2018, 9, 1)


def test_snap_rounds_to_five_minutes() -> None:
    assert [snap(m) for m in (0, 2, 3, 7, 8, 721)] == [0, 0, 5, 5, 10, 720]
    assert format_time(time(9, 5)) == "09:05"


def test_a_festival_needs_a_name() -> None:
    assert fields_of(Festival("", "").problems()) == {"name_en"}
    assert Festival("", "서울세계도시문화축제").problems() == []
    assert Festival("X", min_changeover=-1).problems()[0].field == "min_changeover"


def test_a_day_closes_after_it_opens_on_five_minute_steps() -> None:
    assert DAY1.problems() == []
    bad = FestivalDay(date(2018, 9, 1), time(18), time(12))
    assert fields_of(bad.problems()) == {"closes"}
    assert "must be after" in bad.problems()[0].message()
    assert fields_of(FestivalDay(date(2018, 9, 1), time(12, 3), time(18)).problems()) == {"opens"}


def test_a_booth_area_needs_spaces_and_a_prefix() -> None:
    assert MUGYO.problems() == []
    area = Venue("Street", kind=VenueKind.BOOTH_AREA)
    assert fields_of(area.problems()) == {"booth_spaces", "code_prefix"}
    assert fields_of(Venue("Stage", capacity=-5).problems()) == {"capacity"}
    assert fields_of(Venue("Stage", opens=time(13)).problems()) == {"closes"}
    assert MUGYO.space_code(7) == "M-07"
    assert MUGYO.space_number("M-07") == 7
    assert MUGYO.space_number("C-07") is None


def test_troupe_email_country_counts_and_dates() -> None:
    good = Troupe(
        "Beijing Ensemble",
        city_en="Beijing",
        city_ko="베이징",
        country="CN",
        email="li@example.org",
        performers=20,
    )
    assert good.problems() == []
    bad = Troupe(
        "",
        country="XX",
        email="li@",
        performers=-1,
        arrival=date(2018, 9, 2),
        departure=date(2018, 9, 1),
    )
    assert fields_of(bad.problems()) == {"name", "country", "email", "performers", "departure"}
    email_problem = next(p for p in bad.problems() if p.field == "email")
    assert "li@" in email_problem.message()


def test_program_item_times_and_days() -> None:
    item = ProgramItem(1, 1, time(13), time(13, 30), "Opening ceremony", "개막식")
    assert item.problems([DAY1]) == []
    assert fields_of(ProgramItem(1, 1, time(14), time(13), "x").problems()) == {"end"}
    assert fields_of(ProgramItem(1, 1, time(14), time(14), "x").problems()) == {"end"}
    assert fields_of(ProgramItem(1, 1, time(14, 2), time(15), "x").problems()) == {"start"}
    assert fields_of(ProgramItem(2, 1, time(14), time(15), "x").problems([DAY1])) == {"day_id"}
    assert fields_of(ProgramItem(1, 1, time(14), time(15), "").problems()) == {"title_en"}
    assert fields_of(ProgramItem(1, 1, time(14), time(15), "x", setup_min=-5).problems()) == {
        "setup_min"
    }
    margins = ProgramItem(
        1, 1, time(14), time(15), "x", setup_min=10, teardown_min=5, status=ItemStatus.DRAFT
    )
    assert (margins.busy_from, margins.busy_until) == (13 * 60 + 50, 15 * 60 + 5)


def test_booth_code_must_be_a_space_of_its_venue() -> None:
    booth = Booth(3, BoothCategory.FOOD, code="M-60", country="VN")
    assert booth.problems(MUGYO) == []
    for code in ("M-61", "M-00", "C-01", "M01"):
        problems = Booth(3, BoothCategory.FOOD, code=code, country="VN").problems(MUGYO)
        assert fields_of(problems) == {"code"}, code
    stage = Venue("Main Stage", id=1)
    assert fields_of(booth.problems(stage)) == {"venue_id"}
    assert fields_of(Booth(3, BoothCategory.NGO).problems(MUGYO)) == {"country"}
    assert Booth(3, BoothCategory.NGO, organization="UNHCR").problems(MUGYO) == []
    assert fields_of(Booth(3, BoothCategory.FOOD, country="VN", staff=-1).problems()) == {"staff"}


def test_names_fall_back_to_the_other_language() -> None:
    assert Venue("Main Stage", "").name("ko") == "Main Stage"
    assert Venue("", "무교로").name("en") == "무교로"
    assert Troupe("Ensemble", city_ko="도쿄").city("en") == "도쿄"
    assert ProgramItem(1, 1, time(13), time(14), "Finale", "피날레").title("ko") == "피날레"


def test_country_names_in_both_languages_from_cldr() -> None:
    assert countries.name("VN", "ko") == "베트남"
    assert countries.name("VN") == "Vietnam"
    assert countries.find("베트남") == countries.find("vietnam") == countries.find("VN") == "VN"
    assert countries.find("South Korea") == "KR"
    assert countries.find("Atlantis") is None
    assert countries.close_matches("Vietnm") == ["VN"]
    assert len(countries.codes()) > 240
