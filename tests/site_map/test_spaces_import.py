"""A layout from Excel: the import workbook's Spaces sheet, drawn in the import's step."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from festival_app import site_plan
from festival_app.domain.errors import ValidationError
from festival_app.domain.site_map import BoothSpace
from festival_app.exports import export
from festival_app.imports.errors import WorkbookError
from festival_app.imports.workbook import import_workbook
from festival_app.services import FestivalService

HEADERS = ["Venue", "Code", "X (m)", "Y (m)", "Width (m)", "Depth (m)", "Power", "Gas"]


def workbook_with_spaces(service: FestivalService, path: Path, rows: list[list[object]]) -> Path:
    export("booths", service, path, lang="en")
    book = openpyxl.load_workbook(path)
    sheet = book.create_sheet("Spaces")
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def bare(sample_service: FestivalService) -> FestivalService:
    """The sample without its maps (booths keep their codes)."""
    sample_service.delete(BoothSpace, [s.id for s in site_plan.spaces(sample_service) if s.id])
    return sample_service


def test_a_spaces_sheet_is_drawn_in_the_import_s_undo_step(
    bare: FestivalService, tmp_path: Path
) -> None:
    rows = [["Mugyo-ro", f"M-{n:02d}", 3.0 * n, 2, 3, 3, "yes", "no"] for n in range(1, 6)]
    path = workbook_with_spaces(bare, tmp_path / "layout.xlsx", rows)
    result = import_workbook(bare, path)
    drawn = {s.code: s for s in site_plan.spaces(bare)}
    assert sorted(drawn) == ["M-01", "M-02", "M-03", "M-04", "M-05"]
    assert drawn["M-03"].x == 9.0 and drawn["M-03"].power and not drawn["M-03"].gas
    bare.revert(result.log)
    assert site_plan.spaces(bare) == []
    bare.reapply(result.log)
    assert len(site_plan.spaces(bare)) == 5

    # Imported again with a space moved: changed, not drawn twice.
    rows[2][2] = 40.0
    path = workbook_with_spaces(bare, tmp_path / "again.xlsx", rows)
    import_workbook(bare, path)
    moved = {s.code: s for s in site_plan.spaces(bare)}
    assert len(moved) == 5 and moved["M-03"].x == 40.0


def test_a_bad_spaces_sheet_refuses_the_whole_import(bare: FestivalService, tmp_path: Path) -> None:
    rows = [["Mugyo-ro", "M-01", 0, 0, 3, 3, "yes", "no"], ["Mugyo-ro", "M-01", 5, 0, 3, 3, "", ""]]
    path = workbook_with_spaces(bare, tmp_path / "twice.xlsx", rows)
    before = bare.booths()
    with pytest.raises(ValidationError, match="M-01 is given twice"):
        import_workbook(bare, path)
    assert site_plan.spaces(bare) == [] and bare.booths() == before


def test_the_import_dialog_s_step_draws_the_sheet_and_undoes_it(
    bare: FestivalService, tmp_path: Path, qtbot: object
) -> None:
    from PySide6.QtGui import QUndoStack

    from festival_app.gui.commands import push
    from festival_app.gui.dialogs.import_dialog import ImportCommand
    from festival_app.imports.spaces import plan_workbook_spaces
    from festival_app.imports.workbook import preview_workbook

    rows = [["Mugyo-ro", f"M-{n:02d}", 3.0 * n, 2, 3, 3, "yes", "no"] for n in range(1, 4)]
    path = workbook_with_spaces(bare, tmp_path / "layout.xlsx", rows)
    stack = QUndoStack()
    spaces = plan_workbook_spaces(bare, path)
    push(stack, ImportCommand(bare, preview_workbook(bare, path), "Import", spaces))
    assert len(site_plan.spaces(bare)) == 3
    stack.undo()
    assert site_plan.spaces(bare) == []
    stack.redo()
    assert len(site_plan.spaces(bare)) == 3


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_template_s_spaces_sheet_takes_a_layout(
    bare: FestivalService, tmp_path: Path, language: str
) -> None:
    from festival_app.imports.template import write_template

    path = write_template(tmp_path / "template.xlsx", language)
    book = openpyxl.load_workbook(path)
    sheet = book["부스 자리" if language == "ko" else "Spaces"]
    headers = [c.value for c in sheet[1]]
    assert headers[:4] == (
        ["장소", "번호", "X (m)", "Y (m)"]
        if language == "ko"
        else ["Venue", "Code", "X (m)", "Y (m)"]
    )
    sheet.append(["무교로", "M-07", 21, 1.5])  # the rest of the row left blank: defaults
    book.save(path)
    import_workbook(bare, path)
    (drawn,) = site_plan.spaces(bare)
    assert (drawn.code, drawn.x, drawn.width, drawn.power) == ("M-07", 21.0, 3.0, False)


def test_a_spaces_sheet_longer_than_any_sheet_may_be_is_refused_not_cut_short(
    bare: FestivalService, tmp_path: Path
) -> None:
    from festival_app.imports.errors import WorkbookError
    from festival_app.imports.reader import MAX_ROWS
    from festival_app.imports.spaces import read_spaces_sheet

    path = tmp_path / "long.xlsx"
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Spaces")
    sheet.append(HEADERS)
    for n in range(MAX_ROWS + 20):  # beyond the limit: refused whole, never read in part
        sheet.append(["Mugyo-ro", f"M-{n}", n, 0, 3, 3, "no", "no"])
    book.save(path)
    with pytest.raises(WorkbookError) as caught:
        read_spaces_sheet(path)
    assert "Spaces" in caught.value.message() and str(MAX_ROWS) in caught.value.message()


def test_a_blank_cell_keeps_the_stored_value(bare: FestivalService, tmp_path: Path) -> None:
    rows: list[list[object]] = [["Mugyo-ro", "M-01", 3.0, 2, 4, 5, "yes", "yes"]]
    import_workbook(bare, workbook_with_spaces(bare, tmp_path / "first.xlsx", rows))
    # Again, moved, with the size and what it offers left blank.
    rows = [["Mugyo-ro", "M-01", 9.0, 2, None, None, None, None]]
    import_workbook(bare, workbook_with_spaces(bare, tmp_path / "again.xlsx", rows))
    (space,) = site_plan.spaces(bare)
    assert (space.x, space.width, space.depth, space.power, space.gas) == (9.0, 4, 5, True, True)


def test_a_code_drawn_in_another_area_is_refused_not_moved(
    bare: FestivalService, tmp_path: Path
) -> None:
    rows: list[list[object]] = [["Mugyo-ro", "M-01", 3.0, 2, 3, 3, "yes", "no"]]
    import_workbook(bare, workbook_with_spaces(bare, tmp_path / "first.xlsx", rows))
    before = site_plan.spaces(bare)
    rows = [["Seoul Plaza", "M-01", 3.0, 2, 3, 3, "yes", "no"]]
    path = workbook_with_spaces(bare, tmp_path / "elsewhere.xlsx", rows)
    with pytest.raises(WorkbookError) as refused:
        import_workbook(bare, path)
    assert "another area" in refused.value.template and refused.value.params["code"] == "M-01"
    assert site_plan.spaces(bare) == before


def test_the_window_shows_the_sheet_s_changes_first_and_cancel_writes_nothing(
    bare: FestivalService, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMessageBox

    from festival_app.gui.dialogs.import_dialog import ImportDialog
    from tests.helpers.interface_language import tr
    from tests.helpers.window import MessageBoxes, cancel

    rows: list[list[object]] = [["Mugyo-ro", "M-01", 3.0, 2, 3, 3, "yes", "no"]]
    import_workbook(bare, workbook_with_spaces(bare, tmp_path / "first.xlsx", rows))
    before = site_plan.spaces(bare)
    rows = [["Mugyo-ro", "M-01", 9.0, 2, None, None, "no", None], ["Mugyo-ro", "M-02", 6, 2]]
    path = workbook_with_spaces(bare, tmp_path / "again.xlsx", rows)
    # A troupe too, so that the import has records to create besides the spaces.
    book = openpyxl.load_workbook(path)
    troupes = book.create_sheet("Troupes")
    troupes.append(["Troupe", "City", "Country"])
    troupes.append(["Busan Drummers", "Busan", "KR"])
    book.save(path)
    boxes = MessageBoxes()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.exec(box))

    stack = QUndoStack()
    dialog = ImportDialog(bare, stack, None, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.reading(), timeout=30_000)
    boxes.answer = cancel()
    dialog.commit()
    assert [title for title, _, _ in boxes.shown] == [tr("ImportDialog", "Spaces sheet")]
    details = boxes.details[0].splitlines()
    assert details[0].startswith("M-02")
    assert details[1].startswith("M-01: ") and "→ 9" in details[1] and "3 →" in details[1]
    assert site_plan.spaces(bare) == before and stack.count() == 0

    boxes.answer = tr("ImportDialog", "Import")
    dialog.commit()
    drawn = {s.code: s for s in site_plan.spaces(bare)}
    assert sorted(drawn) == ["M-01", "M-02"] and drawn["M-01"].x == 9.0
    assert not drawn["M-01"].power and stack.count() == 1
