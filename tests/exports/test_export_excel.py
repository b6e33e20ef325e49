"""Workbooks read back with openpyxl: same records, right types, no formulas from text."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

import openpyxl
import pytest

from festival_app.domain import countries
from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import VenueKind
from festival_app.exports import ExportError, export
from festival_app.exports.excel import clean_text
from festival_app.services import FestivalService

FORMULA = '=HYPERLINK("http://x","y")'


def _rows(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[tuple[object, ...]]:
    return list(ws.iter_rows(min_row=2, values_only=True))


def test_booth_workbook_holds_every_booth(sample_service: FestivalService, tmp_path: Path) -> None:
    area = next(v for v in sample_service.venues() if v.kind == VenueKind.BOOTH_AREA)
    sample_service.save(
        Booth(
            venue_id=area.id or 0,
            category=BoothCategory.NGO,
            organization=FORMULA,
            exhibitor="#N/A",
            contact="+82 2 555",
            notes="line one\nline\x01 two\ttab",
            staff=7,
            power=True,
        )
    )
    out = tmp_path / "booths.xlsx"
    export("booths", sample_service, out)
    wb = openpyxl.load_workbook(out)
    booth_areas = [v for v in sample_service.venues() if v.kind == VenueKind.BOOTH_AREA]
    assert wb.sheetnames == ["All booths", *[v.name_ko for v in booth_areas], "Summary"]
    ws = wb["All booths"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Code", "Category", "Country (Korean)", "Country (English)"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:O{ws.max_row}"
    assert ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws["A1"].font.b
    assert ws.column_dimensions["E"].width > 15  # fitted to the organizations
    booths = sample_service.booths()
    rows = _rows(ws)
    assert len(rows) == len(booths)
    by_code = {r[0]: r for r in rows}
    for booth in booths:
        if not booth.code:
            continue
        row = by_code[booth.code]
        assert row[2] == (countries.name(booth.country, "ko") or None)
        assert row[3] == (countries.name(booth.country, "en") or None)
        assert row[4] == (booth.organization or None)
        assert row[9] == booth.staff
        # Needs in words, not TRUE/FALSE.
        assert row[10:13] == tuple(
            "yes" if v else "no" for v in (booth.power, booth.water, booth.gas)
        )
    # Formula-looking and error-looking text stays text.
    mine = next(r for r in ws.iter_rows(min_row=2) if r[4].value == FORMULA)
    assert mine[4].data_type == "s"
    assert mine[4].quotePrefix
    assert mine[5].value == "#N/A" and mine[5].data_type == "s"
    assert mine[6].value == "+82 2 555" and mine[6].data_type == "s"
    assert mine[14].value == "line one\nline two\ttab"  # control character gone
    assert isinstance(mine[9].value, int)
    # The same booth on its venue's sheet, still text.
    venue_sheet = wb[area.name_ko]
    cell = next(r[4] for r in venue_sheet.iter_rows(min_row=2) if r[4].value == FORMULA)
    assert cell.data_type == "s"
    for venue in booth_areas:
        assert len(_rows(wb[venue.name_ko])) == sum(1 for b in booths if b.venue_id == venue.id)
    # Summary: per venue and category, with totals.
    summary = wb["Summary"]
    srows = _rows(summary)
    assert srows[-1][0] == "Total"
    assert srows[-1][-1] == len(booths)
    ngo_col = [c.value for c in summary[1]].index("NGO / international organization")
    ngo = sum(1 for b in booths if b.category == BoothCategory.NGO)
    assert srows[-1][ngo_col] == ngo


def test_roster_and_program(sample_service: FestivalService, tmp_path: Path) -> None:
    sample_service.save(Troupe(name="=1+1", city_en="@SUM(A1)", performers=3))
    export("roster", sample_service, tmp_path / "r.xlsx", lang="en")
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    assert ws is not None
    rows = _rows(ws)
    troupes = sample_service.troupes()
    assert len(rows) == len(troupes)
    counts = sample_service.item_counts_by_troupe()
    by_name = {(r[0], r[2]): r for r in rows}
    for t in troupes:
        row = by_name[(t.name, t.city_en or None)]
        assert row[8] == t.performers
        if t.arrival:
            assert row[12] == datetime.combine(t.arrival, time())
        assert row[14] == counts.get(t.id or 0, 0)
    formula_row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "=1+1")
    assert formula_row[0].data_type == "s" and formula_row[2].data_type == "s"

    export("program", sample_service, tmp_path / "p.xlsx", lang="en")
    ws = openpyxl.load_workbook(tmp_path / "p.xlsx").active
    assert ws is not None
    rows = _rows(ws)
    items = sample_service.program()
    assert len(rows) == len(items)
    days = {d.id: d.date for d in sample_service.days()}
    got = {(r[0], r[1], r[4]) for r in rows}
    for item in items:
        assert (datetime.combine(days[item.day_id], time()), item.start, item.title_en) in got
    first = next(ws.iter_rows(min_row=2, max_row=2))
    assert isinstance(first[1].value, time) and isinstance(first[2].value, time)
    assert first[1].number_format == "hh:mm"
    assert isinstance(first[0].value, datetime)
    assert del_none(first[5].value)  # Korean title present


def del_none(value: object) -> bool:
    return value is not None


def test_too_long_text_is_refused_naming_the_record() -> None:
    with pytest.raises(ExportError) as caught:
        clean_text("x" * 40_000, "Booth P-01 Japan", "Notes")
    assert "Booth P-01 Japan" in caught.value.message()
    assert "32767" in caught.value.message()
    assert clean_text("a\x00b\x1fc\td\ne", "r", "c") == "abc\td\ne"


def test_only_chosen_venues(sample_service: FestivalService, tmp_path: Path) -> None:
    export("booths", sample_service, tmp_path / "b.xlsx", venues=["mugyo-ro"], lang="en")
    wb = openpyxl.load_workbook(tmp_path / "b.xlsx")
    assert wb.sheetnames == ["All booths", "Mugyo-ro", "Summary"]
    codes = {r[0] for r in _rows(wb["All booths"])}
    assert codes and all(str(c).startswith("M-") for c in codes)
