"""The export dialog: runs in a worker thread, offers to open the file, cancels cleanly."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from festival_app.gui.dialogs.export_dialog import ExportDialog
from festival_app.services import FestivalService
from tests.helpers.interface_language import said, tr


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes answered at once (Close), their texts recorded."""
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def _choose(dialog: ExportDialog, kind: str, out: Path) -> None:
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind))
    dialog.path_edit.setText(str(out))


def test_export_in_worker_then_offer_to_open(
    qtbot: QtBot, sample_service: FestivalService, tmp_path: Path, boxes: list[str]
) -> None:
    dialog = ExportDialog(sample_service)
    qtbot.addWidget(dialog)
    _choose(dialog, "booths", tmp_path / "list")
    assert dialog.path_edit.text().endswith("list")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("roster"))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("booths"))
    assert dialog.path_edit.text() == str(tmp_path / "list.xlsx")
    # Only the second booth area.
    areas = [
        row
        for row in range(dialog.venue_list.count())
        if "Mugyo" in dialog.venue_list.item(row).text()
    ]
    dialog.venue_list.item(areas[0]).setCheckState(Qt.CheckState.Checked)
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("en"))
    QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_path is not None and dialog.worker is None, timeout=20000)
    out = tmp_path / "list.xlsx"
    assert dialog.result_path == out
    assert boxes == [said(tr("ExportDialog", "{0} is ready.").format("list.xlsx"))]
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["All booths", "Mugyo-ro", "Summary"]
    assert dialog.progress.value() == dialog.progress.maximum()


def test_cancel_leaves_no_file(
    qtbot: QtBot, sample_service: FestivalService, tmp_path: Path, boxes: list[str]
) -> None:
    dialog = ExportDialog(sample_service)
    qtbot.addWidget(dialog)
    out = tmp_path / "signs.pdf"
    out.write_bytes(b"old signs")
    _choose(dialog, "signs", out)
    dialog.start()
    assert dialog.worker is not None
    dialog.cancel()  # while the worker runs
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    assert dialog.status.text() == tr("ExportDialog", "Export cancelled; no file was written.")
    assert out.read_bytes() == b"old signs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["festival.sqlite3", "signs.pdf"]
    assert boxes == []
    assert dialog.result_path is None


def test_bad_font_reported(
    qtbot: QtBot, sample_service: FestivalService, tmp_path: Path, boxes: list[str]
) -> None:
    dialog = ExportDialog(sample_service)
    qtbot.addWidget(dialog)
    _choose(dialog, "timetable", tmp_path / "t.pdf")
    dialog.font_edit.setText(str(tmp_path / "nothing.ttf"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    assert len(boxes) == 1 and "fonts-nanum" in boxes[0]
    assert not (tmp_path / "t.pdf").exists()
