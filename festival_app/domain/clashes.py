"""Clashes in the program: double bookings, troupes in two places, items outside hours.

Plain Python, no I/O. `find_clashes` looks at one festival's records and returns every
clash, errors first. It sorts the items of each (day, venue) and each (day, troupe) once and
sweeps them, so its cost is O(n log n + k) for n items and k clashes: no pass compares every
item with every other.

Rules, as the organizers asked for them:

- Cancelled items take part in no clash.
- Intervals are half-open: an item ending at 14:00 and one starting at 14:00 only touch.
- A venue is taken from `busy_from` to `busy_until` (setup and teardown included); two items
  whose busy times overlap at one venue are an error, and two closer than the venue's
  `changeover_min` a warning.
- A troupe is busy from an item's start to its end only: setup and teardown are the venue
  crew's work (stage set, sound check), so a troupe may come off one stage while the next
  is being set up for it elsewhere. The festival's `min_changeover` is the time a troupe
  needs to get from one venue to another; less than that is a warning (none between two
  items at the same venue).
- An item must lie, setup and teardown included, within its venue's own hours when the
  venue has them, else within its day's hours.
- An item on a day before the troupe's arrival or after its departure is an error.
- A troupe with no (non-cancelled) item at all, and a performance without a troupe, are
  infos.
- An acknowledged clash is still reported, with `acknowledged=True` and its reason.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from heapq import heappop, heappush
from types import MappingProxyType

from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ItemKind, ItemStatus, ProgramItem
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate

CONTEXT = "Clash"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_LABELS = {
    Severity.ERROR: N("Severity", "Error"),
    Severity.WARNING: N("Severity", "Warning"),
    Severity.INFO: N("Severity", "Info"),
}


class ClashKind(StrEnum):
    VENUE_OVERLAP = "venue_overlap"
    TROUPE_OVERLAP = "troupe_overlap"
    OUTSIDE_HOURS = "outside_hours"
    TROUPE_NOT_PRESENT = "troupe_not_present"
    TROUPE_CHANGEOVER = "troupe_changeover"
    VENUE_CHANGEOVER = "venue_changeover"
    TROUPE_UNSCHEDULED = "troupe_unscheduled"
    ITEM_WITHOUT_TROUPE = "item_without_troupe"


CLASH_KIND_LABELS = {
    ClashKind.VENUE_OVERLAP: N("ClashKind", "Venue double-booked"),
    ClashKind.TROUPE_OVERLAP: N("ClashKind", "Troupe in two places"),
    ClashKind.OUTSIDE_HOURS: N("ClashKind", "Outside opening hours"),
    ClashKind.TROUPE_NOT_PRESENT: N("ClashKind", "Troupe not in Seoul"),
    ClashKind.TROUPE_CHANGEOVER: N("ClashKind", "Troupe changeover too short"),
    ClashKind.VENUE_CHANGEOVER: N("ClashKind", "Venue changeover too short"),
    ClashKind.TROUPE_UNSCHEDULED: N("ClashKind", "Troupe not in the program"),
    ClashKind.ITEM_WITHOUT_TROUPE: N("ClashKind", "Performance without a troupe"),
}

SEVERITY_OF = {
    ClashKind.VENUE_OVERLAP: Severity.ERROR,
    ClashKind.TROUPE_OVERLAP: Severity.ERROR,
    ClashKind.OUTSIDE_HOURS: Severity.ERROR,
    ClashKind.TROUPE_NOT_PRESENT: Severity.ERROR,
    ClashKind.TROUPE_CHANGEOVER: Severity.WARNING,
    ClashKind.VENUE_CHANGEOVER: Severity.WARNING,
    ClashKind.TROUPE_UNSCHEDULED: Severity.INFO,
    ClashKind.ITEM_WITHOUT_TROUPE: Severity.INFO,
}

NO_ACKNOWLEDGEMENTS: Mapping[str, str] = MappingProxyType({})

_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_KIND_RANK = {kind: rank for rank, kind in enumerate(ClashKind)}


@dataclass(frozen=True)
class Clash:
    """One clash: what is wrong, which items (and troupe) it concerns, and a message.

    `template` is the English source of a translatable sentence with `{named}` slots;
    `params` fill them with names and "HH:MM" times already in the user's language.
    `key` identifies the clash across runs, so an acknowledgement stays with it.
    """

    severity: Severity
    kind: ClashKind
    item_ids: tuple[int, ...]
    troupe_id: int | None
    template: str
    params: Mapping[str, object]
    key: str
    acknowledged: bool = False
    reason: str = ""

    def message(self) -> str:
        return translate(CONTEXT, self.template).format(**self.params)

    def __str__(self) -> str:
        return self.message()


@dataclass(frozen=True)
class Acknowledgement:
    """The organizers know of a clash and why it is fine; kept in the festival file."""

    key: str
    reason: str
    acknowledged_at: str  # ISO 8601, UTC


def clash_key(kind: ClashKind, item_ids: Sequence[int] = (), troupe_id: int | None = None) -> str:
    """The stable identity of a clash: its kind, its items and, for troupe clashes, the troupe.

    The troupe is part of the key so that an acknowledgement given for one troupe does not
    carry over when another troupe is put into the same items.
    """
    parts = [kind.value, *(str(i) for i in item_ids)]
    if troupe_id is not None:
        parts.append(f"t{troupe_id}")
    return ":".join(parts)


def hhmm(minutes: int) -> str:
    """Minutes since midnight as 'HH:MM'."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# -- templates -------------------------------------------------------------------------

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


