"""Step 2 of an import: normalise raw rows, resolve them to records, check every rule.

Nothing is written here. The festival's records are read once into dictionaries and every
row is resolved and validated in memory with the domain's own `problems()`, so a sheet of
12,000 booths costs five queries, not one per row. Records the workbook creates get
negative placeholder ids; `apply` replaces them with the ids the file gives them.

A blank cell leaves the record's field as it is (a new record gets the field's default);
a cell holding just the clear marker, "(clear)", empties the field on purpose. A row finds
its record by the record's key (a booth's code, a troupe's name and city, …) or, failing
that, by a secondary key (a booth's category and country or organization, a troupe's
name alone); such a change says which record the row matched. A row that could mean
several records is an error that asks for the key.

The booth workbook that `export booths` writes holds every booth twice (all booths, and
one sheet per booth area): a record found again on another sheet is one record; the copy
that differs from the festival is the edit, and two different edits are an error.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, TypeVar

from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.errors import Problem
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue
from festival_app.domain.venues import conflicts as venue_conflicts
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.imports import format as fmt
from festival_app.imports import values
from festival_app.imports.describe import Names
from festival_app.imports.errors import CANCELLED, ImportProblem, Severity, WorkbookError
from festival_app.imports.format import Column, Kind, RawSheet, RawWorkbook, Sheet, fold, joined
from festival_app.services import FestivalService, Record

# Domain field names that a sheet shows under another column.
_FIELD_COLUMN = {"venue_id": "venue", "day_id": "day", "troupe_id": "troupe"}
_CHECK_CANCEL_EVERY = 500
_TITLE_LIMIT = 31  # characters of a sheet title (Excel's limit)

_R = TypeVar("_R", FestivalDay, Venue, Troupe, ProgramItem, Booth)
RowKey = tuple[str, int]  # (the workbook's sheet title, row number)


class _Clear:
    """A cell holding the clear marker: the field is emptied on purpose."""

    def __repr__(self) -> str:
        return "CLEAR"


CLEAR: Any = _Clear()


@dataclass(frozen=True)
class _Both:
    """Two columns of one field (the exports' Korean and English country names) that
    name different values; the record's present value tells which one was edited."""

    values: tuple[Any, ...]


@dataclass
class Change:
    """One record the import writes: before is None when it is created."""

    sheet: str  # the format's English sheet name, or the workbook's title (ImportSheet)
    row: int
    before: Record | None
    after: Record  # references to created records hold negative placeholder ids
    # The row found the record by a secondary key (category and country, …), not its own.
    matched: bool = False
    source: str = ""  # the workbook's sheet title: (source, row) is what to leave out

    @property
    def key(self) -> RowKey:
        return (self.source or self.sheet, self.row)


@dataclass
class FestivalChange:
    """The festival's own fields (the Festival sheet)."""

    sheet: str
    row: int
    before: Festival
    after: Festival
    matched: bool = False
    source: str = ""

    @property
    def key(self) -> RowKey:
        return (self.source or self.sheet, self.row)


@dataclass
class SheetCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: int = 0  # rows with at least one error
    warnings: int = 0

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged + self.errors


@dataclass
class ImportPlan:
    """What an import would do, and everything wrong with the workbook."""

    counts: dict[str, SheetCounts] = field(default_factory=dict)  # canonical sheet -> counts
    problems: list[ImportProblem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    festival: tuple[Festival, Festival] | None = None  # (before, after) when it changes
    festival_change: FestivalChange | None = None  # the same, with its row
    # Venues, days and troupes as the import leaves them, to name references.
    names: Names = field(default_factory=Names)
    # The rows read, to plan again with some changes left out (see `workbook.replan`).
    raw: RawWorkbook | None = field(default=None, repr=False)
    skipped: frozenset[RowKey] = frozenset()

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)

    @property
    def error_rows(self) -> int:
        return sum(c.errors for c in self.counts.values()) or (1 if self.has_errors else 0)

    @property
    def has_changes(self) -> bool:
        return bool(self.changes) or self.festival is not None

    def shown(self) -> list[Change | FestivalChange]:
        """Every change for the preview, the festival's first, then in sheet order."""
        out: list[Change | FestivalChange] = []
        if self.festival_change is not None:
            out.append(self.festival_change)
        out += self.changes
        return out

    @property
    def created(self) -> int:
        return sum(c.created for c in self.counts.values())

    @property
    def updated(self) -> int:
        return sum(c.updated for c in self.counts.values())

    @property
    def unchanged(self) -> int:
        return sum(c.unchanged for c in self.counts.values())

    def errors(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.is_error]

    def warnings(self) -> list[ImportProblem]:
        return [p for p in self.problems if not p.is_error]


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
        )


