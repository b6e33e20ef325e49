"""No silent overwrite: the preview names every change field by field, a blank cell keeps
what is stored, the clear marker clears on purpose, a row matched by a secondary key says
so, an ambiguous row asks for the code, and the exported workbooks import back."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from festival_app import i18n, language
from festival_app.cli import main
from festival_app.domain.booths import Booth, BoothCategory
from festival_app.exports import common as export_common
from festival_app.exports import export
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.imports import format as fmt
from festival_app.imports.apply import apply_plan
from festival_app.imports.describe import FieldChange, field_changes
from festival_app.imports.errors import WorkbookError
from festival_app.imports.plan import ImportPlan
from festival_app.imports.template import FIRST_DATA_ROW, LISTS_SHEET, write_template
from festival_app.imports.workbook import preview_workbook
from festival_app.services import FestivalService
from tests.helpers.workbooks import digest

REPORTED_ROW = {
    "Venue": "Seoul Plaza",
    "Category": "tourism",
    "Country": "Peru",
    "Exhibitor": "Peru Tourism",
}


def booth(service: FestivalService, code: str) -> Booth:
    return next(b for b in service.booths() if b.code == code)


def fields(plan: ImportPlan, index: int = 0) -> list[FieldChange]:
    change = plan.changes[index]
    return field_changes(change.before, change.after, plan.names)


def messages(plan: ImportPlan) -> list[str]:
    return [p.message() for p in plan.problems]


def template_with_booth_row(tmp_path: Path, cells: Mapping[str, object]) -> Path:
    """The English template with its example booth row replaced by `cells` (by header)."""
    path = write_template(tmp_path / "template.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Booths"]
    headers = [c.value for c in ws[1]]
    for index, header in enumerate(headers, start=1):
        ws.cell(FIRST_DATA_ROW, index).value = cells.get(str(header))
        ws.cell(FIRST_DATA_ROW, index).font = openpyxl.styles.Font()
    wb.save(path)
    return path


# -- the reported case -----------------------------------------------------------------


def test_the_reported_row_matches_p49_and_changes_only_its_exhibitor(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    p49 = booth(sample_service, "P-49")
    path = template_with_booth_row(tmp_path, REPORTED_ROW)
    plan = preview_workbook(sample_service, path)
    assert not plan.has_errors, messages(plan)
    (change,) = plan.changes
    assert change.matched and change.before == p49 and change.row == FIRST_DATA_ROW
    assert fields(plan) == [FieldChange("Exhibitor", "Embassy of Peru", "Peru Tourism")]
    apply_plan(sample_service, plan)
    assert booth(sample_service, "P-49") == replace(p49, exhibitor="Peru Tourism")


def test_the_command_line_report_names_the_record_and_each_field(
    festival_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = template_with_booth_row(tmp_path, REPORTED_ROW)
    before = digest(festival_path)
    assert main(["import", str(path), "--db", str(festival_path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Booths row 3 matches P-49 Embassy of Peru" in out
    assert "Exhibitor: Embassy of Peru → Peru Tourism" in out
    assert "Dry run: 0 records would be created, 1 updated, 0 unchanged." in out
    assert digest(festival_path) == before
    # The import itself reports the same, then writes exactly that.
    assert main(["import", str(path), "--db", str(festival_path)]) == 0
    out = capsys.readouterr().out
    assert "Exhibitor: Embassy of Peru → Peru Tourism" in out
    service = FestivalService.open(festival_path)
    try:
        stored = booth(service, "P-49")
    finally:
        service.close()
    assert (stored.exhibitor, stored.organization, stored.phone) == (
        "Peru Tourism",
        "Embassy of Peru",
        "+82 2 2555 2049",
    )


def test_a_new_record_is_named_and_one_record_is_singular(
    festival_path: Path, make_workbook: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_workbook(
        {"Troupes": [["Troupe", "City", "Country"], ["Busan Drummers", "Busan", "KR"]]}
    )
    assert main(["import", str(path), "--db", str(festival_path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Troupes row 2, new: Busan Drummers (Busan)" in out
    assert "Dry run: 1 record would be created, 0 updated, 0 unchanged." in out


def test_a_code_taken_elsewhere_after_the_preview_is_a_message_and_nothing_is_written(
    festival_path: Path, make_workbook: Callable[..., Path]
) -> None:
    headers = ["Code", "Venue", "Category", "Country", "Exhibitor"]
    path = make_workbook(
        {"Booths": [headers, ["P-80", "Seoul Plaza", "tourism", "Chile", "Chile Tourism"]]}
    )
    service = FestivalService.open(festival_path)
    other = FestivalService.open(festival_path)  # a second computer on the festival
    try:
        plan = preview_workbook(service, path)
        assert not plan.problems, messages(plan)
        plaza = booth(other, "P-01").venue_id
        other.save(Booth(plaza, BoothCategory.FOOD, code="P-80", country="PE"))
        before = digest(festival_path)
        with pytest.raises(WorkbookError) as caught:
            apply_plan(service, plan)
    finally:
        other.close()
        service.close()
    text = caught.value.message()
    assert "P-80" in text and "Nothing was changed" in text, text
    assert digest(festival_path) == before


# -- blank cells and the clear marker --------------------------------------------------


def test_blank_cells_keep_stored_values_and_the_clear_marker_clears_them(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    thai = booth(sample_service, "M-01")
    headers = ["Code", "Venue", "Category", "Country", "Organization", "Exhibitor"]
    headers += ["Contact", "Email", "Phone", "Staff", "Power", "Days", "Notes"]
    row = ["M-01", "", "food", "", "", "", "", "", "(clear)", " (CLEAR) ", "(지움)", "", ""]
    plan = preview_workbook(sample_service, make_workbook({"Booths": [headers, row]}))
    assert not plan.problems, messages(plan)
    assert [f.column for f in fields(plan)] == ["Phone", "Staff", "Power"]
    apply_plan(sample_service, plan)
    assert booth(sample_service, "M-01") == replace(thai, phone="", staff=None, power=False)


def test_the_clear_marker_takes_a_code_away_and_a_blank_code_never_does(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    p49 = booth(sample_service, "P-49")
    headers = ["Code", "Venue", "Category", "Country", "Notes"]
    blank = make_workbook({"Booths": [headers, ["", "", "tourism", "PE", "new notes"]]}, "a.xlsx")
    plan = preview_workbook(sample_service, blank)
    assert [(f.column, f.after) for f in fields(plan)] == [("Notes", "new notes")]
    cleared = make_workbook({"Booths": [headers, ["(clear)", "", "tourism", "PE", ""]]}, "b.xlsx")
    plan = preview_workbook(sample_service, cleared)
    assert not plan.problems, messages(plan)
    assert fields(plan) == [FieldChange("Code", "P-49", "")]
    apply_plan(sample_service, plan)
    assert next(b for b in sample_service.booths() if b.id == p49.id).code == ""


def test_a_column_that_cannot_be_empty_refuses_the_clear_marker(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    path = make_workbook(
        {
            "Booths": [["Code", "Category"], ["M-01", "(clear)"]],
            "Troupes": [["Troupe", "City", "Relation"], ["Busan Drummers", "Busan", "(clear)"]],
        }
    )
    plan = preview_workbook(sample_service, path)
    assert sorted(messages(plan)) == [
        "Booths row 2, Category: Category cannot be cleared; fill in a value or leave the "
        "cell blank to keep it.",
        "Troupes row 2, Relation: Relation cannot be cleared; fill in a value or leave the "
        "cell blank to keep it.",
    ]


# -- secondary keys ----------------------------------------------------------------------


def test_a_row_that_could_mean_several_booths_asks_for_the_code(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    p49 = booth(sample_service, "P-49")
    sample_service.save(replace(p49, id=None, code="P-75", exhibitor="Peru Crafts", row_version=0))
    path = make_workbook(
        {"Booths": [["Venue", "Category", "Country", "Staff"], ["Seoul Plaza", "tourism", "PE", 5]]}
    )
    plan = preview_workbook(sample_service, path)
    (problem,) = plan.errors()
    assert problem.message() == (
        "Booths row 2, Code: This row matches several booths (P-49, P-75); give the booth's code."
    )
    with_code = make_workbook(
        {"Booths": [["Code", "Category", "Country", "Staff"], ["P-75", "tourism", "PE", 5]]},
        "code.xlsx",
    )
    plan = preview_workbook(sample_service, with_code)
    assert not plan.problems and not plan.changes[0].matched
    assert fields(plan) == [FieldChange("Staff", "3", "5")]


def test_a_booth_without_code_or_venue_that_matches_nothing_needs_a_venue(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    path = make_workbook({"Booths": [["Category", "Country"], ["tourism", "Chile"]]})
    plan = preview_workbook(sample_service, path)
    assert messages(plan) == ["Booths row 2, Venue: Venue is required to add a booth."]


def test_a_troupe_row_without_its_city_matches_the_one_troupe_of_that_name(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    path = make_workbook(
        {"Troupes": [["Troupe", "Performers"], ["Beijing Song and Dance Ensemble", 30]]}
    )
    plan = preview_workbook(sample_service, path)
    assert not plan.problems, messages(plan)
    (change,) = plan.changes
    assert change.matched and fields(plan) == [FieldChange("Performers", "24", "30")]
    beijing = next(t for t in sample_service.troupes() if t.city_en == "Beijing")
    sample_service.save(replace(beijing, id=None, city_en="Shanghai", row_version=0))
    plan = preview_workbook(sample_service, path)
    assert "fill in the City" in plan.errors()[0].message()


# -- the exported workbooks import back ------------------------------------------------


@pytest.fixture
def korean_labels() -> Iterator[None]:
    """The Korean labels the exports write in Korean, whatever the interface speaks."""
    saved = i18n.saved_state()
    fmt.forget_spellings()
    language.korean_labels()
    yield
    i18n.restore_state(saved)
    fmt.forget_spellings()


def _edit(
    path: Path, sheet: str, key_heading: str, key: object, heading: str, value: object, lang: str
) -> None:
    """Set `heading`'s cell on the row whose `key_heading` cell is `key`, as in Excel."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[1]]
    key_at = headers.index(export_common.heading(key_heading, lang))
    at = headers.index(export_common.heading(heading, lang))
    (row,) = [r for r in ws.iter_rows(min_row=2) if r[key_at].value == key]
    row[at].value = value
    wb.save(path)


