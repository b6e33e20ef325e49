"""Workbooks for the street managers and contractors: booths, the troupe roster, the program.

Written in openpyxl's write-only mode (streamed rows: fast, little memory). No user text
ever becomes a formula or an error value: such cells are written as typed text with Excel's
quote prefix. Control characters are removed; text longer than a cell holds is refused.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date, time
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from festival_app.domain import countries
from festival_app.domain.booths import BOOTH_CATEGORY_LABELS, Booth, BoothCategory
from festival_app.domain.text import without_controls
from festival_app.domain.times import format_time
from festival_app.exports import common
from festival_app.exports.common import ExportError, Selection, Steps, message
from festival_app.i18n import QT_TRANSLATE_NOOP as N

MAX_CELL_TEXT = 32_767
MAX_WIDTH = 60
# Text that Excel would read as a formula when edited, or openpyxl would write as one.
_RISKY_START = ("=", "+", "-", "@")
_ERRORS = frozenset(ERROR_CODES)
_HEADER_FONT = Font(bold=True)
TIME_FORMAT = "hh:mm"
DATE_FORMAT = "yyyy-mm-dd"


class SheetWriter:
    """One streamed sheet: header, rows, fitted widths, frozen header, filter, page setup."""

    def __init__(self, wb: Workbook, title: str, headings: Sequence[str], record_name: str) -> None:
        self.ws: WriteOnlyWorksheet = wb.create_sheet(title)
        self.headings = list(headings)
        self.record_name = record_name
        self.rows: list[tuple[list[Any], bool]] = []
        self.widths = [_text_width(h) + 2 for h in self.headings]

    def add(self, values: Sequence[Any], record: str) -> tuple[list[Any], bool]:
        """Queue one row; text is cleaned and checked, `record` names it in errors.

        Returns the cleaned row and whether it needs typed cells.
        """
        row = list(values)
        widths = self.widths
        special = False
        for index, value in enumerate(row):
            if isinstance(value, str):
                value = row[index] = clean_text(value, record, self.headings[index])
                width = _text_width(value)
                if width > widths[index]:
                    widths[index] = width
                if value and (value.startswith(_RISKY_START) or value in _ERRORS):
                    special = True
            elif isinstance(value, date | time):
                special = True
                widths[index] = max(widths[index], 11)
        self.rows.append((row, special))
        return row, special

    def _cells(self, row: list[Any]) -> list[Any]:
        """Typed cells where a plain value would go wrong or look wrong."""
        ws = self.ws
        out: list[Any] = []
        for value in row:
            if isinstance(value, str):
                if value and (value.startswith(_RISKY_START) or value in _ERRORS):
                    value = _as_text(ws, value)
            elif isinstance(value, time):
                value = WriteOnlyCell(ws, value)
                value.number_format = TIME_FORMAT
            elif isinstance(value, date):
                value = WriteOnlyCell(ws, value)
                value.number_format = DATE_FORMAT
            out.append(value)
        return out

    def write(self, *, landscape: bool = True, paper: str = "A4") -> None:
        ws = self.ws
        last = get_column_letter(len(self.headings))
        # Write-only sheets take their settings before the first row.
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{last}{len(self.rows) + 1}"
        ws.print_title_rows = "1:1"
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.paperSize = (
            Worksheet.PAPERSIZE_A3 if paper == "A3" else Worksheet.PAPERSIZE_A4
        )
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        for index, width in enumerate(self.widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = min(MAX_WIDTH, width + 2)
        header = []
        for heading in self.headings:
            cell = WriteOnlyCell(ws, heading)
            cell.font = _HEADER_FONT
            header.append(cell)
        ws.append(header)
        append, cells = ws.append, self._cells
        for row, special in self.rows:
            append(cells(row) if special else row)
        self.rows = []


def clean_text(value: str, record: str, column: str) -> str:
    """Without control characters (tab and newline stay); refused when too long for a cell."""
    value = without_controls(value)
    if len(value) > MAX_CELL_TEXT:
        raise ExportError(
            message(
                N(
                    "Export",
                    "{record}: {column} is {length} characters long; an Excel cell holds at most {limit}.",
                ),
                record=record,
                column=column,
                length=len(value),
                limit=MAX_CELL_TEXT,
            )
        )
    return value


def _as_text(ws: WriteOnlyWorksheet, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value)
    cell.data_type = "s"  # after the value: openpyxl made it a formula ("f") or error ("e")
    cell.quotePrefix = True  # Excel keeps it text when someone edits the cell
    return cell


def _text_width(text: str) -> int:
    longest = (
        max((len(line) for line in text.split("\n")), default=0) if "\n" in text else len(text)
    )
    if not text.isascii():
        # Hangul and other wide characters take two columns.
        longest += sum(1 for ch in text if ord(ch) >= 0x1100)
    return longest


def _sheet_title(name: str, used: set[str]) -> str:
    r"""A sheet name Excel accepts: no [ ] : * ? / \ ', at most 31 characters, unique;
    both languages joined by " - " ("전체 부스 - All booths"), never runs of spaces."""
    base = name.replace(" / ", " - ")
    base = re.sub(r"[\[\]:*?/\\']", " ", base)
    base = re.sub(r"\s+", " ", base).strip()[:31].rstrip() or "Sheet"
    title, n = base, 2
    while title.casefold() in used:
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)].rstrip() + suffix
        n += 1
    used.add(title.casefold())
    return title


@contextlib.contextmanager
def _streamed(out: Path) -> Iterator[Workbook]:
    """A write-only workbook for the block, saved to `out` when it ends well.

    Its sheets stream into temporary files of their own; on any failure (a full disk, a
    cancel) they are closed and removed here, quietly, instead of failing once more when
    collected ("Exception ignored in: <generator ...>" on stderr).
    """
    wb = Workbook(write_only=True)
    try:
        yield wb
        wb.save(str(out))
    except BaseException:
        _discard(wb)
        raise


def _discard(wb: Workbook) -> None:
    """Close the sheets' row streams and remove their temporary files, ignoring errors."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        streams = (getattr(ws, "_rows", None), getattr(writer, "xf", None))
        for stream in streams:  # generators: the sheet's rows, then the writer's file
            if stream is not None:
                with contextlib.suppress(Exception):
                    stream.close()
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()


