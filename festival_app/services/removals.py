"""Deleting records together with what depends on them, and putting them back."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from festival_app.domain.booths import Booth
from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.record_rules import Record
from festival_app.domain.site_map import BoothSpace, SiteMap
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue
from festival_app.services.row_versions import RowVersions, put_back, write_over
from festival_app.services.topics import (
    BOOTHS,
    DAYS,
    PROGRAM,
    SITE_MAPS,
    SPACES,
    TOPIC_OF,
    TROUPES,
    VENUES,
    Notices,
)
from festival_app.store.repositories import Repositories, Repository


@dataclass
class Removal:
    """Everything one delete took away, so that `undelete` can put it back as it was.

    Deleted records keep the row versions they had (undelete puts them back so); changed
    records hold their content from before and the row version the delete wrote.
    """

    days: list[FestivalDay] = field(default_factory=list)
    venues: list[Venue] = field(default_factory=list)
    troupes: list[Troupe] = field(default_factory=list)
    program: list[ProgramItem] = field(default_factory=list)
    booths: list[Booth] = field(default_factory=list)
    # Records that were changed rather than deleted, as they were before.
    changed_items: list[ProgramItem] = field(default_factory=list)
    changed_booths: list[Booth] = field(default_factory=list)
    # A booth area's map and spaces go with it.
    site_maps: list[SiteMap] = field(default_factory=list)
    spaces: list[BoothSpace] = field(default_factory=list)

    def topics(self) -> frozenset[str]:
        out = {
            DAYS: self.days,
            VENUES: self.venues,
            TROUPES: self.troupes,
            PROGRAM: self.program + self.changed_items,
            BOOTHS: self.booths + self.changed_booths,
            SITE_MAPS: self.site_maps,
            SPACES: self.spaces,
        }
        return frozenset(topic for topic, records in out.items() if records)

    def of_type(self, record_type: type[Record]) -> list[Record]:
        """The deleted records of one type."""
        records: list[Record] = getattr(self, TOPIC_OF[record_type])
        return records


@dataclass(frozen=True)
class Dependents:
    """What a delete would take along, for the confirmation that names it."""

    items: list[ProgramItem]
    booths: list[Booth]
    spaces: list[BoothSpace] = field(default_factory=list)  # a booth area's drawn spaces
    site_maps: list[SiteMap] = field(default_factory=list)  # and its map

    def __bool__(self) -> bool:
        return bool(self.items or self.booths or self.spaces or self.site_maps)


# A record to delete by id -> (the record as read, or None for an id alone; the version
# its row must still have, or 0 for whatever it holds).
Expected = dict[int, tuple[Record | None, int]]


class Removals:
    """Deletes and undeletes in one festival file, in transactions that keep the row
    versions written (see RowVersions), telling the listeners afterwards."""

    def __init__(self, repos: Repositories, versions: RowVersions, notices: Notices) -> None:
        self.repos = repos
        self.versions = versions
        self.notices = notices

    def repo(self, record_type: type[Any]) -> Repository[Any]:
        repos: dict[type[Any], Repository[Any]] = {
            FestivalDay: self.repos.days,
            Venue: self.repos.venues,
            Troupe: self.repos.troupes,
            ProgramItem: self.repos.program,
            Booth: self.repos.booths,
            SiteMap: self.repos.site_maps,
            BoothSpace: self.repos.spaces,
        }
        return repos[record_type]

    def dependents(self, record_type: type[Record], ids: Iterable[int]) -> Dependents:
        """Program items, booths, spaces and maps that deleting these records would
        affect."""
        ids = list(ids)
        if not ids or record_type in (ProgramItem, Booth, SiteMap, BoothSpace):
            return Dependents([], [])
        column = {FestivalDay: "day_id", Venue: "venue_id", Troupe: "troupe_id"}[record_type]
        items = self.repos.program.where_in(column, ids)
        if record_type is not Venue:
            return Dependents(items, [])
        return Dependents(
            items,
            self.repos.booths.where_in("venue_id", ids),
            self.repos.spaces.where_in("venue_id", ids),
            self.repos.site_maps.where_in("venue_id", ids),
        )

    def delete(self, record_type: type[Record], expected: Expected, keep_items: bool) -> Removal:
        """Delete the rows of `expected`'s ids and what depends on them; each given with a
        version (1 or more) must still have it, else StaleRecordError and nothing is
        deleted. `keep_items` keeps a troupe's items without a troupe."""
        id_list = sorted(expected)
        repo = self.repo(record_type)
        wrote = self.versions.wrote
        removal = Removal()
        with self.versions.transaction():
            found = {i: r for i in id_list if (r := repo.get(i)) is not None}
            for record_id, (given, version) in expected.items():
                current = found.get(record_id)
                changed = current is None or current.row_version != version
                if given is not None and version >= 1 and changed:
                    raise repo.stale(given)
            records = list(found.values())
            deps = self.dependents(record_type, id_list)
            if record_type is Troupe and keep_items:
                for item in deps.items:
                    stored = self.repos.program.update(replace(item, troupe_id=None))
                    wrote(stored, stored.row_version)
                    removal.changed_items.append(replace(item, row_version=stored.row_version))
            else:
                removal.program = deps.items
                self.repos.program.delete(i.id for i in deps.items if i.id is not None)
                for item in deps.items:
                    wrote(item, 0)
            removal.booths = deps.booths
            self.repos.booths.delete(b.id for b in deps.booths if b.id is not None)
            for booth in deps.booths:
                wrote(booth, 0)
            removal.spaces, removal.site_maps = deps.spaces, deps.site_maps  # an area's
            self.repos.spaces.delete(s.id for s in deps.spaces if s.id is not None)
            self.repos.site_maps.delete(m.id for m in deps.site_maps if m.id is not None)
            dependents: list[Record] = [*deps.spaces, *deps.site_maps]
            for dependent in dependents:
                wrote(dependent, 0)
            if record_type is FestivalDay:
                # Booths present on a deleted day lose that day (a change of the booth,
                # so its version goes up); keep how they were.
                gone = frozenset(id_list)
                for booth in self.repos.booths.present_on(id_list):
                    stored_booth = self.repos.booths.update(
                        replace(booth, day_ids=booth.day_ids - gone)
                    )
                    wrote(stored_booth, stored_booth.row_version)
                    removal.changed_booths.append(
                        replace(booth, row_version=stored_booth.row_version)
                    )
            repo.delete(id_list)
            for record in records:
                wrote(record, 0)
            removal.of_type(record_type).extend(records)
        self.notices.tell(removal.topics())
        return removal

    def undelete(self, removal: Removal) -> None:
        """Put back what a delete took away, with the same ids, values and row versions.

        Refused (StaleRecordError, nothing written) when a changed record was changed
        again elsewhere since this service last wrote it, or a deleted one's id was taken
        meanwhile."""
        repos, versions = self.repos, self.versions
        with versions.transaction():
            # Days, venues and troupes first: the program items refer to them.
            for record_type in (FestivalDay, Venue, Troupe, ProgramItem):
                repo = self.repo(record_type)
                for record in removal.of_type(record_type):
                    versions.wrote(record, put_back(repo, record).row_version)
            for item in removal.changed_items:
                expected = replace(item, row_version=versions.expected(item, item.row_version))
                versions.wrote(item, write_over(repos.program, expected).row_version)
            for booth in removal.booths:
                versions.wrote(booth, put_back(repos.booths, booth).row_version)
            for site_map in removal.site_maps:
                versions.wrote(site_map, put_back(repos.site_maps, site_map).row_version)
            for space in removal.spaces:
                versions.wrote(space, put_back(repos.spaces, space).row_version)
            for booth in removal.changed_booths:
                expected_booth = replace(
                    booth, row_version=versions.expected(booth, booth.row_version)
                )
                versions.wrote(booth, write_over(repos.booths, expected_booth).row_version)
        self.notices.tell(removal.topics())
