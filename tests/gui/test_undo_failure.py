"""An undo that cannot be written (a full disk) is told plainly and the history reset;
a bug in an undo still reaches the crash dialog."""

from __future__ import annotations

from typing import Any

import pytest

from festival_app.domain.troupes import Troupe
from festival_app.gui.commands import SaveRecordCommand, push
from festival_app.gui.main_window import MainWindow
from festival_app.store.errors import WriteFailedError
from tests.helpers.interface_language import tr


def test_a_failed_undo_keeps_the_file_and_clears_the_history(
    window: MainWindow, boxes: Any, qtbot: Any, monkeypatch: Any
) -> None:
    service = window.service
    push(window.undo_stack, SaveRecordCommand(service, Troupe("Seoul Youth Choir"), "Add troupe"))
    troupes = service.troupes()

    def disk_full(log: object) -> None:
        raise WriteFailedError(service.db.path, "the disk is full")

    monkeypatch.setattr(service, "revert", disk_full)
    window.undo_action.trigger()  # told in a message, never raised to the crash hook
    qtbot.waitUntil(lambda: len(boxes.shown) == 1)
    assert service.troupes() == troupes
    assert window.undo_stack.count() == 0
    assert len(boxes.shown) == 1
    _title, text, info = boxes.shown[0]
    assert tr("StoreError", "the disk is full") in text  # the detail in the language, too
    assert info == tr(
        "UndoFailure",
        "Nothing was lost: the file is as it was before this step. The undo history was "
        "cleared because it no longer matches the file.",
    )


def test_a_bug_in_an_undo_is_not_taken_for_a_user_error(
    window: MainWindow, boxes: Any, monkeypatch: Any
) -> None:
    service = window.service
    push(window.undo_stack, SaveRecordCommand(service, Troupe("Seoul Youth Choir"), "Add troupe"))

    def bug(log: object) -> None:
        raise KeyError("a programming error")

    monkeypatch.setattr(service, "revert", bug)
    with pytest.raises(KeyError):  # on to sys.excepthook: the crash dialog and the log
        window.undo_stack.command(0).undo()
    assert window.undo_stack.count() == 1
    assert boxes.shown == []