# -- the finder ------------------------------------------------------------------------


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
    finder = _Finder(festival, days, venues, troupes, items, acknowledgements, language)
    return finder.run()


class _Finder:
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

    # -- names -----------------------------------------------------------------------

    def _venue_name(self, venue_id: int) -> str:
        venue = self.venues.get(venue_id)
        return venue.name(self.language) if venue else f"#{venue_id}"

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
        ids = tuple(i.id if i.id is not None else 0 for i in items)
        # Sorted ids in the key: moving one item before the other keeps the same clash.
        key = clash_key(kind, sorted(ids), troupe_id)
        severity = SEVERITY_OF[kind]
        reason = self.acks.get(key, "")
        clash = Clash(
            severity=severity,
            kind=kind,
            item_ids=ids,
            troupe_id=troupe_id,
            template=template,
            params=params,
            key=key,
            acknowledged=key in self.acks,
            reason=reason,
        )
        if items:
            first = items[0]
            order = (
                _SEVERITY_RANK[severity],
                self._day(first.day_id).toordinal(),
                first.start.hour * 60 + first.start.minute,
                _KIND_RANK[kind],
                key,
            )
        else:  # troupe-wide clashes come after those of any day
            order = (_SEVERITY_RANK[severity], date.max.toordinal(), 0, _KIND_RANK[kind], key)
        self.out.append((order, clash))

    # -- the run ---------------------------------------------------------------------

    def run(self) -> list[Clash]:
        items = self.items
        n = len(items)
        # Minutes computed once; the sweeps below read these lists, not the dataclasses.
        starts = [0] * n
        ends = [0] * n
        busy_from = [0] * n
        busy_until = [0] * n
        by_venue: defaultdict[tuple[int, int], list[tuple[int, int, int]]] = defaultdict(list)
        by_troupe: defaultdict[tuple[int, int], list[tuple[int, int, int]]] = defaultdict(list)
        scheduled: set[int] = set()
        cancelled = ItemStatus.CANCELLED
        performance = ItemKind.PERFORMANCE
        venue_hours = {
            v.id: (v.opens.hour * 60 + v.opens.minute, v.closes.hour * 60 + v.closes.minute)
            for v in self.venues.values()
            if v.opens is not None and v.closes is not None
        }
        day_hours = {
            d.id: (d.opens.hour * 60 + d.opens.minute, d.closes.hour * 60 + d.closes.minute)
            for d in self.days.values()
        }
        absent = self._absent_days()
        for index, item in enumerate(items):
            if item.status == cancelled:
                continue
            start = item.start.hour * 60 + item.start.minute
            end = item.end.hour * 60 + item.end.minute
            first = start - item.setup_min
            until = end + item.teardown_min
            starts[index] = start
            ends[index] = end
            busy_from[index] = first
            busy_until[index] = until
            by_venue[item.day_id, item.venue_id].append((first, until, index))
            troupe_id = item.troupe_id
            if troupe_id is not None:
                scheduled.add(troupe_id)
                by_troupe[item.day_id, troupe_id].append((start, end, index))
                if absent and (troupe_id, item.day_id) in absent:
                    self._not_present(item, start, end, absent[troupe_id, item.day_id])
            elif item.kind == performance:
                self._without_troupe(item, start, end)
            hours = venue_hours.get(item.venue_id)
            own = hours is not None
            if hours is None:
                hours = day_hours.get(item.day_id)
            if hours is not None and (first < hours[0] or until > hours[1]):
                self._outside_hours(item, first, until, start, end, hours, own)

        for (_day_id, venue_id), entries in by_venue.items():
            venue = self.venues.get(venue_id)
            slack = venue.changeover_min if venue else 0
            for earlier, later in _close_pairs(entries, slack):
                if busy_from[later] < busy_until[earlier]:
                    self._venue_overlap(earlier, later, busy_from, busy_until)
                else:
                    gap = busy_from[later] - busy_until[earlier]
                    self._venue_changeover(earlier, later, gap, slack, busy_from, busy_until)

        minimum = self.festival.min_changeover
        for (_day_id, troupe_id), entries in by_troupe.items():
            if len(entries) < 2:
                continue
            for earlier, later in _close_pairs(entries, minimum):
                if starts[later] < ends[earlier]:
                    self._troupe_overlap(troupe_id, earlier, later, starts, ends)
                elif items[earlier].venue_id != items[later].venue_id:
                    gap = starts[later] - ends[earlier]
                    self._troupe_changeover(troupe_id, earlier, later, gap, starts, ends)

        for troupe in self.troupes:
            if troupe.id is not None and troupe.id not in scheduled:
                self._add(
                    ClashKind.TROUPE_UNSCHEDULED,
                    (),
                    troupe.id,
                    T_TROUPE_UNSCHEDULED,
                    {"troupe": troupe.display_name(self.language)},
                )

        self.out.sort(key=lambda pair: pair[0])
        return [clash for _, clash in self.out]

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

    def _venue_overlap(self, a: int, b: int, busy_from: list[int], busy_until: list[int]) -> None:
        first, second = self.items[a], self.items[b]
        margins = not (first.start < second.end and second.start < first.end)
        params: dict[str, object] = {
            "venue": self._venue_name(first.venue_id),
            "first": first.title(self.language),
            "second": second.title(self.language),
        }
        if margins:
            params |= {
                "first_from": hhmm(busy_from[a]),
                "first_until": hhmm(busy_until[a]),
                "second_from": hhmm(busy_from[b]),
                "second_until": hhmm(busy_until[b]),
            }
        else:
            params |= _times(first, second)
        template = T_VENUE_OVERLAP_MARGINS if margins else T_VENUE_OVERLAP
        self._add(ClashKind.VENUE_OVERLAP, (first, second), None, template, params)

    def _venue_changeover(
        self,
        a: int,
        b: int,
        gap: int,
        minimum: int,
        busy_from: list[int],
        busy_until: list[int],
    ) -> None:
        first, second = self.items[a], self.items[b]
        params: dict[str, object] = {
            "venue": self._venue_name(first.venue_id),
            "first": first.title(self.language),
            "second": second.title(self.language),
            "first_until": hhmm(busy_until[a]),
            "second_from": hhmm(busy_from[b]),
            "gap": gap,
            "minimum": minimum,
        }
        self._add(ClashKind.VENUE_CHANGEOVER, (first, second), None, T_VENUE_CHANGEOVER, params)

    def _troupe_overlap(
        self, troupe_id: int, a: int, b: int, starts: list[int], ends: list[int]
    ) -> None:
        first, second = self.items[a], self.items[b]
        params: dict[str, object] = {
            "troupe": self._troupe_name(troupe_id),
            "first_venue": self._venue_name(first.venue_id),
            "second_venue": self._venue_name(second.venue_id),
        }
        params |= _times(first, second)
        self._add(ClashKind.TROUPE_OVERLAP, (first, second), troupe_id, T_TROUPE_OVERLAP, params)

    def _troupe_changeover(
        self, troupe_id: int, a: int, b: int, gap: int, starts: list[int], ends: list[int]
    ) -> None:
        first, second = self.items[a], self.items[b]
        params: dict[str, object] = {
            "troupe": self._troupe_name(troupe_id),
            "first_venue": self._venue_name(first.venue_id),
            "second_venue": self._venue_name(second.venue_id),
            "first_end": hhmm(ends[a]),
            "second_start": hhmm(starts[b]),
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
        first: int,
        until: int,
        start: int,
        end: int,
        hours: tuple[int, int],
        own: bool,
    ) -> None:
        margins = start >= hours[0] and end <= hours[1]  # only the margins stick out
        if own:
            template = T_OUTSIDE_VENUE_MARGINS if margins else T_OUTSIDE_VENUE
        else:
            template = T_OUTSIDE_DAY_MARGINS if margins else T_OUTSIDE_DAY
        params: dict[str, object] = {
            "title": item.title(self.language),
            "venue": self._venue_name(item.venue_id),
            "start": hhmm(first if margins else start),
            "end": hhmm(until if margins else end),
            "opens": hhmm(hours[0]),
            "closes": hhmm(hours[1]),
        }
        self._add(ClashKind.OUTSIDE_HOURS, (item,), None, template, params)

    def _not_present(self, item: ProgramItem, start: int, end: int, when: str) -> None:
        troupe = self.troupe_by_id[item.troupe_id]
        params: dict[str, object] = {
            "troupe": troupe.display_name(self.language),
            "venue": self._venue_name(item.venue_id),
            "day": self._day(item.day_id).isoformat(),
            "start": hhmm(start),
            "end": hhmm(end),
        }
        if when == "before":
            assert troupe.arrival is not None
            params["arrival"] = troupe.arrival.isoformat()
            template = T_BEFORE_ARRIVAL
        else:
            assert troupe.departure is not None
            params["departure"] = troupe.departure.isoformat()
            template = T_AFTER_DEPARTURE
        self._add(ClashKind.TROUPE_NOT_PRESENT, (item,), item.troupe_id, template, params)

    def _without_troupe(self, item: ProgramItem, start: int, end: int) -> None:
        params: dict[str, object] = {
            "title": item.title(self.language),
            "venue": self._venue_name(item.venue_id),
            "start": hhmm(start),
            "end": hhmm(end),
        }
        self._add(ClashKind.ITEM_WITHOUT_TROUPE, (item,), None, T_ITEM_WITHOUT_TROUPE, params)