# -- booths ---------------------------------------------------------------------------

BOOTH_HEADINGS = [
    N("Export", "Code"),
    N("Export", "Category"),
    N("Export", "Country (Korean)"),
    N("Export", "Country (English)"),
    N("Export", "Organization"),
    N("Export", "Exhibitor"),
    N("Export", "Contact"),
    N("Export", "Phone"),
    N("Export", "Email"),
    N("Export", "Staff"),
    N("Export", "Power"),
    N("Export", "Water"),
    N("Export", "Gas"),
    N("Export", "Days"),
    N("Export", "Notes"),
]


def _booth_row(booth: Booth, sel: Selection, lang: str) -> list[Any]:
    if booth.day_ids:
        days = ", ".join(
            d.date.isoformat() for d in (sel.day(i) for i in sorted(booth.day_ids)) if d
        )
    else:
        days = common.heading(N("Export", "all days"), lang)
    return [
        booth.code,
        common.category_label(booth, lang),
        countries.name(booth.country, "ko"),
        countries.name(booth.country, "en"),
        booth.organization,
        booth.exhibitor,
        booth.contact,
        booth.phone,
        booth.email,
        booth.staff,
        _yes_no(booth.power, lang),
        _yes_no(booth.water, lang),
        _yes_no(booth.gas, lang),
        days,
        booth.notes,
    ]


def _yes_no(value: bool, lang: str) -> str:
    """A need in words of the workbook's language ("yes", "예 / yes"), not TRUE/FALSE; the
    import reads them back."""
    return common.heading(N("Export", "yes") if value else N("Export", "no"), lang)


def _booth_name(booth: Booth) -> str:
    return message(
        N("Export", "Booth {name}"), name=" ".join(x for x in (booth.code, booth.label()) if x)
    )


def count_booths(sel: Selection) -> int:
    return len(sel.booth_venues()) + 2


def write_booths(
    sel: Selection, out: Path, steps: Steps, *, paper: str = "A4", landscape: bool = True
) -> None:
    lang = sel.lang
    headings = [common.heading(h, lang) for h in BOOTH_HEADINGS]
    with _streamed(out) as wb:
        used: set[str] = set()
        everything = SheetWriter(
            wb,
            _sheet_title(common.heading(N("Export", "All booths"), lang), used),
            headings,
            "booth",
        )
        rows: dict[int, list[tuple[list[Any], bool]]] = {}
        for booth in sel.booths:
            clean = everything.add(_booth_row(booth, sel, lang), _booth_name(booth))
            rows.setdefault(booth.venue_id, []).append(clean)
        everything.write(paper=paper, landscape=landscape)
        steps.step()
        for venue in sel.booth_venues():
            sheet = SheetWriter(
                wb,
                _sheet_title(venue.name("en" if lang == "en" else "ko"), used),
                headings,
                "booth",
            )
            sheet.widths = list(everything.widths)  # rows already checked and measured
            sheet.rows = rows.get(venue.id or 0, [])
            sheet.write(paper=paper, landscape=landscape)
            steps.step()
        _write_summary(wb, sel, used, paper)
        steps.step()


