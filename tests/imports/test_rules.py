"""The import format and its rules, through real workbooks on real festival files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

import pytest

from festival_app.domain.booths import BoothCategory
from festival_app.domain.program import ItemKind, ItemStatus
from festival_app.domain.troupes import Relation, Troupe
from festival_app.imports.apply import apply_plan, undo_import
from festival_app.imports.errors import WorkbookError
from festival_app.imports.plan import ImportPlan
from festival_app.imports.workbook import import_workbook, preview_workbook
from festival_app.services import FestivalService

TROUPE_HEADERS = ["Troupe", "City", "Country", "Relation", "Phone", "Performers"]
BOOTH_HEADERS = ["Code", "Venue", "Category", "Country", "Organization", "Phone", "Days"]


def counts(plan: ImportPlan, sheet: str) -> tuple[int, int, int, int]:
    c = plan.counts[sheet]
    return (c.created, c.updated, c.unchanged, c.errors)


def messages(plan: ImportPlan) -> list[str]:
    return [p.message() for p in plan.problems]


def test_new_records_are_created_and_refer_to_each_other(
    empty_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    path = make_workbook(
        {
            "Days": [["Date", "Opens", "Closes"], [date(2026, 9, 5), time(11), "18:00"]],
            "Venues": [
                ["Name", "Name (Korean)", "Kind", "Booth spaces", "Code prefix"],
                ["Main Stage", "메인무대", "stage", None, None],
                ["Mugyo-ro", "무교로", "부스 구역", 60, "m"],
            ],
            "Troupes": [
                TROUPE_HEADERS,
                ["Tokyo Taiko", "Tokyo", "Japan", "sister", "+81 3 5550", 12],
            ],
            "Program": [
                ["Day", "Start", "End", "Venue", "Title", "Kind", "Troupe", "Status"],
                ["2026-09-05", "1400", "14:20", "메인무대", "Taiko", "공연", "Tokyo Taiko", "확정"],
            ],
            "Booths": [
                BOOTH_HEADERS,
                ["M-01", "Mugyo-ro", "food", "TH", "", "010-1234-5678", "all"],
                ["", "무교로", "NGO", "", "UNHCR", "", "2026-09-05"],
            ],
        }
    )
    plan = preview_workbook(empty_service, path)
    assert not plan.problems, messages(plan)
    assert {s: counts(plan, s) for s in plan.counts} == {
        "Days": (1, 0, 0, 0),
        "Venues": (2, 0, 0, 0),
        "Troupes": (1, 0, 0, 0),
        "Program": (1, 0, 0, 0),
        "Booths": (2, 0, 0, 0),
    }
    apply_plan(empty_service, plan)
    (day,) = empty_service.days()
    venues = {v.name_en: v for v in empty_service.venues()}
    (troupe,) = empty_service.troupes()
    (item,) = empty_service.program()
    assert venues["Mugyo-ro"].code_prefix == "M"
    assert troupe.country == "JP" and troupe.relation == Relation.SISTER
    assert (item.day_id, item.venue_id, item.troupe_id) == (
        day.id,
        venues["Main Stage"].id,
        troupe.id,
    )
    assert (item.start, item.kind, item.status) == (
        time(14),
        ItemKind.PERFORMANCE,
        ItemStatus.CONFIRMED,
    )
    booths = {b.code or "": b for b in empty_service.booths()}
    assert booths["M-01"].phone == "010-1234-5678" and booths["M-01"].day_ids == frozenset()
    assert booths[""].organization == "UNHCR" and booths[""].day_ids == {day.id}
    assert booths[""].category == BoothCategory.NGO


def test_importing_twice_changes_nothing_and_a_new_phone_updates(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    rows: list[list[object]] = [
        list(TROUPE_HEADERS),
        ["Beijing Song and Dance Ensemble", "Beijing", "CN", "sister", "+86 10 5550 2318", 24],
        ["Busan Drummers", "Busan", "KR", "other", "051-555-0101", 8],
    ]
    first = make_workbook({"Troupes": rows}, "first.xlsx")
    plan = preview_workbook(sample_service, first)
    assert counts(plan, "Troupes") == (1, 0, 1, 0)
    apply_plan(sample_service, plan)
    before = sample_service.troupes()
    again = preview_workbook(sample_service, first)
    assert counts(again, "Troupes") == (0, 0, 2, 0) and not again.has_changes
    apply_plan(sample_service, again)
    assert sample_service.troupes() == before
    rows[2][4] = "051-555-0199"
    changed = preview_workbook(sample_service, make_workbook({"Troupes": rows}, "second.xlsx"))
    assert counts(changed, "Troupes") == (0, 1, 1, 0)
    apply_plan(sample_service, changed)
    busan = [t for t in sample_service.troupes() if t.city_en == "Busan"]
    assert len(busan) == 1 and busan[0].phone == "051-555-0199"
    assert len(sample_service.troupes()) == len(before)


def test_sheet_and_header_names_in_korean_any_case_order_and_spacing(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    path = make_workbook(
        {
            "공연단": [
                ["  전화 ", "도시", "공연단", "관계", "국가"],
                [
                    "+86 10 5550 9999",
                    "Beijing",
                    "Beijing Song and Dance Ensemble",
                    "자매도시",
                    "중국",
                ],
            ],
            " booths ": [
                ["  CODE", "venue ", "category", "phone"],
                ["M-01", "무교로", "음식", "+82 2 0000 0000"],
            ],
        }
    )
    plan = preview_workbook(sample_service, path)
    assert not plan.problems, messages(plan)
    assert counts(plan, "Troupes") == (0, 1, 0, 0)
    assert counts(plan, "Booths") == (0, 1, 0, 0)


def test_unknown_columns_are_ignored_with_a_warning(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    path = make_workbook(
        {"Troupes": [["Troupe", "City", "Favourite colour"], ["Busan Drummers", "Busan", "blue"]]}
    )
    plan = preview_workbook(sample_service, path)
    assert not plan.has_errors
    (warning,) = plan.warnings()
    assert "Favourite colour" in warning.message()
    assert counts(plan, "Troupes") == (1, 0, 0, 0)


def test_problem_names_sheet_row_column_and_suggests(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    rows: list[list[object]] = [list(BOOTH_HEADERS)]
    rows += [[f"M-{n:02d}", "Mugyo-ro", "food", "", f"Org {n}", "", "all"] for n in range(40, 52)]
    rows.append(["M-52", "Mugyo-ro", "Foods", "", "Org 52", "", "all"])  # sheet row 14
    plan = preview_workbook(sample_service, make_workbook({"Booths": rows}))
    (problem,) = plan.errors()
    assert problem.message() == (
        "Booths row 14, Category: 'Foods' is not a category; did you mean 'food'?"
    )
    assert (problem.sheet, problem.row, problem.column, problem.suggestion) == (
        "Booths",
        14,
        "Category",
        "food",
    )


def test_rows_with_errors_stop_the_whole_import(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    path = make_workbook(
        {
            "Troupes": [TROUPE_HEADERS, ["Busan Drummers", "Busan", "KR", "other", "", 8]],
            "Booths": [
                BOOTH_HEADERS,
                ["M-99", "Mugyo-ro", "food", "TH", "", "", "all"],  # Mugyo-ro has 60 spaces
                ["", "Mugyo-rro", "food", "Narnia", "", "", "all"],
                ["", "Mugyo-ro", "food", "FR", "", "", "2018-09-09"],
            ],
        }
    )
    before = (sample_service.troupes(), sample_service.booths())
    plan = preview_workbook(sample_service, path)
    assert counts(plan, "Booths")[3] == 3 and counts(plan, "Troupes") == (1, 0, 0, 0)
    text = "\n".join(messages(plan))
    assert "Booths row 2, Code: Code 'M-99' is not a space of Mugyo-ro" in text
    assert "Booths row 3, Country: 'Narnia' is not a country" in text
    assert "Booths row 4, Days: 2018-09-09 is not a festival day" in text
    with pytest.raises(WorkbookError):
        apply_plan(sample_service, plan)
    with pytest.raises(WorkbookError):
        import_workbook(sample_service, path)
    assert (sample_service.troupes(), sample_service.booths()) == before


def test_a_venue_is_found_by_korean_name_with_a_suggestion_when_misspelt(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    path = make_workbook(
        {
            "Booths": [
                BOOTH_HEADERS,
                ["", "무교로 ", "food", "FR", "", "", ""],
                ["", "Mugyo ro", "food", "DE", "", "", ""],
            ]
        }
    )
    plan = preview_workbook(sample_service, path)
    (problem,) = plan.errors()
    assert problem.row == 3 and problem.suggestion == "Mugyo-ro"


def test_troupes_of_the_same_name_are_told_apart_by_city(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    setup = make_workbook(
        {
            "Troupes": [
                TROUPE_HEADERS,
                ["City Choir", "Hanoi", "VN", "sister", "1", 20],
                ["City Choir", "Taipei", "TW", "friendship", "2", 30],
            ]
        },
        "setup.xlsx",
    )
    apply_plan(sample_service, preview_workbook(sample_service, setup))
    program_headers = ["Day", "Start", "End", "Venue", "Title", "Troupe", "City"]
    ambiguous = make_workbook(
        {
            "Program": [
                program_headers,
                [
                    "2018-09-02",
                    "15:00",
                    "15:20",
                    "Main Stage (Seoul Plaza)",
                    "Choir",
                    "City Choir",
                    "",
                ],
            ]
        },
        "ambiguous.xlsx",
    )
    plan = preview_workbook(sample_service, ambiguous)
    assert "fill in the City" in plan.errors()[0].message()
    clear = make_workbook(
        {
            "Program": [
                program_headers,
                [
                    "2018-09-02",
                    "15:00",
                    "15:20",
                    "Main Stage (Seoul Plaza)",
                    "Choir",
                    "City Choir",
                    "taipei",
                ],
            ]
        },
        "clear.xlsx",
    )
    plan = preview_workbook(sample_service, clear)
    assert not plan.problems, messages(plan)
    apply_plan(sample_service, plan)
    taipei = next(t for t in sample_service.troupes() if t.city_en == "Taipei")
    assert any(i.troupe_id == taipei.id for i in sample_service.program())
    # The same item again (day, venue, start, title) is an update, not a duplicate.
    clear2 = make_workbook(
        {
            "Program": [
                [*program_headers, "Notes"],
                [
                    "2018-09-02",
                    "15:00",
                    "15:20",
                    "Main Stage (Seoul Plaza)",
                    "choir",
                    "City Choir",
                    "Taipei",
                    "mics",
                ],
            ]
        },
        "clear2.xlsx",
    )
    plan = preview_workbook(sample_service, clear2)
    assert counts(plan, "Program") == (0, 1, 0, 0)


def test_booth_identity_by_code_or_category_with_country_or_organization(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    booths = {b.code: b for b in sample_service.booths()}
    thai = booths["M-01"]
    unhcr = booths["P-54"]
    path = make_workbook(
        {
            "Booths": [
                ["Venue", "Category", "Country", "Organization", "Staff"],
                ["Mugyo-ro", "food", "Thailand", "", thai.staff],  # by category + country
                ["Seoul Plaza", "NGO", "", unhcr.organization, 9],  # by category + organization
                ["Seoul Plaza", "experience", "KR", "", 2],  # new
            ]
        }
    )
    plan = preview_workbook(sample_service, path)
    assert not plan.problems, messages(plan)
    # The Thai booth is unchanged: its blank Organization cell leaves the organization.
    assert counts(plan, "Booths") == (1, 1, 1, 0)
    (update,) = [c for c in plan.changes if c.before is not None]
    assert update.matched and update.before == unhcr
    apply_plan(sample_service, plan)
    after = {b.id: b for b in sample_service.booths()}
    assert after[unhcr.id].staff == 9 and after[unhcr.id].code == "P-54"
    assert after[thai.id] == thai
    assert len(after) == len(booths) + 1


def test_blank_cell_and_absent_column_keep_values(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    """A column missing from the sheet and a blank cell both leave the field as it is."""
    thai = next(b for b in sample_service.booths() if b.code == "M-01")
    path = make_workbook(
        {"Booths": [["Code", "Venue", "Category", "Notes"], ["M-01", "Mugyo-ro", "food", None]]}
    )
    plan = preview_workbook(sample_service, path)
    assert counts(plan, "Booths") == (0, 0, 1, 0)
    apply_plan(sample_service, plan)
    stored = next(b for b in sample_service.booths() if b.code == "M-01")
    assert stored == thai


def test_duplicate_rows_are_errors(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    path = make_workbook(
        {
            "Troupes": [
                TROUPE_HEADERS,
                ["Busan Drummers", "Busan", "KR", "", "", 8],
                ["busan drummers", "BUSAN", "KR", "", "", 9],
            ]
        }
    )
    plan = preview_workbook(sample_service, path)
    (problem,) = plan.errors()
    assert problem.row == 3 and "same record as row 2" in problem.message()


def test_missing_required_column(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    path = make_workbook({"Booths": [["Code", "Venue"], ["M-01", "Mugyo-ro"]]})
    plan = preview_workbook(sample_service, path)
    assert plan.has_errors
    assert "no column 'Category' (분류)" in plan.errors()[0].message()


def test_the_import_is_one_transaction_and_one_undo_step(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    before = (
        sample_service.days(),
        sample_service.venues(),
        sample_service.troupes(),
        sample_service.program(),
        sample_service.booths(),
    )
    path = make_workbook(
        {
            "Days": [["Date", "Opens", "Closes"], [datetime(2018, 9, 3), "12:00", "16:00"]],
            "Venues": [
                ["Name", "Kind", "Booth spaces", "Code prefix"],
                ["Plaza East", "booth area", 10, "E"],
            ],
            "Booths": [
                BOOTH_HEADERS,
                ["E-01", "Plaza East", "tourism", "PE", "", "", "2018-09-03"],
                ["M-01", "Mugyo-ro", "food", "TH", "Embassy of Thailand", "+82 2 1111 1111", "all"],
            ],
        }
    )
    result = import_workbook(sample_service, path)
    assert len(result.log.changes) == 4
    assert any(b.code == "E-01" for b in sample_service.booths())
    undo_import(sample_service, result)
    assert (
        sample_service.days(),
        sample_service.venues(),
        sample_service.troupes(),
        sample_service.program(),
        sample_service.booths(),
    ) == before


def test_festival_day_with_bad_hours_and_program_off_step(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    path = make_workbook(
        {
            "Days": [["Date", "Opens", "Closes"], ["2018-09-03", "18:00", "12:00"]],
            "Program": [
                ["Day", "Start", "End", "Venue", "Title"],
                ["2018-09-01", "12:03", "12:30", "Main Stage (Seoul Plaza)", "Off step"],
            ],
        }
    )
    plan = preview_workbook(sample_service, path)
    text = "\n".join(messages(plan))
    assert "Days row 2, Closes: Closes (12:00) must be after Opens (18:00)." in text
    assert "Program row 2, Start: Start 12:03 is not on a 5-minute step" in text


def test_a_sheet_whose_dimension_says_only_a1_is_read_whole(
    sample_service: FestivalService, make_workbook: Callable[..., Path], tmp_path: Path
) -> None:
    """Some writers declare the used range as just A1; every column is read all the same."""
    import re
    import zipfile

    source = make_workbook(
        {"Troupes": [["Troupe", "City", "Phone"], ["Busan Drummers", "Busan", "051"]]}
    )
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = re.sub(
        r'<dimension ref="[^"]*"/>', '<dimension ref="A1"/>', sheet
    ).encode()
    target = tmp_path / "a1.xlsx"
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    plan = preview_workbook(sample_service, target)
    assert not plan.problems and counts(plan, "Troupes") == (1, 0, 0, 0)
    (change,) = plan.changes
    assert isinstance(change.after, Troupe) and change.after.phone == "051"


def test_a_row_with_an_unreadable_cell_still_reports_a_wrong_venue(
    sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    path = make_workbook({"Booths": [BOOTH_HEADERS, ["", "Mugyo ro", "Foods", "FR", "", "", ""]]})
    plan = preview_workbook(sample_service, path)
    assert [(p.column, p.suggestion) for p in plan.errors()] == [
        ("Category", "food"),
        ("Venue", "Mugyo-ro"),
    ]
    assert plan.counts["Booths"].errors == 1
