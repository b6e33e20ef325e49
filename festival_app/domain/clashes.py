"""Clashes in the program: double bookings, troupes in two places, items outside hours.

Plain Python, no I/O. `find_clashes` looks at one festival's records and returns every
clash, errors first. It sorts the items by (day, venue) and by (day, troupe) once each and
sweeps them in time order (`_meeting`), so its cost is O(n log n + k) for n items and k
clashes: no pass compares every item with every other. The sorting and the search for
items that meet another run as C-level passes over lists of ints (map, compress, sorted,
accumulate); Python code runs only for the items that do meet, and for the messages.

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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from itertools import accumulate, compress, repeat
from operator import add, attrgetter, gt, is_, itemgetter, lt, mul, sub
from types import MappingProxyType

from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ItemKind, ItemStatus, ProgramItem
from festival_app.domain.times import format_minutes
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

_FAR = 1 << 40  # minutes: no hours known, nothing is outside them
_FIELD_NAMES = (
    "start",
    "end",
    "setup_min",
    "teardown_min",
    "status",
    "day_id",
    "venue_id",
    "troupe_id",
)

_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_KIND_RANK = {kind: rank for rank, kind in enumerate(ClashKind)}
# kind -> (severity, its rank, the kind's rank, the kind's value), looked up once per clash
_KIND_INFO = {
    kind: (SEVERITY_OF[kind], _SEVERITY_RANK[SEVERITY_OF[kind]], _KIND_RANK[kind], kind.value)
    for kind in ClashKind
}


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
    key = ":".join([kind, *map(str, item_ids)])  # a ClashKind is its value as a str
    return key if troupe_id is None else f"{key}:t{troupe_id}"


hhmm = format_minutes  # short: every clash message uses it several times


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
        items = self.items
        n = len(items)
        if not n:
            self._unscheduled(set())
            return self._sorted()
        # Every field the rules need, read into one list per field by C-level loops; the
        # rules below work on these columns with map/compress/sorted, so the items with
        # no clash never reach a Python-level loop. (Lists of ints and shared objects: a
        # list of per-item tuples would wake the cyclic garbage collector again and
        # again, which costs more than the check itself.)
        st, en, setups, teardowns, statuses, day_ids, venue_ids, troupe_ids = (
            list(map(attrgetter(name), items)) for name in _FIELD_NAMES
        )
        minutes = {t: t.hour * 60 + t.minute for t in {*st, *en}}
        cols = _Columns(
            starts=list(map(minutes.__getitem__, st)),
            ends=list(map(minutes.__getitem__, en)),
            day_ids=day_ids,
            venue_ids=venue_ids,
            troupe_ids=troupe_ids,
        )
        cols.busy_from = list(map(sub, cols.starts, setups))
        cols.busy_until = list(map(add, cols.ends, teardowns))
        # Cancelled items take part in no clash: each gets a group of its own below.
        cols.cancelled = set(compress(range(n), map(ItemStatus.CANCELLED.__eq__, statuses)))
        no_troupe = list(compress(range(n), map(is_, troupe_ids, repeat(None))))
        self._venue_rules(cols)
        for index in no_troupe:
            item = items[index]
            if index not in cols.cancelled and item.kind == ItemKind.PERFORMANCE:
                self._without_troupe(item, cols.starts[index], cols.ends[index])
        self._troupe_rules(cols, no_troupe)
        scheduled = set(compress(troupe_ids, map(ItemStatus.CANCELLED.__ne__, statuses)))
        self._unscheduled(scheduled)
        return self._sorted()

    def _sorted(self) -> list[Clash]:
        self.out.sort(key=itemgetter(0))
        return [clash for _, clash in self.out]

    def _unscheduled(self, scheduled: set[int | None]) -> None:
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
        busy_from, busy_until = cols.busy_from, cols.busy_until
        days, venues = cols.day_ids, cols.venue_ids
        groups = _group_numbers(days, venues)
        for index in cols.cancelled:
            groups[index] = -1 - index
        slack_of = {v.id: v.changeover_min for v in self.venues.values() if v.changeover_min}
        reaches = (
            list(map(add, busy_until, map(slack_of.get, venues, repeat(0))))
            if slack_of
            else busy_until
        )
        for earlier, later in _meeting(groups, busy_from, reaches):
            if busy_from[later] < busy_until[earlier]:
                self._venue_overlap(earlier, later, cols)
            else:
                minimum = slack_of.get(venues[earlier], 0)
                gap = busy_from[later] - busy_until[earlier]
                self._venue_changeover(earlier, later, gap, minimum, busy_from, busy_until)

        # A venue's own hours when it has them, else its day's.
        venue_opens = {}
        venue_closes = {}
        for v in self.venues.values():
            if v.opens is not None and v.closes is not None:
                venue_opens[v.id] = v.opens.hour * 60 + v.opens.minute
                venue_closes[v.id] = v.closes.hour * 60 + v.closes.minute
        day_opens = {d.id: d.opens.hour * 60 + d.opens.minute for d in self.days.values()}
        day_closes = {d.id: d.closes.hour * 60 + d.closes.minute for d in self.days.values()}
        opens = map(venue_opens.get, venues, map(day_opens.get, days, repeat(-_FAR)))
        closes = map(venue_closes.get, venues, map(day_closes.get, days, repeat(_FAR)))
        count = len(busy_from)
        early = compress(range(count), map(lt, busy_from, opens))
        late = compress(range(count), map(gt, busy_until, closes))
        for index in sorted({*early, *late} - cols.cancelled):
            venue_id = venues[index]
            own = venue_id in venue_opens
            hours = (
                (venue_opens[venue_id], venue_closes[venue_id])
                if own
                else (day_opens[days[index]], day_closes[days[index]])
            )
            self._outside_hours(
                self.items[index],
                busy_from[index],
                busy_until[index],
                cols.starts[index],
                cols.ends[index],
                hours,
                own,
            )

    def _troupe_rules(self, cols: _Columns, no_troupe: list[int]) -> None:
        """Troupes in two places, short changeovers and days away, per (day, troupe).

        A troupe is busy from start to end; the festival's minimum changeover is the
        reach after an item within which another item at another venue is a warning.
        """
        starts, ends, troupe_ids, venue_ids = (
            cols.starts,
            cols.ends,
            cols.troupe_ids,
            cols.venue_ids,
        )
        troupe_rank = {t: r for r, t in enumerate(set(troupe_ids))}
        groups = _group_numbers(list(map(troupe_rank.__getitem__, troupe_ids)), cols.day_ids)
        for index in cols.cancelled.union(no_troupe):
            groups[index] = -1 - index
        minimum = self.festival.min_changeover
        reaches = list(map(add, ends, repeat(minimum))) if minimum else ends
        for earlier, later in _meeting(groups, starts, reaches):
            troupe_id = troupe_ids[earlier]
            assert troupe_id is not None
            if starts[later] < ends[earlier]:
                self._troupe_overlap(troupe_id, earlier, later, starts, ends)
            elif venue_ids[earlier] != venue_ids[later]:
                gap = starts[later] - ends[earlier]
                self._troupe_changeover(troupe_id, earlier, later, gap, starts, ends)

        absent = self._absent_days()
        if not absent:
            return
        days = cols.day_ids
        away = {troupe for troupe, _ in absent}
        for index in compress(range(len(starts)), map(away.__contains__, troupe_ids)):
            when = absent.get((troupe_ids[index], days[index]))
            if when is not None and index not in cols.cancelled:
                self._not_present(self.items[index], starts[index], ends[index], when)

    def _absent_days(self) -> dict[tuple[int | None, int], str]:
        """(troupe, day) -> 'before' or 'after' for days a troupe is not in Seoul."""
        out: dict[tuple[int | None, int], str] = {}
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

    def _venue_overlap(self, a: int, b: int, cols: _Columns) -> None:
        first, second = self.items[a], self.items[b]
        starts, ends, busy_from, busy_until = (
            cols.starts,
            cols.ends,
            cols.busy_from,
            cols.busy_until,
        )
        margins = not (starts[a] < ends[b] and starts[b] < ends[a])
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
            params |= _times(a, b, starts, ends)
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
        params |= _times(a, b, starts, ends)
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


@dataclass
class _Columns:
    """The items' fields as lists indexed like the items (see _Finder.run)."""

    starts: list[int]
    ends: list[int]
    day_ids: list[int]
    venue_ids: list[int]
    troupe_ids: list[int | None]
    busy_from: list[int] = dataclasses.field(default_factory=list)
    busy_until: list[int] = dataclasses.field(default_factory=list)
    cancelled: set[int] = dataclasses.field(default_factory=set)


