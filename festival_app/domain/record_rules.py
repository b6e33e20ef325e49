"""Rules across records: what a record breaks among the festival's other records.

A record's own rules are its `problems()`; these add the festival around it: one day per
date, one troupe per name and city, a booth code given once, references that hold (an
item's venue and troupe, a booth's area and days) and a venue's name, code prefix and
booths (`venue_conflicts`).

The rules ask their questions through a `FestivalLookup`: the service answers them from
the file (store/repositories), the importer from the festival as the workbook would leave
it (existing records and the rows planned so far). Both therefore refuse the same records
with the same words.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date
from typing import Any, Protocol

from festival_app.domain.booths import Booth
from festival_app.domain.errors import Problem
from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.site_map import BoothSpace, SiteMap
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue, VenueKind, name_key
from festival_app.i18n import QT_TRANSLATE_NOOP as N

Record = FestivalDay | Venue | Troupe | ProgramItem | Booth | SiteMap | BoothSpace


class FestivalLookup(Protocol):
    """What the rules ask of the festival a record belongs to."""

    def days(self) -> Iterable[FestivalDay]:
        """Every festival day."""
        ...

    def days_on(self, when: date) -> Iterable[FestivalDay]:
        """The festival days of this date (one, or none)."""
        ...

    def venue(self, venue_id: int) -> Venue | None: ...

    def venues(self) -> Iterable[Venue]: ...

    def booths_in(self, venue_id: int | None) -> Sequence[Booth]:
        """The booths of a venue (none for a venue not stored yet)."""
        ...

    def troupe(self, troupe_id: int) -> Troupe | None: ...

    def troupes_named(self, name: str, city_en: str) -> Iterable[Troupe]:
        """Troupes of this name from this city, case ignored (the same troupe to people)."""
        ...

    def booth(self, booth_id: int) -> Booth | None: ...

    def code_owner(self, code: str) -> int | None:
        """The id of the booth that has this code, if one has."""
        ...

    def site_map_of(self, venue_id: int) -> SiteMap | None:
        """A booth area's map, if it has one."""
        ...

    def spaces_coded(self, code: str) -> Sequence[BoothSpace]:
        """The booth spaces drawn with this code (one, or none)."""
        ...

    def spaces_in(self, venue_id: int | None) -> Sequence[BoothSpace]:
        """The booth spaces drawn on a booth area's map (none for a venue not stored yet)."""
        ...


def problems(record: Record, lookup: FestivalLookup) -> list[Problem]:
    """Everything `record` breaks: its own rules, then the festival's."""
    check: Callable[[Any, FestivalLookup], list[Problem]] | None = _RULES.get(type(record))
    if check is None:  # pragma: no cover - a programming error
        raise TypeError(f"not a record: {record!r}")
    return check(record, lookup)


def day_problems(day: FestivalDay, lookup: FestivalLookup) -> list[Problem]:
    out = day.problems()
    for other in lookup.days_on(day.date):
        if other.id != day.id:
            out.append(
                Problem(
                    "date",
                    N("Validation", "{date} is already a festival day."),
                    {"date": day.date.isoformat()},
                )
            )
    return out


def venue_problems(venue: Venue, lookup: FestivalLookup) -> list[Problem]:
    booths = lookup.booths_in(venue.id)
    drawn = {s.code for s in lookup.spaces_in(venue.id)}
    return venue.problems() + venue_conflicts(venue, lookup.venues(), booths, drawn)


