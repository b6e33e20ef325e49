"""The template: its sheets, drop-downs and instructions, and template -> filled -> import."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import openpyxl
import pytest

from festival_app.cli import main
from festival_app.domain.booths import BoothCategory
from festival_app.imports import format as fmt
from festival_app.imports.template import FIRST_DATA_ROW, LISTS_SHEET, write_template
from festival_app.imports.workbook import import_workbook, preview_workbook
from festival_app.services import FestivalService


@pytest.mark.parametrize("language", ["en", "ko"])
def test_template_sheets_headers_and_dropdowns(tmp_path: Path, language: str) -> None:
    path = write_template(tmp_path / "template.xlsx", language)
    wb = openpyxl.load_workbook(path)
    names = [s.en if language == "en" else s.ko for s in fmt.TEMPLATE_SHEETS]
    spaces = "부스 자리" if language == "ko" else "Spaces"  # optional, for a site map's layout
    assert wb.sheetnames[1:-1] == [*names, spaces]
    assert wb[LISTS_SHEET].sheet_state == "hidden"
    assert wb.sheetnames[-1] == LISTS_SHEET
    intro = "\n".join(str(c.value) for c in wb.worksheets[0]["A"] if c.value)
    assert "신청서" in intro and "application import form" in intro
    for sheet, title in zip(fmt.TEMPLATE_SHEETS, names, strict=True):
        ws = wb[title]
        first = [c.value for c in ws[1]]
        second = [c.value for c in ws[2]]
        assert first == [c.en if language == "en" else c.ko for c in sheet.columns]
        assert second == [c.ko if language == "en" else c.en for c in sheet.columns]
        assert all(c.font.bold for c in ws[1])
        assert ws.freeze_panes == f"A{FIRST_DATA_ROW}"
        for index, column in enumerate(sheet.columns, start=1):
            letter = openpyxl.utils.get_column_letter(index)
            assert ws.column_dimensions[letter].width >= len(column.en)
        validated = {
            str(rng).split(":")[0].rstrip("0123456789"): dv.formula1
            for dv in ws.data_validations.dataValidation
            for rng in dv.sqref.ranges
        }
        for index, column in enumerate(sheet.columns, start=1):
            letter = openpyxl.utils.get_column_letter(index)
            needs = column.cell_type in (
                fmt.CellType.CHOICE,
                fmt.CellType.BOOL,
                fmt.CellType.COUNTRY,
            )
            assert (letter in validated) == needs, (title, column.en)
            if needs:
                assert validated[letter].startswith((f"={LISTS_SHEET}!$", f"='{LISTS_SHEET}'!$"))
    # The countries drop-down lists names from the hidden sheet.
    lists = wb[LISTS_SHEET]
    countries = [c.value for c in lists["G"][1:]]
    assert ("대한민국" if language == "ko" else "South Korea") in countries
    assert len(countries) > 200


def test_template_write_is_atomic_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "template.xlsx"
    target.write_text("old")
    write_template(target)
    assert openpyxl.load_workbook(target).sheetnames[0] == "Instructions"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["template.xlsx"]  # no temp left


def test_template_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "양식.xlsx"
    assert main(["template", "--out", str(out), "--language", "ko"]) == 0
    assert "안내" in openpyxl.load_workbook(out).sheetnames
    assert main(["template", "--out", str(tmp_path / "missing" / "t.xlsx")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_the_template_as_given_imports_nothing_and_says_its_examples_were_skipped(
    tmp_path: Path, empty_service: FestivalService
) -> None:
    for language in ("en", "ko"):
        path = write_template(tmp_path / f"t-{language}.xlsx", language)
        plan = preview_workbook(empty_service, path)
        assert not plan.has_errors and not plan.has_changes
        skipped = [p for p in plan.warnings() if "example row" in p.message()]
        assert len(skipped) == 5  # two venues, a troupe, a program item, a booth
        assert all(p.row == FIRST_DATA_ROW or p.row == FIRST_DATA_ROW + 1 for p in skipped)


def test_an_example_row_turned_into_a_real_one_imports(
    tmp_path: Path, empty_service: FestivalService
) -> None:
    path = write_template(tmp_path / "template.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Venues"]
    notes = [c.value for c in ws[1]].index("Notes") + 1
    ws.cell(row=FIRST_DATA_ROW, column=notes, value="Our main stage")
    wb.save(path)
    plan = preview_workbook(empty_service, path)
    assert plan.counts["Venues"].created == 1 and not plan.has_errors


def _keep_example_venues(wb: openpyxl.Workbook) -> None:
    """Use the two example venues as real ones: clear their example mark."""
    ws = wb["Venues"]
    notes = [c.value for c in ws[1]].index("Notes") + 1
    for row in (FIRST_DATA_ROW, FIRST_DATA_ROW + 1):
        ws.cell(row=row, column=notes).value = None


FILLED_BOOTHS: list[list[object]] = [
    # Code, Venue, Category, Country, Organization, Exhibitor, Contact, Email, Phone, Staff,
    # Power, Water, Gas, Days, Notes
    [
        "M-01",
        "Mugyo-ro",
        "food",
        "Thailand",
        "Embassy of Thailand",
        "Baan Thai",
        "Lee",
        "th@example.org",
        "010-0000-0001",
        4,
        "yes",
        "O",
        "no",
        "all",
        "Pad thai",
    ],
    [
        "M-02",
        "무교로",
        "음식",
        "VN",
        "",
        "Pho Hanoi",
        "Kim",
        "",
        "02-555-0102",
        3,
        "예",
        "아니오",
        "X",
        "2026-09-05",
        "",
    ],
    [
        "M-03",
        "Mugyo-ro",
        "NGO(국제기구)",
        "",
        "UNHCR",
        "UNHCR Korea",
        "",
        "",
        "",
        None,
        "n",
        "n",
        "n",
        "2026-09-05, 2026-09-06",
        "Refugee tent",
    ],
    [
        "",
        "Mugyo-ro",
        "marriage culture",
        "몽골",
        "",
        "",
        "",
        "",
        "",
        2,
        "",
        "",
        "",
        "전체",
        "no space yet",
    ],
]


def test_template_filled_imports_and_reads_back_the_same(
    tmp_path: Path, empty_service: FestivalService
) -> None:
    path = write_template(tmp_path / "template.xlsx")
    wb = openpyxl.load_workbook(path)
    days = wb["Days"]
    days.delete_rows(FIRST_DATA_ROW, 5)
    days.append([date(2026, 9, 5), time(12), time(18)])
    days.append(["2026.09.06", "1200", "17:00"])
    booths = wb["Booths"]
    booths.delete_rows(FIRST_DATA_ROW, 5)
    for row in FILLED_BOOTHS:
        booths.append(row)
    for title in ("Troupes", "Program"):
        wb[title].delete_rows(FIRST_DATA_ROW, 5)
    _keep_example_venues(wb)
    wb.save(path)
    plan = preview_workbook(empty_service, path)
    assert not plan.problems, [p.message() for p in plan.problems]
    import_workbook(empty_service, path)
    day_ids = {d.date: d.id for d in empty_service.days()}
    stored = sorted(empty_service.booths(), key=lambda b: b.code or "~")
    assert [b.code or "" for b in stored] == ["M-01", "M-02", "M-03", ""]
    assert [b.category for b in stored] == [
        BoothCategory.FOOD,
        BoothCategory.FOOD,
        BoothCategory.NGO,
        BoothCategory.MARRIAGE_CULTURE,
    ]
    assert [b.country for b in stored] == ["TH", "VN", "", "MN"]
    assert [(b.power, b.water, b.gas) for b in stored] == [
        (True, True, False),
        (True, False, False),
        (False, False, False),
        (False, False, False),
    ]
    assert [b.day_ids for b in stored] == [
        frozenset(),
        {day_ids[date(2026, 9, 5)]},
        {day_ids[date(2026, 9, 5)], day_ids[date(2026, 9, 6)]},
        frozenset(),
    ]
    assert stored[0].phone == "010-0000-0001" and stored[1].staff == 3
    # Importing the same file again is a no-op.
    again = preview_workbook(empty_service, path)
    assert not again.has_changes


def test_template_filled_import_then_export_booths_gives_the_same_records(
    tmp_path: Path, empty_service: FestivalService
) -> None:
    path = write_template(tmp_path / "template.xlsx")
    wb = openpyxl.load_workbook(path)
    days = wb["Days"]
    days.delete_rows(FIRST_DATA_ROW, 5)
    days.append(["2026-09-05", "12:00", "18:00"])
    days.append(["2026-09-06", "12:00", "17:00"])
    booths = wb["Booths"]
    booths.delete_rows(FIRST_DATA_ROW, 5)
    for filled in FILLED_BOOTHS:
        booths.append(filled)
    for title in ("Troupes", "Program"):
        wb[title].delete_rows(FIRST_DATA_ROW, 5)
    _keep_example_venues(wb)
    wb.save(path)
    import_workbook(empty_service, path)
    db = empty_service.db.path
    empty_service.close()
    out = tmp_path / "booths-export.xlsx"
    assert main(["export", "booths", "--db", str(db), "--out", str(out), "--lang", "en"]) == 0
    exported = openpyxl.load_workbook(out, read_only=True)["All booths"]
    rows = list(exported.iter_rows(values_only=True))
    head = list(rows[0])
    got = {(r[head.index("Code")] or ""): dict(zip(head, r, strict=True)) for r in rows[1:]}
    assert set(got) == {"M-01", "M-02", "M-03", ""}
    assert got["M-01"]["Country (English)"] == "Thailand"
    assert got["M-01"]["Organization"] == "Embassy of Thailand"
    assert got["M-01"]["Phone"] == "010-0000-0001"
    assert (got["M-01"]["Power"], got["M-01"]["Water"], got["M-01"]["Gas"]) == ("yes", "yes", "no")
    assert got["M-02"]["Country (Korean)"] == "베트남" and got["M-02"]["Staff"] == 3
    assert got["M-02"]["Days"] == "2026-09-05"
    assert (
        got["M-03"]["Organization"] == "UNHCR" and got["M-03"]["Days"] == "2026-09-05, 2026-09-06"
    )
    assert got["M-03"]["Category"].startswith("NGO")
    assert got[""]["Country (English)"] == "Mongolia" and got[""]["Notes"] == "no space yet"
    # Reading the export's values back through the importer's readers gives the same values.
    from festival_app.imports import values

    for code, row in got.items():
        source = next(r for r in FILLED_BOOTHS if r[0] == code)
        assert values.choice(row["Category"], fmt.CATEGORIES) == values.choice(
            source[2], fmt.CATEGORIES
        )
        assert (values.country(row["Country (English)"]) if row["Country (English)"] else "") == (
            values.country(source[3]) if source[3] else ""
        )