def _write_summary(wb: Workbook, sel: Selection, used: set[str], paper: str) -> None:
    lang = sel.lang
    categories = list(BoothCategory)
    cat_names = [common.label("BoothCategory", BOOTH_CATEGORY_LABELS[c], lang) for c in categories]
    by_cat = Counter(b.category for b in sel.booths)
    by_venue_cat = Counter((b.venue_id, b.category) for b in sel.booths)
    sheet = SheetWriter(
        wb,
        _sheet_title(common.heading(N("Export", "Summary"), lang), used),
        [
            common.heading(N("Export", "Venue"), lang),
            *cat_names,
            common.heading(N("Export", "Total"), lang),
        ],
        "summary",
    )
    venues = sel.booth_venues()
    for venue in venues:
        counts = [by_venue_cat[(venue.id or 0, c)] for c in categories]
        sheet.add([common.venue_name(venue, lang), *counts, sum(counts)], venue.name())
    totals = [by_cat[c] for c in categories]
    sheet.add([common.heading(N("Export", "Total"), lang), *totals, sum(totals)], "total")
    sheet.write(paper=paper, landscape=True)


# -- roster ---------------------------------------------------------------------------

ROSTER_HEADINGS = [
    N("Export", "Troupe"),
    N("Export", "Troupe (Korean)"),
    N("Export", "City"),
    N("Export", "City (Korean)"),
    N("Export", "Country (Korean)"),
    N("Export", "Country (English)"),
    N("Export", "Relation"),
    N("Export", "Genre"),
    N("Export", "Performers"),
    N("Export", "Contact"),
    N("Export", "Phone"),
    N("Export", "Email"),
    N("Export", "Arrival"),
    N("Export", "Departure"),
    N("Export", "Items"),
    N("Export", "Notes"),
]


def count_roster(sel: Selection) -> int:
    return 1


def write_roster(
    sel: Selection, out: Path, steps: Steps, *, paper: str = "A4", landscape: bool = True
) -> None:
    lang = sel.lang
    with _streamed(out) as wb:
        items = Counter(i.troupe_id for i in sel.items if i.troupe_id is not None)
        sheet = SheetWriter(
            wb,
            _sheet_title(common.heading(N("Export", "Troupes"), lang), set()),
            [common.heading(h, lang) for h in ROSTER_HEADINGS],
            "troupe",
        )
        for troupe in sorted(
            sel.troupes.values(), key=lambda t: (t.name.casefold(), t.city_en.casefold())
        ):
            sheet.add(
                [
                    troupe.name,
                    troupe.name_ko,
                    troupe.city_en,
                    troupe.city_ko,
                    countries.name(troupe.country, "ko"),
                    countries.name(troupe.country, "en"),
                    common.relation_label(troupe, lang),
                    troupe.genre,
                    troupe.performers,
                    troupe.contact,
                    troupe.phone,
                    troupe.email,
                    troupe.arrival,
                    troupe.departure,
                    items.get(troupe.id or 0, 0),
                    troupe.notes,
                ],
                message(N("Export", "Troupe {name}"), name=troupe.name),
            )
        sheet.write(paper=paper, landscape=landscape)
        steps.step()


# -- program --------------------------------------------------------------------------

PROGRAM_HEADINGS = [
    N("Export", "Day"),
    N("Export", "Start"),
    N("Export", "End"),
    N("Export", "Venue"),
    N("Export", "Title (English)"),
    N("Export", "Title (Korean)"),
    N("Export", "Kind"),
    N("Export", "Troupe"),
    N("Export", "City"),
    N("Export", "Status"),
    N("Export", "Setup (min)"),
    N("Export", "Teardown (min)"),
    N("Export", "Notes"),
]


def count_program(sel: Selection) -> int:
    return 1


def write_program(
    sel: Selection, out: Path, steps: Steps, *, paper: str = "A4", landscape: bool = True
) -> None:
    lang = sel.lang
    with _streamed(out) as wb:
        sheet = SheetWriter(
            wb,
            _sheet_title(common.heading(N("Export", "Program"), lang), set()),
            [common.heading(h, lang) for h in PROGRAM_HEADINGS],
            "item",
        )
        for item in sel.items:
            day = sel.day(item.day_id)
            venue = sel.venue(item.venue_id)
            troupe = sel.troupe(item.troupe_id)
            sheet.add(
                [
                    day.date if day else None,
                    item.start,
                    item.end,
                    common.venue_name(venue, lang) if venue else "",
                    item.title_en,
                    item.title_ko,
                    common.kind_label(item, lang),
                    common.troupe_name(troupe, lang) if troupe else "",
                    common.pair(troupe.city_ko, troupe.city_en, lang) if troupe else "",
                    common.status_label(item, lang),
                    item.setup_min,
                    item.teardown_min,
                    item.notes,
                ],
                message(
                    N("Export", "Item {title} at {time}"),
                    title=item.title(),
                    time=format_time(item.start),
                ),
            )
        sheet.write(paper=paper, landscape=landscape)
        steps.step()
