"""The fast clash finder reports exactly what a brute-force pairwise check reports."""

from __future__ import annotations

from datetime import date, time, timedelta
from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from festival_app.domain.clash_finder import find_clashes
from festival_app.domain.clashes import ClashKind, clash_key
from festival_app.domain.errors import Severity
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ItemKind, ItemStatus, ProgramItem
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue

FIRST_DAY = date(2018, 9, 1)
Found = tuple[ClashKind, Severity, tuple[int, ...], int | None, str]


def _minutes(value: time) -> int:
    return value.hour * 60 + value.minute


def brute_force(
    festival: Festival,
    days: list[FestivalDay],
    venues: list[Venue],
    troupes: list[Troupe],
    items: list[ProgramItem],
) -> list[Found]:
    """Every rule written out plainly, comparing every pair of items.

    Of two items, the first is the one whose venue (or troupe) time starts first; on a tie,
    the one given first.
    """
    day = {d.id: d for d in days}
    venue = {v.id: v for v in venues}
    troupe = {t.id: t for t in troupes}
    live = [(n, i) for n, i in enumerate(items) if i.status != ItemStatus.CANCELLED]
    out: list[Found] = []

    def add(kind: ClashKind, severity: Severity, ids: tuple[int, ...], who: int | None) -> None:
        out.append((kind, severity, ids, who, clash_key(kind, sorted(ids), who)))

    for _, a in live:
        assert a.id is not None
        v, d = venue[a.venue_id], day[a.day_id]
        opens, closes = (v.opens, v.closes) if v.opens and v.closes else (d.opens, d.closes)
        if a.busy_from < _minutes(opens) or a.busy_until > _minutes(closes):
            add(ClashKind.OUTSIDE_HOURS, Severity.ERROR, (a.id,), None)
        if a.troupe_id is None:
            if a.kind == ItemKind.PERFORMANCE:
                add(ClashKind.ITEM_WITHOUT_TROUPE, Severity.INFO, (a.id,), None)
        else:
            t = troupe[a.troupe_id]
            if (t.arrival and d.date < t.arrival) or (t.departure and d.date > t.departure):
                add(ClashKind.TROUPE_NOT_PRESENT, Severity.ERROR, (a.id,), a.troupe_id)

    for (n, a), (m, b) in combinations(live, 2):
        assert a.id is not None and b.id is not None
        if a.day_id != b.day_id:
            continue
        if a.venue_id == b.venue_id:
            x, y = sorted([(a.busy_from, n, a), (b.busy_from, m, b)])
            first, second = x[2], y[2]
            ids = (first.id or 0, second.id or 0)
            if a.busy_from < b.busy_until and b.busy_from < a.busy_until:
                add(ClashKind.VENUE_OVERLAP, Severity.ERROR, ids, None)
            elif second.busy_from - first.busy_until < venue[a.venue_id].changeover_min:
                add(ClashKind.VENUE_CHANGEOVER, Severity.WARNING, ids, None)
        if a.troupe_id is not None and a.troupe_id == b.troupe_id:
            x, y = sorted([(a.start_min, n, a), (b.start_min, m, b)])
            first, second = x[2], y[2]
            ids = (first.id or 0, second.id or 0)
            if a.start_min < b.end_min and b.start_min < a.end_min:
                add(ClashKind.TROUPE_OVERLAP, Severity.ERROR, ids, a.troupe_id)
            elif (
                a.venue_id != b.venue_id
                and second.start_min - first.end_min < festival.min_changeover
            ):
                add(ClashKind.TROUPE_CHANGEOVER, Severity.WARNING, ids, a.troupe_id)

    busy = {i.troupe_id for _, i in live}
    for t in troupes:
        if t.id not in busy:
            add(ClashKind.TROUPE_UNSCHEDULED, Severity.INFO, (), t.id)
    return out


