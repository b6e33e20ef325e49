"""Every clash rule, with the edges the organizers run into."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from typing import Any

import pytest

from festival_app import i18n
from festival_app.domain.clash_finder import find_clashes
from festival_app.domain.clashes import (
    Clash,
    ClashKind,
    clash_key,
)
from festival_app.domain.errors import Severity
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ItemKind, ItemStatus, ProgramItem
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue, VenueKind

SAT, SUN = 1, 2
MAIN, PARADE, MUSIC = 10, 11, 12
BEIJING, HANOI = 100, 101

FESTIVAL = Festival("Seoul Friendship Festival", min_changeover=30)
DAYS = [
    FestivalDay(date(2018, 9, 1), time(12), time(18), id=SAT),
    FestivalDay(date(2018, 9, 2), time(12), time(17), id=SUN),
]
VENUES = [
    Venue("the Main Stage", "메인무대", VenueKind.STAGE, id=MAIN),
    Venue(
        "the Parade route",
        "퍼레이드 경로",
        VenueKind.PARADE_ROUTE,
        opens=time(11),
        closes=time(12, 30),
        id=PARADE,
    ),
    Venue("the Music Cafe", kind=VenueKind.STAGE, changeover_min=15, id=MUSIC),
]
TROUPES = [
    Troupe("Beijing troupe", "베이징 공연단", id=BEIJING),
    Troupe("Hanoi troupe", id=HANOI),
]


def t(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def item(
    item_id: int,
    start: str,
    end: str,
    venue: int = MAIN,
    troupe: int | None = BEIJING,
    day: int = SAT,
    **kwargs: Any,  # more fields of the item
) -> ProgramItem:
    return ProgramItem(
        day_id=day,
        venue_id=venue,
        start=t(start),
        end=t(end),
        title_en=f"Item {item_id}",
        title_ko=f"항목 {item_id}",
        troupe_id=troupe,
        id=item_id,
        **kwargs,
    )


def clashes(
    *items: ProgramItem,
    troupes: list[Troupe] | None = None,
    festival: Festival = FESTIVAL,
    venues: list[Venue] | None = None,
    acks: dict[str, str] | None = None,
    language: str = "en",
) -> list[Clash]:
    found = find_clashes(
        festival,
        DAYS,
        VENUES if venues is None else venues,
        TROUPES if troupes is None else troupes,
        list(items),
        acks or {},
        language,
    )
    return found


def of_kind(found: list[Clash], kind: ClashKind) -> list[Clash]:
    return [c for c in found if c.kind == kind]


def scheduled(found: list[Clash]) -> list[Clash]:
    # Unscheduled troupes are left out: most cases here schedule only one troupe.
    return [c for c in found if c.kind != ClashKind.TROUPE_UNSCHEDULED]


def kinds(found: list[Clash]) -> list[ClashKind]:
    return [c.kind for c in scheduled(found)]


# -- venue overlap -----------------------------------------------------------------------


def test_two_items_on_one_stage_at_once_are_an_error() -> None:
    found = clashes(item(1, "14:00", "14:30"), item(2, "14:20", "15:00", troupe=HANOI))
    [clash] = of_kind(found, ClashKind.VENUE_OVERLAP)
    assert clash.severity == Severity.ERROR
    assert clash.item_ids == (1, 2)
    assert clash.troupe_id is None
    assert clash.key == "venue_overlap:1:2"
    assert clash.message() == (
        "'Item 1' 14:00-14:30 and 'Item 2' 14:20-15:00 are both on the Main Stage"
    )
    assert not clash.acknowledged


def test_items_that_only_touch_do_not_overlap() -> None:
    found = clashes(item(1, "14:00", "14:30"), item(2, "14:30", "15:00", troupe=HANOI))
    assert kinds(found) == []


def test_one_item_inside_another_overlaps() -> None:
    found = clashes(item(1, "13:00", "16:00"), item(2, "14:00", "14:30", troupe=HANOI))
    assert kinds(found) == [ClashKind.VENUE_OVERLAP]


def test_setup_makes_touching_items_overlap() -> None:
    found = clashes(
        item(1, "14:00", "14:30"), item(2, "14:30", "15:00", troupe=HANOI, setup_min=10)
    )
    [clash] = of_kind(found, ClashKind.VENUE_OVERLAP)
    assert clash.message() == (
        "With setup and teardown, 'Item 1' takes the Main Stage 14:00-14:30 "
        "and 'Item 2' takes it 14:20-15:00"
    )


def test_teardown_makes_touching_items_overlap() -> None:
    found = clashes(
        item(1, "14:00", "14:30", teardown_min=5), item(2, "14:30", "15:00", troupe=HANOI)
    )
    assert kinds(found) == [ClashKind.VENUE_OVERLAP]


def test_margins_that_only_touch_do_not_overlap() -> None:
    found = clashes(
        item(1, "14:00", "14:30", teardown_min=10),
        item(2, "14:50", "15:00", troupe=HANOI, setup_min=10),
    )
    assert kinds(found) == []


def test_same_time_on_other_venues_or_days_is_no_venue_clash() -> None:
    found = clashes(
        item(1, "14:00", "15:00"),
        item(2, "14:00", "15:00", troupe=HANOI, venue=MUSIC),
        item(3, "14:00", "15:00", troupe=None, kind=ItemKind.CEREMONY, day=SUN),
    )
    assert of_kind(found, ClashKind.VENUE_OVERLAP) == []


def test_three_items_at_once_give_every_pair() -> None:
    found = clashes(
        item(1, "14:00", "15:00", troupe=None, kind=ItemKind.CEREMONY),
        item(2, "14:10", "14:40", troupe=None, kind=ItemKind.CEREMONY),
        item(3, "14:30", "15:30", troupe=None, kind=ItemKind.CEREMONY),
    )
    pairs = {c.item_ids for c in of_kind(found, ClashKind.VENUE_OVERLAP)}
    assert pairs == {(1, 2), (1, 3), (2, 3)}


def test_key_stays_when_the_items_swap_places() -> None:
    before = clashes(item(1, "14:00", "14:30"), item(2, "14:20", "15:00", troupe=HANOI))
    after = clashes(item(1, "14:20", "15:00"), item(2, "14:00", "14:30", troupe=HANOI))
    assert of_kind(before, ClashKind.VENUE_OVERLAP)[0].key == "venue_overlap:1:2"
    [moved] = of_kind(after, ClashKind.VENUE_OVERLAP)
    assert moved.key == "venue_overlap:1:2"
    assert moved.item_ids == (2, 1)  # the earlier item first


# -- cancelled items -------------------------------------------------------------------


def test_a_cancelled_item_takes_part_in_no_clash() -> None:
    cancelled = ItemStatus.CANCELLED
    found = clashes(
        item(1, "14:00", "15:00"),
        item(2, "14:00", "15:00", status=cancelled),  # same stage, same troupe
        item(3, "14:00", "15:00", venue=MUSIC, status=cancelled),  # troupe elsewhere
        item(4, "10:00", "11:00", troupe=HANOI, status=cancelled),  # before opening
        item(5, "16:00", "16:30", troupe=None, status=cancelled),  # performance, no troupe
        troupes=TROUPES,
    )
    # Hanoi's only item is cancelled, so it is not in the program.
    assert [(c.kind, c.troupe_id) for c in found] == [(ClashKind.TROUPE_UNSCHEDULED, HANOI)]


def test_a_draft_item_counts() -> None:
    found = clashes(item(1, "14:00", "15:00"), item(2, "14:30", "15:00", status=ItemStatus.DRAFT))
    assert ClashKind.VENUE_OVERLAP in kinds(found)


# -- troupe overlap and changeover -----------------------------------------------------------


def test_a_troupe_in_two_places_at_once_is_an_error() -> None:
    found = clashes(item(1, "14:00", "14:30"), item(2, "14:20", "15:00", venue=MUSIC))
    [clash] = of_kind(found, ClashKind.TROUPE_OVERLAP)
    assert clash.severity == Severity.ERROR
    assert clash.troupe_id == BEIJING
    assert clash.item_ids == (1, 2)
    assert clash.key == f"troupe_overlap:1:2:t{BEIJING}"
    assert clash.message() == (
        "Beijing troupe is on the Main Stage 14:00-14:30 and on the Music Cafe 14:20-15:00"
    )


def test_the_organizers_example_message() -> None:
    parade = replace(VENUES[1], opens=None, closes=None)
    found = clashes(
        item(1, "14:00", "14:30"),
        item(2, "14:20", "15:00", venue=PARADE),
        venues=[VENUES[0], parade],
    )
    [clash] = of_kind(found, ClashKind.TROUPE_OVERLAP)
    assert clash.message() == (
        "Beijing troupe is on the Main Stage 14:00-14:30 and on the Parade route 14:20-15:00"
    )


def test_a_troupe_twice_on_one_stage_at_once_is_both_clashes() -> None:
    found = clashes(item(1, "14:00", "14:30"), item(2, "14:00", "14:30"))
    assert sorted(kinds(found)) == sorted([ClashKind.VENUE_OVERLAP, ClashKind.TROUPE_OVERLAP])


def test_setup_and_teardown_do_not_keep_the_troupe_busy() -> None:
    # The crew sets the next stage up while the troupe still performs on the first.
    minimum = replace(FESTIVAL, min_changeover=0)
    found = clashes(
        item(1, "14:00", "14:30", teardown_min=20),
        item(2, "14:30", "15:00", venue=MUSIC, setup_min=20),
        festival=minimum,
    )
    assert kinds(found) == []


def test_a_troupe_with_too_little_time_between_venues_is_a_warning() -> None:
    found = clashes(item(1, "14:00", "14:30"), item(2, "14:50", "15:30", venue=MUSIC))
    [clash] = scheduled(found)
    assert clash.kind == ClashKind.TROUPE_CHANGEOVER
    assert clash.severity == Severity.WARNING
    assert clash.params["gap"] == 20
    assert clash.message() == (
        "Beijing troupe has 20 minutes to get from the Main Stage (until 14:30) to "
        "the Music Cafe (from 14:50); the festival plans 30 minutes"
    )


def test_touching_items_at_two_venues_are_a_changeover_warning_not_an_overlap() -> None:
    found = clashes(item(1, "14:00", "14:30"), item(2, "14:30", "15:00", venue=MUSIC))
    assert kinds(found) == [ClashKind.TROUPE_CHANGEOVER]
    assert found[0].params["gap"] == 0


def test_exactly_the_minimum_changeover_is_enough() -> None:
    found = clashes(item(1, "14:00", "14:30"), item(2, "15:00", "15:30", venue=MUSIC))
    assert kinds(found) == []


def test_the_same_venue_needs_no_troupe_changeover() -> None:
    found = clashes(item(1, "14:00", "14:30"), item(2, "14:30", "15:00"))
    assert kinds(found) == []


def test_no_minimum_changeover_no_warning() -> None:
    found = clashes(
        item(1, "14:00", "14:30"),
        item(2, "14:30", "15:00", venue=MUSIC),
        festival=replace(FESTIVAL, min_changeover=0),
    )
    assert kinds(found) == []


def test_two_troupes_at_two_venues_need_no_changeover() -> None:
    found = clashes(item(1, "14:00", "14:30"), item(2, "14:30", "15:00", venue=MUSIC, troupe=HANOI))
    assert kinds(found) == []


# -- venue changeover ------------------------------------------------------------------


def test_a_venue_with_too_little_changeover_is_a_warning() -> None:
    found = clashes(
        item(1, "14:00", "14:30", venue=MUSIC),
        item(2, "14:40", "15:00", venue=MUSIC, troupe=HANOI),
    )
    [clash] = scheduled(found)
    assert clash.kind == ClashKind.VENUE_CHANGEOVER
    assert clash.severity == Severity.WARNING
    assert clash.key == "venue_changeover:1:2"
    assert clash.message() == (
        "the Music Cafe has 10 minutes between 'Item 1' (until 14:30) and 'Item 2' "
        "(from 14:40); it needs 15 minutes to change over"
    )


def test_the_venue_changeover_counts_setup_and_teardown() -> None:
    found = clashes(
        item(1, "14:00", "14:30", venue=MUSIC, teardown_min=5),
        item(2, "14:55", "15:30", venue=MUSIC, troupe=HANOI, setup_min=5),
    )
    # 14:35 to 14:50 is exactly the 15 minutes the cafe needs.
    assert kinds(found) == []
    found = clashes(
        item(1, "14:00", "14:30", venue=MUSIC, teardown_min=10),
        item(2, "14:55", "15:30", venue=MUSIC, troupe=HANOI, setup_min=5),
    )
    [clash] = scheduled(found)
    assert clash.params["gap"] == 10


def test_touching_items_at_a_venue_with_changeover_are_a_warning() -> None:
    found = clashes(
        item(1, "14:00", "14:30", venue=MUSIC),
        item(2, "14:30", "15:00", venue=MUSIC, troupe=HANOI),
    )
    assert kinds(found) == [ClashKind.VENUE_CHANGEOVER]


def test_overlapping_items_at_a_venue_with_changeover_are_only_an_overlap() -> None:
    found = clashes(
        item(1, "14:00", "14:30", venue=MUSIC),
        item(2, "14:20", "15:00", venue=MUSIC, troupe=HANOI),
    )
    assert kinds(found) == [ClashKind.VENUE_OVERLAP]


# -- hours -----------------------------------------------------------------------------


def test_an_item_before_the_day_opens_is_an_error() -> None:
    [clash] = scheduled(clashes(item(1, "11:30", "12:30")))
    assert clash.kind == ClashKind.OUTSIDE_HOURS
    assert clash.severity == Severity.ERROR
    assert clash.key == "outside_hours:1"
    assert clash.message() == (
        "'Item 1' on the Main Stage 11:30-12:30 is outside the day's hours 12:00-18:00"
    )


def test_items_from_opening_to_closing_are_inside() -> None:
    found = clashes(item(1, "12:00", "12:30"), item(2, "17:30", "18:00"))
    assert kinds(found) == []


def test_an_item_after_the_day_closes_is_an_error_on_that_day() -> None:
    # 17:30 to 18:00 is fine on Saturday, but Sunday closes at 17:00.
    found = clashes(item(1, "16:30", "17:30", day=SUN))
    assert kinds(found) == [ClashKind.OUTSIDE_HOURS]


def test_setup_before_opening_is_an_error() -> None:
    [clash] = scheduled(clashes(item(1, "12:00", "12:30", setup_min=15)))
    assert clash.kind == ClashKind.OUTSIDE_HOURS
    assert clash.message() == (
        "With setup and teardown, 'Item 1' takes the Main Stage 11:45-12:30, "
        "outside the day's hours 12:00-18:00"
    )


def test_teardown_after_closing_is_an_error() -> None:
    assert kinds(clashes(item(1, "17:30", "18:00", teardown_min=5))) == [ClashKind.OUTSIDE_HOURS]


def test_a_venue_with_its_own_hours_uses_them_instead_of_the_days() -> None:
    # The pre-ceremony parade runs before the festival opens, within the route's hours.
    assert kinds(clashes(item(1, "11:00", "11:45", venue=PARADE))) == []
    [clash] = scheduled(clashes(item(1, "12:15", "12:45", venue=PARADE)))
    assert clash.kind == ClashKind.OUTSIDE_HOURS
    assert clash.message() == (
        "'Item 1' 12:15-12:45 is outside the hours of the Parade route, 11:00-12:30"
    )
    [clash] = scheduled(clashes(item(1, "11:00", "11:45", venue=PARADE, setup_min=15)))
    assert clash.message() == (
        "With setup and teardown, 'Item 1' takes the Parade route 10:45-11:45, "
        "outside its hours 11:00-12:30"
    )


# -- troupe arrival and departure ------------------------------------------------------


def _travelling(arrival: date | None, departure: date | None) -> list[Troupe]:
    return [replace(TROUPES[0], arrival=arrival, departure=departure)]


def test_an_item_before_the_troupe_arrives_is_an_error() -> None:
    troupes = _travelling(date(2018, 9, 2), None)
    [clash] = scheduled(clashes(item(1, "14:00", "14:30", day=SAT), troupes=troupes))
    assert clash.kind == ClashKind.TROUPE_NOT_PRESENT
    assert clash.severity == Severity.ERROR
    assert clash.troupe_id == BEIJING
    assert clash.key == f"troupe_not_present:1:t{BEIJING}"
    assert clash.message() == (
        "Beijing troupe is on the Main Stage on Sat 1 Sep 2018 14:00-14:30, "
        "but arrives only on Sun 2 Sep 2018"
    )
    assert kinds(clashes(item(1, "14:00", "14:30", day=SUN), troupes=troupes)) == []


def test_an_item_after_the_troupe_leaves_is_an_error() -> None:
    troupes = _travelling(date(2018, 8, 30), date(2018, 9, 1))
    [clash] = scheduled(clashes(item(1, "14:00", "14:30", day=SUN), troupes=troupes))
    assert clash.kind == ClashKind.TROUPE_NOT_PRESENT
    assert clash.message() == (
        "Beijing troupe is on the Main Stage on Sun 2 Sep 2018 14:00-14:30, "
        "but leaves on Sat 1 Sep 2018"
    )
    # On the day of departure the troupe is still here.
    assert kinds(clashes(item(1, "14:00", "14:30", day=SAT), troupes=troupes)) == []


def test_a_troupe_without_travel_dates_is_always_present() -> None:
    troupes = _travelling(None, None)
    found = clashes(item(1, "14:00", "14:30"), item(2, "14:00", "14:30", day=SUN), troupes=troupes)
    assert kinds(found) == []


# -- infos -----------------------------------------------------------------------------


def test_a_troupe_without_any_item_is_an_info() -> None:
    found = clashes(item(1, "14:00", "14:30"))
    [clash] = found
    assert clash.kind == ClashKind.TROUPE_UNSCHEDULED
    assert clash.severity == Severity.INFO
    assert clash.troupe_id == HANOI
    assert clash.item_ids == ()
    assert clash.key == f"troupe_unscheduled:t{HANOI}"
    assert clash.message() == "Hanoi troupe has no item in the program"
    # A draft item is in the program; items on any day count.
    found = clashes(
        item(1, "14:00", "14:30"),
        item(2, "14:00", "14:30", troupe=HANOI, day=SUN, status=ItemStatus.DRAFT),
    )
    assert found == []


def test_a_performance_without_a_troupe_is_an_info() -> None:
    found = clashes(
        item(1, "14:00", "14:30", troupe=None),
        item(2, "15:00", "15:30", troupe=None, kind=ItemKind.CEREMONY),
        troupes=[],
    )
    [clash] = scheduled(found)
    assert clash.kind == ClashKind.ITEM_WITHOUT_TROUPE
    assert clash.severity == Severity.INFO
    assert clash.item_ids == (1,)
    assert clash.message() == "Performance 'Item 1' on the Main Stage 14:00-14:30 has no troupe"


# -- acknowledgement, order, language ----------------------------------------------------


def test_an_acknowledged_clash_is_shown_with_its_reason() -> None:
    reason = "Beijing brings two groups"
    key = f"troupe_overlap:1:2:t{BEIJING}"
    found = clashes(
        item(1, "14:00", "14:30"),
        item(2, "14:00", "14:30", venue=MUSIC),
        acks={key: reason, "venue_overlap:7:8": "gone"},
    )
    [clash] = of_kind(found, ClashKind.TROUPE_OVERLAP)
    assert clash.acknowledged
    assert clash.reason == reason
    [other] = of_kind(found, ClashKind.TROUPE_UNSCHEDULED)
    assert not other.acknowledged
    assert other.reason == ""


def test_an_acknowledgement_does_not_carry_over_to_another_troupe() -> None:
    key = f"troupe_overlap:1:2:t{BEIJING}"
    found = clashes(
        item(1, "14:00", "14:30", troupe=HANOI),
        item(2, "14:00", "14:30", venue=MUSIC, troupe=HANOI),
        acks={key: "two groups"},
    )
    [clash] = of_kind(found, ClashKind.TROUPE_OVERLAP)
    assert not clash.acknowledged


def test_errors_come_first_then_warnings_then_infos_by_day_and_start() -> None:
    found = clashes(
        item(1, "16:00", "16:30", troupe=None),  # info, Saturday
        item(2, "15:00", "15:30", venue=MUSIC, troupe=HANOI, day=SUN),
        item(3, "15:35", "16:00", venue=MUSIC, troupe=HANOI, day=SUN),  # warning, Sunday
        item(4, "16:30", "17:30", day=SUN),  # error, Sunday (closes 17:00)
        item(5, "11:00", "12:30"),  # error, Saturday 11:00
        item(6, "14:00", "14:30", venue=MUSIC),
        item(7, "14:35", "15:00", venue=MUSIC, troupe=HANOI),  # warning, Saturday
    )
    order = [(c.severity, c.kind, c.item_ids) for c in found]
    assert order == [
        (Severity.ERROR, ClashKind.OUTSIDE_HOURS, (5,)),
        (Severity.ERROR, ClashKind.OUTSIDE_HOURS, (4,)),
        (Severity.WARNING, ClashKind.VENUE_CHANGEOVER, (6, 7)),
        (Severity.WARNING, ClashKind.VENUE_CHANGEOVER, (2, 3)),
        (Severity.INFO, ClashKind.ITEM_WITHOUT_TROUPE, (1,)),
    ]


def test_messages_name_things_in_the_language_asked_for() -> None:
    found = clashes(
        item(1, "14:00", "14:30"), item(2, "14:20", "15:00", venue=PARADE), language="ko"
    )
    [clash] = of_kind(found, ClashKind.TROUPE_OVERLAP)
    assert clash.params["troupe"] == "베이징 공연단"
    assert clash.params["first_venue"] == "메인무대"
    assert clash.params["second_venue"] == "퍼레이드 경로"


def test_messages_go_through_the_translator() -> None:
    seen: list[tuple[str, str]] = []

    def translator(context: str, text: str) -> str:
        seen.append((context, text))
        return "[" + text + "]" if context == "Clash" else text

    [clash] = scheduled(clashes(item(1, "14:00", "14:30", troupe=None), troupes=[]))
    i18n.set_translator(translator)
    try:
        message = clash.message()
    finally:
        i18n.set_translator(None)
    assert message == "[Performance 'Item 1' on the Main Stage 14:00-14:30 has no troupe]"
    assert seen == [("Clash", clash.template)]


def test_clash_key_format() -> None:
    assert clash_key(ClashKind.VENUE_OVERLAP, (12, 15)) == "venue_overlap:12:15"
    assert clash_key(ClashKind.TROUPE_UNSCHEDULED, (), 3) == "troupe_unscheduled:t3"


@pytest.mark.parametrize("count", [0, 1])
def test_no_items_no_item_clashes(count: int) -> None:
    found = clashes(*[item(1, "14:00", "14:30")][:count], troupes=[])
    assert found == []


def test_any_int_is_a_troupe_id_even_negative_or_zero() -> None:
    """None is 'no troupe'; every int, 0 and negative ones too, is a troupe."""
    for troupe_id in (-1, 0):
        odd = Troupe("Odd id troupe", id=troupe_id)
        found = clashes(
            item(1, "14:00", "14:30", troupe=troupe_id),
            item(2, "14:10", "14:40", venue=MUSIC, troupe=troupe_id),
            troupes=[odd],
        )
        assert [(c.kind, c.item_ids, c.troupe_id) for c in found] == [
            (ClashKind.TROUPE_OVERLAP, (1, 2), troupe_id)
        ]


def test_unknown_days_venues_and_item_ids_do_not_break_the_check() -> None:
    found = clashes(
        item(1, "14:00", "14:30", venue=99),  # a venue the check was not given
        item(2, "14:10", "14:40", venue=99, troupe=HANOI),
        item(3, "06:00", "06:30", day=7),  # a day without known hours: never outside them
        replace(item(4, "16:00", "16:30", troupe=None), id=None),  # not saved yet
    )
    assert [(c.kind, c.item_ids) for c in scheduled(found)] == [
        (ClashKind.VENUE_OVERLAP, (1, 2)),
        (ClashKind.ITEM_WITHOUT_TROUPE, (0,)),
    ]
    assert "#99" in scheduled(found)[0].message()
