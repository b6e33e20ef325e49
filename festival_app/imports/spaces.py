"""The optional Spaces sheet of the import workbook: a site map's layout from Excel.

One row per booth space: its area, code, where it is and how big (metres), how it is
turned, what it offers and whether it is blocked. Headers are matched like the other
sheets' (English or Korean, case and spaces ignored). The main import passes over this
sheet; `read_sheet_spaces` turns it into spaces, `plan_spaces` finds what they change and
`write_spaces` draws them in one step.

A space whose code is drawn already is changed in the cells the row gives: a blank cell
keeps the stored value, as everywhere in the import. The window shows what a sheet
changes, before and after, and asks first (`SpacesPlan.describe`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from festival_app import site_plan
from festival_app.domain.site_map import BoothSpace
from festival_app.domain.venues import Venue, name_key
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate
from festival_app.imports import values
from festival_app.imports.errors import TOO_MANY_ROWS, WorkbookError
from festival_app.imports.format import RawSheet, RawWorkbook, fold
from festival_app.imports.reader import HEADER_SEARCH_ROWS, MAX_COLUMNS, MAX_ROWS
from festival_app.services import ChangeLog, FestivalService

SHEET_TITLES = ("Spaces", "부스 자리")


@dataclass(frozen=True)
class SpaceColumn:
    """One column of the Spaces sheet: the field it fills and its headings."""

    attr: str
    en: str
    ko: str
    kind: str  # "text", "number", "bool"
    required: bool = False


COLUMNS = (
    SpaceColumn("venue", "Venue", "장소", "text", True),
    SpaceColumn("code", "Code", "번호", "text", True),
    SpaceColumn("x", "X (m)", "X (m)", "number", True),
    SpaceColumn("y", "Y (m)", "Y (m)", "number", True),
    SpaceColumn("width", "Width (m)", "너비 (m)", "number"),
    SpaceColumn("depth", "Depth (m)", "깊이 (m)", "number"),
    SpaceColumn("rotation", "Rotation", "회전", "number"),
    SpaceColumn("power", "Power", "전기", "bool"),
    SpaceColumn("water", "Water", "수도", "bool"),
    SpaceColumn("gas", "Gas", "가스", "bool"),
    SpaceColumn("blocked", "Blocked", "사용 불가", "bool"),
    SpaceColumn("blocked_reason", "Blocked reason", "사용 불가 사유", "text"),
)


@dataclass(frozen=True)
class SheetSpace:
    """A row of the Spaces sheet: the space it gives and which of its fields it names."""

    row: int
    space: BoothSpace
    given: frozenset[str]


@dataclass(frozen=True)
class SpacesPlan:
    """What a Spaces sheet changes: the spaces it draws, and each drawn space it changes
    as (stored, changed)."""

    new: tuple[BoothSpace, ...]
    changed: tuple[tuple[BoothSpace, BoothSpace], ...]

    def __bool__(self) -> bool:
        return bool(self.new or self.changed)

    def describe(self, language: str = "en") -> list[str]:
        """One line per space: 'M-03 drawn', 'M-04: X (m) 9 → 40, Power yes → no'."""
        lines = [translate("Import", "{code} drawn").format(code=space.code) for space in self.new]
        for stored, changed in self.changed:
            fields = [
                f"{column.ko if language == 'ko' else column.en} "
                f"{_shown(getattr(stored, column.attr))} → {_shown(getattr(changed, column.attr))}"
                for column in COLUMNS
                if column.attr != "venue"
                and getattr(stored, column.attr) != getattr(changed, column.attr)
            ]
            lines.append(f"{stored.code}: {', '.join(fields)}")
        return lines


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return translate("Import", "yes") if value else translate("Import", "no")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value) if value not in (None, "") else "—"


def find_sheet(raw: RawWorkbook) -> RawSheet | None:
    wanted = {fold(t) for t in SHEET_TITLES}
    return next((s for title, s in raw.items() if fold(title) in wanted), None)


def _number(value: object) -> float:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        return float(value)
    return float(values.text(value).replace(",", ""))


def read_sheet_spaces(sheet: RawSheet, venues: Sequence[Venue]) -> list[SheetSpace]:
    """The sheet's rows as spaces with the fields they give; WorkbookError names the
    first row and column that is wrong."""
    by_name: dict[str, Venue] = {}
    for known in venues:
        for name in (known.name_en, known.name_ko):
            if name:
                by_name[name_key(name)] = known
    headers = {fold(h): h for h in sheet.headers}
    found = {c.attr: headers.get(fold(c.en)) or headers.get(fold(c.ko)) for c in COLUMNS}
    for column in COLUMNS:
        if column.required and found[column.attr] is None:
            raise WorkbookError(
                N("Import", "The {sheet} sheet needs a column '{column}'."),
                sheet=sheet.title,
                column=column.en,
            )
    out = []
    for row_number, row in sheet.rows:
        cells: dict[str, object] = {}
        for column in COLUMNS:
            header = found[column.attr]
            value = row.get(header) if header is not None else None
            if values.is_blank(value):
                continue
            try:
                if column.kind == "number":
                    cells[column.attr] = _number(value)
                elif column.kind == "bool":
                    cells[column.attr] = values.boolean(value)
                else:
                    cells[column.attr] = values.text(value)
            except (ValueError, values.CellError) as exc:
                raise WorkbookError(
                    N(
                        "Import",
                        "Row {row} of the {sheet} sheet: '{value}' in {column} cannot be read.",
                    ),
                    row=row_number,
                    sheet=sheet.title,
                    value=values.text(value),
                    column=column.en,
                ) from exc
        if not cells:
            continue
        area = by_name.get(name_key(str(cells.pop("venue", ""))))
        if area is None or area.id is None:
            raise WorkbookError(
                N("Import", "Row {row} of the {sheet} sheet names no venue of the festival."),
                row=row_number,
                sheet=sheet.title,
            )
        space = BoothSpace(venue_id=area.id, **cells)  # type: ignore[arg-type]
        out.append(SheetSpace(row_number, space, frozenset(cells)))
    return out


def apply_spaces(service: FestivalService, raw: RawWorkbook) -> ChangeLog | None:
    """Draw the workbook's Spaces sheet (None: it has none) as one step: spaces whose code
    is drawn already are changed to the sheet's values, the others drawn. ValidationError
    (nothing written) when a space breaks a rule, such as a code given twice."""
    sheet = find_sheet(raw)
    if sheet is None:
        return None
    return write_spaces(service, plan_spaces(service, sheet))


def plan_spaces(service: FestivalService, sheet: RawSheet) -> SpacesPlan:
    """What `sheet` draws and changes, nothing written. A drawn space changes only in the
    cells its row gives. WorkbookError for a space drawn in another area than its row
    says; ValidationError for a code given twice."""
    rows = read_sheet_spaces(sheet, service.venues())
    site_plan.check_codes_differ([row.space for row in rows])
    existing = {s.code: s for s in service.spaces(codes=[row.space.code for row in rows])}
    new: list[BoothSpace] = []
    changed: list[tuple[BoothSpace, BoothSpace]] = []
    for row in rows:
        stored = existing.get(row.space.code)
        if stored is None:
            new.append(row.space)
            continue
        if stored.venue_id != row.space.venue_id:
            raise WorkbookError(
                N(
                    "Import",
                    "Row {row} of the {sheet} sheet: space {code} is drawn in another area. "
                    "Move it on the site map, or give the row another code.",
                ),
                row=row.row,
                sheet=sheet.title,
                code=row.space.code,
            )
        given = {attr: getattr(row.space, attr) for attr in row.given}
        if (merged := replace(stored, **given)) != stored:
            changed.append((stored, merged))
    return SpacesPlan(tuple(new), tuple(changed))


def write_spaces(service: FestivalService, plan: SpacesPlan) -> ChangeLog:
    """Draw and change the spaces of `plan` in one step; a space changed since the plan
    read it is refused (its row version), never written over."""
    with service.batch() as log:
        if plan.changed:
            site_plan.change_spaces(service, [changed for _, changed in plan.changed])
        if plan.new:
            site_plan.add_spaces(service, plan.new)
    return log


def read_spaces_sheet(path: str | os.PathLike[str]) -> RawSheet | None:
    """The Spaces sheet of a workbook the import has read and checked already (its size
    and archive), or None when it has none. A sheet longer than any sheet may be
    (reader.MAX_ROWS) is refused whole, never cut short."""
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        wanted = {fold(t) for t in SHEET_TITLES}
        ws = next((w for w in workbook.worksheets if fold(w.title) in wanted), None)
        if ws is None:
            return None
        sheet = RawSheet(ws.title)
        limit = MAX_ROWS + HEADER_SEARCH_ROWS
        rows = ws.iter_rows(max_row=limit + 1, max_col=MAX_COLUMNS, values_only=True)
        for number, cells in enumerate(rows, start=1):
            if number > limit:
                raise WorkbookError(
                    TOO_MANY_ROWS, path=str(path), sheet=ws.title, max_rows=MAX_ROWS
                )
            if not sheet.headers:
                if any(not values.is_blank(c) for c in cells):
                    sheet.headers = [values.text(c) for c in cells]
                continue
            row = {h: c for h, c in zip(sheet.headers, cells, strict=False) if h}
            if any(not values.is_blank(c) for c in row.values()):
                sheet.rows.append((number, row))
        return sheet
    finally:
        workbook.close()


def plan_workbook_spaces(
    service: FestivalService, path: str | os.PathLike[str]
) -> SpacesPlan | None:
    """What the Spaces sheet of an imported workbook would change (None: it has none)."""
    sheet = read_spaces_sheet(path)
    return None if sheet is None else plan_spaces(service, sheet)


def import_workbook_spaces(
    service: FestivalService, plan: SpacesPlan | None, log: ChangeLog | None = None
) -> None:
    """Draw a workbook's Spaces sheet, planned already, inside the import's transaction;
    its changes join `log`, the import's undo step."""
    if not plan:
        return
    written = write_spaces(service, plan)
    if log is not None:
        log.changes.extend(written.changes)


def add_template_sheet(workbook: Workbook, language: str) -> Worksheet:
    """The template's optional Spaces sheet: its header row in `language`, nothing else
    (an empty sheet imports nothing; rows in it draw or change spaces)."""
    from openpyxl.styles import Font

    ws = workbook.create_sheet(SHEET_TITLES[1] if language == "ko" else SHEET_TITLES[0])
    for index, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=index, value=column.ko if language == "ko" else column.en)
        cell.font = Font(bold=True)
        ws.column_dimensions[cell.column_letter].width = max(12, len(str(cell.value)) + 4)
    ws.freeze_panes = "A2"
    return ws
