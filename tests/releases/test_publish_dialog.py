"""File > Export… offers publishing: a folder, written in the worker with progress."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from festival_app import releasing
from festival_app.gui.dialogs.export_dialog import PUBLISH, ExportDialog
from festival_app.services import FestivalService

pytestmark = pytest.mark.gui


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def test_publishing_from_the_export_dialog(
    qtbot: QtBot, service: FestivalService, tmp_path: Path, boxes: list[str]
) -> None:
    releasing.release(service, "v1")
    dialog = ExportDialog(service)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(PUBLISH))
    assert not dialog.venue_list.isEnabled() and not dialog.paper_combo.isEnabled()
    assert dialog.path_edit.text().endswith("site")
    dialog.path_edit.setText(str(tmp_path / "web"))
    seen: list[tuple[int, int]] = []
    dialog.start()
    assert dialog.worker is not None
    dialog.worker.progressed.connect(lambda done, total: seen.append((done, total)))
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=30000)
    assert dialog.result_path == tmp_path / "web"
    assert (tmp_path / "web" / "schedule.xml").exists()
    assert boxes == ["index.html is ready."]
    assert dialog.progress.value() == dialog.progress.maximum() > 1
    # Back to a printout: the user's name stays, with the printout's suffix; the choices
    # come back.
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("timetable"))
    assert dialog.path_edit.text() == str(tmp_path / "web.pdf")
    assert dialog.venue_list.isEnabled() and dialog.paper_combo.isEnabled()


def test_publishing_without_a_release_says_what_to_do(
    qtbot: QtBot, service: FestivalService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(
        "festival_app.gui.dialogs.export_dialog.show_error",
        lambda parent, title, text: errors.append(text),
    )
    dialog = ExportDialog(service)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(PUBLISH))
    dialog.path_edit.setText(str(tmp_path / "web"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=30000)
    assert errors and "There is no release yet" in errors[0]
    assert not (tmp_path / "web").exists()
