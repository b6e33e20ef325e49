"""A formula whose result the workbook does not hold is read as empty, and said so."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from festival_app.imports.plan import make_plan
from festival_app.imports.reader import read_workbook
from festival_app.services import FestivalService


def _workbook(path: Path, phone: object) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Troupes"
    sheet.append(["Troupe", "City", "Relation", "Phone"])
    sheet.append(["Formula Troupe", "Busan", "sister", phone])
    workbook.save(path)  # openpyxl saves formulas without their results
    return path


def test_a_formula_without_a_saved_result_is_named_in_a_warning(
    tmp_path: Path, sample_service: FestivalService
) -> None:
    path = _workbook(tmp_path / "formula.xlsx", '="+82-2-" & "1234"')
    plan = make_plan(sample_service, read_workbook(path))
    warnings = [p for p in plan.problems if not p.is_error]
    assert len(warnings) == 1
    (warning,) = warnings
    assert warning.sheet == "Troupes" and warning.row == 2 and warning.column == "Phone"
    assert "D2" in warning.text() and "formula" in warning.text()
    assert not plan.has_errors  # the row itself is imported, without a phone


def test_plain_values_give_no_warning(tmp_path: Path, sample_service: FestivalService) -> None:
    path = _workbook(tmp_path / "plain.xlsx", "+82-2-1234")
    plan = make_plan(sample_service, read_workbook(path))
    assert [p for p in plan.problems if not p.is_error] == []
