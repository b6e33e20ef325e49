"""Use cases shared by the window, the command line, imports and exports.

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

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from festival_app.domain import venues
from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.clashes import Acknowledgement
from festival_app.domain.errors import Problem, ValidationError
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.store import backups, outputs
from festival_app.store.db import Database
from festival_app.store.engine import is_server
from festival_app.store.repositories import Repositories, Repository

if TYPE_CHECKING:  # psycopg is imported only when a server is used
    from festival_app.store.postgres import ServerDatabase

Record = FestivalDay | Venue | Troupe | ProgramItem | Booth
R = TypeVar("R", FestivalDay, Venue, Troupe, ProgramItem, Booth)
Change = Record | Festival  # what one step of a batch wrote
RowKey = tuple[type[Any], int | None]  # (kind of record, id): one row of the file

# Names of what changed, as change notifications carry them: the kinds of record, and the
# clash acknowledgements.
FESTIVAL, DAYS, VENUES, TROUPES, PROGRAM, BOOTHS, CLASHES = (
    "festival",
    "days",
    "venues",
    "troupes",
    "program",
    "booths",
    "clashes",
)
ALL_KINDS = frozenset({FESTIVAL, DAYS, VENUES, TROUPES, PROGRAM, BOOTHS, CLASHES})

ChangeListener = Callable[[frozenset[str]], None]


@dataclass
class Removal:
    """Everything one delete took away, so that `restore` can put it back as it was.

    Deleted records keep the row versions they had (restore puts them back so); changed
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

    def kinds(self) -> frozenset[str]:
        out = {
            DAYS: self.days,
            VENUES: self.venues,
            TROUPES: self.troupes,
            PROGRAM: self.program + self.changed_items,
            BOOTHS: self.booths + self.changed_booths,
        }
        return frozenset(k for k, v in out.items() if v)


@dataclass
class ChangeLog:
    """Every record a batch of saves wrote, as (before, after); before is None for an insert.

    `revert` and `reapply` undo and redo the whole batch exactly (same ids, same values).
    They keep the entries' row versions up to date with what they last wrote, so that
    the records the log holds are as stored (the undo command's `stored()`); which
    version a row must have for them is what the service itself last wrote to it.
    """

    changes: list[tuple[Change | None, Change]] = field(default_factory=list)

    def kinds(self) -> frozenset[str]:
        return frozenset(_KIND_NAME[type(after)] for _, after in self.changes)

    def created(self) -> list[Record]:
        """The records the batch inserted."""
        return [a for b, a in self.changes if b is None and not isinstance(a, Festival)]

    def updated(self) -> list[Change]:
        return [after for before, after in self.changes if before is not None and before != after]


@dataclass(frozen=True)
class Dependents:
    """What a delete would take along, for the confirmation that names it."""

    items: list[ProgramItem]
    booths: list[Booth]

    def __bool__(self) -> bool:
        return bool(self.items or self.booths)


