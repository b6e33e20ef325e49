"""Use cases shared by the window, the command line, imports and exports.

Every write validates first (a `ValidationError` names the field), then runs in one
transaction and is committed at once. Writes return what is needed to undo them, so the
GUI's undo commands restore the file exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from festival_app.domain import venues
from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.clashes import Acknowledgement
from festival_app.domain.errors import Problem, ValidationError
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.store import backups
from festival_app.store.db import Database
from festival_app.store.repositories import Repositories, Repository

Record = FestivalDay | Venue | Troupe | ProgramItem | Booth
R = TypeVar("R", FestivalDay, Venue, Troupe, ProgramItem, Booth)
Change = Record | Festival  # what one step of a batch wrote

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
    """Everything one delete took away, so that `restore` can put it back as it was."""

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

    def __init__(self, db: Database) -> None:
        self.db = db
        self.repos = Repositories(db)
        self._listeners: list[ChangeListener] = []
        self._logs: list[ChangeLog] = []  # open batches, innermost last
        self._pending: set[str] | None = None  # kinds changed inside an open batch

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
    def create(cls, path: str | os.PathLike[str]) -> FestivalService:
        return cls(Database.create(path))

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    @property
    def path(self) -> Path:
        """The festival file."""
        return self.db.path

    def save_copy(self, target: str | os.PathLike[str]) -> None:
        """Write a complete copy of the festival file (SQLite's backup API)."""
        self.db.backup_to(target)

    def take_backup(self, reason: str = backups.MANUAL) -> Path:
        """A backup of the file into its backups folder (see store.backups); its path."""
        return backups.take_backup(self.db, reason)

    def restore_backup(self, backup: str | Path) -> Path:
        """Put the file back as it was in `backup`. Every listener hears that everything
        changed. Returns the backup taken of the state before, which undoes the restore."""
        before = backups.restore(self.db, backup)
        self.notify(ALL_KINDS)
        return before

    def backup_scheduler(self) -> backups.BackupScheduler:
        """When to take the automatic backups of this file (driven by the window)."""
        return backups.BackupScheduler(self.db)

    def close(self) -> None:
        self.db.close()

    # -- change notification ---------------------------------------------------------

    def subscribe(self, listener: ChangeListener) -> None:
        self._listeners.append(listener)

    def notify(self, kinds: Iterable[str]) -> None:
        changed = frozenset(kinds)
        if self._pending is not None:
            self._pending |= changed
            return
        if changed:
            for listener in list(self._listeners):
                listener(changed)

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
        with self.db.transaction():
            self.repos.festival.update(festival)
        if self._logs:
            self._logs[-1].changes.append((old, festival))
        self.notify({FESTIVAL})
        return old

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
            with self.db.transaction():
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
        """Undo a batch: delete what it created, put back what it changed."""
        with self.db.transaction():
            for before, after in reversed(log.changes):
                if isinstance(before, Festival):
                    self.repos.festival.update(before)
                elif before is None:
                    assert not isinstance(after, Festival)  # the festival is never inserted
                    self._repo(type(after)).delete([after.id or 0])
                else:
                    self._repo(type(before)).update(before)
        self.notify(log.kinds())

    def reapply(self, log: ChangeLog) -> None:
        """Redo a batch that `revert` undid."""
        with self.db.transaction():
            for before, after in log.changes:
                if isinstance(after, Festival):
                    self.repos.festival.update(after)
                elif before is None:
                    self._repo(type(after)).insert(after)
                else:
                    self._repo(type(after)).update(after)
        self.notify(log.kinds())

    def write_checked(self, record: R, before: R | None) -> R:
        """Write a record its caller has already checked against the festival, as a step
        of the open batch: an import checks thousands of rows in memory, then writes them
        here without a query per row. `before` is the record as the file has it (None:
        insert). The file's constraints still apply."""
        if not self._logs:
            raise RuntimeError("write_checked() belongs inside batch()")
        repo = self._repo(type(record))
        if before is None:
            stored: R = repo.insert(record)
        else:
            repo.update(record)
            stored = record
        self._logs[-1].changes.append((before, stored))
        self.notify({_KIND_NAME[type(record)]})
        return stored

    def save(self, record: R) -> tuple[R, R | None]:
        """Insert (no id) or update (with id) a record; returns (stored, previous)."""
        self.validate(record)
        repo = self._repo(type(record))
        old = repo.get(record.id) if record.id is not None else None
        try:
            with self.db.transaction():
                if old is None:
                    stored = repo.insert(record)
                else:
                    repo.update(record)
                    stored = record
        except sqlite3.IntegrityError as exc:
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
        self, kind: type[Record], ids: Iterable[int], *, keep_items: bool = False
    ) -> Removal:
        """Delete records and what depends on them; `keep_items` keeps a troupe's items
        without a troupe instead of deleting them. Returns what `restore` needs."""
        ids = sorted(set(ids))
        repo = self._repo(kind)
        removal = Removal()
        with self.db.transaction():
            records = [r for r in (repo.get(i) for i in ids) if r is not None]
            deps = self.dependents(kind, ids)
            if kind is Troupe and keep_items:
                removal.changed_items = deps.items
                for item in deps.items:
                    self.repos.program.update(replace(item, troupe_id=None))
            else:
                removal.program = deps.items
                self.repos.program.delete(i.id for i in deps.items if i.id is not None)
            removal.booths = deps.booths
            self.repos.booths.delete(b.id for b in deps.booths if b.id is not None)
            if kind is FestivalDay:
                # Booths present on a deleted day lose that day; keep how they were.
                removal.changed_booths = self.repos.booths.present_on(ids)
            repo.delete(ids)
            getattr(removal, _KIND_NAME[kind]).extend(records)
        self.notify(removal.kinds())
        return removal

    def restore(self, removal: Removal) -> None:
        """Put back what a delete took away, with the same ids and values."""
        with self.db.transaction():
            for day in removal.days:
                self.repos.days.insert(day)
            for venue in removal.venues:
                self.repos.venues.insert(venue)
            for troupe in removal.troupes:
                self.repos.troupes.insert(troupe)
            for item in removal.program:
                self.repos.program.insert(item)
            for item in removal.changed_items:
                self.repos.program.update(item)
            for booth in removal.booths:
                self.repos.booths.insert(booth)
            for booth in removal.changed_booths:
                self.repos.booths.update(booth)
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


def _integrity_problem(exc: sqlite3.IntegrityError) -> Problem:
    # Validation catches these first; this is the last line of defence.
    return Problem(
        "",
        N("Validation", "The change breaks a rule of the festival file: {detail}"),
        {"detail": str(exc)},
    )
