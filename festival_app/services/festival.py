"""The festival in one open file: reading, writing with undo, deleting, backups.

Every write validates first (a `ValidationError` names the field), then runs in one
transaction and is committed at once. Writes return what is needed to undo them, so the
GUI's undo commands restore the file exactly as it was.

Records carry the row_version they were read with (see store/repositories.py). A write
of a record whose row was changed or deleted elsewhere since (another program or window)
raises StaleRecordError and writes nothing; listeners hear nothing then. Saves return the
records as stored, with their new versions, and undo and redo write only over rows that
are still as this service last left them.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

from festival_app.domain import record_rules
from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.clashes import Acknowledgement
from festival_app.domain.errors import Problem, ValidationError
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.record_rules import Record as Record  # for the service's callers
from festival_app.domain.site_map import BoothSpace, SiteMap
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.services.removals import Dependents, Expected, Removal, Removals
from festival_app.services.row_versions import RowVersions, put_back, take_out, write_over
from festival_app.services.topics import (
    CLASHES,
    EVERYTHING,
    FESTIVAL,
    TOPIC_OF,
    ChangeListener,
    Notices,
)
from festival_app.store import backups, early_check, outputs
from festival_app.store.db import Database
from festival_app.store.engine import backup_to, is_server
from festival_app.store.opening import open_festival
from festival_app.store.repositories import Repositories

if TYPE_CHECKING:  # psycopg is imported only when a server is used
    from festival_app.store.postgres import ServerDatabase
    from festival_app.store.releases import ReleaseRepository

logger = logging.getLogger(__name__)

R = TypeVar("R", FestivalDay, Venue, Troupe, ProgramItem, Booth, SiteMap, BoothSpace)
Written = Record | Festival  # what one step of a batch wrote


@dataclass
class ChangeLog:
    """Every record a batch of saves wrote, as (before, after); before is None for an insert.

    `revert` and `reapply` undo and redo the whole batch exactly (same ids, same values).
    They keep the entries' row versions up to date with what they last wrote, so that
    the records the log holds are as stored (the undo command's `stored()`); which
    version a row must have for them is what the service itself last wrote to it.
    """

    changes: list[tuple[Written | None, Written]] = field(default_factory=list)

    def topics(self) -> frozenset[str]:
        return frozenset(TOPIC_OF[type(after)] for _, after in self.changes)

    def created(self) -> list[Record]:
        """The records the batch inserted."""
        return [a for b, a in self.changes if b is None and not isinstance(a, Festival)]

    def updated(self) -> list[Written]:
        return [after for before, after in self.changes if before is not None and before != after]


class FestivalService:
    """The festival in one open file."""

    def __init__(self, db: Database | ServerDatabase) -> None:
        self.db = db
        self.repos = Repositories(db)
        self.notices = Notices()
        self.versions = RowVersions(db)
        self.removals = Removals(self.repos, self.versions, self.notices)
        self._logs: list[ChangeLog] = []  # open batches, innermost last

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        read_only: bool = False,
        lock: bool = False,
        take_over: bool = False,
    ) -> FestivalService:
        """Open a festival file; `lock` takes the lock file for editing (the window and
        restores), `take_over` replaces a stale one. Its backups are looked after (see
        store.opening): one before an upgrade, a good one offered when it cannot be used."""
        return cls(open_festival(path, read_only=read_only, lock=lock, take_over=take_over))

    @staticmethod
    def check_ahead(path: str | os.PathLike[str]) -> None:
        """Start the check that opening `path` makes, on another thread, so that it runs
        while the window's modules load; `open` uses its result (store.early_check)."""
        early_check.start(path)

    @classmethod
    def open_server(
        cls, url: str, *, read_only: bool = False, password: str | None = None
    ) -> FestivalService:
        """Connect to a festival on a PostgreSQL server (team mode; store/postgres.py)."""
        from festival_app.store.postgres import ServerDatabase

        return cls(ServerDatabase.open(url, read_only=read_only, password=password))

    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        fill: Callable[[FestivalService], object] | None = None,
    ) -> FestivalService:
        """Create a festival file, filled by `fill` (the sample, say), and open it.

        All or nothing: the file takes its name only once it is complete.
        """
        if fill is None:
            return cls(Database.create(path))
        filler = fill
        return cls(Database.create(path, lambda db: filler(cls(db))))

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    @property
    def path(self) -> Path:
        """The festival file."""
        return self.db.path

    def save_copy(self, target: str | os.PathLike[str]) -> None:
        """Write a complete copy of the festival file (SQLite's backup API); never over a
        festival file, its journal, lock or backups (ProtectedTargetError)."""
        outputs.refuse_protected_target(target, self.path)
        backup_to(self.db, target)

    def take_backup(self, reason: str = backups.MANUAL) -> Path:
        """A backup of the file into its backups folder (see store.backups); its path."""
        return backups.take_backup(self.db, reason)

    def restore_backup(self, backup: str | Path) -> Path:
        """Put the file back as it was in `backup`. Every listener hears that everything
        changed. Returns the backup taken of the state before, which undoes the restore."""
        if not isinstance(self.db, Database):
            raise TypeError("a server festival is restored with 'server init --from'")
        before = backups.restore(self.db, backup)
        self.versions.forget()  # the rows are the backup's now
        self.notify(EVERYTHING)
        return before

    def backup_scheduler(self) -> backups.BackupScheduler:
        """When to take the automatic backups of this file (driven by the window)."""
        if not isinstance(self.db, Database):
            raise TypeError("a server festival's backups are taken with 'server pull'")
        return backups.BackupScheduler(self.db)

    def close(self) -> None:
        self.db.close()

    def another_reader(self) -> FestivalService:
        """The same festival opened again, read-only, for a reader in its own thread (an
        export): the file once more, or a connection of its own to the server."""
        if isinstance(self.db, Database):
            return FestivalService.open(self.path, read_only=True)
        return FestivalService(self.db.another(read_only=True))

    # -- team mode: a festival on a PostgreSQL server (see festival_app/team.py) ------

    @property
    def on_server(self) -> bool:
        return is_server(self.db)

    def server(self) -> ServerDatabase:
        """The server festival's store (TypeError for a festival file)."""
        if isinstance(self.db, Database):
            raise TypeError("a festival file, not a server festival")
        return self.db

    # -- change notification ---------------------------------------------------------

    def subscribe(self, listener: ChangeListener) -> None:
        """Hear of every change as the set of topics changed (see services.topics)."""
        self.notices.subscribe(listener)

    def reread(self) -> None:
        """Tell every listener to read the file again, as after a change of everything.

        Writes nothing. For the window after a StaleRecordError: the file was changed
        elsewhere, and the views show it as it is now.
        """
        self.notify(EVERYTHING)

    def notify(self, topics: Iterable[str]) -> None:
        self.notices.tell(topics)

    # -- reading -------------------------------------------------------------------

    def festival(self) -> Festival:
        return self.repos.festival.get()

    def days(self) -> list[FestivalDay]:
        return self.repos.days.all()

    def venues(self) -> list[Venue]:
        return self.repos.venues.all()

    def troupes(self) -> list[Troupe]:
        return self.repos.troupes.all()

    def program(self, day_id: int | None = None) -> list[ProgramItem]:
        if day_id is None:
            return self.repos.program.all()
        return self.repos.program.for_day(day_id)

    @property
    def releases(self) -> ReleaseRepository:
        """The releases kept in the file (see releasing.py): added and read, never changed."""
        from festival_app.store.releases import ReleaseRepository  # not needed at start-up

        return ReleaseRepository(self.db)

    def booths(self) -> list[Booth]:
        return self.repos.booths.all()

    def get(self, record_type: type[R], record_id: int) -> R | None:
        return self.removals.repo(record_type).get(record_id)

    def site_map(self, venue_id: int) -> SiteMap | None:
        """A booth area's map (picture and scale), if it has one (see site_plan.py)."""
        return self.repos.site_maps.for_venue(venue_id)

    def spaces(
        self,
        venue_id: int | None = None,
        *,
        codes: Sequence[str] | None = None,
        ids: Sequence[int] | None = None,
    ) -> list[BoothSpace]:
        """The booth spaces of one area (None: of all), or those of these codes or ids."""
        if codes is not None:
            return self.repos.spaces.where_in("code", codes)
        if ids is not None:
            return self.repos.spaces.where_in("id", ids)
        if venue_id is None:
            return self.repos.spaces.all()
        return self.repos.spaces.in_venue(venue_id)

    def booths_with_codes(self, codes: Sequence[str]) -> list[Booth]:
        return self.repos.booths.where_in("code", codes)

    def booths_in(self, venue_id: int) -> list[Booth]:
        """The booths of one area."""
        return self.repos.booths.where_in("venue_id", [venue_id])

    def stale(self, record: Record) -> Exception:
        """The StaleRecordError telling that `record`'s row was changed or deleted elsewhere."""
        return self.removals.repo(type(record)).stale(record)

    def current(self, record: Record) -> Record | None:
        """`record` as the festival has it now (None: not stored, or deleted since)."""
        if record.id is None:
            return None
        return self.removals.repo(type(record)).get(record.id)

    def booth_counts(self) -> dict[BoothCategory, int]:
        return self.repos.booths.counts_by_category()

    def record_counts(self) -> tuple[int, int]:
        """How many troupes and program items there are (counted in SQL)."""
        return self.repos.troupes.count(), self.repos.program.count()

    def confirmed_troupe_ids(self) -> set[int]:
        """Ids of the troupes that have a confirmed program item (the others are
        unscheduled)."""
        return self.repos.program.troupes_confirmed()

    def item_counts_by_troupe(self) -> dict[int, int]:
        return self.repos.program.count_by_troupe()

    def acknowledgements(self) -> dict[str, str]:
        """Acknowledged clash keys and their reasons."""
        return self.repos.acknowledgements.all()

    def acknowledgement(self, key: str) -> Acknowledgement | None:
        """The full acknowledgement of one clash key (with its time), or None."""
        return self.repos.acknowledgements.get(key)

    # -- writing -------------------------------------------------------------------

    def put_acknowledgement(
        self, key: str, value: Acknowledgement | None
    ) -> Acknowledgement | None:
        """Write the acknowledgement of clash `key` (None takes it back) in one transaction;
        returns what was there before. Listeners hear CLASHES when it changed."""
        repo = self.repos.acknowledgements
        with self.db.transaction():
            previous = repo.get(key)
            if value is None:
                repo.delete(key)
            else:
                repo.put(value)
        if previous != value:
            self.notify({CLASHES})
        return previous

    def update_festival(self, festival: Festival) -> Festival:
        """Change the festival's name or settings; returns the previous values."""
        problems = festival.problems()
        if problems:
            raise ValidationError(problems)
        old = self.festival()
        with self.versions.transaction():
            stored = self._write_festival(festival)
        if self._logs:
            self._logs[-1].changes.append((old, stored))
        self.notify({FESTIVAL})
        return old

    def _write_festival(self, festival: Festival) -> Festival:
        """Write the festival row over the version `festival` was read with, or the newer
        one this service last wrote (undo and redo write older values); StaleRecordError
        when someone else changed it since."""
        expected = max(festival.row_version, self.versions.expected(festival, festival.row_version))
        stored = self.repos.festival.update(replace(festival, row_version=expected))
        self.versions.wrote(stored, stored.row_version)
        return stored

    @contextmanager
    def batch(self) -> Iterator[ChangeLog]:
        """Run several saves as one transaction; listeners hear of them once, at the end.

        The yielded log lists every record written, for one undo step.
        """
        log = ChangeLog()
        self._logs.append(log)
        try:
            with self.notices.held(), self.versions.transaction():
                yield log
        finally:
            self._logs.pop()
        if self._logs:
            self._logs[-1].changes.extend(log.changes)

    def revert(self, log: ChangeLog) -> None:
        """Undo a batch: delete what it created, put back what it changed.

        Every row must still be as this service last left it (the batch, its last redo,
        or the undo of a later step): a record changed or deleted elsewhere since raises
        StaleRecordError, and nothing is written. The log's entries get the row versions
        written here.
        """
        changes = list(log.changes)
        with self.versions.transaction():
            for index in reversed(range(len(changes))):
                before, after = changes[index]
                if isinstance(before, Festival):
                    changes[index] = (self._write_festival(before), after)
                    continue
                assert not isinstance(after, Festival)  # the festival is never inserted
                repo = self.removals.repo(type(after))
                expected = self.versions.expected(after, after.row_version)
                if before is None:
                    take_out(repo, replace(after, row_version=expected))
                    self.versions.wrote(after, 0)
                else:
                    stored = write_over(repo, replace(before, row_version=expected))
                    changes[index] = (stored, after)
                    self.versions.wrote(stored, stored.row_version)
        log.changes[:] = changes
        self.notify(log.topics())

    def reapply(self, log: ChangeLog) -> None:
        """Redo a batch that `revert` undid, refusing (StaleRecordError, nothing written)
        when a row was changed elsewhere since. The log's entries get the row versions
        written here."""
        changes = list(log.changes)
        with self.versions.transaction():
            for index, (before, after) in enumerate(changes):
                if isinstance(after, Festival):
                    changes[index] = (before, self._write_festival(after))
                    continue
                assert not isinstance(before, Festival)
                repo = self.removals.repo(type(after))
                if before is None:
                    stored = put_back(repo, after)  # with its id and version, as it was
                else:
                    expected = self.versions.expected(after, before.row_version)
                    stored = write_over(repo, replace(after, row_version=expected))
                    changes[index] = (before, stored)
                self.versions.wrote(stored, stored.row_version)
        log.changes[:] = changes
        self.notify(log.topics())

    def write_checked(self, record: R, before: R | None) -> R:
        """Write a record its caller has already checked against the festival, as a step
        of the open batch: an import checks thousands of rows in memory, then writes them
        here without a query per row. `before` is the record as the file has it (None:
        insert). The file's constraints still apply, and so do row versions: a record
        changed elsewhere since `before` was read raises StaleRecordError, and one the
        file refuses (a code another computer took meanwhile) a ValidationError."""
        if not self._logs:
            raise RuntimeError("write_checked() belongs inside batch()")
        repo = self.removals.repo(type(record))
        try:
            if before is None:  # a new record: its own versions start at 1
                stored: R = repo.insert(
                    record if not record.row_version else replace(record, row_version=0)
                )
            else:
                if record.row_version < 1:  # expect the version `before` was read with
                    record = replace(record, row_version=before.row_version)
                stored = repo.update(record)  # StaleRecordError when changed since read
        except sqlite3.IntegrityError as exc:
            self._refused(record, exc)
        self.versions.wrote(stored, stored.row_version)
        self._logs[-1].changes.append((before, stored))
        self.notify({TOPIC_OF[type(record)]})
        return stored

    def save(self, record: R) -> tuple[R, R | None]:
        """Insert (no id) or update (with id) a record; returns (stored, previous), the
        stored record with its new row_version.

        A record read from the file (row_version 1 or more) is written only while its
        row still has that version: StaleRecordError otherwise, nothing written. One with
        row_version 0 (built by hand) is written whatever the row's version.
        """
        self.validate(record)
        repo = self.removals.repo(type(record))
        try:
            with self.versions.transaction():
                if isinstance(record, Troupe):  # its name is unique by the check alone:
                    # check again inside the write transaction (one writer at a time),
                    # as another computer may have just added the same troupe.
                    self.validate(record)
                old = repo.get(record.id) if record.id is not None else None
                if old is not None:
                    stored = repo.update(record)
                elif record.id is not None and record.row_version >= 1:
                    raise repo.stale(record)  # read from the file, deleted since
                elif record.row_version:  # a copy of a record: the version is not its own
                    stored = repo.insert(replace(record, row_version=0))
                else:
                    stored = repo.insert(record)
                self.versions.wrote(stored, stored.row_version)
        except sqlite3.IntegrityError as exc:
            self._refused(record, exc)
        if self._logs:
            self._logs[-1].changes.append((old, stored))
        self.notify({TOPIC_OF[type(record)]})
        return stored, old

    def _refused(self, record: Record, exc: sqlite3.IntegrityError) -> NoReturn:
        """Tell a write the file's constraints refused as a ValidationError. Validation
        catches these first: one that reaches the file is another program's write in
        between (a code taken meanwhile) or a rule validation lacks. The user gets the
        message; the log keeps the details."""
        logger.warning("the file refused %r", record, exc_info=True)
        # Another computer took the code (or date) at the same moment: the rule on the
        # refused column names who has it now, in the same words as before a save.
        column = _refused_column(exc)
        found = record_rules.problems(record, _StoredFestival(self))
        named = [p for p in found if column and p.field == column]
        raise ValidationError(named or [_integrity_problem(exc)]) from exc

    # -- validation in context -------------------------------------------------------

    def validate(self, record: Record) -> None:
        """Raise ValidationError when `record` breaks a rule of its own or of the festival."""
        problems = record_rules.problems(record, _StoredFestival(self))
        if problems:
            raise ValidationError(problems)

    # -- deleting (see services.removals) ---------------------------------------------

    def dependents(self, record_type: type[Record], ids: Iterable[int]) -> Dependents:
        """Program items and booths that deleting these records would affect."""
        return self.removals.dependents(record_type, ids)

    def delete(
        self,
        record_type: type[Record],
        ids: Iterable[int | Record],
        *,
        keep_items: bool = False,
    ) -> Removal:
        """Delete records and what depends on them; `keep_items` keeps a troupe's items
        without a troupe instead of deleting them. Returns what `undelete` needs.

        `ids` are ids, or the records as read: then each must still have the row version
        it was read with, else StaleRecordError (changed or deleted elsewhere since) and
        nothing is deleted. Ids alone delete whatever the rows hold (ids not in the file
        are passed over)."""
        expected: Expected = {}
        for entry in ids:
            if isinstance(entry, int):
                expected.setdefault(entry, (None, 0))
            elif entry.id is not None:
                expected[entry.id] = (entry, entry.row_version)
        return self.removals.delete(record_type, expected, keep_items)

    def delete_again(
        self, record_type: type[Record], removal: Removal, *, keep_items: bool = False
    ) -> Removal:
        """Redo a delete that `undelete` undid: delete the records of `record_type` in
        `removal` again (and what depends on them now), refusing (StaleRecordError,
        nothing deleted) when one was changed elsewhere since this service last wrote it."""
        expected: Expected = {
            r.id: (r, self.versions.expected(r, r.row_version))
            for r in removal.of_type(record_type)
            if r.id is not None
        }
        return self.removals.delete(record_type, expected, keep_items)

    def undelete(self, removal: Removal) -> None:
        """Put back what a delete took away (see Removals.undelete)."""
        self.removals.undelete(removal)