def _group_numbers(major: list[int], minor: list[int]) -> list[int]:
    """One int per entry, equal exactly when both `major` and `minor` are equal.

    Ids are used as they are when none is negative (the usual case: one C-level pass),
    else through dense ranks.
    """
    if min(major) < 0:
        rank = {v: r for r, v in enumerate(set(major))}
        major = list(map(rank.__getitem__, major))
    if min(minor) < 0:
        rank = {v: r for r, v in enumerate(set(minor))}
        minor = list(map(rank.__getitem__, minor))
    width = max(minor) + 1
    return list(map(add, map(mul, major, repeat(width)), minor))


def _meeting(groups: list[int], begins: list[int], reaches: list[int]) -> list[tuple[int, int]]:
    """Pairs (earlier, later) of positions in the same group where the later one begins
    before the earlier one's reach. `earlier` begins first (on a tie, comes first).

    Sorted by (group, begin) through one integer key each, a running maximum of the reach
    (itertools.accumulate) shows which entries meet anything before them: all of that
    runs in C. Only those entries, in runs ("clusters") that start with the entry just
    before, go through a Python sweep, whose `open_` list holds the entries still reaching
    the current one, each a pair. So the cost is O(n log n) in C plus O(k) in Python for
    k pairs; no two entries are compared blindly.
    """
    count = len(begins)
    if count < 2:
        return []
    low = min(begins)
    span = max(reaches) - low + 1  # every begin and reach of a group fits in one span
    bases = list(map(mul, groups, repeat(span)))
    keyed_begins = list(map(add, bases, map(sub, begins, repeat(low))))
    keyed_reaches = list(map(add, bases, map(sub, reaches, repeat(low))))
    order = sorted(range(count), key=keyed_begins.__getitem__)  # stable: ties keep order
    sorted_begins = list(map(keyed_begins.__getitem__, order))
    sorted_reaches = list(map(keyed_reaches.__getitem__, order))
    furthest = accumulate(sorted_reaches, max)
    # Position p meets something before it when it begins before the furthest reach of
    # positions 0..p-1 (a new group always begins past every earlier reach).
    hits = list(compress(range(1, count), map(lt, sorted_begins[1:], furthest)))
    pairs: list[tuple[int, int]] = []
    h = 0
    while h < len(hits):
        first = hits[h] - 1
        last = hits[h]
        while h + 1 < len(hits) and hits[h + 1] == last + 1:
            h += 1
            last += 1
        h += 1
        open_ = [first]
        for position in range(first + 1, last + 1):
            begin = sorted_begins[position]
            kept = []
            for other in open_:
                if sorted_reaches[other] > begin:
                    kept.append(other)
                    pairs.append((order[other], order[position]))
            kept.append(position)
            open_ = kept
    return pairs


def _times(a: int, b: int, starts: list[int], ends: list[int]) -> dict[str, object]:
    return {
        "first_start": hhmm(starts[a]),
        "first_end": hhmm(ends[a]),
        "second_start": hhmm(starts[b]),
        "second_end": hhmm(ends[b]),
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