def make_plan(
    source: FestivalService | Snapshot,
    raw: RawWorkbook,
    *,
    should_stop: Callable[[], bool] | None = None,
    skip: Iterable[RowKey] = (),
) -> ImportPlan:
    """Resolve a raw workbook against the festival; raises WorkbookError only if cancelled.

    Rows in `skip` ((sheet title, row number), as `Change.key` gives them) are left out,
    as if the workbook did not hold them.
    """
    snapshot = source if isinstance(source, Snapshot) else Snapshot.read(source)
    plan = _Planner(snapshot, should_stop, frozenset(skip)).plan(raw)
    plan.raw = raw
    return plan


def _reader(column: Column) -> Callable[[object], Any]:
    """The function that reads this column's (non-blank) cells.

    Fixed lists, countries and yes/no repeat the same few values on every row, so their
    readings are remembered (per import); a value that fails is read again each time so
    that every row reports its own problem.
    """
    kind = column.kind
    if kind == Kind.NOTES:
        return values.notes
    if kind == Kind.TEXT:
        return values.text
    if kind == Kind.DAYS:
        return values.dates
    if kind == Kind.INT:
        return values.integer
    if kind == Kind.TIME:
        return values.clock
    if kind == Kind.DATE:
        return values.day
    if kind == Kind.BOOL:
        parse: Callable[[object], Any] = values.boolean
    elif kind == Kind.COUNTRY:
        parse = values.country
    else:
        assert kind == Kind.CHOICE and column.choices is not None
        choices = column.choices

        def parse(cell: object) -> Any:
            return values.choice(cell, choices)

    seen: dict[tuple[type, object], Any] = {}

    def read(cell: object) -> Any:
        key = (type(cell), cell)  # 1 and True are equal, but not the same cell
        try:
            return seen[key]
        except KeyError:
            result = seen[key] = parse(cell)
            return result
        except TypeError:  # not hashable
            return parse(cell)

    return read


def _empty(kind: type, name: str) -> Any:
    """What the clear marker leaves in a field: its default ("" for text, None, False, 0)."""
    for spec in dataclasses.fields(kind):
        if spec.name == name:
            if spec.default is not dataclasses.MISSING:
                return spec.default
            if spec.default_factory is not dataclasses.MISSING:
                return spec.default_factory()
    return ""


def _same(after: Record, before: Record) -> bool:
    """The same content, whatever the (placeholder) ids."""
    return after == before or replace(after, id=before.id) == before


class _RowFailed(Exception):
    """The row has an error already reported; skip the rest of it."""


@dataclass(frozen=True)
class _Sighting:
    source: str  # the workbook's sheet title
    where: str  # as problems name it
    row: int


