"""Step 2 of an import: normalise raw rows, resolve them to records, check every rule.

Nothing is written here. The festival's records are read once into dictionaries and every
row is resolved and validated in memory with the domain's own `problems()`, so a sheet of
12,000 booths costs five queries, not one per row. Records the workbook creates get
negative placeholder ids; `apply` replaces them with the ids the file gives them.
"""

from __future__ import annotations

import contextlib
import difflib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

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
from festival_app.imports.errors import CANCELLED, ImportProblem, Severity, WorkbookError
from festival_app.imports.format import Column, Kind, RawSheet, RawWorkbook, Sheet, fold
from festival_app.services import FestivalService, Record

# Integer fields that are never empty in the domain: a blank cell means 0.
_ZERO_WHEN_BLANK = {"changeover_min", "setup_min", "teardown_min"}
# Domain field names that a sheet shows under another column.
_FIELD_COLUMN = {"venue_id": "venue", "day_id": "day", "troupe_id": "troupe"}
_CHECK_CANCEL_EVERY = 500


@dataclass
class Change:
    """One record the import writes: before is None when it is created."""

    sheet: str
    row: int
    before: Record | None
    after: Record  # references to created records hold negative placeholder ids


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

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)

    @property
    def error_rows(self) -> int:
        return sum(c.errors for c in self.counts.values()) or (1 if self.has_errors else 0)

    @property
    def has_changes(self) -> bool:
        return bool(self.changes) or self.festival is not None

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
) -> ImportPlan:
    """Resolve a raw workbook against the festival; raises WorkbookError only if cancelled."""
    snapshot = source if isinstance(source, Snapshot) else Snapshot.read(source)
    return _Planner(snapshot, should_stop).plan(raw)


