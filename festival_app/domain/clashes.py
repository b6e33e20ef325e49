"""Clashes in the program: double bookings, troupes in two places, items outside hours.

Plain Python, no I/O. This module says what a clash is (`Clash`, its kinds and
severities, its key and acknowledgements); `find_clashes` looks at one festival's records
and returns every clash,
errors first. The search itself, `find_clashes`, and the messages it writes are in
`clash_finder`, which needs numpy: import it where a check runs, not at start-up.

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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from festival_app.domain.errors import Severity
from festival_app.domain.korean import attach_particles
from festival_app.i18n import translate

CONTEXT = "Clash"


class ClashKind(StrEnum):
    """What kind of clash the clash finder found."""

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
