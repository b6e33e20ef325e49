"""The restore dialog, the question asked when a file is locked or damaged, and the
automatic backups of an open window. Message boxes are answered by replacing
QMessageBox.exec with a click on the named button."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from bench.generate import generate
from festival_app.domain.troupes import Troupe
from festival_app.gui.dialogs import lock_dialog, restore_dialog
from festival_app.services import EVERYTHING, FestivalService
from festival_app.store import backups, lock
from festival_app.store.db import Database
from tests.helpers.interface_language import tr

SHOTS = os.environ.get("FESTIVAL_SHOTS")  # a folder to save screenshots into, to look at


@pytest.fixture
def festival(tmp_path: Path) -> Path:
    return generate(tmp_path / "festival.sqlite3", 1)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Queue the button texts to click in the message boxes to come; records the texts."""
    queue: list[str] = []
    seen: list[QMessageBox] = []

    def exec_(box: QMessageBox) -> int:
        seen.append(box)
        wanted = queue.pop(0)
        for button in box.buttons():
            if button.text().replace("&", "") == wanted:
                button.click()
                return 0
        raise AssertionError(f"no button {wanted!r} in {[b.text() for b in box.buttons()]}")

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    yield queue
    assert not queue, f"boxes not shown: {queue}"


def _reason(backup: Path) -> str:
    """Why the backup was taken ("open", "close", ...), from its file name."""
    parsed = backups.parse_name(backup)
    assert parsed is not None
    return parsed[1]


def _restore_action(window: QMainWindow) -> QAction:
    """File > Restore from backup…, which restore_dialog.install adds to the window."""
    action = window.findChild(QAction, "restore_backup")
    assert action is not None
    return action


def _cell(dialog: restore_dialog.RestoreDialog, row: int, column: int) -> str:
    item = dialog.table.item(row, column)
    assert item is not None
    return item.text()


def test_the_dialog_lists_backups_and_restores_one_after_confirming(
    qtbot: QtBot, festival: Path, answers: list[str]
) -> None:
    service = FestivalService.open(festival)
    first = backups.take_backup(service.db, backups.OPEN)
    service.save(Troupe("Added after the backup", city_en="Seoul"))
    backups.take_backup(service.db, backups.PERIODIC)
    heard: list[frozenset[str]] = []
    service.subscribe(heard.append)

    dialog = restore_dialog.RestoreDialog(service)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert _cell(dialog, 0, 1) == tr("RestoreDialog", "while working")
    assert _cell(dialog, 1, 1) == tr("RestoreDialog", "when opened")
    assert _cell(dialog, 0, 2) == str(len(service.troupes()))
    assert _cell(dialog, 1, 2) == str(len(service.troupes()) - 1)
    assert _cell(dialog, 0, 4) == str(len(service.booths()))
    if SHOTS:
        dialog.show()
        dialog.grab().save(str(Path(SHOTS) / "restore_dialog.png"))

    dialog.table.selectRow(1)
    count = len(service.troupes())
    answers.append(tr("QPlatformTheme", "Cancel"))
    assert not dialog.restore_selected()
    assert len(service.troupes()) == count and heard == []

    answers.append(tr("RestoreDialog", "Restore"))
    assert dialog.restore_selected()
    assert dialog.restored_from == first
    assert not any(t.name == "Added after the backup" for t in service.troupes())
    assert heard == [EVERYTHING]
    assert any(i.reason == backups.BEFORE_RESTORE for i in backups.list_backups(festival))
    service.close()


def test_a_read_only_file_cannot_be_restored_into(qtbot: QtBot, festival: Path) -> None:
    db = Database.open(festival)
    backups.take_backup(db)
    db.close()
    service = FestivalService.open(festival, read_only=True)
    dialog = restore_dialog.RestoreDialog(service)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert not dialog.restore_button.isEnabled()
    service.close()


def test_without_backups_it_says_so(qtbot: QtBot, festival: Path) -> None:
    service = FestivalService.open(festival)
    dialog = restore_dialog.RestoreDialog(service)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0 and not dialog.empty_label.isHidden()
    assert not dialog.restore_button.isEnabled()
    service.close()


# -- the lock question --------------------------------------------------------------