def _reader(column: Column) -> Callable[[object], Any]:
    """The function that reads this column's cells.

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
    blank: Any = None
    if kind == Kind.BOOL:
        blank = False
    elif kind == Kind.COUNTRY:
        blank = ""
    elif kind == Kind.INT and column.key in _ZERO_WHEN_BLANK:
        blank = 0
    read: Callable[[object], Any]
    if kind == Kind.INT:
        read = values.integer
    elif kind == Kind.TIME:
        read = values.clock
    elif kind == Kind.DATE:
        read = values.day
    else:
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

    def read_or_blank(cell: object) -> Any:
        return blank if values.is_blank(cell) else read(cell)

    return read_or_blank


class _RowFailed(Exception):
    """The row has an error already reported; skip the rest of it."""


class _Planner:
    def __init__(self, snapshot: Snapshot, should_stop: Callable[[], bool] | None) -> None:
        self.should_stop = should_stop
        self.result = ImportPlan()
        self.festival = snapshot.festival
        self.next_id = -1
        # Current state (existing records, as the import would leave them), by id.
        self.days: dict[date, FestivalDay] = {d.date: d for d in snapshot.days}
        self.venues: dict[int, Venue] = {v.id: v for v in snapshot.venues if v.id is not None}
        self.troupes: dict[int, Troupe] = {t.id: t for t in snapshot.troupes if t.id is not None}
        self.items: dict[int, ProgramItem] = {i.id: i for i in snapshot.items if i.id is not None}
        self.booths: dict[int, Booth] = {b.id: b for b in snapshot.booths if b.id is not None}
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
        self.seen: dict[tuple[str, object], int] = {}  # record identity -> first row
        self.row_count = 0
        self._row_failed = False

    # -- the whole workbook ----------------------------------------------------------------

    def plan(self, raw: RawWorkbook) -> ImportPlan:
        by_sheet: dict[str, RawSheet] = {}
        for title, raw_sheet in raw.items():
            sheet = fmt.sheet_for(title)
            if sheet is None and fmt.fold(title) in fmt.AUXILIARY_SHEETS:
                continue  # the template's own instructions and lists
            if sheet is None:
                self._problem(
                    title,
                    0,
                    "",
                    N("Import", "This sheet is not part of the import format and was skipped."),
                    severity=Severity.WARNING,
                )
                continue
            if sheet.en in by_sheet:
                self._problem(
                    sheet.en,
                    0,
                    "",
                    N("Import", "The workbook has this sheet twice ('{first}' and '{second}')."),
                    first=by_sheet[sheet.en].title,
                    second=title,
                )
                continue
            by_sheet[sheet.en] = raw_sheet
        handlers: dict[str, Callable[[int, dict[str, Any]], None]] = {
            fmt.FESTIVAL.en: self._festival_row,
            fmt.DAYS.en: self._day_row,
            fmt.VENUES.en: self._venue_row,
            fmt.TROUPES.en: self._troupe_row,
            fmt.PROGRAM.en: self._item_row,
            fmt.BOOTHS.en: self._booth_row,
        }
        for sheet in fmt.SHEETS:
            if sheet.en in by_sheet:
                self._sheet(sheet, by_sheet[sheet.en], handlers[sheet.en])
        return self.result

    def _sheet(
        self, sheet: Sheet, raw: RawSheet, handle: Callable[[int, dict[str, Any]], None]
    ) -> None:
        counts = self.result.counts.setdefault(sheet.en, SheetCounts())
        self.sheet = sheet
        self.counts = counts
        known = sheet.headers()
        columns: dict[str, Column] = {}
        for header in raw.headers:
            if values.is_blank(header):
                continue
            column = known.get(fold(values.text(header)))
            if column is None:
                self._problem(
                    sheet.en,
                    0,
                    "",
                    N("Import", "Column '{header}' is not part of the format and was ignored."),
                    severity=Severity.WARNING,
                    header=values.text(header),
                )
            elif column in columns.values():
                self._problem(
                    sheet.en,
                    0,
                    column.en,
                    N("Import", "This column appears twice; the first is used."),
                    severity=Severity.WARNING,
                )
            else:
                columns[header] = column
        for formula_row, formula_header, formula_cell in raw.unvalued_formulas:
            formula_column = columns.get(formula_header)
            self._problem(
                sheet.en,
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
                sheet.en,
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
            self.row = number
            self._row_failed = False
            if all(values.is_blank(v) or v is False for v in cells.values()):
                continue  # an empty row between filled ones
            if any(isinstance(v, str) and fmt.EXAMPLE_MARKER in v for v in cells.values()):
                self._problem(
                    sheet.en,
                    number,
                    "",
                    N("Import", "This is the template's example row; it was skipped."),
                    severity=Severity.WARNING,
                )
                continue
            row: dict[str, Any] = {}
            for header, cell in cells.items():
                reader = readers.get(header)
                if reader is None:
                    continue
                column, read = reader
                try:
                    row[column.key] = read(cell)
                except values.CellError as exc:
                    self._cell_problem(column, exc)
            if not self._row_failed:
                for column in sheet.columns:
                    if column.required and values.is_blank(row.get(column.key)):
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
                    if row.get("venue"):
                        self._venue_id(row["venue"])
                with contextlib.suppress(_RowFailed):
                    if isinstance(row.get("day"), date):
                        self._day_id(row["day"], "day")
            if self._row_failed:
                counts.errors += 1

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
            ImportProblem(
                self.sheet.en, self.row, column.en, exc.template, exc.params, exc.suggestion
            )
        )
        self._row_failed = True

    def _error(self, key: str, template: str, *, suggestion: str = "", **params: object) -> None:
        self.result.problems.append(
            ImportProblem(self.sheet.en, self.row, self._header(key), template, params, suggestion)
        )
        self._row_failed = True

    def _fail(self, key: str, template: str, *, suggestion: str = "", **params: object) -> None:
        self._error(key, template, suggestion=suggestion, **params)
        raise _RowFailed

    def _check(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.result.problems.append(
                ImportProblem(
                    self.sheet.en,
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

    def _once(self, identity: tuple[str, object], key: str) -> None:
        """Refuse a second row for the same record."""
        first = self.seen.setdefault(identity, self.row)
        if first != self.row:
            self._fail(key, N("Import", "This is the same record as row {first}."), first=first)

    def _record(self, before: Record | None, after: Record) -> None:
        if before is None:
            self.counts.created += 1
            self.result.changes.append(Change(self.sheet.en, self.row, None, after))
        elif before == after:
            self.counts.unchanged += 1
        else:
            self.counts.updated += 1
            self.result.changes.append(Change(self.sheet.en, self.row, before, after))

    def _new_id(self) -> int:
        self.next_id -= 1
        return self.next_id + 1

    @staticmethod
    def _suggest(text: str, names: Iterable[str]) -> str:
        labels = {fold(n): n for n in names if n}
        hits = difflib.get_close_matches(fold(text), list(labels), n=1, cutoff=0.6)
        return labels[hits[0]] if hits else ""

    @staticmethod
    def _fields(row: dict[str, Any], names: Iterable[str]) -> dict[str, Any]:
        return {name: row[name] for name in names if name in row and row[name] is not None}

    # -- festival ---------------------------------------------------------------------------

    def _festival_row(self, number: int, row: dict[str, Any]) -> None:
        self._once(("festival", 0), "name_en")
        changes = {k: v for k, v in row.items() if v is not None}
        after = replace(self.festival, **changes)
        self._check(after.problems())
        if after == self.festival:
            self.counts.unchanged += 1
        else:
            self.counts.updated += 1
            self.result.festival = (self.festival, after)

    # -- days --------------------------------------------------------------------------------

    def _day_row(self, number: int, row: dict[str, Any]) -> None:
        when: date = row["date"]
        self._once(("day", when), "date")
        before = self.days.get(when)
        if before is None:
            after = FestivalDay(when, row["opens"], row["closes"], id=self._new_id())
        else:
            after = replace(before, **self._fields(row, ("opens", "closes")))
        self._check(after.problems())
        self.days[when] = after
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
        name_en, name_ko = row.get("name_en", ""), row.get("name_ko", "")
        if not (name_en or name_ko):
            self._fail("name_en", N("Import", "Name is required."))
        if "code_prefix" in row:
            row["code_prefix"] = row["code_prefix"].upper()
        venue_id = self._find_venue(name_en, name_ko)
        self._once(
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
        given = {k: row[k] for k in names if k in row and not (k == "kind" and row[k] is None)}
        before = self.venues.get(venue_id) if venue_id is not None else None
        if before is None:
            after = Venue(**{"name_en": "", **given, "id": self._new_id()})
        else:
            if not given.get("name_en", before.name_en) and not given.get("name_ko"):
                given.pop("name_en", None)  # a Korean name alone identified it
            after = replace(before, **given)
        booths = [self.booths[i] for i in self.venue_booths.get(after.id or 0, ())]
        problems = after.problems() + venue_conflicts(after, self.venues.values(), booths)
        self._check(problems)
        self.venues[after.id or 0] = after
        self._index_venue(after)
        self._record(before, after)

    # -- troupes -----------------------------------------------------------------------------

    def _index_troupe(self, troupe: Troupe) -> None:
        assert troupe.id is not None
        self.troupe_keys.setdefault((fold(troupe.name), fold(troupe.city_en)), troupe.id)
        for name in (troupe.name, troupe.name_ko):
            if name:
                self.troupe_names[fold(name)].add(troupe.id)

    def _troupe_row(self, number: int, row: dict[str, Any]) -> None:
        key = (fold(row["name"]), fold(row.get("city_en", "")))
        troupe_id = self.troupe_keys.get(key)
        self._once(("troupe", key), "name")
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
        given = {k: row[k] for k in names if k in row and not (k == "relation" and row[k] is None)}
        before = self.troupes.get(troupe_id) if troupe_id is not None else None
        if before is None:
            after = Troupe(**{**given, "id": self._new_id()})
        else:
            after = replace(before, **given)
        self._check(after.problems())
        self.troupes[after.id or 0] = after
        self._index_troupe(after)
        self._record(before, after)

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

    def _troupe_id(self, name: str, city: str | None) -> int:
        ids = self.troupe_names.get(fold(name), set())
        if city:
            ids = {
                i
                for i in ids
                if fold(city) in (fold(self.troupes[i].city_en), fold(self.troupes[i].city_ko))
            }
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
        venue_id = self._venue_id(row["venue"])
        title_en, title_ko = row.get("title_en", ""), row.get("title_ko", "")
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
        self._once(("item", identity), "title_en")
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
        given = {k: row[k] for k in names if k in row and row[k] is not None}
        if "troupe" in row:
            given["troupe_id"] = (
                self._troupe_id(row["troupe"], row.get("city")) if row["troupe"] else None
            )
        before = self.items.get(item_id) if item_id is not None else None
        if before is None:
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
            after = replace(before, **given)
        self._check(after.problems(self.days.values()))
        self.items[after.id or 0] = after
        self._index_item(after)
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

    def _booth_row(self, number: int, row: dict[str, Any]) -> None:
        venue_id = self._venue_id(row["venue"])
        venue = self.venues[venue_id]
        category: BoothCategory = row["category"]
        code = row.get("code", "").upper().replace(" ", "")
        country = row.get("country", "")
        organization = row.get("organization", "")
        key = (category.value, country or fold(organization))
        booth_id: int | None = None
        if code:
            booth_id = self.code_owner.get(code)
        if booth_id is None and (country or organization):
            # A row with a code may only take over a booth that has none yet.
            pool = self.codeless if code else self.booth_keys
            candidates = list(pool.get(key, ()))
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
            booth_id = candidates[0] if candidates else None
        self._once(("booth", booth_id if booth_id is not None else (code, key)), "code")
        names = [
            "code",
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
        given = {k: row[k] for k in names if k in row}
        if "code" in row:
            given["code"] = code
        if "day_ids" in row:
            chosen = row["day_ids"]
            given["day_ids"] = frozenset(self._day_id(d, "day_ids") for d in chosen or ())
        before = self.booths.get(booth_id) if booth_id is not None else None
        if before is None:
            after = Booth(**{**given, "venue_id": venue_id, "id": self._new_id()})
        else:
            after = replace(before, **given, venue_id=venue_id)
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
        if before is not None:
            self._unindex_booth(before)
        self.booths[after.id or 0] = after
        self._index_booth(after)
        self._record(before, after)