def _everything(service: FestivalService) -> list[object]:
    return [
        *service.days(),
        *service.venues(),
        *service.troupes(),
        *service.program(),
        *service.booths(),
        service.festival(),
    ]


@pytest.mark.parametrize("lang", ["en", "ko", "both"])
@pytest.mark.parametrize("where", ["all", "area"])
def test_the_booth_workbook_imports_back_with_exactly_the_edit(
    korean_labels: None, sample_service: FestivalService, tmp_path: Path, lang: str, where: str
) -> None:
    out = export("booths", sample_service, tmp_path / "booths.xlsx", lang=lang)
    untouched = preview_workbook(sample_service, out)
    assert not untouched.problems and not untouched.has_changes, messages(untouched)
    assert untouched.counts["Booths"].unchanged == len(sample_service.booths())
    p49 = booth(sample_service, "P-49")
    names = openpyxl.load_workbook(out, read_only=True).sheetnames
    sheet = (
        names[0] if where == "all" else next(n for n in names if n in ("Seoul Plaza", "서울광장"))
    )
    _edit(out, sheet, N("Export", "Code"), "P-49", N("Export", "Phone"), "+82 2 0000 0000", lang)
    before = _everything(sample_service)
    plan = preview_workbook(sample_service, out)
    assert not plan.problems, messages(plan)
    assert fields(plan) == [FieldChange("Phone", "+82 2 2555 2049", "+82 2 0000 0000")]
    assert plan.changes[0].before == p49
    apply_plan(sample_service, plan)
    expected = [replace(p49, phone="+82 2 0000 0000") if r == p49 else r for r in before]
    assert _everything(sample_service) == expected


