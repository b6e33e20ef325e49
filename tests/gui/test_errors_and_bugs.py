"""The environment's failures reach the user as a message; the program's own bugs reach
the crash dialog and the log, never dressed up as "could not be written"."""

from __future__ import annotations

import logging
import sqlite3
import sys
from typing import Any

import pytest

from festival_app.app import CrashHandler
from festival_app.domain.troupes import Troupe
from festival_app.gui.commands import SaveRecordCommand, push
from festival_app.gui.dialogs.crash import CrashDialog
from festival_app.gui.main_window import MainWindow
from tests.helpers.file_db import file_db
from tests.helpers.interface_language import tr


class BrokenStatements:
    """The window's connection to its festival file, with the next DELETE failing as
    SQLite reports it (message and error code); everything else goes through."""

    def __init__(self, real: sqlite3.Connection, message: str, code: int) -> None:
        self.real = real
        self.message = message
        self.code = code

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if self.code and sql.lstrip().upper().startswith("DELETE"):
            error = sqlite3.OperationalError(self.message)
            error.sqlite_errorcode = self.code
            self.code = 0
            raise error
        return self.real.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


@pytest.fixture
def crashes(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> list[CrashDialog]:
    """The real crash hook as sys.excepthook; the dialogs it would show."""
    shown: list[CrashDialog] = []

    def shows(dialog: CrashDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(CrashDialog, "exec", shows)
    monkeypatch.setattr(sys, "excepthook", CrashHandler(tmp_path / "log.txt", smoke_test=False))
    return shown


def _added_troupe(window: MainWindow) -> None:
    troupe = Troupe("Seoul Youth Choir", city_en="Seoul")
    push(window.undo_stack, SaveRecordCommand(window.service, troupe, "Add troupe"))


@pytest.mark.qt_no_exception_capture
def test_a_full_disk_during_undo_is_a_message_not_a_crash(
    window: MainWindow, boxes: Any, crashes: list[CrashDialog], qtbot: Any
) -> None:
    _added_troupe(window)
    service = window.service
    db = file_db(service)
    real = db.conn
    # A stand-in that wraps the real connection, not an sqlite3.Connection.
    db.conn = BrokenStatements(  # type: ignore[assignment]
        real, "database or disk is full", sqlite3.SQLITE_FULL
    )
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: len(boxes.shown) == 1)
    assert tr("StoreError", "the disk is full") in boxes.shown[0][1]
    assert crashes == []
    assert any(t.name == "Seoul Youth Choir" for t in service.troupes())  # nothing lost
    db.conn = real


@pytest.mark.qt_no_exception_capture
def test_a_programming_error_reaches_the_crash_dialog_and_the_log(
    window: MainWindow,
    boxes: Any,
    crashes: list[CrashDialog],
    qtbot: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _added_troupe(window)
    service = window.service
    db = file_db(service)
    real = db.conn
    # A stand-in that wraps the real connection, not an sqlite3.Connection.
    db.conn = BrokenStatements(  # type: ignore[assignment]
        real, "no such column: nickname", sqlite3.SQLITE_ERROR
    )
    with caplog.at_level(logging.CRITICAL, logger="festival_app.app"):
        window.undo_action.trigger()
        qtbot.waitUntil(lambda: len(crashes) == 1)
    assert boxes.shown == []  # not told as the user's or the disk's problem
    assert "no such column: nickname" in crashes[0].details  # the traceback, to report
    assert "OperationalError" in crashes[0].details
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "unexpected error" in logged and "no such column: nickname" in logged
    assert any(t.name == "Seoul Youth Choir" for t in service.troupes())  # rolled back
    db.conn = real