def test_a_file_in_use_opens_read_only_and_names_the_holder(
    qtbot: QtBot, festival: Path, answers: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    other = Database.open(festival, lock=True)  # the other copy of the program
    texts: list[str] = []
    real = QMessageBox.exec

    def capture(box: QMessageBox) -> int:
        texts.append(box.text())
        texts.append(" ".join(b.text() for b in box.buttons()))
        return real(box)

    monkeypatch.setattr(QMessageBox, "exec", capture)
    answers.append(tr("LockDialog", "Open read-only"))
    service = lock_dialog.open_festival(None, festival)
    assert service is not None and service.read_only
    opened_by = tr("LockDialog", "Opened by {0} since {1}.").split("{1}")[0]
    assert texts[0].startswith(opened_by.format(f"{lock.this_host()} ({lock.this_user()})"))
    assert (
        tr("LockDialog", "Take over and edit") not in texts[1]
    )  # a live lock is never offered for taking over
    service.close()
    answers.append(tr("QPlatformTheme", "Cancel"))
    assert lock_dialog.open_festival(None, festival) is None
    other.close()


def test_a_stale_lock_is_offered_for_taking_over(festival: Path, answers: list[str]) -> None:
    path = lock.lock_path(festival)
    path.write_text(
        json.dumps({"host": "KIM-PC", "user": "kim", "pid": 1, "started": "2026-11-27T10:32:00"})
    )
    old = time.time() - lock.STALE_AFTER_S - 60
    os.utime(path, (old, old))
    answers.append(tr("LockDialog", "Take over and edit"))
    service = lock_dialog.open_festival(None, festival)
    assert service is not None and not service.read_only
    service.save(Troupe("Edited after taking over", city_en="Seoul"))
    assert json.loads(path.read_text())["pid"] == os.getpid()
    service.close()
    assert not path.exists()


def test_a_damaged_file_offers_the_newest_backup(festival: Path, answers: list[str]) -> None:
    db = Database.open(festival)
    backup = backups.take_backup(db)
    db.close()
    data = festival.read_bytes()
    festival.write_bytes(data[: len(data) // 2])
    answers.append(tr("RestoreDialog", "Restore the backup"))
    service = lock_dialog.open_festival(None, festival)
    assert service is not None and not service.read_only
    assert festival.read_bytes() == backup.read_bytes()
    copies = list(festival.parent.glob("festival.sqlite3.damaged-*"))
    assert [c.read_bytes() for c in copies] == [data[: len(data) // 2]]
    service.close()


def test_a_damaged_file_without_a_backup_is_only_explained(
    festival: Path, answers: list[str]
) -> None:
    festival.write_bytes(festival.read_bytes()[:5000])
    answers.append(tr("QPlatformTheme", "Close"))
    assert lock_dialog.open_festival(None, festival) is None


# -- the window's automatic backups ------------------------------------------------


def test_the_window_backs_up_on_open_and_on_close_and_offers_restore(
    qtbot: QtBot, festival: Path, answers: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from festival_app.gui.main_window import MainWindow

    monkeypatch.setattr(restore_dialog, "TICK_MS", 50)
    service = FestivalService(Database.open(festival, lock=True))
    window = MainWindow(service)
    qtbot.addWidget(window)
    restore_dialog.install(window)
    action = _restore_action(window)
    assert action in window.file_menu.actions() and action.isEnabled()
    assert backups.stamps(festival) == []  # not before the window is seen
    window.show()
    qtbot.waitUntil(lambda: len(backups.stamps(festival)) == 1, timeout=5000)
    assert ".open." in backups.stamps(festival)[0].path.name
    service.save(Troupe("Before closing", city_en="Seoul"))
    window.close()
    reasons = [_reason(s.path) for s in backups.stamps(festival)]
    assert reasons == ["close", "open"]
    assert not lock.lock_path(festival).exists()


def test_a_file_of_a_newer_program_can_be_replaced_by_a_backup(
    festival: Path, answers: list[str]
) -> None:
    import sqlite3

    db = Database.open(festival)
    backup = backups.take_backup(db)
    db.close()
    conn = sqlite3.connect(festival)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    newer = festival.read_bytes()
    answers.append(tr("QPlatformTheme", "Close"))
    assert lock_dialog.open_festival(None, festival) is None
    assert festival.read_bytes() == newer
    answers.append(tr("RestoreDialog", "Restore the backup"))
    service = lock_dialog.open_festival(None, festival)
    assert service is not None and festival.read_bytes() == backup.read_bytes()
    [kept] = festival.parent.glob("festival.sqlite3.newer-*")
    assert kept.read_bytes() == newer
    service.close()


def test_a_window_on_a_file_in_use_is_read_only_with_its_banner(
    qtbot: QtBot, festival: Path, answers: list[str]
) -> None:
    from festival_app.gui.main_window import MainWindow

    other = Database.open(festival, lock=True)
    answers.append(tr("LockDialog", "Open read-only"))
    service = lock_dialog.open_festival(None, festival)
    assert service is not None
    window = MainWindow(service)
    qtbot.addWidget(window)
    restore_dialog.install(window)
    window.show()
    assert window.read_only_banner.isVisible()
    assert not _restore_action(window).isEnabled()
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / "read_only_window.png"))
    window.close()
    assert lock.lock_path(festival).exists()  # the reader never touched the other's lock
    other.close()
