"""The search for clashes (see `clashes` for the rules and what a clash is).

It sorts the items by (day, venue) and by (troupe, day) once each and sweeps them in time
order (`_meeting`), so its cost is O(n log n + k) for n items and k clashes: no pass
compares every item with every other. The items' fields are read into numpy arrays by a
few C-level passes over the items, and the sorting and the search for items that meet
another work on whole arrays; Python code runs only for the items that do meet or break a
rule, and for the messages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import repeat
from operator import attrgetter, is_not, itemgetter
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from festival_app.domain.clashes import (
    NO_ACKNOWLEDGEMENTS,
    SEVERITY_OF,
    Clash,
    ClashKind,
)
from festival_app.domain.errors import SEVERITY_RANK
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ItemKind, ItemStatus, ProgramItem
from festival_app.domain.times import format_day, format_minutes, to_minutes
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue
from festival_app.i18n import QT_TRANSLATE_NOOP as N

# -- the messages it writes -------------------------------------------------------------------------

T_VENUE_OVERLAP = N(
    "Clash",
    "'{first}' {first_start}-{first_end} and '{second}' {second_start}-{second_end} "
    "are both on {venue}",
)
T_VENUE_OVERLAP_MARGINS = N(
    "Clash",
    "With setup and teardown, '{first}' takes {venue} {first_from}-{first_until} "
    "and '{second}' takes it {second_from}-{second_until}",
)
T_TROUPE_OVERLAP = N(
    "Clash",
    "{troupe} is on {first_venue} {first_start}-{first_end} and on {second_venue} "
    "{second_start}-{second_end}",
)
T_OUTSIDE_DAY = N(
    "Clash",
    "'{title}' on {venue} {start}-{end} is outside the day's hours {opens}-{closes}",
)
T_OUTSIDE_DAY_MARGINS = N(
    "Clash",
    "With setup and teardown, '{title}' takes {venue} {start}-{end}, "
    "outside the day's hours {opens}-{closes}",
)
T_OUTSIDE_VENUE = N(
    "Clash",
    "'{title}' {start}-{end} is outside the hours of {venue}, {opens}-{closes}",
)
T_OUTSIDE_VENUE_MARGINS = N(
    "Clash",
    "With setup and teardown, '{title}' takes {venue} {start}-{end}, "
    "outside its hours {opens}-{closes}",
)
T_BEFORE_ARRIVAL = N(
    "Clash",
    "{troupe} is on {venue} on {day} {start}-{end}, but arrives only on {arrival}",
)
T_AFTER_DEPARTURE = N(
    "Clash",
    "{troupe} is on {venue} on {day} {start}-{end}, but leaves on {departure}",
)
T_TROUPE_CHANGEOVER = N(
    "Clash",
    "{troupe} has {gap} minutes to get from {first_venue} (until {first_end}) to "
    "{second_venue} (from {second_start}); the festival plans {minimum} minutes",
)
T_VENUE_CHANGEOVER = N(
    "Clash",
    "{venue} has {gap} minutes between '{first}' (until {first_until}) and '{second}' "
    "(from {second_from}); it needs {minimum} minutes to change over",
)
T_TROUPE_UNSCHEDULED = N("Clash", "{troupe} has no item in the program")
T_ITEM_WITHOUT_TROUPE = N("Clash", "Performance '{title}' on {venue} {start}-{end} has no troupe")


_FAR = 1 << 40  # minutes: no hours known, nothing is outside them
_NO_HOURS = (-_FAR, _FAR)
_KIND_RANK = {kind: rank for rank, kind in enumerate(ClashKind)}
# kind -> (severity, its rank, the kind's rank, the kind's value), looked up once per clash
_KIND_INFO = {
    kind: (SEVERITY_OF[kind], SEVERITY_RANK[SEVERITY_OF[kind]], _KIND_RANK[kind], kind.value)
    for kind in ClashKind
}

hhmm = format_minutes  # short: every clash message uses it several times


def find_clashes(
    festival: Festival,
    days: Sequence[FestivalDay],
    venues: Sequence[Venue],
    troupes: Sequence[Troupe],
    items: Sequence[ProgramItem],
    acknowledgements: Mapping[str, str] = NO_ACKNOWLEDGEMENTS,
    language: str = "en",
) -> list[Clash]:
    """Every clash among `items`, errors first, then warnings, then infos; within a
    severity by day and start. `acknowledgements` maps clash keys to reasons.

    Troupes are reported as unscheduled when none of `items` is theirs, so pass the whole
    program (or leave the unscheduled infos aside) when checking a single day.
    """
    return Finder(festival, days, venues, troupes, items, acknowledgements, language).run()


class Finder:
    """One run of the clash check; holds lookups so each rule stays short."""

    def __init__(
        self,
        festival: Festival,
        days: Sequence[FestivalDay],
        venues: Sequence[Venue],
        troupes: Sequence[Troupe],
        items: Sequence[ProgramItem],
        acknowledgements: Mapping[str, str],
        language: str,
    ) -> None:
        self.festival = festival
        self.days = {d.id: d for d in days}
        self.venues = {v.id: v for v in venues}
        self.troupes = troupes
        self.troupe_by_id = {t.id: t for t in troupes}
        self.items = items
        self.acks = acknowledgements
        self.language = language
        self.out: list[tuple[tuple[int, int, int, int, str], Clash]] = []
        self.day_ordinal = {d.id: d.date.toordinal() for d in days}
        self.venue_names: dict[int, str] = {}

    # -- names -----------------------------------------------------------------------

    def _venue_name(self, venue_id: int) -> str:
        name = self.venue_names.get(venue_id)
        if name is None:
            venue = self.venues.get(venue_id)
            name = self.venue_names[venue_id] = (
                venue.name(self.language) if venue else f"#{venue_id}"
            )
        return name

    def _troupe_name(self, troupe_id: int | None) -> str:
        troupe = self.troupe_by_id.get(troupe_id)
        return troupe.display_name(self.language) if troupe else f"#{troupe_id}"

    def _day(self, day_id: int) -> date:
        day = self.days.get(day_id)
        return day.date if day else date.min

    # -- output ----------------------------------------------------------------------

    def _add(
        self,
        kind: ClashKind,
        items: Sequence[ProgramItem],
        troupe_id: int | None,
        template: str,
        params: dict[str, object],
    ) -> None:
        severity, severity_rank, kind_rank, name = _KIND_INFO[kind]
        # The key as clash_key() makes it, with the ids sorted: moving one item before
        # the other keeps the same clash (spelt out: this runs once per clash).
        if len(items) == 2:
            a, b = items[0].id or 0, items[1].id or 0
            ids: tuple[int, ...] = (a, b)
            key = f"{name}:{a}:{b}" if a <= b else f"{name}:{b}:{a}"
        elif items:
            ids = (items[0].id or 0,)
            key = f"{name}:{ids[0]}"
        else:
            ids = ()
            key = name
        if troupe_id is not None:
            key = f"{key}:t{troupe_id}"
        acknowledged = key in self.acks
        clash = Clash(
            severity,
            kind,
            ids,
            troupe_id,
            template,
            params,
            key,
            acknowledged,
            self.acks[key] if acknowledged else "",
        )
        if items:
            first = items[0]
            order = (
                severity_rank,
                self.day_ordinal.get(first.day_id, 0),
                first.start.hour * 60 + first.start.minute,
                kind_rank,
                key,
            )
        else:  # troupe-wide clashes come after those of any day
            order = (severity_rank, _FAR, 0, kind_rank, key)
        self.out.append((order, clash))

    # -- the run ---------------------------------------------------------------------

    def run(self) -> list[Clash]:
        scheduled: set[int] = set()
        if self.items:
            cols = _Columns.of(self.items)
            self._venue_rules(cols)
            self._troupe_rules(cols)
            without = np.flatnonzero(cols.live & ~cols.has_troupe).tolist()
            for index in without:
                item = self.items[index]
                if item.kind == ItemKind.PERFORMANCE:
                    self._without_troupe(item, cols.minutes(index))
            scheduled.update(np.unique(cols.troupe_ids[cols.live & cols.has_troupe]).tolist())
        self._unscheduled(scheduled)
        self.out.sort(key=itemgetter(0))
        return [clash for _, clash in self.out]

    def _unscheduled(self, scheduled: set[int]) -> None:
        """An info for each troupe without a (non-cancelled) item."""
        for troupe in self.troupes:
            if troupe.id is not None and troupe.id not in scheduled:
                self._add(
                    ClashKind.TROUPE_UNSCHEDULED,
                    (),
                    troupe.id,
                    T_TROUPE_UNSCHEDULED,
                    {"troupe": troupe.display_name(self.language)},
                )

    def _venue_rules(self, cols: _Columns) -> None:
        """Overlaps and changeovers per (day, venue), and opening hours."""
        slack_of = {v.id: v.changeover_min for v in self.venues.values() if v.changeover_min}
        slack = _look_up(cols.venue_ids, slack_of, 0)
        live = np.flatnonzero(cols.live)
        pairs = _meeting(
            (cols.day_ids[live], cols.venue_ids[live]),
            cols.busy_from[live],
            cols.busy_until[live] + slack[live],
        )
        for earlier, later in live[pairs].tolist():
            a, b = cols.busy(earlier), cols.busy(later)
            if b[0] < a[1]:
                self._venue_overlap(earlier, later, cols)
            else:
                minimum = int(slack[earlier])
                self._venue_changeover(earlier, later, b[0] - a[1], minimum, a, b)

        # A venue's own hours when it has them, else its day's.
        venue_hours = {
            v.id: (to_minutes(v.opens), to_minutes(v.closes))
            for v in self.venues.values()
            if v.opens is not None and v.closes is not None
        }
        day_hours = {d.id: (to_minutes(d.opens), to_minutes(d.closes)) for d in self.days.values()}
        by_venue = _look_up(cols.venue_ids, venue_hours, _NO_HOURS)
        by_day = _look_up(cols.day_ids, day_hours, _NO_HOURS)
        hours = np.where((by_venue[:, 0] != _NO_HOURS[0])[:, None], by_venue, by_day)
        outside = cols.live & ((cols.busy_from < hours[:, 0]) | (cols.busy_until > hours[:, 1]))
        for index in np.flatnonzero(outside).tolist():
            item = self.items[index]
            own = item.venue_id in venue_hours
            limits = venue_hours[item.venue_id] if own else day_hours[item.day_id]
            self._outside_hours(item, cols.busy(index), cols.minutes(index), limits, own)

    def _troupe_rules(self, cols: _Columns) -> None:
        """Troupes in two places, short changeovers and days away, per (troupe, day).

        A troupe is busy from start to end; the festival's minimum changeover is the
        reach after an item within which another item at another venue is a warning.
        """
        with_troupe = np.flatnonzero(cols.live & cols.has_troupe)
        pairs = _meeting(
            (cols.troupe_ids[with_troupe], cols.day_ids[with_troupe]),
            cols.starts[with_troupe],
            cols.ends[with_troupe] + self.festival.min_changeover,
        )
        for earlier, later in with_troupe[pairs].tolist():
            troupe_id = self.items[earlier].troupe_id
            assert troupe_id is not None
            a, b = cols.minutes(earlier), cols.minutes(later)
            if b[0] < a[1]:
                self._troupe_overlap(troupe_id, earlier, later, a, b)
            elif cols.venue_ids[earlier] != cols.venue_ids[later]:
                self._troupe_changeover(troupe_id, earlier, later, b[0] - a[1], a, b)

        absent = self._absent_days()
        if not absent:
            return
        away = np.fromiter({troupe for troupe, _ in absent}, np.int64)
        candidates = with_troupe[np.isin(cols.troupe_ids[with_troupe], away)]
        for index in candidates.tolist():
            item = self.items[index]
            when = absent.get((item.troupe_id, item.day_id))
            if when is not None:
                self._not_present(item, cols.minutes(index), when)

    def _absent_days(self) -> dict[tuple[int, int], str]:
        """(troupe, day) -> 'before' or 'after' for days a troupe is not in Seoul."""
        out: dict[tuple[int, int], str] = {}
        for troupe in self.troupes:
            if troupe.id is None or (troupe.arrival is None and troupe.departure is None):
                continue
            for day in self.days.values():
                if day.id is None:
                    continue
                if troupe.arrival is not None and day.date < troupe.arrival:
                    out[troupe.id, day.id] = "before"
                elif troupe.departure is not None and day.date > troupe.departure:
                    out[troupe.id, day.id] = "after"
        return out

    # -- one method per kind of clash --------------------------------------------------
    # Times are (from, to) pairs of minutes since midnight.

    def _venue_overlap(self, a: int, b: int, cols: _Columns) -> None:
        first, second = self.items[a], self.items[b]
        first_times, second_times = cols.minutes(a), cols.minutes(b)
        params: dict[str, object] = {
            "venue": self._venue_name(first.venue_id),
            "first": first.title(self.language),
            "second": second.title(self.language),
        }
        if first_times[0] < second_times[1] and second_times[0] < first_times[1]:
            template = T_VENUE_OVERLAP
            params |= _times(first_times, second_times)
        else:  # only the setup or teardown margins overlap
            template = T_VENUE_OVERLAP_MARGINS
            first_busy, second_busy = cols.busy(a), cols.busy(b)
            params |= {
                "first_from": hhmm(first_busy[0]),
                "first_until": hhmm(first_busy[1]),
                "second_from": hhmm(second_busy[0]),
                "second_until": hhmm(second_busy[1]),
            }
        self._add(ClashKind.VENUE_OVERLAP, (first, second), None, template, params)

    def _venue_changeover(
        self,
        a: int,
        b: int,
        gap: int,
        minimum: int,
        first_busy: tuple[int, int],
        second_busy: tuple[int, int],
    ) -> None:
        first, second = self.items[a], self.items[b]
        params: dict[str, object] = {
            "venue": self._venue_name(first.venue_id),
            "first": first.title(self.language),
            "second": second.title(self.language),
            "first_until": hhmm(first_busy[1]),
            "second_from": hhmm(second_busy[0]),
            "gap": gap,
            "minimum": minimum,
        }
        self._add(ClashKind.VENUE_CHANGEOVER, (first, second), None, T_VENUE_CHANGEOVER, params)

    def _troupe_overlap(
        self,
        troupe_id: int,
        a: int,
        b: int,
        first_times: tuple[int, int],
        second_times: tuple[int, int],
    ) -> None:
        first, second = self.items[a], self.items[b]
        params: dict[str, object] = {
            "troupe": self._troupe_name(troupe_id),
            "first_venue": self._venue_name(first.venue_id),
            "second_venue": self._venue_name(second.venue_id),
        }
        params |= _times(first_times, second_times)
        self._add(ClashKind.TROUPE_OVERLAP, (first, second), troupe_id, T_TROUPE_OVERLAP, params)

    def _troupe_changeover(
        self,
        troupe_id: int,
        a: int,
        b: int,
        gap: int,
        first_times: tuple[int, int],
        second_times: tuple[int, int],
    ) -> None:
        first, second = self.items[a], self.items[b]
        params: dict[str, object] = {
            "troupe": self._troupe_name(troupe_id),
            "first_venue": self._venue_name(first.venue_id),
            "second_venue": self._venue_name(second.venue_id),
            "first_end": hhmm(first_times[1]),
            "second_start": hhmm(second_times[0]),
            "gap": gap,
            "minimum": self.festival.min_changeover,
        }
        self._add(
            ClashKind.TROUPE_CHANGEOVER,
            (first, second),
            troupe_id,
            T_TROUPE_CHANGEOVER,
            params,
        )

    def _outside_hours(
        self,
        item: ProgramItem,
        busy: tuple[int, int],
        times: tuple[int, int],
        hours: tuple[int, int],
        own: bool,
    ) -> None:
        margins = times[0] >= hours[0] and times[1] <= hours[1]  # only the margins stick out
        if own:
            template = T_OUTSIDE_VENUE_MARGINS if margins else T_OUTSIDE_VENUE
        else:
            template = T_OUTSIDE_DAY_MARGINS if margins else T_OUTSIDE_DAY
        shown = busy if margins else times
        params: dict[str, object] = {
            "title": item.title(self.language),
            "venue": self._venue_name(item.venue_id),
            "start": hhmm(shown[0]),
            "end": hhmm(shown[1]),
            "opens": hhmm(hours[0]),
            "closes": hhmm(hours[1]),
        }
        self._add(ClashKind.OUTSIDE_HOURS, (item,), None, template, params)

    def _not_present(self, item: ProgramItem, times: tuple[int, int], when: str) -> None:
        troupe = self.troupe_by_id[item.troupe_id]
        params: dict[str, object] = {
            "troupe": troupe.display_name(self.language),
            "venue": self._venue_name(item.venue_id),
            "day": format_day(self._day(item.day_id), self.language),
            "start": hhmm(times[0]),
            "end": hhmm(times[1]),
        }
        if when == "before":
            assert troupe.arrival is not None
            params["arrival"] = format_day(troupe.arrival, self.language)
            template = T_BEFORE_ARRIVAL
        else:
            assert troupe.departure is not None
            params["departure"] = format_day(troupe.departure, self.language)
            template = T_AFTER_DEPARTURE
        self._add(ClashKind.TROUPE_NOT_PRESENT, (item,), item.troupe_id, template, params)

    def _without_troupe(self, item: ProgramItem, times: tuple[int, int]) -> None:
        params: dict[str, object] = {
            "title": item.title(self.language),
            "venue": self._venue_name(item.venue_id),
            "start": hhmm(times[0]),
            "end": hhmm(times[1]),
        }
        self._add(ClashKind.ITEM_WITHOUT_TROUPE, (item,), None, T_ITEM_WITHOUT_TROUPE, params)


_INT_FIELDS = (
    "start.hour",
    "start.minute",
    "end.hour",
    "end.minute",
    "setup_min",
    "teardown_min",
    "day_id",
    "venue_id",
)
_INT_ROW = np.dtype([(name, np.int64) for name in _INT_FIELDS])
Ints = npt.NDArray[np.int64]
V = TypeVar("V", int, tuple[int, int])


@dataclass(frozen=True)
class _Columns:
    """The items' fields as arrays indexed like the items, in minutes since midnight.

    Read with a few C-level passes over the items (the int fields together, the troupe,
    the status); the rules then work on whole arrays, so Python code sees only the items
    that meet another one or break a rule, and those without a troupe.
    """

    starts: Ints
    ends: Ints
    busy_from: Ints  # setup included
    busy_until: Ints  # teardown included
    day_ids: Ints
    venue_ids: Ints
    troupe_ids: Ints  # 0 where there is none
    has_troupe: npt.NDArray[np.bool_]
    live: npt.NDArray[np.bool_]  # not cancelled: cancelled items take part in no clash

    @classmethod
    def of(cls, items: Sequence[ProgramItem]) -> _Columns:
        count = len(items)
        # The int fields in one pass, each item's values briefly a tuple (one C-level walk
        # over the items costs more than reading a few more fields on the way).
        ints = np.fromiter(map(attrgetter(*_INT_FIELDS), items), _INT_ROW, count)
        starts = ints["start.hour"] * 60 + ints["start.minute"]
        ends = ints["end.hour"] * 60 + ints["end.minute"]
        troupes = list(map(attrgetter("troupe_id"), items))
        statuses = map(attrgetter("status"), items)
        return cls(
            starts=starts,
            ends=ends,
            busy_from=starts - ints["setup_min"],
            busy_until=ends + ints["teardown_min"],
            day_ids=np.ascontiguousarray(ints["day_id"]),
            venue_ids=np.ascontiguousarray(ints["venue_id"]),
            # {None: 0}.get(id, id) is the id itself, or 0 for None
            troupe_ids=np.fromiter(map({None: 0}.get, troupes, troupes), np.int64, count),
            has_troupe=np.fromiter(map(is_not, troupes, repeat(None)), np.bool_, count),
            live=np.fromiter(map(ItemStatus.CANCELLED.__ne__, statuses), np.bool_, count),
        )

    def minutes(self, index: int) -> tuple[int, int]:
        """The item's start and end."""
        return int(self.starts[index]), int(self.ends[index])

    def busy(self, index: int) -> tuple[int, int]:
        """The time the item takes its venue: setup and teardown included."""
        return int(self.busy_from[index]), int(self.busy_until[index])


