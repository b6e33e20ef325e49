"""Releases: named, frozen versions of the program, and the program as a whole (a snapshot).

A snapshot holds what the public sees of the festival at one moment: its days, venues,
troupes (names and where they come from; no contact details), program items and booths.
"Now" is a snapshot too (read from the file as it is), so any two versions compare alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Protocol, TypeVar

from festival_app.domain.booths import Booth
from festival_app.domain.errors import Problem
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.text import without_controls
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue
from festival_app.i18n import QT_TRANSLATE_NOOP as N

MAX_NAME = 40
_SUGGESTED = re.compile(r"^v(\d+)$")


@dataclass(frozen=True, slots=True)
class Release:
    """A frozen version of the program, as kept in the festival file (without its
    snapshot, which is read when needed)."""

    name: str
    comment_ko: str = ""
    comment_en: str = ""
    created_at: datetime | None = None  # aware, UTC; set when the release is made
    printed: bool = False  # the printed baseline: what went to the printer
    content_hash: str = ""
    id: int | None = None

    def comment(self, language: str = "en") -> str:
        first, second = (
            (self.comment_ko, self.comment_en)
            if language == "ko"
            else (self.comment_en, self.comment_ko)
        )
        return first or second


def name_problems(name: str, taken: Iterable[str]) -> list[Problem]:
    """What is wrong with `name` for a new release (empty: nothing)."""
    clean = name.strip()
    if not clean:
        return [Problem("name", N("Validation", "The release needs a name, such as v1."))]
    if len(clean) > MAX_NAME:
        return [Problem("name", N("Validation", "A release name has at most 40 characters."))]
    if without_controls(clean) != clean:
        return [Problem("name", N("Validation", "A release name cannot hold control characters."))]
    if clean.casefold() in {t.casefold() for t in taken}:
        return [Problem("name", N("Validation", "There is a release of this name already."))]
    return []


def suggested_name(taken: Iterable[str]) -> str:
    """The next of v1, v2, ... after the highest taken."""
    numbers = [int(m.group(1)) for t in taken if (m := _SUGGESTED.match(t.strip()))]
    return f"v{max(numbers, default=0) + 1}"


def _public_troupe(troupe: Troupe) -> Troupe:
    """A troupe as a release keeps it: no contact details, no notes."""
    return replace(
        troupe,
        contact="",
        email="",
        phone="",
        notes="",
        performers=None,
        arrival=None,
        departure=None,
        language="",
    )


def _public_venue(venue: Venue) -> Venue:
    return replace(
        venue,
        capacity=None,
        booth_spaces=None,
        changeover_min=0,
        opens=None,
        closes=None,
        notes="",
    )


def _public_booth(booth: Booth) -> Booth:
    return replace(booth, contact="", email="", phone="", notes="", staff=None)


class _Record(Protocol):
    @property
    def id(self) -> int | None: ...


_R = TypeVar("_R", bound=_Record)


def _by_id(records: Iterable[_R]) -> tuple[_R, ...]:
    """The records in id order."""
    return tuple(sorted(records, key=lambda r: r.id or 0))


@dataclass(frozen=True)
class Snapshot:
    """The festival's program at one moment. Records are in id order; equal content makes
    equal snapshots (row versions are not compared)."""

    festival: Festival
    days: tuple[FestivalDay, ...]
    venues: tuple[Venue, ...]
    troupes: tuple[Troupe, ...]
    items: tuple[ProgramItem, ...]
    booths: tuple[Booth, ...]
    _venue_by_id: dict[int, Venue] = field(default_factory=dict, compare=False, repr=False)
    _day_by_id: dict[int, FestivalDay] = field(default_factory=dict, compare=False, repr=False)
    _troupe_by_id: dict[int, Troupe] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._venue_by_id.update({v.id: v for v in self.venues if v.id is not None})
        self._day_by_id.update({d.id: d for d in self.days if d.id is not None})
        self._troupe_by_id.update({t.id: t for t in self.troupes if t.id is not None})

    @classmethod
    def of(
        cls,
        festival: Festival,
        days: Iterable[FestivalDay],
        venues: Iterable[Venue],
        troupes: Iterable[Troupe],
        items: Iterable[ProgramItem],
        booths: Iterable[Booth],
    ) -> Snapshot:
        """A snapshot of these records, contact details left out, in id order."""
        return cls(
            festival=Festival(name_en=festival.name_en, name_ko=festival.name_ko),
            days=_by_id(days),
            venues=_by_id(_public_venue(v) for v in venues),
            troupes=_by_id(_public_troupe(t) for t in troupes),
            items=_by_id(replace(i, notes="") for i in items),
            booths=_by_id(_public_booth(b) for b in booths),
        )

    def venue(self, venue_id: int) -> Venue | None:
        return self._venue_by_id.get(venue_id)

    def day(self, day_id: int) -> FestivalDay | None:
        return self._day_by_id.get(day_id)

    def troupe(self, troupe_id: int | None) -> Troupe | None:
        return None if troupe_id is None else self._troupe_by_id.get(troupe_id)