class _Planner:
    def __init__(
        self,
        snapshot: Snapshot,
        should_stop: Callable[[], bool] | None,
        skip: frozenset[RowKey] = frozenset(),
    ) -> None:
        self.should_stop = should_stop
        self.skip = skip
        self.result = ImportPlan(skipped=skip)
        self.festival = snapshot.festival
        self.next_id = -1
        # Current state (existing records, as the import would leave them), by id.
        self.days: dict[date, FestivalDay] = {d.date: d for d in snapshot.days}
        self.venues: dict[int, Venue] = {v.id: v for v in snapshot.venues if v.id is not None}
        self.troupes: dict[int, Troupe] = {t.id: t for t in snapshot.troupes if t.id is not None}
        self.items: dict[int, ProgramItem] = {i.id: i for i in snapshot.items if i.id is not None}
        self.booths: dict[int, Booth] = {b.id: b for b in snapshot.booths if b.id is not None}
        # The records as read, for a row that repeats one on another sheet.
        self.originals: dict[tuple[type, int], Record] = {}
        for records in (snapshot.days, snapshot.venues, snapshot.troupes, snapshot.items):
            for record in records:
                if record.id is not None:
                    self.originals[(type(record), record.id)] = record
        for booth_id, booth in self.booths.items():
            self.originals[(Booth, booth_id)] = booth
        # Indexes for identity and references.
        self.venue_names: dict[str, int] = {}
        for venue in self.venues.values():
            self._index_venue(venue)
        self.troupe_keys: dict[tuple[str, str], int] = {}
        self.troupe_names: dict[str, set[int]] = defaultdict(set)
        for troupe in self.troupes.values():
            self._index_troupe(troupe)
        self.item_keys: dict[tuple[int, int, object, str], int] = {}
        for item in self.items.values():
            self._index_item(item)
        self.code_owner: dict[str, int] = {}
        self.booth_keys: dict[tuple[str, str], set[int]] = defaultdict(set)
        self.codeless: dict[tuple[str, str], set[int]] = defaultdict(set)
        self.venue_booths: dict[int, set[int]] = defaultdict(set)
        for booth in self.booths.values():
            self._index_booth(booth)
        self.seen: dict[tuple[str, object], _Sighting] = {}  # record identity -> first row
        self.row_count = 0
        self._row_failed = False
        self.source = ""  # the workbook's title of the sheet being read
        self.where = ""  # the sheet as problems and changes name it
        self.sheet_venue: int | None = None  # the booth area a booth sheet's title names

    # -- the whole workbook ----------------------------------------------------------------

    def plan(self, raw: RawWorkbook) -> ImportPlan:
        by_sheet: dict[str, list[RawSheet]] = defaultdict(list)
        for title, raw_sheet in raw.items():
            sheet = fmt.sheet_for(title)
            if sheet is None and raw_sheet.kind:
                sheet = next(s for s in fmt.SHEETS if s.en == raw_sheet.kind)
            if sheet is None and fmt.is_auxiliary(title):
                continue  # the template's own instructions and lists, a summary
            if sheet is None:
                self._problem(
                    title,
                    0,
                    "",
                    N("Import", "This sheet is not part of the import format and was skipped."),
                    severity=Severity.WARNING,
                )
                continue
            by_sheet[sheet.en].append(raw_sheet)
        handlers: dict[str, Callable[[int, dict[str, Any]], None]] = {
            fmt.FESTIVAL.en: self._festival_row,
            fmt.DAYS.en: self._day_row,
            fmt.VENUES.en: self._venue_row,
            fmt.TROUPES.en: self._troupe_row,
            fmt.PROGRAM.en: self._item_row,
            fmt.BOOTHS.en: self._booth_row,
        }
        for sheet in fmt.SHEETS:
            # A sheet named as the format names it first, then its copies.
            for raw_sheet in sorted(by_sheet.get(sheet.en, ()), key=lambda r: bool(r.kind)):
                self._sheet(sheet, raw_sheet, handlers[sheet.en])
        self.result.names = Names(
            venues=self.venues,
            days={d.id: d for d in self.days.values() if d.id is not None},
            troupes=self.troupes,
        )
        return self.result

    def _sheet(
        self, sheet: Sheet, raw: RawSheet, handle: Callable[[int, dict[str, Any]], None]
    ) -> None:
        counts = self.result.counts.setdefault(sheet.en, SheetCounts())
        self.sheet = sheet
        self.counts = counts
        self.source = raw.title
        self.where = sheet.en if fold(raw.title) in (fold(sheet.en), fold(sheet.ko)) else raw.title
        self.sheet_venue = self._titled_venue(raw.title) if sheet is fmt.BOOTHS else None
        known = sheet.headers()
        columns: dict[str, Column] = {}
        seen_headers: set[str] = set()
        for header in raw.headers:
            if values.is_blank(header):
                continue
            label = values.text(header)
            column = sheet.find(label, known)
            if column is None:
                if not sheet.ignores(label):
                    self._problem(
                        self.where,
                        0,
                        "",
                        N("Import", "Column '{header}' is not part of the format and was ignored."),
                        severity=Severity.WARNING,
                        header=label,
                    )
            elif fold(label) in seen_headers:
                self._problem(
                    self.where,
                    0,
                    column.en,
                    N("Import", "This column appears twice; the first is used."),
                    severity=Severity.WARNING,
                )
            else:
                # Two headers of one column (the exports' Korean and English country
                # names) are both read; see _Both.
                columns[header] = column
            seen_headers.add(fold(label))
        for formula_row, formula_header, formula_cell in raw.unvalued_formulas:
            formula_column = columns.get(formula_header)
            self._problem(
                self.where,
                formula_row,
                formula_column.en if formula_column else "",
                N(
                    "Import",
                    "Cell {cell} holds a formula whose result was not saved in the file, so it "
                    "was read as empty. Open the workbook in Excel or LibreOffice, save it, "
                    "and import it again.",
                ),
                severity=Severity.WARNING,
                cell=formula_cell,
            )
        present = set(columns.values())
        missing = [c for c in sheet.columns if c.required and c not in present]
        if sheet is fmt.VENUES and not {sheet.column("name_en"), sheet.column("name_ko")} & present:
            missing.append(sheet.column("name_en"))
        for column in missing:
            self._problem(
                self.where,
                0,
                column.en,
                N("Import", "The sheet has no column '{header}' ({korean}); it is required."),
                header=column.en,
                korean=column.ko,
            )
        if missing:
            counts.errors += len(raw.rows)
            return
        readers = {header: (column, _reader(column)) for header, column in columns.items()}
        for number, cells in raw.rows:
            self.row_count += 1
            if (
                self.should_stop
                and self.row_count % _CHECK_CANCEL_EVERY == 0
                and self.should_stop()
            ):
                raise WorkbookError(CANCELLED)
            if (raw.title, number) in self.skip:
                continue  # left out by the user
            self.row = number
            self._row_failed = False
            if all(values.is_blank(v) or v is False for v in cells.values()):
                continue  # an empty row between filled ones
            if any(isinstance(v, str) and fmt.EXAMPLE_MARKER in v for v in cells.values()):
                self._problem(
                    self.where,
                    number,
                    "",
                    N("Import", "This is the template's example row; it was skipped."),
                    severity=Severity.WARNING,
                )
                continue
            row: dict[str, Any] = {}
            for header, cell in cells.items():
                reader = readers.get(header)
                if reader is None or values.is_blank(cell):
                    continue  # a blank cell leaves the field as it is
                column, read = reader
                if values.is_clear(cell):
                    if column.required or column.kind == Kind.CHOICE:
                        self._error(
                            column.key,
                            N(
                                "Import",
                                "{header} cannot be cleared; fill in a value or leave the cell "
                                "blank to keep it.",
                            ),
                            header=column.en,
                        )
                        continue
                    self._put(row, column.key, CLEAR)
                    continue
                try:
                    self._put(row, column.key, read(cell))
                except values.CellError as exc:
                    self._cell_problem(column, exc)
            if not self._row_failed:
                for column in sheet.columns:
                    if column.required and column.key not in row:
                        self._error(
                            column.key, N("Import", "{header} is required."), header=column.en
                        )
            if not self._row_failed:
                with contextlib.suppress(_RowFailed):
                    handle(number, row)
            elif sheet in (fmt.PROGRAM, fmt.BOOTHS):
                # A cell could not be read; still say whether the row's references hold,
                # so one round of corrections fixes the whole row.
                with contextlib.suppress(_RowFailed):
                    if isinstance(row.get("venue"), str):
                        self._venue_id(row["venue"])
                with contextlib.suppress(_RowFailed):
                    if isinstance(row.get("day"), date):
                        self._day_id(row["day"], "day")
            if self._row_failed:
                counts.errors += 1

    @staticmethod
    def _put(row: dict[str, Any], key: str, value: Any) -> None:
        """Set a field; a second column of the same field that disagrees makes a _Both."""
        if key not in row:
            row[key] = value
            return
        present = row[key]
        if isinstance(present, _Both):
            if value not in present.values:
                row[key] = _Both((*present.values, value))
        elif present != value:
            row[key] = _Both((present, value))

    def _titled_venue(self, title: str) -> int | None:
        """The booth area a sheet's title names (the booth workbook has one per area; a
        sheet title holds at most 31 characters, so a long name is cut)."""
        key = joined(title)
        cut = len(title.strip()) >= _TITLE_LIMIT - 1
        found = {
            venue_id
            for venue_id, venue in self.venues.items()
            for name in (venue.name_en, venue.name_ko)
            if name and key and (key == joined(name) or (cut and joined(name).startswith(key)))
        }
        return found.pop() if len(found) == 1 else None

    # -- problems --------------------------------------------------------------------------

    def _problem(
        self,
        sheet: str,
        row: int,
        column: str,
        template: str,
        *,
        suggestion: str = "",
        severity: Severity = Severity.ERROR,
        translate_params: bool = False,
        **params: object,
    ) -> None:
        self.result.problems.append(
            ImportProblem(
                sheet, row, column, template, params, suggestion, severity, translate_params
            )
        )

    def _header(self, key: str) -> str:
        key = _FIELD_COLUMN.get(key, key)
        for column in self.sheet.columns:
            if column.key == key:
                return column.en
        return ""

    def _cell_problem(self, column: Column, exc: values.CellError) -> None:
        self.result.problems.append(
            ImportProblem(self.where, self.row, column.en, exc.template, exc.params, exc.suggestion)
        )
        self._row_failed = True

    def _error(self, key: str, template: str, *, suggestion: str = "", **params: object) -> None:
        self.result.problems.append(
            ImportProblem(self.where, self.row, self._header(key), template, params, suggestion)
        )
        self._row_failed = True

    def _fail(self, key: str, template: str, *, suggestion: str = "", **params: object) -> None:
        self._error(key, template, suggestion=suggestion, **params)
        raise _RowFailed

    def _check(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.result.problems.append(
                ImportProblem(
                    self.where,
                    self.row,
                    self._header(problem.field),
                    problem.template,
                    problem.params,
                    translate_params=True,
                )
            )
            self._row_failed = True
        if self._row_failed:
            raise _RowFailed

    # -- identity, fields and changes ------------------------------------------------------

    def _once(self, identity: tuple[str, object], key: str) -> _Sighting | None:
        """Refuse a second row for the same record on the same sheet; a row on another
        sheet (the booth workbook's copies) is returned as the first sighting."""
        first = self.seen.setdefault(identity, _Sighting(self.source, self.where, self.row))
        if first.source == self.source and first.row == self.row:
            return None
        if first.source == self.source:
            self._fail(key, N("Import", "This is the same record as row {first}."), first=first.row)
        return first

    def _remember(self, kind: str, record: Record) -> None:
        """A created record is found by its (placeholder) id from now on, too."""
        if record.id is not None:
            self.seen.setdefault((kind, record.id), _Sighting(self.source, self.where, self.row))

    def _original(self, kind: type[_R], record_id: int | None) -> _R | None:
        found = self.originals.get((kind, record_id)) if record_id is not None else None
        assert found is None or isinstance(found, kind)
        return found

    def _again(
        self, first: _Sighting, before: Record | None, original: Record | None, after: Record
    ) -> bool:
        """A record seen before on another sheet: True when this row is its edit.

        Nothing to do when this copy says what the first said or what the festival has;
        when the first copy left the record as it was, this one is the edit.
        """
        if before is not None and _same(after, before):
            return False
        if original is not None and after == original:
            return False
        if original is not None and before == original:
            self.counts.unchanged -= 1  # the first copy was counted as unchanged
            return True
        self._fail(
            "",
            N(
                "Import",
                "This record is also in sheet '{sheet}' row {row} with other values; "
                "change it in one place only.",
            ),
            sheet=first.where,
            row=first.row,
        )
        raise AssertionError  # unreachable: _fail raises

    def _record(self, before: Record | None, after: Record, *, matched: bool = False) -> None:
        if before is None:
            self.counts.created += 1
            self.result.changes.append(
                Change(self.where, self.row, None, after, source=self.source)
            )
        elif before == after:
            self.counts.unchanged += 1
        else:
            self.counts.updated += 1
            self.result.changes.append(
                Change(self.where, self.row, before, after, matched, self.source)
            )

    def _given(
        self, row: dict[str, Any], names: Iterable[str], kind: type, base: Any
    ) -> dict[str, Any]:
        """The fields a row fills: blank cells are absent; the clear marker gives the
        field's empty value; two disagreeing columns are settled against `base`."""
        out: dict[str, Any] = {}
        for name in names:
            if name not in row:
                continue
            value = row[name]
            if value is CLEAR:
                value = _empty(kind, name)
            elif isinstance(value, _Both):
                value = self._settle(name, value, getattr(base, name, None), kind)
            out[name] = value
        return out

    def _settle(self, key: str, both: _Both, current: Any, kind: type) -> Any:
        """Of two columns of one field, the one that differs from the record's value."""
        choices = [_empty(kind, key) if v is CLEAR else v for v in both.values]
        edited: list[Any] = []  # in order, each once (a list of dates is not hashable)
        for value in choices:
            if value != current and value not in edited:
                edited.append(value)
        if len(edited) == 1:
            return edited[0]
        if not edited:
            return current
        self._fail(
            key,
            N(
                "Import",
                "The columns for {header} disagree ({values}); correct one of them.",
            ),
            header=self._header(key),
            values=", ".join(str(v) for v in choices),
        )
        raise AssertionError  # unreachable: _fail raises

    @staticmethod
    def _text(row: dict[str, Any], key: str) -> str:
        """A text field as given for identifying the record ("" when blank or cleared)."""
        value = row.get(key)
        return value if isinstance(value, str) else ""

    @staticmethod
    def _options(row: dict[str, Any], key: str) -> list[str]:
        """A text field's values for identifying the record: one, or both of two columns."""
        value = row.get(key)
        if isinstance(value, _Both):
            return [v for v in value.values if isinstance(v, str) and v]
        return [value] if isinstance(value, str) and value else []

    def _new_id(self) -> int:
        self.next_id -= 1
        return self.next_id + 1

    @staticmethod
    def _suggest(text: str, names: Iterable[str]) -> str:
        labels = {fold(n): n for n in names if n}
        hits = difflib.get_close_matches(fold(text), list(labels), n=1, cutoff=0.6)
        return labels[hits[0]] if hits else ""

    # -- festival ---------------------------------------------------------------------------

    def _festival_row(self, number: int, row: dict[str, Any]) -> None:
        self._once(("festival", 0), "name_en")
        names = ["name_en", "name_ko", "min_changeover", "notes"]
        after = replace(self.festival, **self._given(row, names, Festival, self.festival))
        self._check(after.problems())
        if after == self.festival:
            self.counts.unchanged += 1
        else:
            self.counts.updated += 1
            self.result.festival = (self.festival, after)
            self.result.festival_change = FestivalChange(
                self.where, self.row, self.festival, after, source=self.source
            )

    # -- days --------------------------------------------------------------------------------

    def _day_row(self, number: int, row: dict[str, Any]) -> None:
        when: date = row["date"]
        before = self.days.get(when)
        first = self._once(("day", when), "date")
        original = self._original(FestivalDay, before.id if before else None)
        base = original if first is not None else before
        given = self._given(row, ("opens", "closes"), FestivalDay, base)
        if base is None:
            after = FestivalDay(when, given["opens"], given["closes"], id=self._new_id())
        else:
            after = replace(base, **given)
        self._check(after.problems())
        if first is not None and not self._again(first, before, original, after):
            return
        self.days[when] = after
        self._remember("day", after)
        self._record(before, after)

    # -- venues ------------------------------------------------------------------------------

    def _index_venue(self, venue: Venue) -> None:
        assert venue.id is not None
        for name in (venue.name_en, venue.name_ko):
            if name:
                self.venue_names.setdefault(fold(name), venue.id)

    def _find_venue(self, name_en: str, name_ko: str) -> int | None:
        for name in (name_en, name_ko):
            if name and fold(name) in self.venue_names:
                return self.venue_names[fold(name)]
        return None

    def _venue_row(self, number: int, row: dict[str, Any]) -> None:
        name_en, name_ko = self._text(row, "name_en"), self._text(row, "name_ko")
        if not (name_en or name_ko):
            self._fail("name_en", N("Import", "Name is required."))
        if isinstance(row.get("code_prefix"), str):
            row["code_prefix"] = row["code_prefix"].upper()
        venue_id = self._find_venue(name_en, name_ko)
        first = self._once(
            ("venue", venue_id if venue_id is not None else fold(name_en or name_ko)), "name_en"
        )
        names = [
            "name_en",
            "name_ko",
            "kind",
            "zone",
            "capacity",
            "booth_spaces",
            "code_prefix",
            "changeover_min",
            "opens",
            "closes",
            "notes",
        ]
        before = self.venues.get(venue_id) if venue_id is not None else None
        original = self._original(Venue, venue_id)
        base = original if first is not None else before
        given = self._given(row, names, Venue, base)
        if base is None:
            after = Venue(**{"name_en": "", **given, "id": self._new_id()})
        else:
            after = replace(base, **given)
        booths = [self.booths[i] for i in self.venue_booths.get(after.id or 0, ())]
        problems = after.problems() + venue_conflicts(after, self.venues.values(), booths)
        self._check(problems)
        if first is not None and not self._again(first, before, original, after):
            return
        self.venues[after.id or 0] = after
        self._index_venue(after)
        self._remember("venue", after)
        self._record(before, after)

    # -- troupes -----------------------------------------------------------------------------

    def _index_troupe(self, troupe: Troupe) -> None:
        assert troupe.id is not None
        self.troupe_keys.setdefault((fold(troupe.name), fold(troupe.city_en)), troupe.id)
        for name in (troupe.name, troupe.name_ko):
            if name:
                self.troupe_names[fold(name)].add(troupe.id)

    def _troupe_row(self, number: int, row: dict[str, Any]) -> None:
        name = self._text(row, "name")
        key = (fold(name), fold(self._text(row, "city_en")))
        troupe_id = self.troupe_keys.get(key)
        matched = False
        if troupe_id is None and "city_en" not in row:
            # No city given: the troupe of that name, when there is just one.
            ids = {
                i
                for i in self.troupe_names.get(fold(name), set())
                if fold(self.troupes[i].name) == fold(name)
            }
            if len(ids) > 1:
                self._fail(
                    "city_en",
                    N(
                        "Import",
                        "Several troupes are called '{value}'; fill in the City to tell them "
                        "apart.",
                    ),
                    value=name,
                )
            if ids:
                troupe_id = ids.pop()
                matched = True
        first = self._once(("troupe", troupe_id if troupe_id is not None else key), "name")
        names = [
            "name",
            "name_ko",
            "city_en",
            "city_ko",
            "country",
            "relation",
            "genre",
            "performers",
            "contact",
            "email",
            "phone",
            "arrival",
            "departure",
            "notes",
        ]
        before = self.troupes.get(troupe_id) if troupe_id is not None else None
        original = self._original(Troupe, troupe_id)
        base = original if first is not None else before
        given = self._given(row, names, Troupe, base)
        if base is None:
            after = Troupe(**{**given, "id": self._new_id()})
        else:
            after = replace(base, **given)
        self._check(after.problems())
        if first is not None and not self._again(first, before, original, after):
            return
        self.troupes[after.id or 0] = after
        self._index_troupe(after)
        self._remember("troupe", after)
        self._record(before, after, matched=matched)

    # -- program -----------------------------------------------------------------------------

    def _index_item(self, item: ProgramItem) -> None:
        assert item.id is not None
        for title in (item.title_en, item.title_ko):
            if title:
                key = (item.day_id, item.venue_id, item.start, fold(title))
                self.item_keys.setdefault(key, item.id)

    def _day_id(self, when: date, key: str) -> int:
        found = self.days.get(when)
        if found is None or found.id is None:
            self._fail(
                key,
                N("Import", "{date} is not a festival day (the days are {days})."),
                date=when.isoformat(),
                days=", ".join(d.isoformat() for d in sorted(self.days)) or "-",
            )
        assert found is not None and found.id is not None
        return found.id

    def _venue_id(self, name: str) -> int:
        venue_id = self.venue_names.get(fold(name))
        if venue_id is None:
            # Both languages, as the exported program writes it ("서울광장 / Seoul Plaza").
            venue_id = values.either_half(name, lambda part: self.venue_names.get(fold(part)))
        if venue_id is None:
            self._fail(
                "venue",
                N("Import", "'{value}' is not a venue of the festival or the workbook."),
                suggestion=self._suggest(
                    name, [n for v in self.venues.values() for n in (v.name_en, v.name_ko)]
                ),
                value=name,
            )
        assert venue_id is not None
        return venue_id

    def _troupes_called(self, name: str, city: str | None) -> set[int]:
        ids = set(self.troupe_names.get(fold(name), set()))
        if city:
            ids = {
                i
                for i in ids
                if fold(city) in (fold(self.troupes[i].city_en), fold(self.troupes[i].city_ko))
            }
        return ids

    def _troupe_id(self, name: str, city: str | None) -> int:
        ids = self._troupes_called(name, city)
        if not ids:
            # Both languages, as the exported program writes them ("베이징 가무단 / …").
            names = [half for pair in fmt.halves(name) for half in pair]
            cities = [city, *(half for pair in fmt.halves(city or "") for half in pair)]
            found = {
                next(iter(hits))
                for one_name in names
                for one_city in cities
                if len(hits := self._troupes_called(one_name, one_city)) == 1
            }
            if len(found) == 1:
                return found.pop()
        if len(ids) == 1:
            return next(iter(ids))
        if not ids:
            self._fail(
                "troupe",
                N("Import", "'{value}' is not a troupe of the festival or the workbook."),
                suggestion=self._suggest(
                    name, [n for t in self.troupes.values() for n in (t.name, t.name_ko)]
                ),
                value=name,
            )
        self._fail(
            "troupe",
            N(
                "Import",
                "Several troupes are called '{value}'; fill in the City to tell them apart.",
            ),
            value=name,
        )
        raise AssertionError  # unreachable: _fail raises

    def _item_row(self, number: int, row: dict[str, Any]) -> None:
        day_id = self._day_id(row["day"], "day")
        venue_id = self._venue_id(self._text(row, "venue"))
        title_en, title_ko = self._text(row, "title_en"), self._text(row, "title_ko")
        if not (title_en or title_ko):
            self._fail("title_en", N("Import", "Title is required."))
        item_id = None
        for title in (title_en, title_ko):
            if title and item_id is None:
                item_id = self.item_keys.get((day_id, venue_id, row["start"], fold(title)))
        identity = (
            item_id
            if item_id is not None
            else (day_id, venue_id, row["start"], fold(title_en or title_ko))
        )
        first = self._once(("item", identity), "title_en")
        names = [
            "start",
            "end",
            "title_en",
            "title_ko",
            "kind",
            "setup_min",
            "teardown_min",
            "status",
            "notes",
        ]
        before = self.items.get(item_id) if item_id is not None else None
        original = self._original(ProgramItem, item_id)
        base = original if first is not None else before
        given = self._given(row, names, ProgramItem, base)
        troupe = row.get("troupe")
        if troupe is CLEAR:
            given["troupe_id"] = None
        elif isinstance(troupe, str):
            city = row.get("city")
            given["troupe_id"] = self._troupe_id(troupe, city if isinstance(city, str) else None)
        if base is None:
            after = ProgramItem(
                **{
                    "title_en": "",
                    **given,
                    "day_id": day_id,
                    "venue_id": venue_id,
                    "id": self._new_id(),
                }
            )
        else:
            after = replace(base, **given)
        self._check(after.problems(self.days.values()))
        if first is not None and not self._again(first, before, original, after):
            return
        self.items[after.id or 0] = after
        self._index_item(after)
        self._remember("item", after)
        self._record(before, after)

    # -- booths ------------------------------------------------------------------------------

    @staticmethod
    def _booth_key(booth: Booth) -> tuple[str, str]:
        return (booth.category.value, booth.country or fold(booth.organization))

    def _index_booth(self, booth: Booth) -> None:
        assert booth.id is not None
        if booth.code:
            self.code_owner[booth.code] = booth.id
        else:
            self.codeless[self._booth_key(booth)].add(booth.id)
        self.booth_keys[self._booth_key(booth)].add(booth.id)
        self.venue_booths[booth.venue_id].add(booth.id)

    def _unindex_booth(self, booth: Booth) -> None:
        assert booth.id is not None
        if booth.code and self.code_owner.get(booth.code) == booth.id:
            del self.code_owner[booth.code]
        self.codeless[self._booth_key(booth)].discard(booth.id)
        self.booth_keys[self._booth_key(booth)].discard(booth.id)
        self.venue_booths[booth.venue_id].discard(booth.id)

    def _find_booth(
        self, category: BoothCategory, code: str, row: dict[str, Any]
    ) -> tuple[int | None, bool]:
        """The booth a row means: by its code, else by category and country (or
        organization); (id or None, whether found by the secondary key)."""
        if code:
            found = self.code_owner.get(code)
            if found is not None:
                return found, False
        organization = fold(self._text(row, "organization"))
        keys = [(category.value, country) for country in self._options(row, "country")]
        if not keys and organization:
            keys.append((category.value, organization))
        # A row with a code may only take over a booth that has none yet.
        pool = self.codeless if code else self.booth_keys
        for key in keys:
            candidates = sorted(pool.get(key, ()))
            if len(candidates) > 1:
                codes = ", ".join(sorted(self.booths[i].code or "-" for i in candidates))
                self._fail(
                    "code",
                    N(
                        "Import",
                        "This row matches several booths ({codes}); give the booth's code.",
                    ),
                    codes=codes,
                )
            if candidates:
                return candidates[0], True
        return None, False

    def _booth_venue(self, row: dict[str, Any], code: str, before: Booth | None) -> int:
        """The booth area: the row's Venue, else the booth's own, else the one the sheet's
        title or the code's prefix names."""
        named = row.get("venue")
        if isinstance(named, str):
            return self._venue_id(named)
        if before is not None:
            return before.venue_id
        if self.sheet_venue is not None:
            return self.sheet_venue
        prefix = code.partition("-")[0] if "-" in code else ""
        by_prefix = [i for i, v in self.venues.items() if prefix and v.code_prefix == prefix]
        if len(by_prefix) == 1:
            return by_prefix[0]
        self._fail("venue", N("Import", "Venue is required to add a booth."))
        raise AssertionError  # unreachable: _fail raises

    def _booth_row(self, number: int, row: dict[str, Any]) -> None:
        category: BoothCategory = row["category"]
        given_code = row.get("code")
        if isinstance(given_code, _Both):
            self._fail(
                "code",
                N("Import", "The columns for {header} disagree ({values}); correct one of them."),
                header=self._header("code"),
                values=", ".join(map(str, given_code.values)),
            )
        code = given_code.upper().replace(" ", "") if isinstance(given_code, str) else ""
        booth_id, matched = self._find_booth(category, code, row)
        before = self.booths.get(booth_id) if booth_id is not None else None
        venue_id = self._booth_venue(row, code, before)
        key = (
            category.value,
            (self._options(row, "country") or [""])[0] or fold(self._text(row, "organization")),
        )
        first = self._once(("booth", booth_id if booth_id is not None else (code, key)), "code")
        names = [
            "category",
            "country",
            "organization",
            "exhibitor",
            "contact",
            "email",
            "phone",
            "staff",
            "power",
            "water",
            "gas",
            "notes",
        ]
        original = self._original(Booth, booth_id)
        base = original if first is not None else before
        given = self._given(row, names, Booth, base)
        if given_code is not None:
            given["code"] = code  # the clear marker takes the code away; a blank keeps it
        if "day_ids" in row:
            chosen = row["day_ids"]
            chosen = None if chosen is CLEAR else chosen
            given["day_ids"] = frozenset(self._day_id(d, "day_ids") for d in chosen or ())
        if base is None:
            after = Booth(**{**given, "venue_id": venue_id, "id": self._new_id()})
        else:
            after = replace(base, **given, venue_id=venue_id)
        venue = self.venues[venue_id]
        problems = after.problems(venue)
        if after.code:
            owner = self.code_owner.get(after.code)
            if owner is not None and owner != after.id:
                problems.append(
                    Problem(
                        "code",
                        N("Validation", "Code {code} is already given to {other}."),
                        {"code": after.code, "other": self.booths[owner].label()},
                    )
                )
        self._check(problems)
        if first is not None and not self._again(first, before, original, after):
            return
        if before is not None:
            self._unindex_booth(before)
        self.booths[after.id or 0] = after
        self._index_booth(after)
        self._remember("booth", after)
        self._record(before, after, matched=matched)