def _look_up(keys: Ints, values: Mapping[int | None, V], default: V) -> Ints:
    """`values[key]` (or `default`) for every entry of `keys`, looking each distinct key
    up once: one entry per key, or one row when the values are tuples."""
    distinct, where = np.unique(keys, return_inverse=True)
    table = np.array([values.get(k, default) for k in distinct.tolist()], np.int64)
    return table[where]


def _meeting(groups: tuple[Ints, ...], begins: Ints, reaches: Ints) -> npt.NDArray[np.intp]:
    """Pairs (earlier, later) of positions, as an array of shape (k, 2), where both have
    the same values in every array of `groups` and the later one begins before the
    earlier one's reach. `earlier` begins first (on a tie, comes first).

    Sorted by group and begin (stable), a running maximum of the reach shows which entries
    meet anything before them: all of that is done on whole arrays. Only those entries, in
    runs ("clusters") that start with the entry just before, go through a Python sweep,
    whose `open_` list holds the entries still reaching the current one. So the cost is
    O(n log n) in C plus O(k) in Python for k pairs; no two entries are compared blindly.
    """
    count = len(begins)
    if count < 2:
        return np.empty((0, 2), np.intp)
    order = np.lexsort((begins, *reversed(groups)))  # the last key sorts first
    new_group = np.zeros(count, np.int64)
    for values in groups:
        ordered = values[order]
        new_group[1:] |= ordered[1:] != ordered[:-1]
    # Each group is shifted past every earlier one, so one running maximum of the reaches
    # never carries over from one group into the next.
    low = int(begins.min())
    span = int(reaches.max()) - low + 1
    shift = np.cumsum(new_group) * span - low
    sorted_begins = begins[order] + shift
    sorted_reaches = reaches[order] + shift
    furthest = np.maximum.accumulate(sorted_reaches)
    # Position p meets something before it when it begins before the furthest reach of
    # positions 0..p-1.
    hits = (np.flatnonzero(sorted_begins[1:] < furthest[:-1]) + 1).tolist()
    pairs: list[tuple[int, int]] = []
    h = 0
    while h < len(hits):
        first = hits[h] - 1
        last = hits[h]
        while h + 1 < len(hits) and hits[h + 1] == last + 1:
            h += 1
            last += 1
        h += 1
        cluster_begins = sorted_begins[first : last + 1].tolist()
        cluster_reaches = sorted_reaches[first : last + 1].tolist()
        cluster = order[first : last + 1].tolist()
        open_ = [0]
        for position in range(1, len(cluster)):
            begin = cluster_begins[position]
            kept = []
            for other in open_:
                if cluster_reaches[other] > begin:
                    kept.append(other)
                    pairs.append((cluster[other], cluster[position]))
            kept.append(position)
            open_ = kept
    return np.array(pairs, np.intp).reshape(-1, 2)


def _times(first: tuple[int, int], second: tuple[int, int]) -> dict[str, object]:
    return {
        "first_start": hhmm(first[0]),
        "first_end": hhmm(first[1]),
        "second_start": hhmm(second[0]),
        "second_end": hhmm(second[1]),
    }
