"""Reading a workbook's sheets row by row and handing each row to its sheet's planner.

Headers are matched to the format's columns (unknown ones warned of), every cell is read
as its column needs, and a row whose cells all read goes to the planner of its sheet;
a row with an unreadable cell still has its references checked, so one round of
corrections fixes the whole row.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import Any

from festival_app.domain.errors import Severity
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.imports import format as fmt
from festival_app.imports import values
from festival_app.imports.describe import Names
from festival_app.imports.errors import CANCELLED, WorkbookError
from festival_app.imports.format import CellType, Column, RawSheet, RawWorkbook, Sheet, fold
from festival_app.imports.plan.booths import BoothsPlanner
from festival_app.imports.plan.program import ProgramPlanner
from festival_app.imports.plan.references import References
from festival_app.imports.plan.result import ImportPlan, RowKey, SheetCounts
from festival_app.imports.plan.rows import CLEAR, RowContext, RowFailed, put
from festival_app.imports.plan.sheets import DaysPlanner, FestivalPlanner, SheetPlanner
from festival_app.imports.plan.state import PlannedState, Snapshot
from festival_app.imports.plan.troupes import TroupesPlanner
from festival_app.imports.plan.venues import VenuesPlanner

_CHECK_CANCEL_EVERY = 500


class Planner:
    """Plans a whole workbook against a snapshot of the festival."""

    def __init__(
        self,
        snapshot: Snapshot,
        should_stop: Callable[[], bool] | None,
        skip: frozenset[RowKey] = frozenset(),
    ) -> None:
        self.should_stop = should_stop
        self.skip = skip
        self.result = ImportPlan(skipped=skip)
        self.state = PlannedState(snapshot)
        self.rows = RowContext(self.result)
        self.refs = References(self.state, self.rows)
        parts = (self.state, self.rows, self.refs)
        self.planners: dict[str, SheetPlanner] = {
            fmt.FESTIVAL.en: FestivalPlanner(*parts),
            fmt.DAYS.en: DaysPlanner(*parts),
            fmt.VENUES.en: VenuesPlanner(*parts),
            fmt.TROUPES.en: TroupesPlanner(*parts),
            fmt.PROGRAM.en: ProgramPlanner(*parts),
            fmt.BOOTHS.en: BoothsPlanner(*parts),
        }
        self.row_count = 0

    def plan(self, raw: RawWorkbook) -> ImportPlan:
        by_sheet: dict[str, list[RawSheet]] = defaultdict(list)
        for title, raw_sheet in raw.items():
            sheet = fmt.sheet_for(title)
            if sheet is None and raw_sheet.identified_as:
                sheet = next(s for s in fmt.SHEETS if s.en == raw_sheet.identified_as)
            if sheet is None and fmt.is_auxiliary(title):
                continue  # the template's own instructions and lists, a summary
            if sheet is None:
                self.rows.problem(
                    title,
                    0,
                    "",
                    N("Import", "This sheet is not part of the import format and was skipped."),
                    severity=Severity.WARNING,
                )
                continue
            by_sheet[sheet.en].append(raw_sheet)
        for sheet in fmt.SHEETS:
            # A sheet named as the format names it first, then its copies.
            copies = sorted(by_sheet.get(sheet.en, ()), key=lambda r: bool(r.identified_as))
            for raw_sheet in copies:
                self._sheet(sheet, raw_sheet, self.planners[sheet.en])
        state = self.state
        self.result.names = Names(
            venues=state.venue_by_id,
            days={d.id: d for d in state.day_by_date.values() if d.id is not None},
            troupes=state.troupe_by_id,
        )
        return self.result

    def _columns(self, sheet: Sheet, raw: RawSheet) -> dict[str, Column]:
        """The columns the sheet's headers name; unknown and repeated ones are warned of."""
        rows = self.rows
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
                    rows.problem(
                        rows.where,
                        0,
                        "",
                        N("Import", "Column '{header}' is not part of the format and was ignored."),
                        severity=Severity.WARNING,
                        header=label,
                    )
            elif fold(label) in seen_headers:
                rows.problem(
                    rows.where,
                    0,
                    column.en,
                    N("Import", "This column appears twice; the first is used."),
                    severity=Severity.WARNING,
                )
            else:
                # Two headers of one column (the exports' Korean and English country
                # names) are both read; see rows.Both.
                columns[header] = column
            seen_headers.add(fold(label))
        for formula_row, formula_header, formula_cell in raw.unvalued_formulas:
            formula_column = columns.get(formula_header)
            rows.problem(
                rows.where,
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
        return columns

    def _sheet(self, sheet: Sheet, raw: RawSheet, planner: SheetPlanner) -> None:
        rows = self.rows
        counts = self.result.counts.setdefault(sheet.en, SheetCounts())
        rows.sheet = sheet
        rows.counts = counts
        rows.source = raw.title
        rows.where = sheet.en if fold(raw.title) in (fold(sheet.en), fold(sheet.ko)) else raw.title
        planner.begin(raw.title)
        columns = self._columns(sheet, raw)
        present = set(columns.values())
        missing = [c for c in sheet.columns if c.required and c not in present]
        if sheet is fmt.VENUES and not {sheet.column("name_en"), sheet.column("name_ko")} & present:
            missing.append(sheet.column("name_en"))
        for column in missing:
            rows.problem(
                rows.where,
                0,
                column.en,
                N("Import", "The sheet has no column '{header}' ({korean}); it is required."),
                header=column.en,
                korean=column.ko,
            )
        if missing:
            counts.errors += len(raw.rows)
            return
        readers = {header: (column, values.reader(column)) for header, column in columns.items()}
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
            rows.begin_row(number)
            if all(values.is_blank(v) or v is False for v in cells.values()):
                continue  # an empty row between filled ones
            if any(isinstance(v, str) and fmt.EXAMPLE_MARKER in v for v in cells.values()):
                rows.problem(
                    rows.where,
                    number,
                    "",
                    N("Import", "This is the template's example row; it was skipped."),
                    severity=Severity.WARNING,
                )
                continue
            row = self._read(sheet, cells, readers)
            if not rows.failed:
                with contextlib.suppress(RowFailed):
                    planner.plan_row(row)
            elif sheet in (fmt.PROGRAM, fmt.BOOTHS):
                # A cell could not be read; still say whether the row's references hold,
                # so one round of corrections fixes the whole row.
                with contextlib.suppress(RowFailed):
                    if isinstance(row.get("venue"), str):
                        self.refs.venue_id(row["venue"])
                with contextlib.suppress(RowFailed):
                    if isinstance(row.get("day"), date):
                        self.refs.day_id(row["day"], "day")
            if rows.failed:
                counts.errors += 1

    def _read(
        self,
        sheet: Sheet,
        cells: dict[str, object],
        readers: dict[str, tuple[Column, Callable[[object], Any]]],
    ) -> dict[str, Any]:
        """A row's cells read as their columns need, by field; problems reported."""
        rows, is_blank, is_clear = self.rows, values.is_blank, values.is_clear
        row: dict[str, Any] = {}
        for header, cell in cells.items():
            reader = readers.get(header)
            if reader is None or is_blank(cell):
                continue  # a blank cell leaves the field as it is
            column, read = reader
            if is_clear(cell):
                if column.required or column.cell_type == CellType.CHOICE:
                    rows.error(
                        column.key,
                        N(
                            "Import",
                            "{header} cannot be cleared; fill in a value or leave the cell "
                            "blank to keep it.",
                        ),
                        header=column.en,
                    )
                    continue
                put(row, column.key, CLEAR)
                continue
            try:
                put(row, column.key, read(cell))
            except values.CellError as exc:
                rows.cell_problem(column, exc)
        if not rows.failed:
            for column in sheet.columns:
                if column.required and column.key not in row:
                    rows.error(column.key, N("Import", "{header} is required."), header=column.en)
        return row