class FestivalService:
    """The festival in one open file."""

    def __init__(self, db: Database | ServerDatabase) -> None:
        self.db = db
        self.repos = Repositories(db)
        self._listeners: list[ChangeListener] = []
        self._logs: list[ChangeLog] = []  # open batches, innermost last
        self._pending: set[str] | None = None  # kinds changed inside an open batch
        # The row version this service last wrote to each row it wrote (0: it deleted
        # the row), as committed. The undo stack is linear: when a step is undone or
        # redone, the rows it touches hold what this service last wrote to them, unless
        # another program wrote since; so undo and redo expect these versions (a step's
        # own log has older ones when later steps were undone since).
        self._written: dict[RowKey, int] = {}
        self._staged: dict[RowKey, int] | None = None  # written in the open transaction

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
        restores), `take_over` replaces a stale one (see store.db.Database.open)."""
        return cls(Database.open(path, read_only=read_only, lock=lock, take_over=take_over))

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
        self.db.backup_to(target)

    def take_backup(self, reason: str = backups.MANUAL) -> Path:
        """A backup of the file into its backups folder (see store.backups); its path."""
        return backups.take_backup(self.db, reason)

    def restore_backup(self, backup: str | Path) -> Path:
        """Put the file back as it was in `backup`. Every listener hears that everything
        changed. Returns the backup taken of the state before, which undoes the restore."""
        if not isinstance(self.db, Database):
            raise TypeError("a server festival is restored with 'server init --from'")
        before = backups.restore(self.db, backup)
        self._written.clear()  # the rows are the backup's now
        self.notify(ALL_KINDS)
        return before

    def backup_scheduler(self) -> backups.BackupScheduler:
        """When to take the automatic backups of this file (driven by the window)."""
        if not isinstance(self.db, Database):
            raise TypeError("a server festival's backups are taken with 'server pull'")
        return backups.BackupScheduler(self.db)

    def close(self) -> None:
        self.db.close()

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
        self._listeners.append(listener)

    def reread(self) -> None:
        """Tell every listener to read the file again, as after a change of everything.

        Writes nothing. For the window after a StaleRecordError: the file was changed
        elsewhere, and the views show it as it is now.
        """
        self.notify(ALL_KINDS)

    def notify(self, kinds: Iterable[str]) -> None:
        changed = frozenset(kinds)
        if self._pending is not None:
            self._pending |= changed
            return
        if changed:
            for listener in list(self._listeners):
                listener(changed)

    # -- row versions this service wrote --------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """A write transaction (joining an open one) that keeps the row versions written
        in it once it is committed, and forgets them when it is rolled back."""
        outer = self._staged is None
        if outer:
            self._staged = {}
        try:
            with self.db.transaction():
                yield
        except BaseException:
            if outer:
                self._staged = None
            raise
        if outer:
            staged, self._staged = self._staged or {}, None
            self._written.update(staged)

    def _wrote(self, record: Record, version: int) -> None:
        """Note the version just written to `record`'s row (0: the row was deleted)."""
        if self._staged is not None:
            self._staged[(type(record), record.id)] = version

    def _expected(self, record: Record, fallback: int) -> int:
        """The version `record`'s row has if nobody else wrote it since this service last
        did; `fallback` (a step's own) when this service has not written it."""
        key = (type(record), record.id)
        found = self._staged.get(key) if self._staged is not None else None
        if found is None:
            found = self._written.get(key)
        return found if found else fallback

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

    def booths(self) -> list[Booth]:
        return self.repos.booths.all()

    def get(self, kind: type[R], record_id: int) -> R | None:
        return self._repo(kind).get(record_id)

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
        with self._transaction():
            stored = self._write_festival(festival)
        if self._logs:
            self._logs[-1].changes.append((old, stored))
        self.notify({FESTIVAL})
        return old

    def _write_festival(self, festival: Festival) -> Festival:
        """Write the festival row over the version this service last wrote to it (undo
        and redo), or else the version `festival` was read with; StaleRecordError when
        someone else changed it since."""
        key: RowKey = (Festival, 1)
        found = self._staged.get(key) if self._staged is not None else None
        expected = found or self._written.get(key) or festival.row_version
        stored = self.repos.festival.update(replace(festival, row_version=expected))
        if self._staged is not None:
            self._staged[key] = stored.row_version
        return stored

    @contextmanager
    def batch(self) -> Iterator[ChangeLog]:
        """Run several saves as one transaction; listeners hear of them once, at the end.

        The yielded log lists every record written, for one undo step.
        """
        log = ChangeLog()
        outer = self._pending is None
        if outer:
            self._pending = set()
        self._logs.append(log)
        try:
            with self._transaction():
                yield log
        except BaseException:
            if outer:
                self._pending = None
            raise
        finally:
            self._logs.pop()
        if self._logs:
            self._logs[-1].changes.extend(log.changes)
        if outer:
            pending, self._pending = self._pending or set(), None
            self.notify(pending)

    def revert(self, log: ChangeLog) -> None:
        """Undo a batch: delete what it created, put back what it changed.

        Every row must still be as this service last left it (the batch, its last redo,
        or the undo of a later step): a record changed or deleted elsewhere since raises
        StaleRecordError, and nothing is written. The log's entries get the row versions
        written here.
        """
        changes = list(log.changes)
        with self._transaction():
            for index in reversed(range(len(changes))):
                before, after = changes[index]
                if isinstance(before, Festival):
                    changes[index] = (self._write_festival(before), after)
                    continue
                assert not isinstance(after, Festival)  # the festival is never inserted
                repo = self._repo(type(after))
                expected = self._expected(after, after.row_version)
                if before is None:
                    _take_out(repo, replace(after, row_version=expected))
                    self._wrote(after, 0)
                else:
                    stored = _write_over(repo, replace(before, row_version=expected))
                    changes[index] = (stored, after)
                    self._wrote(stored, stored.row_version)
        log.changes[:] = changes
        self.notify(log.kinds())

    def reapply(self, log: ChangeLog) -> None:
        """Redo a batch that `revert` undid, refusing (StaleRecordError, nothing written)
        when a row was changed elsewhere since. The log's entries get the row versions
        written here."""
        changes = list(log.changes)
        with self._transaction():
            for index, (before, after) in enumerate(changes):
                if isinstance(after, Festival):
                    changes[index] = (before, self._write_festival(after))
                    continue
                assert not isinstance(before, Festival)
                repo = self._repo(type(after))
                if before is None:
                    stored = _put_back(repo, after)  # with its id and version, as it was
                else:
                    expected = self._expected(after, before.row_version)
                    stored = _write_over(repo, replace(after, row_version=expected))
                    changes[index] = (before, stored)
                self._wrote(stored, stored.row_version)
        log.changes[:] = changes
        self.notify(log.kinds())

    def write_checked(self, record: R, before: R | None) -> R:
        """Write a record its caller has already checked against the festival, as a step
        of the open batch: an import checks thousands of rows in memory, then writes them
        here without a query per row. `before` is the record as the file has it (None:
        insert). The file's constraints still apply, and so do row versions: a record
        changed elsewhere since `before` was read raises StaleRecordError."""
        if not self._logs:
            raise RuntimeError("write_checked() belongs inside batch()")
        repo = self._repo(type(record))
        if before is None:  # a new record: its own versions start at 1
            stored: R = repo.insert(
                record if not record.row_version else replace(record, row_version=0)
            )
        else:
            if record.row_version < 1:  # expect the version `before` was read with
                record = replace(record, row_version=before.row_version)
            stored = repo.update(record)  # StaleRecordError when changed since read
        self._wrote(stored, stored.row_version)
        self._logs[-1].changes.append((before, stored))
        self.notify({_KIND_NAME[type(record)]})
        return stored

    def save(self, record: R) -> tuple[R, R | None]:
        """Insert (no id) or update (with id) a record; returns (stored, previous), the
        stored record with its new row_version.

        A record read from the file (row_version 1 or more) is written only while its
        row still has that version: StaleRecordError otherwise, nothing written. One with
        row_version 0 (built by hand) is written whatever the row's version.
        """
        self.validate(record)
        repo = self._repo(type(record))
        try:
            with self._transaction():
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
                self._wrote(stored, stored.row_version)
        except sqlite3.IntegrityError as exc:
            # Another computer took the code (or date) at the same moment: validating
            # again names who has it now, in the same words as before a save.
            self.validate(record)
            raise ValidationError([_integrity_problem(exc)]) from exc
        if self._logs:
            self._logs[-1].changes.append((old, stored))
        self.notify({_KIND_NAME[type(record)]})
        return stored, old

    def save_many(self, records: Iterable[Record]) -> ChangeLog:
        """Insert or update several records in one transaction (all or nothing)."""
        with self.batch() as log:
            for record in records:
                self.save(record)  # type: ignore[type-var]  # each record on its own type
        return log

    # -- validation in context -------------------------------------------------------

    def validate(self, record: Record) -> None:
        """Raise ValidationError when `record` breaks a rule of its own or of the festival."""
        problems: list[Problem]
        if isinstance(record, FestivalDay):
            problems = record.problems()
            for other in self.repos.days.on_date(record.date):
                if other.id != record.id:
                    problems.append(
                        Problem(
                            "date",
                            N("Validation", "{date} is already a festival day."),
                            {"date": record.date.isoformat()},
                        )
                    )
        elif isinstance(record, Venue):
            booths = (
                self.repos.booths.where_in("venue_id", [record.id]) if record.id is not None else []
            )
            problems = record.problems() + venues.conflicts(record, self.venues(), booths)
        elif isinstance(record, Troupe):
            problems = record.problems()
            same = self.repos.troupes.named(record.name, record.city_en)
            if any(t.id != record.id for t in same):
                problems.append(
                    Problem(
                        "name",
                        N("Validation", "A troupe named '{name}' from '{city}' already exists."),
                        {"name": record.name, "city": record.city_en},
                    )
                )
        elif isinstance(record, ProgramItem):
            problems = record.problems(self.days())
            if self.repos.venues.get(record.venue_id) is None:
                problems.append(Problem("venue_id", N("Validation", "Choose a venue.")))
            if record.troupe_id is not None and self.repos.troupes.get(record.troupe_id) is None:
                problems.append(Problem("troupe_id", N("Validation", "The troupe does not exist.")))
        elif isinstance(record, Booth):
            venue = self.repos.venues.get(record.venue_id)
            problems = record.problems(venue)
            if venue is None:
                problems.append(Problem("venue_id", N("Validation", "Choose a booth area.")))
            if record.code:
                owner = self.repos.booths.code_owner(record.code)
                if owner is not None and owner != record.id:
                    holder = self.repos.booths.get(owner)
                    problems.append(
                        Problem(
                            "code",
                            N("Validation", "Code {code} is already given to {other}."),
                            {"code": record.code, "other": holder.label() if holder else owner},
                        )
                    )
            day_ids = {d.id for d in self.days()}
            if not record.day_ids <= day_ids:
                problems.append(
                    Problem(
                        "day_ids", N("Validation", "A booth can only be present on festival days.")
                    )
                )
        else:  # pragma: no cover - a programming error
            raise TypeError(f"not a record: {record!r}")
        if problems:
            raise ValidationError(problems)

    # -- deleting ------------------------------------------------------------------

    def dependents(self, kind: type[Record], ids: Iterable[int]) -> Dependents:
        """Program items and booths that deleting these records would affect."""
        ids = list(ids)
        if not ids or kind in (ProgramItem, Booth):
            return Dependents([], [])
        column = {FestivalDay: "day_id", Venue: "venue_id", Troupe: "troupe_id"}[kind]
        items = self.repos.program.where_in(column, ids)
        booths = self.repos.booths.where_in("venue_id", ids) if kind is Venue else []
        return Dependents(items, booths)

    def delete(
        self,
        kind: type[Record],
        ids: Iterable[int | Record],
        *,
        keep_items: bool = False,
    ) -> Removal:
        """Delete records and what depends on them; `keep_items` keeps a troupe's items
        without a troupe instead of deleting them. Returns what `restore` needs.

        `ids` are ids, or the records as read: then each must still have the row version
        it was read with, else StaleRecordError (changed or deleted elsewhere since) and
        nothing is deleted. Ids alone delete whatever the rows hold (ids not in the file
        are passed over)."""
        expected: dict[int, tuple[Record | None, int]] = {}  # id -> (record, version)
        for entry in ids:
            if isinstance(entry, int):
                expected.setdefault(entry, (None, 0))
            elif entry.id is not None:
                expected[entry.id] = (entry, entry.row_version)
        return self._delete(kind, expected, keep_items)

    def delete_again(
        self, kind: type[Record], removal: Removal, *, keep_items: bool = False
    ) -> Removal:
        """Redo a delete that `restore` undid: delete the records of `kind` in `removal`
        again (and what depends on them now), refusing (StaleRecordError, nothing
        deleted) when one was changed elsewhere since this service last wrote it."""
        records: list[Record] = getattr(removal, _KIND_NAME[kind])
        expected: dict[int, tuple[Record | None, int]] = {
            r.id: (r, self._expected(r, r.row_version)) for r in records if r.id is not None
        }
        return self._delete(kind, expected, keep_items)

    def _delete(
        self, kind: type[Record], expected: dict[int, tuple[Record | None, int]], keep_items: bool
    ) -> Removal:
        """Delete the rows of `expected`'s ids; each given with a version (1 or more) must
        still have it."""
        id_list = sorted(expected)
        repo = self._repo(kind)
        removal = Removal()
        with self._transaction():
            found = {i: r for i in id_list if (r := repo.get(i)) is not None}
            for record_id, (given, version) in expected.items():
                current = found.get(record_id)
                changed = current is None or current.row_version != version
                if given is not None and version >= 1 and changed:
                    raise repo.stale(given)
            records = list(found.values())
            deps = self.dependents(kind, id_list)
            if kind is Troupe and keep_items:
                for item in deps.items:
                    stored = self.repos.program.update(replace(item, troupe_id=None))
                    self._wrote(stored, stored.row_version)
                    removal.changed_items.append(replace(item, row_version=stored.row_version))
            else:
                removal.program = deps.items
                self.repos.program.delete(i.id for i in deps.items if i.id is not None)
                for item in deps.items:
                    self._wrote(item, 0)
            removal.booths = deps.booths
            self.repos.booths.delete(b.id for b in deps.booths if b.id is not None)
            for booth in deps.booths:
                self._wrote(booth, 0)
            if kind is FestivalDay:
                # Booths present on a deleted day lose that day (a change of the booth,
                # so its version goes up); keep how they were.
                gone = frozenset(id_list)
                for booth in self.repos.booths.present_on(id_list):
                    stored_booth = self.repos.booths.update(
                        replace(booth, day_ids=booth.day_ids - gone)
                    )
                    self._wrote(stored_booth, stored_booth.row_version)
                    removal.changed_booths.append(
                        replace(booth, row_version=stored_booth.row_version)
                    )
            repo.delete(id_list)
            for record in records:
                self._wrote(record, 0)
            getattr(removal, _KIND_NAME[kind]).extend(records)
        self.notify(removal.kinds())
        return removal

    def restore(self, removal: Removal) -> None:
        """Put back what a delete took away, with the same ids, values and row versions.

        Refused (StaleRecordError, nothing written) when a changed record was changed
        again elsewhere since this service last wrote it, or a deleted one's id was taken
        meanwhile."""
        repos = self.repos
        with self._transaction():
            for records, repo in (
                (removal.days, repos.days),
                (removal.venues, repos.venues),
                (removal.troupes, repos.troupes),
                (removal.program, repos.program),
            ):
                for record in records:
                    self._wrote(record, _put_back(repo, record).row_version)
            for item in removal.changed_items:
                expected = replace(item, row_version=self._expected(item, item.row_version))
                self._wrote(item, _write_over(repos.program, expected).row_version)
            for booth in removal.booths:
                self._wrote(booth, _put_back(repos.booths, booth).row_version)
            for booth in removal.changed_booths:
                expected_booth = replace(
                    booth, row_version=self._expected(booth, booth.row_version)
                )
                self._wrote(booth, _write_over(repos.booths, expected_booth).row_version)
        self.notify(removal.kinds())

    # -- helpers ---------------------------------------------------------------------

    def _repo(self, kind: type[Any]) -> Repository[Any]:
        repos: dict[type[Any], Repository[Any]] = {
            FestivalDay: self.repos.days,
            Venue: self.repos.venues,
            Troupe: self.repos.troupes,
            ProgramItem: self.repos.program,
            Booth: self.repos.booths,
        }
        return repos[kind]


