"""A version of the program as it is published: which items, rooms and persons, their
stable ids and guids, times with Seoul's offset.

Ids are the file's record ids; a program item's is never given to another item, not even
after its deletion (schema version 5); guids are uuid5 of the festival's own guid (kept in the file) and the record, so both stay
the same from release to release and apps keep their favourites. Cancelled items are left
out of the schedule (the change report and the feed list them as cancelled).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time

from festival_app import releasing
from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ItemStatus, ProgramItem
from festival_app.domain.releases import Release, Snapshot
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue, VenueKind
from festival_app.publishing import slugs

GENERATOR = "festival-app"
SLOT_MINUTES = 5
TIME_ZONE = "Asia/Seoul"


def seoul(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=releasing.SEOUL)


def iso(day: date, at: time) -> str:
    """The moment in Seoul's time with its offset: "2018-09-01T14:00:00+09:00"."""
    return seoul(day, at).isoformat()


def first_second(korean: str, english: str, primary: str) -> tuple[str, str]:
    """The text in the primary language and the other one (empty when the same or none)."""
    korean, english = korean.strip(), english.strip()
    first, second = (korean, english) if primary == "ko" else (english, korean)
    if not first:
        return second, ""
    return first, "" if second == first else second


@dataclass
class Published:
    """One version of the program, ready to be written in any published form."""

    snapshot: Snapshot
    release: Release | None  # None: the program now, not released
    festival_guid: uuid.UUID
    base_url: str = ""  # "https://festival.example/program/" or empty
    primary: str = "ko"  # the language of titles; the other one is the subtitle

    def __post_init__(self) -> None:
        self._guids: dict[str, str] = {}
        self.base_url = self.base_url.strip()
        if self.base_url and not self.base_url.endswith("/"):
            self.base_url += "/"
        self.acronym = slugs.acronym(
            self.snapshot.festival.name_en or self.snapshot.festival.name_ko
        )
        self.items = sorted(
            (i for i in self.snapshot.items if i.status != ItemStatus.CANCELLED),
            key=lambda i: (i.day_id, i.venue_id, i.start, i.id or 0),
        )
        used = {i.venue_id for i in self.items}
        self.rooms = [
            v for v in self.snapshot.venues if v.id in used or v.kind != VenueKind.BOOTH_AREA
        ]

    # -- names ---------------------------------------------------------------------------

    @property
    def version(self) -> str:
        return self.release.name if self.release is not None else "draft"

    @property
    def title(self) -> str:
        f = self.snapshot.festival
        return first_second(f.name_ko, f.name_en, self.primary)[0]

    def guid(self, kind: str, record_id: int | None) -> str:
        key = f"{kind}/{record_id}"
        found = self._guids.get(key)
        if found is None:  # each is asked for by the XML, the JSON and the feed
            found = self._guids[key] = str(uuid.uuid5(self.festival_guid, key))
        return found

    def room_name(self, venue: Venue) -> str:
        return first_second(venue.name_ko, venue.name_en, self.primary)[0]

    def person_name(self, troupe: Troupe) -> str:
        return first_second(troupe.name_ko, troupe.name, self.primary)[0]

    def item_title(self, item: ProgramItem) -> tuple[str, str]:
        """(title, subtitle): the primary language and the other one."""
        return first_second(item.title_ko, item.title_en, self.primary)

    def slug(self, item: ProgramItem) -> str:
        assert item.id is not None
        return slugs.item_slug(self.acronym, item.id, item.title_ko or item.title_en)

    def url(self, item: ProgramItem) -> str:
        """The item on the published web page; without a base URL, its guid as a URN."""
        if self.base_url:
            return f"{self.base_url}#item-{item.id}"
        return f"urn:uuid:{self.guid('program-item', item.id)}"

    # -- the program ---------------------------------------------------------------------

    def days(self) -> list[FestivalDay]:
        return sorted(self.snapshot.days, key=lambda d: d.date)

    def items_at(self, day: FestivalDay, venue: Venue) -> list[ProgramItem]:
        return [i for i in self.items if i.day_id == day.id and i.venue_id == venue.id]

    def day_span(self, day: FestivalDay) -> tuple[str, str]:
        """When the day's program starts and ends (its hours, widened to its items)."""
        mine = [i for i in self.items if i.day_id == day.id]
        start = min([day.opens, *(i.start for i in mine)])
        end = max([day.closes, *(i.end for i in mine)])
        return iso(day.date, start), iso(day.date, end)


def duration(item: ProgramItem) -> str:
    minutes = item.end_min - item.start_min
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def load(
    service: object,
    release_name: str | None,
    base_url: str = "",
    primary: str = "ko",
) -> Published:
    """The version to publish: release `release_name`, the newest release (None), or the
    program now ("now"). UnknownReleaseError for a name the file does not hold;
    NothingReleasedError when there is no release and none is named."""
    from festival_app.services import FestivalService

    assert isinstance(service, FestivalService)
    if release_name is None:
        found = releasing.releases(service)
        if not found:
            raise NothingReleasedError()
        release_name = found[-1].name
    chosen = releasing.version(service, release_name)
    guid = uuid.UUID(releasing.repository(service).festival_guid())
    return Published(chosen.snapshot, chosen.release, guid, base_url, primary)


class NothingReleasedError(LookupError):
    """There is no release to publish, and the program now was not asked for."""