@st.composite
def programs(
    draw: st.DrawFn,
) -> tuple[Festival, list[FestivalDay], list[Venue], list[Troupe], list[ProgramItem]]:
    step = 5
    festival = Festival("Random", min_changeover=draw(st.sampled_from([0, 10, 30, 60])))
    days = [
        FestivalDay(
            FIRST_DAY + timedelta(days=n), time(12), time(draw(st.sampled_from([17, 18]))), id=n + 1
        )
        for n in range(draw(st.integers(1, 3)))
    ]
    venues = []
    for n in range(draw(st.integers(1, 3))):
        own = draw(st.booleans())
        venues.append(
            Venue(
                f"Venue {n}",
                changeover_min=draw(st.sampled_from([0, 0, 5, 15, 30])),
                opens=time(11) if own else None,
                closes=time(13) if own else None,
                id=10 + n,
            )
        )
    troupes = []
    for n in range(draw(st.integers(0, 4))):
        arrival = draw(st.none() | st.integers(-1, 2).map(lambda d: FIRST_DAY + timedelta(days=d)))
        stay = draw(st.none() | st.integers(0, 2))
        departure = None if stay is None else (arrival or FIRST_DAY) + timedelta(days=stay)
        troupes.append(Troupe(f"Troupe {n}", arrival=arrival, departure=departure, id=100 + n))
    items = []
    for n in range(draw(st.integers(0, 30))):
        # Start and length on 5-minute steps, within one day (10:00 to 20:00).
        start = draw(st.integers(10 * 60 // step, 19 * 60 // step)) * step
        length = draw(st.integers(1, 24)) * step
        end = min(start + length, 20 * 60)
        troupe = draw(st.none() | st.sampled_from(troupes)) if troupes else None
        items.append(
            ProgramItem(
                day_id=draw(st.sampled_from(days)).id or 1,
                venue_id=draw(st.sampled_from(venues)).id or 10,
                start=time(start // 60, start % 60),
                end=time(end // 60, end % 60),
                title_en=f"Item {n}",
                kind=draw(st.sampled_from(list(ItemKind))),
                troupe_id=troupe.id if troupe else None,
                setup_min=draw(st.sampled_from([0, 0, 5, 10, 30])),
                teardown_min=draw(st.sampled_from([0, 0, 5, 10, 30])),
                status=draw(st.sampled_from(list(ItemStatus))),
                id=draw(st.integers(1, 10_000)),
            )
        )
    # Ids are unique in a festival file, in any order.
    unique = {i.id: i for i in items}
    return festival, days, venues, troupes, list(unique.values())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs())
def test_fast_finder_equals_brute_force(
    program: tuple[Festival, list[FestivalDay], list[Venue], list[Troupe], list[ProgramItem]],
) -> None:
    festival, days, venues, troupes, items = program
    fast = find_clashes(festival, days, venues, troupes, items)
    found = sorted((c.kind, c.severity, c.item_ids, c.troupe_id, c.key) for c in fast)
    assert found == sorted(brute_force(festival, days, venues, troupes, items))
    assert len({c.key for c in fast}) == len(fast)  # one clash per key
    ranks = [list(Severity).index(c.severity) for c in fast]
    assert ranks == sorted(ranks)


def test_brute_force_reference_finds_what_it_should() -> None:
    """The reference itself, on a case checked by hand (so the property test means something)."""
    festival = Festival("F", min_changeover=30)
    days = [FestivalDay(FIRST_DAY, time(12), time(18), id=1)]
    venues = [Venue("A", id=10), Venue("B", changeover_min=10, id=11)]
    troupes = [Troupe("T", id=100), Troupe("U", id=101)]

    def item(n: int, start: int, end: int, venue: int, troupe: int | None) -> ProgramItem:
        return ProgramItem(1, venue, time(start), time(end), f"I{n}", troupe_id=troupe, id=n)

    items = [
        item(1, 13, 15, 10, 100),
        item(2, 14, 16, 10, None),  # overlaps 1 at A; performance without troupe
        item(3, 16, 17, 11, 100),  # troupe T after item 1: 60 minutes, fine
        item(4, 17, 18, 11, 100),  # touches 3 at B: changeover warning
    ]
    expected = {
        (ClashKind.VENUE_OVERLAP, (1, 2)),
        (ClashKind.ITEM_WITHOUT_TROUPE, (2,)),
        (ClashKind.VENUE_CHANGEOVER, (3, 4)),
        (ClashKind.TROUPE_UNSCHEDULED, ()),
    }
    reference = brute_force(festival, days, venues, troupes, items)
    assert {(k, ids) for k, _, ids, _, _ in reference} == expected
    fast = find_clashes(festival, days, venues, troupes, items)
    assert {(c.kind, c.item_ids) for c in fast} == expected