def venue_conflicts(
    venue: Venue, others: Iterable[Venue], booths: Sequence[Booth], drawn: Collection[str]
) -> list[Problem]:
    """What `venue` breaks among the festival's other venues and its own `booths`: a name
    or code prefix taken by another venue, booths that no longer fit (a booth on a space
    `drawn` on the area's map fits whatever the number of booth spaces)."""
    problems: list[Problem] = []
    for other in others:
        if other.id == venue.id:
            continue
        for attr in ("name_en", "name_ko"):
            mine = getattr(venue, attr)
            if mine and name_key(mine) == name_key(getattr(other, attr)):
                problems.append(
                    Problem(
                        attr,
                        N("Validation", "Another venue is already called '{name}'."),
                        {"name": mine},
                    )
                )
        if (
            venue.kind == VenueKind.BOOTH_AREA == other.kind
            and venue.code_prefix
            and venue.code_prefix == other.code_prefix
        ):
            problems.append(
                Problem(
                    "code_prefix",
                    N("Validation", "Code prefix {prefix} is already used by {venue}."),
                    {"prefix": venue.code_prefix, "venue": other.name()},
                )
            )
    if booths and venue.kind != VenueKind.BOOTH_AREA:
        problems.append(
            Problem(
                "kind",
                N("Validation", "{count} booths are in this venue, so it must stay a booth area."),
                {"count": len(booths)},
            )
        )
    else:
        for booth in booths:
            if booth.code and booth.problems(venue, drawn):
                problems.append(
                    Problem(
                        "booth_spaces",
                        N(
                            "Validation",
                            "Booth {code} would no longer fit; move it before changing the spaces.",
                        ),
                        {"code": booth.code},
                    )
                )
                break
    return problems


def troupe_problems(troupe: Troupe, lookup: FestivalLookup) -> list[Problem]:
    out = troupe.problems()
    same = lookup.troupes_named(troupe.name, troupe.city_en)
    if any(t.id != troupe.id for t in same):
        out.append(
            Problem(
                "name",
                N("Validation", "A troupe named '{name}' from '{city}' already exists."),
                {"name": troupe.name, "city": troupe.city_en},
            )
        )
    return out


def item_problems(item: ProgramItem, lookup: FestivalLookup) -> list[Problem]:
    out = item.problems(lookup.days())
    if lookup.venue(item.venue_id) is None:
        out.append(Problem("venue_id", N("Validation", "Choose a venue.")))
    if item.troupe_id is not None and lookup.troupe(item.troupe_id) is None:
        out.append(Problem("troupe_id", N("Validation", "The troupe does not exist.")))
    return out


def booth_problems(booth: Booth, lookup: FestivalLookup) -> list[Problem]:
    venue = lookup.venue(booth.venue_id)
    drawn = [s.code for s in lookup.spaces_coded(booth.code) if s.venue_id == booth.venue_id]
    out = booth.problems(venue, drawn)
    if venue is None:
        out.append(Problem("venue_id", N("Validation", "Choose a booth area.")))
    if booth.code:
        owner = lookup.code_owner(booth.code)
        if owner is not None and owner != booth.id:
            holder = lookup.booth(owner)
            out.append(
                Problem(
                    "code",
                    N("Validation", "Code {code} is already given to {other}."),
                    {"code": booth.code, "other": holder.label() if holder else owner},
                )
            )
    if booth.day_ids and not booth.day_ids <= {d.id for d in lookup.days()}:
        out.append(
            Problem("day_ids", N("Validation", "A booth can only be present on festival days."))
        )
    return out


def site_map_problems(site_map: SiteMap, lookup: FestivalLookup) -> list[Problem]:
    out = site_map.problems()
    other = lookup.site_map_of(site_map.venue_id)
    if other is not None and other.id != site_map.id:
        out.append(Problem("venue_id", N("Validation", "This booth area has a map already.")))
    return out + _booth_area_problems(site_map.venue_id, lookup)


def space_problems(space: BoothSpace, lookup: FestivalLookup) -> list[Problem]:
    out = space.problems(lookup.venue(space.venue_id))
    for holder in lookup.spaces_coded(space.code):
        if holder.id != space.id:
            out.append(
                Problem(
                    "code", N("Validation", "Space {code} is already drawn."), {"code": space.code}
                )
            )
    return out + _booth_area_problems(space.venue_id, lookup)


def _booth_area_problems(venue_id: int, lookup: FestivalLookup) -> list[Problem]:
    venue = lookup.venue(venue_id)
    if venue is None or venue.kind != VenueKind.BOOTH_AREA:
        return [Problem("venue_id", N("Validation", "Choose a booth area."))]
    return []


_RULES: dict[type, Callable[[Any, FestivalLookup], list[Problem]]] = {
    FestivalDay: day_problems,
    Venue: venue_problems,
    Troupe: troupe_problems,
    ProgramItem: item_problems,
    Booth: booth_problems,
    SiteMap: site_map_problems,
    BoothSpace: space_problems,
}