def _close_pairs(entries: list[tuple[int, int, int]], slack: int) -> list[tuple[int, int]]:
    """Pairs (earlier, later) of entries (from, until, index) whose intervals overlap or
    leave a gap of less than `slack` minutes between them.

    A sweep in order of `from` with a heap of the entries still open (until + slack after
    the current `from`): every entry left in the heap pairs with the current one, so the
    work is the sort plus one step per pair found.
    """
    entries.sort()
    pairs: list[tuple[int, int]] = []
    open_: list[tuple[int, int]] = []  # (until + slack, index)
    for begin, until, index in entries:
        while open_ and open_[0][0] <= begin:
            heappop(open_)
        for _, other in open_:
            pairs.append((other, index))
        heappush(open_, (until + slack, index))
    return pairs


def _times(first: ProgramItem, second: ProgramItem) -> dict[str, object]:
    return {
        "first_start": hhmm(first.start_min),
        "first_end": hhmm(first.end_min),
        "second_start": hhmm(second.start_min),
        "second_end": hhmm(second.end_min),
    }


def with_acknowledgements(
    clashes: Sequence[Clash], acknowledgements: Mapping[str, str]
) -> list[Clash]:
    """The same clashes with acknowledgements applied anew (after one was given or taken)."""
    return [
        dataclasses.replace(
            c, acknowledged=c.key in acknowledgements, reason=acknowledgements.get(c.key, "")
        )
        for c in clashes
    ]
