"""The import dialog lists every change field by field, each can be unticked, its counts
read as English does ("1 record", "3 records"), and its Workbook field takes a typed path."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot

from festival_app.gui.dialogs import import_dialog
from festival_app.gui.dialogs.import_dialog import ImportDialog
from festival_app.services import FestivalService
from tests.helpers.interface_language import tr

pytestmark = pytest.mark.gui

BOOTHS = ["Code", "Category", "Country", "Phone", "Staff"]
THREE_CHANGES = {
    "Troupes": [["Troupe", "City", "Country"], ["Busan Drummers", "Busan", "KR"]],
    "Booths": [
        BOOTHS,
        ["P-49", "tourism", "PE", "+82 2 0000 0049", None],
        ["M-01", "food", "TH", None, 6],
    ],
}


def _dialog(
    qtbot: QtBot, service: FestivalService, path: Path | None
) -> tuple[ImportDialog, QUndoStack]:
    stack = QUndoStack()
    dialog = ImportDialog(service, stack, None, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.reading(), timeout=10_000)
    return dialog, stack


def _texts(dialog: ImportDialog, index: int) -> list[tuple[str, str, str]]:
    item = dialog.change_item(index)
    texts = []
    for n in range(item.childCount()):
        child = item.child(n)
        assert child is not None
        texts.append((child.text(0), child.text(1), child.text(2)))
    return texts


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def test_the_dialog_names_each_change_field_by_field(
    qtbot: QtBot, sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    dialog, _ = _dialog(qtbot, sample_service, make_workbook(THREE_CHANGES))
    headings = [dialog.change_item(n).text(0) for n in range(dialog.changes.topLevelItemCount())]
    assert headings == [
        "Troupes row 2, new: Busan Drummers (Busan)",
        "Booths row 2: P-49 Embassy of Peru",
        "Booths row 3: M-01 Embassy of Thailand",
    ]
    assert _texts(dialog, 1) == [("Phone", "+82 2 2555 2049", "+82 2 0000 0049")]
    assert _texts(dialog, 2) == [("Staff", "4", "6")]
    assert dialog.change_item(1).isExpanded()
    # A new record's fields are shown when it is opened.
    dialog.change_item(0).setExpanded(True)
    assert ("Country", "", "South Korea") in _texts(dialog, 0)


def test_a_row_matched_by_category_and_country_says_which_booth(
    qtbot: QtBot, sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    path = make_workbook(
        {
            "Booths": [
                ["Code", "Venue", "Category", "Country", "Exhibitor", "Phone"],
                ["", "Seoul Plaza", "tourism", "Peru", "Peru Tourism", ""],
            ]
        }
    )
    dialog, _ = _dialog(qtbot, sample_service, path)
    assert dialog.change_item(0).text(0) == "Booths row 2 matches P-49 Embassy of Peru"
    assert _texts(dialog, 0) == [("Exhibitor", "Embassy of Peru", "Peru Tourism")]


def test_unticked_changes_are_not_imported_and_the_rest_is_one_undo_step(
    qtbot: QtBot, sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    p49 = next(b for b in sample_service.booths() if b.code == "P-49")
    thai = next(b for b in sample_service.booths() if b.code == "M-01")
    troupes = len(sample_service.troupes())
    dialog, stack = _dialog(qtbot, sample_service, make_workbook(THREE_CHANGES))
    dialog.change_item(1).setCheckState(0, Qt.CheckState.Unchecked)  # P-49's phone
    unticked = tr("ImportDialog", "{0} of {1} changes are unticked and will not be imported.")
    assert unticked.format(1, 3) in dialog.status.text()
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert stack.count() == 1 and not dialog.isVisible()
    booths = {b.id: b for b in sample_service.booths()}
    assert booths[p49.id] == p49
    assert booths[thai.id] == replace(thai, staff=6)
    assert len(sample_service.troupes()) == troupes + 1
    stack.undo()
    assert next(b for b in sample_service.booths() if b.id == thai.id) == thai
    assert len(sample_service.troupes()) == troupes


def test_nothing_ticked_imports_nothing(
    qtbot: QtBot, sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    dialog, stack = _dialog(qtbot, sample_service, make_workbook(THREE_CHANGES))
    dialog.untick_all_button.click()
    assert not dialog.import_button.isEnabled()
    dialog.commit()
    assert stack.count() == 0
    dialog.tick_all_button.click()
    assert dialog.import_button.isEnabled()


def test_a_ticked_change_that_needs_an_unticked_one_is_refused(
    qtbot: QtBot, sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    path = make_workbook(
        {
            "Venues": [
                ["Name", "Kind", "Booth spaces", "Code prefix"],
                ["Plaza East", "booth area", 10, "E"],
            ],
            "Booths": [
                ["Code", "Venue", "Category", "Country"],
                ["E-01", "Plaza East", "food", "FR"],
            ],
        }
    )
    before = (sample_service.venues(), sample_service.booths())
    dialog, stack = _dialog(qtbot, sample_service, path)
    dialog.change_item(0).setCheckState(0, Qt.CheckState.Unchecked)  # the new booth area
    dialog.import_button.click()
    assert stack.count() == 0 and dialog.isVisible()
    assert (
        tr(
            "ImportDialog",
            "The ticked changes need some that are unticked (see the problems); "
            "tick those too, or untick the changes that need them.",
        )
        in dialog.status.text()
    )
    texts = [_cell(dialog.problems, r, 4) for r in range(dialog.problems.rowCount())]
    not_a_venue = tr("Import", "'{value}' is not a venue of the festival or the workbook.")
    assert any(not_a_venue.format(value="Plaza East") in t for t in texts)
    assert (sample_service.venues(), sample_service.booths()) == before


def test_a_record_changed_after_the_preview_is_still_refused_when_some_are_unticked(
    qtbot: QtBot,
    sample_service: FestivalService,
    make_workbook: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(import_dialog, "show_error", lambda parent, title, text: shown.append(text))
    dialog, stack = _dialog(qtbot, sample_service, make_workbook(THREE_CHANGES))
    thai = next(b for b in sample_service.booths() if b.code == "M-01")
    sample_service.save(replace(thai, notes="changed in the window meanwhile"))
    dialog.change_item(0).setCheckState(0, Qt.CheckState.Unchecked)
    dialog.import_button.click()
    nothing_changed = tr(
        "StoreError", "Nothing was changed; the file is as it was before this edit."
    )
    assert stack.count() == 0 and shown and nothing_changed.split(";")[0] in shown[0]
    assert next(b for b in sample_service.booths() if b.code == "P-49").phone == "+82 2 2555 2049"


@pytest.mark.parametrize(
    ("rows", "wanted", "unwanted"),
    [
        (1, ("1 record will be created", "{0} records will be updated"), "1 records"),
        (3, ("{0} records will be created", "{0} records will be updated"), "3 record "),
    ],
)
def test_the_counts_are_singular_and_plural(
    qtbot: QtBot,
    sample_service: FestivalService,
    make_workbook: Callable[..., Path],
    rows: int,
    wanted: tuple[str, str],
    unwanted: str,
) -> None:
    sheet = [["Troupe", "City"], *[[f"Troupe {n}", "Busan"] for n in range(rows)]]
    dialog, _ = _dialog(qtbot, sample_service, make_workbook({"Troupes": sheet}))
    created, updated = (tr("ImportDialog", text) for text in wanted)
    ready = tr("ImportDialog", "Ready: {0}, {1}, {2}.")
    expected = ready.split("{2}")[0].format(created.format(rows), updated.format(0))
    assert expected in dialog.status.text()
    assert unwanted not in dialog.status.text()  # English grammar; no such words in Korean


def test_a_typed_path_is_read_on_enter_without_importing(
    qtbot: QtBot, sample_service: FestivalService, make_workbook: Callable[..., Path]
) -> None:
    path = make_workbook(THREE_CHANGES)
    dialog, stack = _dialog(qtbot, sample_service, None)
    assert not dialog.path_edit.isReadOnly()
    QTest.keyClicks(dialog.path_edit, str(path))
    QTest.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    assert dialog.path == path and dialog.changes.topLevelItemCount() == 3
    # Enter again reads the file again (changed in Excel meanwhile, say); it never
    # presses Import, nor closes the dialog.
    QTest.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert dialog.reading()
    qtbot.waitUntil(lambda: not dialog.reading(), timeout=10_000)
    assert stack.count() == 0 and dialog.isVisible() and dialog.plan is not None


def test_a_typed_path_is_read_when_the_field_is_left(
    qtbot: QtBot,
    sample_service: FestivalService,
    make_workbook: Callable[..., Path],
    tmp_path: Path,
) -> None:
    dialog, _ = _dialog(qtbot, sample_service, make_workbook(THREE_CHANGES))
    other = make_workbook(
        {"Troupes": [["Troupe", "City"], ["Gwangju Choir", "Gwangju"]]}, "other.xlsx"
    )
    dialog.path_edit.clear()
    QTest.keyClicks(dialog.path_edit, str(other))
    QApplication.sendEvent(
        dialog.path_edit, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason)
    )
    qtbot.waitUntil(lambda: dialog.path == other and not dialog.reading(), timeout=10_000)
    assert dialog.plan is not None and dialog.plan.created == 1
    # A path that is not there says so.
    dialog.path_edit.clear()
    QTest.keyClicks(dialog.path_edit, str(tmp_path / "missing.xlsx"))
    QTest.keyClick(dialog.path_edit, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: not dialog.reading(), timeout=10_000)
    assert "does not exist" in dialog.status.text() and dialog.plan is None
