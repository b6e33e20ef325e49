"""What changed in the program between two versions (two releases, or a release and now).

Per program item: new, cancelled (its status, or taken out of the program), back in the
program, moved (day, time, venue) and changed fields (title, troupe, duration, kind). Any
two versions compare, in either order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from festival_app.domain.program import ItemStatus, ProgramItem
from festival_app.domain.releases import Snapshot
from festival_app.i18n import QT_TRANSLATE_NOOP as N


class Change(StrEnum):
    """One way a program item changed between two versions."""

    NEW = "new"
    CANCELLED = "cancelled"
    REINSTATED = "reinstated"  # cancelled before, in the program again
    DAY = "day"
    TIME = "time"
    VENUE = "venue"
    TITLE = "title"
    TROUPE = "troupe"
    DURATION = "duration"
    KIND = "kind"


CHANGE_LABELS = {
    Change.NEW: N("Change", "New"),
    Change.CANCELLED: N("Change", "Cancelled"),
    Change.REINSTATED: N("Change", "Back in the program"),
    Change.DAY: N("Change", "Day"),
    Change.TIME: N("Change", "Time"),
    Change.VENUE: N("Change", "Venue"),
    Change.TITLE: N("Change", "Title"),
    Change.TROUPE: N("Change", "Troupe"),
    Change.DURATION: N("Change", "Duration"),
    Change.KIND: N("Change", "Kind"),
}

MOVES = frozenset({Change.DAY, Change.TIME, Change.VENUE})
# In the order a report names them.
ORDER = tuple(Change)


def _on(item: ProgramItem | None) -> bool:
    """Whether the item is in the program (there, and not cancelled)."""
    return item is not None and item.status != ItemStatus.CANCELLED


def _fields_changed(old: ProgramItem, new: ProgramItem) -> frozenset[Change]:
    what = set()
    if old.day_id != new.day_id:
        what.add(Change.DAY)
    if old.start != new.start:
        what.add(Change.TIME)
    if old.venue_id != new.venue_id:
        what.add(Change.VENUE)
    if (old.title_en, old.title_ko) != (new.title_en, new.title_ko):
        what.add(Change.TITLE)
    if old.troupe_id != new.troupe_id:
        what.add(Change.TROUPE)
    if old.end_min - old.start_min != new.end_min - new.start_min:
        what.add(Change.DURATION)
    if old.kind != new.kind:
        what.add(Change.KIND)
    return frozenset(what)


@dataclass(frozen=True, slots=True)
class ItemChange:
    """One item's change: how it was (None: not in that version) and how it is."""

    item_id: int
    before: ProgramItem | None
    after: ProgramItem | None
    what: frozenset[Change]

    @property
    def current(self) -> ProgramItem:
        """The item as it is in the newer version, or as it was when it is gone."""
        found = self.after or self.before
        assert found is not None
        return found

    @property
    def moved(self) -> bool:
        return bool(self.what & MOVES)

    def labels(self) -> list[str]:
        """The English labels of what changed, in report order (for translation)."""
        return [CHANGE_LABELS[c] for c in ORDER if c in self.what]

    def touches_venue(self, venue_id: int) -> bool:
        return any(i is not None and i.venue_id == venue_id for i in (self.before, self.after))

    def touches_troupe(self, troupe_id: int) -> bool:
        return any(i is not None and i.troupe_id == troupe_id for i in (self.before, self.after))


@dataclass(frozen=True)
class ChangeSet:
    """Every item change from `old` to `new`, in the newer version's running order."""

    old: Snapshot
    new: Snapshot
    changes: tuple[ItemChange, ...]

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __iter__(self) -> Iterator[ItemChange]:
        return iter(self.changes)

    def filtered(self, *, venue_id: int | None = None, troupe_id: int | None = None) -> ChangeSet:
        """The changes that touch the venue and the troupe (before or after the change)."""
        kept = [
            c
            for c in self.changes
            if (venue_id is None or c.touches_venue(venue_id))
            and (troupe_id is None or c.touches_troupe(troupe_id))
        ]
        return ChangeSet(self.old, self.new, tuple(kept))

    def troupe_ids(self) -> list[int]:
        """The troupes whose appearances changed (before or after), in id order."""
        ids = {
            i.troupe_id
            for c in self.changes
            for i in (c.before, c.after)
            if i is not None and i.troupe_id is not None
        }
        return sorted(ids)


def compare(old: Snapshot, new: Snapshot) -> ChangeSet:
    """What changed in the program from `old` to `new`."""
    before = {i.id: i for i in old.items if i.id is not None}
    after = {i.id: i for i in new.items if i.id is not None}
    found: list[ItemChange] = []
    for item_id in before.keys() | after.keys():
        was, now = before.get(item_id), after.get(item_id)
        if _on(was) and not _on(now):
            what = frozenset({Change.CANCELLED})
        elif not _on(was) and _on(now):
            what = frozenset({Change.REINSTATED if was is not None else Change.NEW})
        elif _on(was) and _on(now):
            assert was is not None and now is not None
            what = _fields_changed(was, now)
        else:
            continue  # not in the program in either version
        if what:
            found.append(ItemChange(item_id, was, now, what))
    day_order = {d.id: d.date for d in (*old.days, *new.days)}
    venue_order = {v.id: n for n, v in enumerate(new.venues)}
    for n, v in enumerate(old.venues):
        venue_order.setdefault(v.id, len(new.venues) + n)

    def running_order(change: ItemChange) -> tuple[object, ...]:
        item = change.current
        return (
            day_order.get(item.day_id) or date.min,
            venue_order.get(item.venue_id, 1 << 30),
            item.start,
            change.item_id,
        )

    found.sort(key=running_order)
    return ChangeSet(old, new, tuple(found))


def changed_item_ids(changes: Iterable[ItemChange]) -> set[int]:
    """The ids of the items that changed and are still in the program (for marking them)."""
    return {c.item_id for c in changes if c.after is not None and Change.CANCELLED not in c.what}
