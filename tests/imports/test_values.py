"""Reading single cells: the ways people fill spreadsheets."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from festival_app.domain.booths import BoothCategory
from festival_app.domain.program import ItemKind, ItemStatus
from festival_app.domain.troupes import Relation
from festival_app.domain.venues import VenueKind
from festival_app.imports import format as fmt
from festival_app.imports import values
from festival_app.imports.values import CellError


@pytest.mark.parametrize(
    "cell", ["yes", "Y", "true", "TRUE", "O", "o", "예", " yes ", True, 1, "ｙｅｓ"]
)
def test_yes(cell: object) -> None:
    assert values.boolean(cell) is True


@pytest.mark.parametrize("cell", ["no", "N", "false", "X", "x", "아니오", False, 0, "ＮＯ"])
def test_no(cell: object) -> None:
    assert values.boolean(cell) is False


def test_yes_no_rejects_other_words() -> None:
    with pytest.raises(CellError):
        values.boolean("maybe")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("12:30", time(12, 30)),
        ("1230", time(12, 30)),
        ("12:30:00", time(12, 30)),
        ("９:０５", time(9, 5)),
        ("\u00a012:30\u00a0", time(12, 30)),
        (time(14, 5), time(14, 5)),
        (datetime(1899, 12, 30, 16, 45), time(16, 45)),
        (0.5, time(12)),
        (timedelta(hours=13, minutes=15), time(13, 15)),
        (930, time(9, 30)),
    ],
)
def test_times(cell: object, expected: time) -> None:
    assert values.clock(cell) == expected


@pytest.mark.parametrize("cell", ["25:00", "noon", "12.5.3", "24:00", -1, 1.5])
def test_bad_times(cell: object) -> None:
    with pytest.raises(CellError):
        values.clock(cell)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2018-09-01", date(2018, 9, 1)),
        ("2018.09.01", date(2018, 9, 1)),
        ("2018/9/1", date(2018, 9, 1)),
        ("２０１８-０９-０１", date(2018, 9, 1)),
        (datetime(2018, 9, 2), date(2018, 9, 2)),
        (date(2018, 9, 2), date(2018, 9, 2)),
        (43344, date(2018, 9, 1)),  # Excel's serial number
    ],
)
def test_dates(cell: object, expected: date) -> None:
    assert values.day(cell) == expected


@pytest.mark.parametrize("cell", ["2018-13-01", "1 Sept", "2018-02-30", 12])
def test_bad_dates(cell: object) -> None:
    with pytest.raises(CellError):
        values.day(cell)


@pytest.mark.parametrize(
    ("fixed", "cell", "expected"),
    [
        (fmt.VENUE_KINDS, "booth area", VenueKind.BOOTH_AREA),
        (fmt.VENUE_KINDS, "Booth Area", VenueKind.BOOTH_AREA),
        (fmt.VENUE_KINDS, "부스 구역", VenueKind.BOOTH_AREA),
        (fmt.VENUE_KINDS, "퍼레이드 경로", VenueKind.PARADE_ROUTE),
        (fmt.VENUE_KINDS, "무대", VenueKind.STAGE),
        (fmt.ITEM_KINDS, "행사", ItemKind.CEREMONY),
        (fmt.ITEM_KINDS, "공연", ItemKind.PERFORMANCE),
        (fmt.ITEM_KINDS, "앙코르", ItemKind.ENCORE),
        (fmt.ITEM_KINDS, "Finale", ItemKind.FINALE),
        (fmt.CATEGORIES, "NGO", BoothCategory.NGO),
        (fmt.CATEGORIES, "NGO(국제기구)", BoothCategory.NGO),
        (fmt.CATEGORIES, "marriage culture", BoothCategory.MARRIAGE_CULTURE),
        (fmt.CATEGORIES, "결혼문화", BoothCategory.MARRIAGE_CULTURE),
        (fmt.CATEGORIES, "음식", BoothCategory.FOOD),
        (fmt.CATEGORIES, "대사관", BoothCategory.EMBASSY),
        (fmt.CATEGORIES, "체험", BoothCategory.EXPERIENCE),
        (fmt.RELATIONS, "자매도시", Relation.SISTER),
        (fmt.RELATIONS, "friendship", Relation.FRIENDSHIP),
        (fmt.STATUSES, "확정", ItemStatus.CONFIRMED),
        (fmt.STATUSES, "canceled", ItemStatus.CANCELLED),
        (fmt.STATUSES, "초안", ItemStatus.DRAFT),
    ],
)
def test_fixed_lists_in_english_and_korean(
    fixed: fmt.FixedList, cell: str, expected: object
) -> None:
    assert values.choice(cell, fixed) == expected


def test_every_label_of_every_list_reads_back() -> None:
    for fixed in (fmt.VENUE_KINDS, fmt.ITEM_KINDS, fmt.CATEGORIES, fmt.RELATIONS, fmt.STATUSES):
        for value, en, ko, _ in fixed.values:
            assert values.choice(en, fixed) == value
            assert values.choice(ko, fixed) == value


def test_a_near_miss_gets_a_suggestion() -> None:
    with pytest.raises(CellError) as caught:
        values.choice("Foods", fmt.CATEGORIES)
    assert caught.value.suggestion == "food"
    with pytest.raises(CellError) as caught:
        values.choice("zzzz", fmt.CATEGORIES)
    assert caught.value.suggestion == ""


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("KR", "KR"),
        ("kr", "KR"),
        ("Korea", "KR"),
        ("대한민국", "KR"),
        ("Thailand", "TH"),
        ("태국", "TH"),
        ("Ｔｈａｉｌａｎｄ", "TH"),
        ("Viet Nam", "VN"),
    ],
)
def test_countries(cell: str, code: str) -> None:
    assert values.country(cell) == code


def test_unknown_country_suggests() -> None:
    with pytest.raises(CellError) as caught:
        values.country("Thailnd")
    assert caught.value.suggestion == "Thailand"


def test_text_is_normalised() -> None:
    assert values.text("  Seoul\u00a0 Plaza  ") == "Seoul Plaza"
    assert values.text("ＡＢＣ１２３") == "ABC123"
    assert values.text(1012345678.0) == "1012345678"
    assert values.text("bad\x07bell") == "badbell"
    assert values.notes("line one \n  line\u3000two") == "line one\nline two"


def test_booth_days() -> None:
    assert values.dates("all") is None
    assert values.dates("전체") is None
    assert values.dates("") is None
    assert values.dates("2018-09-01, 2018.09.02") == [date(2018, 9, 1), date(2018, 9, 2)]
    assert values.dates(datetime(2018, 9, 2)) == [date(2018, 9, 2)]
    with pytest.raises(CellError):
        values.dates("Saturday")


def test_integers() -> None:
    assert values.integer("1,200") == 1200
    assert values.integer(24.0) == 24
    assert values.integer("２４") == 24
    for bad in ("many", 2.5, True):
        with pytest.raises(CellError):
            values.integer(bad)