_KIND_NAME: dict[type[Any], str] = {
    Festival: FESTIVAL,
    FestivalDay: DAYS,
    Venue: VENUES,
    Troupe: TROUPES,
    ProgramItem: PROGRAM,
    Booth: BOOTHS,
}


# Undo, redo and restore write what the file held before, which fits its rules unless it
# was changed elsewhere meanwhile (a deleted record's id taken, a record it refers to
# deleted): such a conflict is a StaleRecordError naming the record, not a crash.


def _put_back(repo: Repository[Any], record: Record) -> Record:
    """Insert `record` as it was (same id and row version)."""
    try:
        return repo.insert(record)
    except sqlite3.IntegrityError as exc:
        raise repo.stale(record, deleted=False) from exc


def _write_over(repo: Repository[Any], record: Record) -> Record:
    """Update with the row-version check; a conflict with the file's rules is stale too."""
    try:
        return repo.update(record)
    except sqlite3.IntegrityError as exc:
        raise repo.stale(record) from exc


def _take_out(repo: Repository[Any], record: Record) -> None:
    try:
        repo.delete_record(record)
    except sqlite3.IntegrityError as exc:
        raise repo.stale(record) from exc


def _integrity_problem(exc: sqlite3.IntegrityError) -> Problem:
    # Validation catches these first; this is the last line of defence.
    return Problem(
        "",
        N("Validation", "The change breaks a rule of the festival file: {detail}"),
        {"detail": str(exc)},
    )
