"""What changed, as change notices name it, and telling those who listen.

A notice is a set of topics: one per kind of record (the festival, its days, venues,
troupes, program, booths, booth areas' maps and their spaces) and one for the clash
acknowledgements.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from festival_app.domain.booths import Booth
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.site_map import BoothSpace, SiteMap
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue

FESTIVAL, DAYS, VENUES, TROUPES, PROGRAM, BOOTHS, CLASHES = (
    "festival",
    "days",
    "venues",
    "troupes",
    "program",
    "booths",
    "clashes",
)
SITE_MAPS, SPACES = "site_maps", "spaces"  # the booth areas' maps (see site_plan.py)
RELEASES = "releases"  # the list of releases (see releasing.py)
EVERYTHING = frozenset(
    {FESTIVAL, DAYS, VENUES, TROUPES, PROGRAM, BOOTHS, CLASHES, SITE_MAPS, SPACES, RELEASES}
)

# The topic of each type of record.
TOPIC_OF: dict[type[Any], str] = {
    Festival: FESTIVAL,
    FestivalDay: DAYS,
    Venue: VENUES,
    Troupe: TROUPES,
    ProgramItem: PROGRAM,
    Booth: BOOTHS,
    SiteMap: SITE_MAPS,
    BoothSpace: SPACES,
}

ChangeListener = Callable[[frozenset[str]], None]


class Notices:
    """Who listens to changes of one festival, and telling them.

    Inside `held()` (a batch of writes) the topics are gathered and told once, when the
    outermost block ends without an error; a batch that fails tells nothing.
    """

    def __init__(self) -> None:
        self._listeners: list[ChangeListener] = []
        self._held: set[str] | None = None

    def subscribe(self, listener: ChangeListener) -> None:
        self._listeners.append(listener)

    def tell(self, topics: Iterable[str]) -> None:
        changed = frozenset(topics)
        if self._held is not None:
            self._held |= changed
            return
        if changed:
            for listener in list(self._listeners):
                listener(changed)

    @contextmanager
    def held(self) -> Iterator[None]:
        outer = self._held is None
        if outer:
            self._held = set()
        try:
            yield
        except BaseException:
            if outer:
                self._held = None
            raise
        if outer:
            held, self._held = self._held or set(), None
            self.tell(held)
