"""The festival as an import would leave it: the records read once, then the rows planned
so far, with the indexes that find records by their keys.

`PlannedState` answers the rules across records (`domain.record_rules.FestivalLookup`)
from memory, so a sheet of 12,000 booths is checked without a query per row. Records the
workbook creates get negative placeholder ids; `apply` replaces them with the ids the file
gives them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from festival_app.domain.booths import Booth
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.record_rules import Record
from festival_app.domain.site_map import BoothSpace, SiteMap
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue
from festival_app.imports.format import fold
from festival_app.services import FestivalService

_R = TypeVar("_R", FestivalDay, Venue, Troupe, ProgramItem, Booth)


@dataclass(frozen=True)
class Snapshot:
    """The festival's records as read once, for planning without touching the file.

    Reading it is quick; planning from it can then run in a worker thread.
    """

    festival: Festival
    days: list[FestivalDay]
    venues: list[Venue]
    troupes: list[Troupe]
    items: list[ProgramItem]
    booths: list[Booth]
    spaces: list[BoothSpace]  # drawn on the site maps

    @classmethod
    def read(cls, service: FestivalService) -> Snapshot:
        return cls(
            service.festival(),
            service.days(),
            service.venues(),
            service.troupes(),
            service.program(),
            # A booth without a code may read back with None from the file; it means "".
            [b if b.code is not None else replace(b, code="") for b in service.booths()],
            service.spaces(),
        )


def booth_key(booth: Booth) -> tuple[str, str]:
    """A booth's secondary key: its category and country (or organization)."""
    return (booth.category.value, booth.country or fold(booth.organization))


class PlannedState:
    """Existing records and the workbook's rows planned so far, by id, with indexes."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.festival = snapshot.festival
        self.next_id = -1
        self.day_by_date: dict[date, FestivalDay] = {d.date: d for d in snapshot.days}
        self.venue_by_id: dict[int, Venue] = {v.id: v for v in snapshot.venues if v.id is not None}
        self.troupe_by_id: dict[int, Troupe] = {
            t.id: t for t in snapshot.troupes if t.id is not None
        }
        self.item_by_id: dict[int, ProgramItem] = {
            i.id: i for i in snapshot.items if i.id is not None
        }
        self.booth_by_id: dict[int, Booth] = {b.id: b for b in snapshot.booths if b.id is not None}
        # The records as read, for a row that repeats one on another sheet.
        self.originals: dict[tuple[type, int], Record] = {}
        for records in (snapshot.days, snapshot.venues, snapshot.troupes, snapshot.items):
            for record in records:
                if record.id is not None:
                    self.originals[(type(record), record.id)] = record
        for booth_id, booth in self.booth_by_id.items():
            self.originals[(Booth, booth_id)] = booth
        # Indexes for identity and references.
        self.venue_names: dict[str, int] = {}
        for venue in self.venue_by_id.values():
            self.index_venue(venue)
        self.troupe_keys: dict[tuple[str, str], int] = {}
        self.troupe_names: dict[str, set[int]] = defaultdict(set)
        for troupe in self.troupe_by_id.values():
            self.index_troupe(troupe)
        self.item_keys: dict[tuple[int, int, object, str], int] = {}
        for item in self.item_by_id.values():
            self.index_item(item)
        self.code_owners: dict[str, int] = {}
        self.booth_keys: dict[tuple[str, str], set[int]] = defaultdict(set)
        self.codeless: dict[tuple[str, str], set[int]] = defaultdict(set)
        self.venue_booths: dict[int, set[int]] = defaultdict(set)
        for booth in self.booth_by_id.values():
            self.index_booth(booth)
        # The spaces as drawn: a workbook's Spaces sheet is drawn after the plan is
        # written (imports/spaces.py), through the service, which checks them there.
        self.space_by_code: dict[str, BoothSpace] = {s.code: s for s in snapshot.spaces}
        self.venue_spaces: dict[int, list[BoothSpace]] = defaultdict(list)
        for space in snapshot.spaces:
            self.venue_spaces[space.venue_id].append(space)

    def new_id(self) -> int:
        """A placeholder id for a record the workbook creates."""
        self.next_id -= 1
        return self.next_id + 1

    def original(self, record_type: type[_R], record_id: int | None) -> _R | None:
        """The record as read from the festival, before any row changed it."""
        found = self.originals.get((record_type, record_id)) if record_id is not None else None
        assert found is None or isinstance(found, record_type)
        return found

    # -- keeping the indexes -----------------------------------------------------------

    def index_venue(self, venue: Venue) -> None:
        assert venue.id is not None
        for name in (venue.name_en, venue.name_ko):
            if name:
                self.venue_names.setdefault(fold(name), venue.id)

    def index_troupe(self, troupe: Troupe) -> None:
        assert troupe.id is not None
        self.troupe_keys.setdefault((fold(troupe.name), fold(troupe.city_en)), troupe.id)
        for name in (troupe.name, troupe.name_ko):
            if name:
                self.troupe_names[fold(name)].add(troupe.id)

    def index_item(self, item: ProgramItem) -> None:
        assert item.id is not None
        for title in (item.title_en, item.title_ko):
            if title:
                key = (item.day_id, item.venue_id, item.start, fold(title))
                self.item_keys.setdefault(key, item.id)

    def index_booth(self, booth: Booth) -> None:
        assert booth.id is not None
        if booth.code:
            self.code_owners[booth.code] = booth.id
        else:
            self.codeless[booth_key(booth)].add(booth.id)
        self.booth_keys[booth_key(booth)].add(booth.id)
        self.venue_booths[booth.venue_id].add(booth.id)

    def unindex_booth(self, booth: Booth) -> None:
        assert booth.id is not None
        if booth.code and self.code_owners.get(booth.code) == booth.id:
            del self.code_owners[booth.code]
        self.codeless[booth_key(booth)].discard(booth.id)
        self.booth_keys[booth_key(booth)].discard(booth.id)
        self.venue_booths[booth.venue_id].discard(booth.id)

    # -- the rules' questions (record_rules.FestivalLookup) ----------------------------

    def days(self) -> Iterable[FestivalDay]:
        return self.day_by_date.values()

    def days_on(self, when: date) -> list[FestivalDay]:
        found = self.day_by_date.get(when)
        return [found] if found is not None else []

    def venue(self, venue_id: int) -> Venue | None:
        return self.venue_by_id.get(venue_id)

    def venues(self) -> Iterable[Venue]:
        return self.venue_by_id.values()

    def booths_in(self, venue_id: int | None) -> list[Booth]:
        ids = self.venue_booths.get(venue_id or 0, ())
        return [self.booth_by_id[i] for i in ids]

    def troupe(self, troupe_id: int) -> Troupe | None:
        return self.troupe_by_id.get(troupe_id)

    def troupes_named(self, name: str, city_en: str) -> list[Troupe]:
        found = self.troupe_keys.get((fold(name), fold(city_en)))
        return [self.troupe_by_id[found]] if found is not None else []

    def booth(self, booth_id: int) -> Booth | None:
        return self.booth_by_id.get(booth_id)

    def code_owner(self, code: str) -> int | None:
        return self.code_owners.get(code)

    # The plan writes no site maps or spaces (see `space_by_code`).
    def site_map_of(self, venue_id: int) -> SiteMap | None:
        return None

    def spaces_coded(self, code: str) -> list[BoothSpace]:
        found = self.space_by_code.get(code)
        return [found] if found is not None else []

    def spaces_in(self, venue_id: int | None) -> list[BoothSpace]:
        return list(self.venue_spaces.get(venue_id or 0, ()))
