"""The clashes of the day on the grid, kept up to date cheaply while one item is dragged.

A full check of a big day (thousands of items) takes longer than a drag may. When a single
item changes, only the clashes that can depend on it are found again: those at its old and
new venue, those of its troupe, and the items' own (hours, troupe presence, no troupe).
Every other clash of the day stays as it was. Tests compare the result with a full check.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from festival_app.domain.clash_finder import find_clashes
from festival_app.domain.clashes import Clash, ClashKind
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue
from festival_app.services import FestivalService

VENUE_KINDS = frozenset({ClashKind.VENUE_OVERLAP, ClashKind.VENUE_CHANGEOVER})
TROUPE_KINDS = frozenset({ClashKind.TROUPE_OVERLAP, ClashKind.TROUPE_CHANGEOVER})


class FullCheckNeeded(ValueError):
    """The change cannot be followed cheaply (no day loaded, or another day's item): the
    caller checks the whole day again."""


class DayClashes:
    """The clashes with an item on one festival day, indexed by what they depend on."""

    def __init__(self) -> None:
        self.day_id: int | None = None
        self._festival: Festival | None = None
        self._days: Sequence[FestivalDay] = ()
        self._venues: Sequence[Venue] = ()
        self._troupes: Sequence[Troupe] = ()
        self._acks: Mapping[str, str] = {}
        self._language = "en"
        self._by_key: dict[str, Clash] = {}
        self._by_venue: dict[int, set[str]] = {}  # venue clashes, by their venue
        self._by_troupe: dict[int, set[str]] = {}  # troupe clashes, by their troupe
        self._by_own_item: dict[int, set[str]] = {}  # an item's own clashes
        self._by_item: dict[int, set[str]] = {}  # every clash an item is in
        self._slot: dict[str, set[str]] = {}  # the index set each clash is filed in

    @property
    def clashes(self) -> list[Clash]:
        return list(self._by_key.values())

    def of_item(self, item_id: int) -> list[Clash]:
        return [self._by_key[k] for k in self._by_item.get(item_id, ())]

    def item_ids(self) -> set[int]:
        return {i for i, keys in self._by_item.items() if keys}

    def check(
        self,
        service: FestivalService,
        day_id: int | None,
        day_items: Iterable[ProgramItem],
        venues: Sequence[Venue],
        troupes: Sequence[Troupe],
        language: str = "en",
    ) -> None:
        """Check the whole day again (after anything but a single known item change)."""
        self.day_id = day_id
        self._language = language
        for index in (self._by_venue, self._by_troupe, self._by_own_item, self._by_item):
            index.clear()
        self._by_key.clear()
        self._slot.clear()
        if day_id is None:
            return
        self._festival = service.festival()
        self._days = service.days()
        self._venues = venues
        self._troupes = troupes
        self._acks = service.acknowledgements()
        # The day's records are in hand: only what they do not say is read from the file.
        items = sorted(day_items, key=lambda i: (i.start, i.venue_id, i.id or 0))
        venue_of = {i.id: i.venue_id for i in items if i.id is not None}
        for clash in find_clashes(
            self._festival, self._days, venues, troupes, items, self._acks, language
        ):
            self._add(clash, venue_of)  # a troupe without items has none: not added

    def item_changed(
        self, before: ProgramItem, after: ProgramItem, day_items: Iterable[ProgramItem]
    ) -> set[int]:
        """Update the clashes after `before` became `after` (same id, on this day);
        `day_items` is the day's program after the change. Returns the ids of the items
        whose clashes may have changed."""
        if self._festival is None or not before.day_id == after.day_id == self.day_id:
            raise FullCheckNeeded("a full check is needed")
        venues = {before.venue_id, after.venue_id}
        troupes = {t for t in (before.troupe_id, after.troupe_id) if t is not None}
        subset = [i for i in day_items if i.venue_id in venues or i.troupe_id in troupes]
        # In the file's order, so that messages name the items as a full check does.
        subset.sort(key=lambda i: (i.start, i.venue_id, i.id or 0))
        ids = {i.id for i in subset if i.id is not None}
        stale: set[str] = set()
        for venue in venues:
            stale |= self._by_venue.get(venue, set())
        for troupe in troupes:
            stale |= self._by_troupe.get(troupe, set())
        for item_id in ids:
            stale |= self._by_own_item.get(item_id, set())
        touched: set[int] = set()
        for key in stale:
            touched.update(self._remove(key))
        venue_of = {i.id: i.venue_id for i in subset if i.id is not None}
        # Only the subset's troupes: the others would all come back as unscheduled.
        present = {i.troupe_id for i in subset}
        fresh = find_clashes(
            self._festival,
            self._days,
            self._venues,
            [t for t in self._troupes if t.id in present],
            subset,
            self._acks,
            self._language,
        )
        for clash in fresh:
            if self._depends(clash, venue_of, venues, troupes, ids):
                self._add(clash, venue_of)
                touched.update(clash.item_ids)
        return touched

    @staticmethod
    def _depends(
        clash: Clash,
        venue_of: Mapping[int, int],
        venues: set[int],
        troupes: set[int],
        ids: set[int],
    ) -> bool:
        """Whether the subset check found `clash` completely (not just part of its items)."""
        if clash.kind == ClashKind.TROUPE_UNSCHEDULED or not clash.item_ids:
            return False
        if clash.kind in VENUE_KINDS:
            return venue_of.get(clash.item_ids[0]) in venues
        if clash.kind in TROUPE_KINDS:
            return clash.troupe_id in troupes
        return clash.item_ids[0] in ids

    def _add(self, clash: Clash, venue_of: Mapping[int, int]) -> None:
        if not clash.item_ids or clash.key in self._by_key:
            return
        self._by_key[clash.key] = clash
        if clash.kind in VENUE_KINDS:
            slot = self._by_venue.setdefault(venue_of.get(clash.item_ids[0], -1), set())
        elif clash.kind in TROUPE_KINDS and clash.troupe_id is not None:
            slot = self._by_troupe.setdefault(clash.troupe_id, set())
        else:
            slot = self._by_own_item.setdefault(clash.item_ids[0], set())
        slot.add(clash.key)
        self._slot[clash.key] = slot
        for item_id in clash.item_ids:
            self._by_item.setdefault(item_id, set()).add(clash.key)

    def _remove(self, key: str) -> tuple[int, ...]:
        clash = self._by_key.pop(key, None)
        if clash is None:
            return ()
        self._slot.pop(key, set()).discard(key)
        for item_id in clash.item_ids:
            self._by_item.get(item_id, set()).discard(key)
        return clash.item_ids
