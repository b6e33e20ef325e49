"""Clashes in the program: double bookings, troupes in two places, items outside hours.

Plain Python, no I/O. This module says what a clash is (`Clash`, its kinds, severities
and messages); `find_clashes` looks at one festival's records and returns every clash,
errors first. The search itself is in `clash_finder`, loaded with the first check.

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
from enum import StrEnum
from types import MappingProxyType

from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.korean import attach_particles
from festival_app.domain.program import ProgramItem
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
    # The booths on the site maps (see site_clashes.py).
    SPACE_SHARED = "space_shared"
    BOOTH_ON_BLOCKED_SPACE = "booth_on_blocked_space"
    SPACE_LACKS_UTILITY = "space_lacks_utility"
    BOOTH_OFF_MAP = "booth_off_map"


CLASH_KIND_LABELS = {
    ClashKind.VENUE_OVERLAP: N("ClashKind", "Venue double-booked"),
    ClashKind.TROUPE_OVERLAP: N("ClashKind", "Troupe in two places"),
    ClashKind.OUTSIDE_HOURS: N("ClashKind", "Outside opening hours"),
    ClashKind.TROUPE_NOT_PRESENT: N("ClashKind", "Troupe not in Seoul"),
    ClashKind.TROUPE_CHANGEOVER: N("ClashKind", "Troupe changeover too short"),
    ClashKind.VENUE_CHANGEOVER: N("ClashKind", "Venue changeover too short"),
    ClashKind.TROUPE_UNSCHEDULED: N("ClashKind", "Troupe not in the program"),
    ClashKind.ITEM_WITHOUT_TROUPE: N("ClashKind", "Performance without a troupe"),
    ClashKind.SPACE_SHARED: N("ClashKind", "Two booths on one space"),
    ClashKind.BOOTH_ON_BLOCKED_SPACE: N("ClashKind", "Booth on a blocked space"),
    ClashKind.SPACE_LACKS_UTILITY: N("ClashKind", "Space without what the booth needs"),
    ClashKind.BOOTH_OFF_MAP: N("ClashKind", "Booth outside its area's spaces"),
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
    ClashKind.SPACE_SHARED: Severity.ERROR,
    ClashKind.BOOTH_ON_BLOCKED_SPACE: Severity.ERROR,
    ClashKind.SPACE_LACKS_UTILITY: Severity.ERROR,
    ClashKind.BOOTH_OFF_MAP: Severity.WARNING,
}

NO_ACKNOWLEDGEMENTS: Mapping[str, str] = MappingProxyType({})


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
    booth_ids: tuple[int, ...] = ()  # the booths of a site map's clash

    def message(self) -> str:
        # A Korean template writes 이(가), 과(와): the names filled in decide which.
        return attach_particles(translate(CONTEXT, self.template).format(**self.params))

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


# -- the check --------------------------------------------------------------------------


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
    # The finder needs numpy, which takes a while to load: not before the first check.
    from festival_app.domain.clash_finder import Finder

    return Finder(festival, days, venues, troupes, items, acknowledgements, language).run()


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
