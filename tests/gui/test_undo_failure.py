"""An undo that cannot be written (a full disk) is told plainly and the history reset."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from festival_app.app import CrashHandler
from festival_app.domain.troupes import Troupe
from festival_app.gui.commands import SaveRecordCommand, push
from festival_app.gui.main_window import MainWindow
from festival_app.store.errors import WriteFailedError
from tests.gui.conftest import tr


def test_a_failed_undo_keeps_the_file_and_clears_the_history(
    window: MainWindow, boxes: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    service = window.service
    push(window.undo_stack, SaveRecordCommand(service, Troupe("Seoul Youth Choir"), "Add troupe"))
    troupes = service.troupes()

    def disk_full(log: object) -> None:
        raise WriteFailedError(service.db.path, "the disk is full")

    monkeypatch.setattr(service, "revert", disk_full)
    handler = CrashHandler(tmp_path / "log.txt", smoke_test=False)
    try:
        window.undo_stack.command(0).undo()
    except WriteFailedError as exc:
        handler(type(exc), exc, exc.__traceback__)
    assert service.troupes() == troupes
    assert window.undo_stack.count() == 0
    assert len(boxes.shown) == 1
    _title, text, info = boxes.shown[0]
    assert tr("StoreError", "the disk is full") in text  # the detail in the language, too
    assert info == tr(
        "CrashHandler",
        "Nothing was lost: the file is as it was before this step. The undo history was "
        "cleared because it no longer matches the file.",
    )