# The column a refusal names: SQLite's "UNIQUE constraint failed: booth.code", the
# server's "Key (code)=(P-80) already exists." (store/server_errors.ConstraintError).
_REFUSED_COLUMN = re.compile(r"constraint failed: \w+\.(\w+)|Key \((\w+)")


def _refused_column(exc: sqlite3.IntegrityError) -> str:
    found = _REFUSED_COLUMN.search(str(exc))
    return (found.group(1) or found.group(2)) if found else ""


def _integrity_problem(exc: sqlite3.IntegrityError) -> Problem:
    # Validation catches these first; this is the last line of defence.
    return Problem(
        "",
        N("Validation", "The change breaks a rule of the festival file: {detail}"),
        {"detail": str(exc)},
    )


class _StoredFestival:
    """The festival as the file holds it, for the rules across records (record_rules)."""

    def __init__(self, service: FestivalService) -> None:
        self.service = service
        self.repos = service.repos

    def days(self) -> list[FestivalDay]:
        return self.service.days()

    def days_on(self, when: date) -> list[FestivalDay]:
        return self.repos.days.on_date(when)

    def venue(self, venue_id: int) -> Venue | None:
        return self.repos.venues.get(venue_id)

    def venues(self) -> list[Venue]:
        return self.service.venues()

    def booths_in(self, venue_id: int | None) -> list[Booth]:
        return self.repos.booths.where_in("venue_id", [venue_id]) if venue_id is not None else []

    def troupe(self, troupe_id: int) -> Troupe | None:
        return self.repos.troupes.get(troupe_id)

    def troupes_named(self, name: str, city_en: str) -> list[Troupe]:
        return self.repos.troupes.named(name, city_en)

    def booth(self, booth_id: int) -> Booth | None:
        return self.repos.booths.get(booth_id)

    def code_owner(self, code: str) -> int | None:
        return self.repos.booths.code_owner(code)

    def site_map_of(self, venue_id: int) -> SiteMap | None:
        return self.repos.site_maps.for_venue(venue_id)

    def spaces_coded(self, code: str) -> list[BoothSpace]:
        return self.repos.spaces.where_in("code", [code]) if code else []

    def spaces_in(self, venue_id: int | None) -> list[BoothSpace]:
        return self.service.spaces(venue_id) if venue_id else []
