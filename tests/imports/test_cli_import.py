"""`festival-app import`: the report, --dry-run, all or nothing, exit codes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from festival_app.cli import main
from festival_app.services import FestivalService
from tests.helpers.workbooks import digest

GOOD = {
    "Troupes": [
        ["Troupe", "City", "Country", "Phone"],
        ["Busan Drummers", "Busan", "KR", "051-555-0101"],
    ],
    "Booths": [
        ["Code", "Venue", "Category", "Country"],
        ["M-59", "Mugyo-ro", "food", "FR"],
        ["M-01", "Mugyo-ro", "food", "TH"],
    ],
}


def test_dry_run_prints_the_report_and_writes_nothing(
    festival_path: Path, make_workbook: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(festival_path)
    path = make_workbook(GOOD)
    assert main(["import", str(path), "--db", str(festival_path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Troupes" in out and "Booths" in out
    assert "Dry run: 2 records would be created, 0 updated, 1 unchanged" in out
    assert digest(festival_path) == before


def test_import_applies_then_a_second_run_changes_nothing(
    festival_path: Path, make_workbook: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_workbook(GOOD)
    assert main(["import", str(path), "--db", str(festival_path)]) == 0
    assert "Imported: 2 created, 0 updated, 1 unchanged." in capsys.readouterr().out
    service = FestivalService.open(festival_path)
    try:
        assert any(t.city_en == "Busan" for t in service.troupes())
    finally:
        service.close()
    before = digest(festival_path)
    assert main(["import", str(path), "--db", str(festival_path)]) == 0
    assert "Nothing to change: all 3 rows are unchanged." in capsys.readouterr().out
    assert digest(festival_path) == before


def test_an_error_row_applies_nothing_and_exits_2(
    festival_path: Path, make_workbook: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = {**GOOD, "Booths": [*GOOD["Booths"], ["M-58", "Mugyo-ro", "Foods", "DE"]]}
    path = make_workbook(sheets)
    before = digest(festival_path)
    assert main(["import", str(path), "--db", str(festival_path)]) == 2
    out = capsys.readouterr().out
    assert "Booths row 4, Category: 'Foods' is not a category; did you mean 'food'?" in out
    assert "Nothing was imported" in out
    assert digest(festival_path) == before
    assert main(["import", str(path), "--db", str(festival_path), "--dry-run"]) == 2


def test_missing_workbook_and_missing_festival(
    festival_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(tmp_path / "none.xlsx"), "--db", str(festival_path)]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "none.xlsx"), "--db", str(tmp_path / "none.db")]) == 2
    assert "init" in capsys.readouterr().err
