"""The import dialog: preview in a worker thread, problems shown, one undo step, cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from festival_app.gui.dialogs.import_dialog import ImportDialog
from festival_app.imports.plan import ImportPlan
from festival_app.services import FestivalService
from tests.helpers.interface_language import tr
from tests.helpers.workbooks import digest

pytestmark = pytest.mark.gui

GOOD = {
    "Troupes": [["Troupe", "City", "Country"], ["Busan Drummers", "Busan", "KR"]],
    "Booths": [
        ["Code", "Venue", "Category", "Country", "Remarks"],
        ["M-59", "Mugyo-ro", "food", "FR", "x"],
    ],
}


def _dialog(qtbot: QtBot, service: FestivalService, path: Path) -> tuple[ImportDialog, QUndoStack]:
    stack = QUndoStack()
    dialog = ImportDialog(service, stack, None, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.reading(), timeout=10_000)
    return dialog, stack


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def test_preview_then_import_is_one_undo_step(
    qtbot: QtBot,
    sample_service: FestivalService,
    make_workbook: Callable[..., Path],
    tmp_path: Path,
) -> None:
    dialog, stack = _dialog(qtbot, sample_service, make_workbook(GOOD))
    assert dialog.plan is not None and not dialog.plan.has_errors
    assert dialog.counts.rowCount() == 2
    assert _cell(dialog.counts, 0, 0) == "Troupes" and _cell(dialog.counts, 0, 1) == "1"
    assert dialog.problems.rowCount() == 1  # the unknown column, as a warning
    assert "Remarks" in _cell(dialog.problems, 0, 4)
    assert dialog.import_button.isEnabled()
    dialog.grab().save(str(tmp_path / "import-dialog.png"))
    troupes, booths = len(sample_service.troupes()), len(sample_service.booths())
    dialog.import_button.click()
    assert stack.count() == 1
    assert len(sample_service.troupes()) == troupes + 1
    assert len(sample_service.booths()) == booths + 1
    stack.undo()
    assert (len(sample_service.troupes()), len(sample_service.booths())) == (troupes, booths)
    stack.redo()
    assert len(sample_service.booths()) == booths + 1


def test_errors_are_listed_and_nothing_can_be_imported(
    qtbot: QtBot, festival_path: Path, make_workbook: Callable[..., Path]
) -> None:
    sheets = {
        "Booths": [
            ["Code", "Venue", "Category"],
            ["M-58", "Mugyo-ro", "Foods"],
            ["M-57", "Nowhere", "food"],
        ]
    }
    before = digest(festival_path)
    service = FestivalService.open(festival_path)
    try:
        dialog, stack = _dialog(qtbot, service, make_workbook(sheets))
        assert dialog.problems.rowCount() == 2
        texts = [_cell(dialog.problems, r, 4) for r in range(2)]
        assert "'Foods' is not a category; did you mean 'food'?" in texts
        assert _cell(dialog.problems, 0, 2) == "2" and _cell(dialog.problems, 0, 3) == "Category"
        assert not dialog.import_button.isEnabled()
        dialog.commit()  # even if called, nothing happens
        assert stack.count() == 0
        dialog.close()
    finally:
        service.close()
    assert digest(festival_path) == before


def test_a_hostile_file_shows_its_message(
    qtbot: QtBot, sample_service: FestivalService, tmp_path: Path
) -> None:
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    dialog, _ = _dialog(qtbot, sample_service, path)
    assert "is an image" in dialog.status.text()
    assert not dialog.import_button.isEnabled() and dialog.plan is None


def _big_workbook(path: Path, rows: int) -> Path:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Booths")
    ws.append(["Code", "Venue", "Category", "Country", "Organization", "Phone", "Notes"])
    for n in range(rows):
        ws.append(["", "Mugyo-ro", "food", "", f"Org {n}", f"010-{n:08d}", "long notes " * 5])
    wb.save(path)
    return path


def test_reading_keeps_the_window_responsive_and_can_be_cancelled(
    qtbot: QtBot, sample_service: FestivalService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Behaviour, not timing: the workbook is read on a thread of its own, and the
    window's event loop goes on running while that thread has not finished."""
    from festival_app.gui.dialogs import import_dialog
    from festival_app.imports.workbook import preview_workbook

    path = _big_workbook(tmp_path / "big.xlsx", 2000)
    readers: list[threading.Thread] = []
    release = threading.Event()

    def held_preview(*args: Any, **kwargs: Any) -> ImportPlan:
        readers.append(threading.current_thread())
        release.wait(timeout=60)  # the reading cannot end before the test says so
        return preview_workbook(*args, **kwargs)

    monkeypatch.setattr(import_dialog, "preview_workbook", held_preview)
    stack = QUndoStack()
    dialog = ImportDialog(sample_service, stack, None, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(readers), timeout=30_000)
    assert readers[0] is not threading.main_thread()
    # While the reader is held, the window still handles events: a timer fires.
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(dialog.reading()))
    qtbot.waitUntil(lambda: bool(fired), timeout=30_000)
    assert fired == [True]
    release.set()
    qtbot.waitUntil(lambda: not dialog.reading(), timeout=60_000)
    assert dialog.plan is not None and dialog.plan.counts["Booths"].created == 2000
    # Now read it again and cancel at once.
    dialog.start(path)
    assert dialog.reading()
    dialog.cancel_button.click()
    assert not dialog.reading()
    cancelled = tr("ImportDialog", "Reading was cancelled.")
    assert dialog.plan is None and dialog.status.text() == cancelled
    assert dialog.isVisible()  # Cancel while reading stops the reading, not the dialog
    dialog.cancel_button.click()
    assert not dialog.isVisible()


def test_save_import_template_from_the_menu(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from festival_app.gui.dialogs.import_dialog import save_import_template

    target = tmp_path / "form"  # the .xlsx suffix is added
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    shown: list[str] = []

    def shows(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shows)
    save_import_template(None)
    saved = target.with_suffix(".xlsx")
    assert openpyxl.load_workbook(saved).sheetnames[1] in ("Days", "일정")
    assert shown and str(saved) in shown[0]


def test_open_import_dialog_asks_for_a_file_then_previews(
    qtbot: QtBot,
    sample_service: FestivalService,
    make_workbook: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from festival_app.gui.dialogs import import_dialog

    path = make_workbook(GOOD)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    seen: list[ImportDialog] = []

    def fake_exec(dialog: ImportDialog) -> int:
        seen.append(dialog)
        qtbot.waitUntil(lambda: not dialog.reading(), timeout=10_000)
        dialog.import_button.click()
        return 1

    monkeypatch.setattr(ImportDialog, "exec", fake_exec)
    stack = QUndoStack()
    import_dialog.open_import_dialog(None, sample_service, stack)
    assert seen and stack.count() == 1
    assert any(t.city_en == "Busan" for t in sample_service.troupes())
    # Cancelling the file choice does nothing.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    import_dialog.open_import_dialog(None, sample_service, stack)
    assert len(seen) == 1