def test_two_different_edits_of_one_booth_in_the_booth_workbook_are_an_error(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    out = export("booths", sample_service, tmp_path / "booths.xlsx", lang="en")
    _edit(out, "All booths", N("Export", "Code"), "P-49", N("Export", "Staff"), 4, "en")
    _edit(out, "Seoul Plaza", N("Export", "Code"), "P-49", N("Export", "Staff"), 5, "en")
    plan = preview_workbook(sample_service, out)
    (problem,) = plan.errors()
    assert problem.sheet == "Seoul Plaza"
    assert "also in sheet 'All booths' row" in problem.message()


@pytest.mark.parametrize("lang", ["en", "ko", "both"])
def test_the_program_workbook_imports_back_with_exactly_the_edit(
    korean_labels: None, sample_service: FestivalService, tmp_path: Path, lang: str
) -> None:
    out = export("program", sample_service, tmp_path / "program.xlsx", lang=lang)
    untouched = preview_workbook(sample_service, out)
    assert not untouched.problems and not untouched.has_changes, messages(untouched)
    item = next(
        i for i in sample_service.program() if i.title_en == "Chinese classical and folk dance"
    )
    assert item.notes == "" and item.teardown_min == 5
    title_heading = N("Export", "Title (English)")
    wb = openpyxl.load_workbook(out)
    ws = wb.worksheets[0]
    headers = [c.value for c in ws[1]]
    title_at = headers.index(export_common.heading(title_heading, lang))
    notes_at = headers.index(export_common.heading(N("Export", "Notes"), lang))
    teardown_at = headers.index(export_common.heading(N("Export", "Teardown (min)"), lang))
    (row,) = [r for r in ws.iter_rows(min_row=2) if r[title_at].value == item.title_en]
    row[notes_at].value = "Bring two extra mics"
    row[teardown_at].value = 10
    wb.save(out)
    before = _everything(sample_service)
    plan = preview_workbook(sample_service, out)
    assert not plan.problems, messages(plan)
    assert fields(plan) == [
        FieldChange("Teardown (min)", "5", "10"),
        FieldChange("Notes", "", "Bring two extra mics"),
    ]
    apply_plan(sample_service, plan)
    changed = replace(item, notes="Bring two extra mics", teardown_min=10)
    assert _everything(sample_service) == [changed if r == item else r for r in before]


@pytest.mark.parametrize("lang", ["en", "ko", "both"])
def test_the_roster_workbook_imports_back_with_exactly_the_edit(
    korean_labels: None, sample_service: FestivalService, tmp_path: Path, lang: str
) -> None:
    out = export("roster", sample_service, tmp_path / "roster.xlsx", lang=lang)
    untouched = preview_workbook(sample_service, out)
    assert not untouched.problems and not untouched.has_changes, messages(untouched)
    beijing = next(t for t in sample_service.troupes() if t.city_en == "Beijing")
    sheet = openpyxl.load_workbook(out, read_only=True).sheetnames[0]
    _edit(out, sheet, N("Export", "Troupe"), beijing.name, N("Export", "Performers"), 30, lang)
    before = _everything(sample_service)
    plan = preview_workbook(sample_service, out)
    assert not plan.problems, messages(plan)
    assert fields(plan) == [FieldChange("Performers", "24", "30")]
    apply_plan(sample_service, plan)
    changed = replace(beijing, performers=30)
    assert _everything(sample_service) == [changed if r == beijing else r for r in before]


def test_the_exports_country_columns_import_the_one_that_was_edited(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    out = export("booths", sample_service, tmp_path / "booths.xlsx", lang="en")
    country = N("Export", "Country (English)")
    _edit(out, "All booths", N("Export", "Code"), "P-49", country, "Chile", "en")
    plan = preview_workbook(sample_service, out)
    assert not plan.problems, messages(plan)
    assert fields(plan) == [FieldChange("Country", "Peru", "Chile")]
    # Both columns edited to different countries: which one is meant cannot be told.
    _edit(
        out,
        "All booths",
        N("Export", "Code"),
        "P-49",
        N("Export", "Country (Korean)"),
        "볼리비아",
        "en",
    )
    plan = preview_workbook(sample_service, out)
    assert "The columns for Country disagree" in plan.errors()[0].message()


# -- template --db ---------------------------------------------------------------------------


def _validations(ws: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, str]:
    return {
        str(rng).split(":")[0].rstrip("0123456789"): dv.formula1
        for dv in ws.data_validations.dataValidation
        for rng in dv.sqref.ranges
    }


def _list(wb: openpyxl.Workbook, formula: str) -> list[object]:
    cells = formula.split("!")[1].replace("$", "")
    return [c.value for row in wb[LISTS_SHEET][cells] for c in row]


def test_template_with_db_offers_the_festivals_venues_and_troupes(
    festival_path: Path, sample_service: FestivalService, tmp_path: Path
) -> None:
    out = tmp_path / "template.xlsx"
    assert main(["template", "--out", str(out), "--db", str(festival_path)]) == 0
    wb = openpyxl.load_workbook(out)
    program, booths = _validations(wb["Program"]), _validations(wb["Booths"])
    venues = [v.name_en for v in sample_service.venues()]
    areas = [v.name_en for v in sample_service.venues() if v.booth_spaces]
    assert _list(wb, program["D"]) == venues  # Venue
    assert _list(wb, booths["B"]) == areas
    troupes = sorted((t.name for t in sample_service.troupes()), key=str.casefold)
    assert _list(wb, program["H"]) == troupes  # Troupe
    # Without --db there are no such lists, as before.
    plain = tmp_path / "plain.xlsx"
    assert main(["template", "--out", str(plain)]) == 0
    assert "D" not in _validations(openpyxl.load_workbook(plain)["Program"])


def test_template_with_db_in_korean_names_them_in_korean(
    festival_path: Path, sample_service: FestivalService, tmp_path: Path
) -> None:
    out = tmp_path / "양식.xlsx"
    assert (
        main(["template", "--out", str(out), "--db", str(festival_path), "--language", "ko"]) == 0
    )
    wb = openpyxl.load_workbook(out)
    assert "서울광장" in _list(wb, _validations(wb["부스"])["B"])


def test_the_instructions_document_the_clear_marker_in_both_languages(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(write_template(tmp_path / "t.xlsx"))
    text = "\n".join(str(c.value) for c in wb.worksheets[0]["A"] if c.value)
    assert "write just (clear) or (지움)" in text
    assert "(clear) 또는 (지움)만 적습니다" in text


def test_a_category_written_in_both_languages_is_read(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    path = make_workbook({"Booths": [["Code", "Category", "Staff"], ["P-49", "관광 / Tourism", 3]]})
    plan = preview_workbook(sample_service, path)
    assert not plan.problems and plan.counts["Booths"].unchanged == 1
    assert booth(sample_service, "P-49").category == BoothCategory.TOURISM
