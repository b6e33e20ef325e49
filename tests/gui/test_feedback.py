"""Feedback: the status bar says what each edit did; Tools holds real entries; Ctrl+Z
undoes the festival's last edit wherever the focus is."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest

from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.troupes import Troupe
from festival_app.gui.commands import DeleteRecordsCommand, SaveRecordCommand
from festival_app.gui.main_window import MainWindow
from festival_app.gui.models.base import language
from festival_app.services import FestivalService
from festival_app.store import backups
from tests.helpers.interface_language import tr
from tests.helpers.window import MessageBoxes, drive_dialog


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def free_space(service: FestivalService) -> tuple[int, str]:
    used = {b.code for b in service.booths()}
    for venue in service.venues():
        for number in range(1, (venue.booth_spaces or 0) + 1):
            if venue.code_prefix and venue.space_code(number) not in used:
                return venue.id or 0, venue.space_code(number)
    raise AssertionError("no free space")


def activate(window: MainWindow, qtbot: Any) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window


def test_adding_changing_and_deleting_say_what_happened(
    window: MainWindow, boxes: MessageBoxes
) -> None:
    service = window.service
    window.show_section("booths")
    venue_id, code = free_space(service)

    def fill(dialog: Any) -> None:
        dialog.fields["code"].setText(code)
        dialog.fields["venue_id"].setCurrentIndex(dialog.fields["venue_id"].findData(venue_id))
        dialog.fields["country"].setCurrentIndex(dialog.fields["country"].findData("PE"))

    assert drive_dialog(window.add_action.trigger, fill)["stayed_open"] is False
    assert status(window) == tr("Feedback", "Booth {0} added").format(code)

    troupe = service.troupes()[0]
    window.push(SaveRecordCommand(service, replace(troupe, genre="Drums"), "Edit troupe"))
    assert status(window) == tr("Feedback", "Troupe '{0}' changed").format(
        troupe.display_name(language())
    )

    doomed = service.booths()[:2]
    window.push(DeleteRecordsCommand(service, Booth, doomed, "Delete 2 booths"))
    assert status(window) == tr("Feedback", "{0} booths deleted").format(2)

    window.undo_action.trigger()
    assert status(window) == tr("Feedback", "Undone: {0}").format("Delete 2 booths")
    window.redo_action.trigger()
    assert status(window) == tr("Feedback", "{0} booths deleted").format(2)

    one = service.booths()[0]
    window.push(DeleteRecordsCommand(service, Booth, [one], "Delete booth"))
    assert status(window) == tr("Feedback", "Booth {0} deleted").format(one.code)
    window.push(DeleteRecordsCommand(service, Troupe, [troupe.id or 0], "Delete troupe"))
    assert status(window) == tr("Feedback", "Troupe '{0}' deleted").format(
        troupe.display_name(language())
    )


def test_a_refused_edit_says_nothing_in_the_status_bar(window: MainWindow) -> None:
    from festival_app.domain.errors import ValidationError

    booth = window.service.booths()[0]
    window.statusBar().clearMessage()
    with pytest.raises(ValidationError):
        window.push(
            SaveRecordCommand(window.service, replace(booth, email="not an address"), "Edit")
        )
    assert status(window) == ""


def test_an_import_says_how_many_records_it_created_and_changed(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from festival_app.gui.dialogs import import_dialog
    from festival_app.imports.apply import ImportResult

    service = window.service
    venue_id, _code = free_space(service)
    existing = service.booths()[0]

    def apply(service: FestivalService, plan: object) -> ImportResult:
        with service.batch() as log:
            for country in ("PE", "CL", "BO"):
                service.save(Booth(venue_id=venue_id, category=BoothCategory.FOOD, country=country))
            service.save(replace(existing, notes="from the workbook"))
        return ImportResult(log=log)

    monkeypatch.setattr(import_dialog, "apply_plan", apply)
    command = import_dialog.ImportCommand(service, None, "Import applications.xlsx")  # type: ignore[arg-type]
    window.push(command)
    assert status(window) == tr("Feedback", "Import: {0} created, {1} changed").format(3, 1)


@pytest.fixture
def full_window(
    qtbot: Any, sample_service: FestivalService, tmp_path: Path
) -> Iterator[MainWindow]:
    """The window with what the program adds to it at start: the timetable and clash
    panel, and the backups (app.py registers these)."""
    from festival_app.gui.dialogs import restore_dialog
    from festival_app.gui.schedule import extension

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(sample_service, settings)
    extension.install(window)
    restore_dialog.install(window)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window
    window.close()


def test_the_tools_menu_checks_clashes_backs_up_and_restores(
    full_window: MainWindow, qtbot: Any
) -> None:
    from festival_app.gui.clash_panel import ClashPanel

    window = full_window
    names = [a.objectName() for a in window.tools_menu.actions() if not a.isSeparator()]
    assert names == ["check_clashes", "back_up_now", "restore_backup"]
    assert all(a.text() for a in window.tools_menu.actions())

    panel = window.findChild(ClashPanel)
    assert panel is not None
    panel.close()
    check = window.findChild(QAction, "check_clashes")
    assert check is not None
    check.trigger()
    assert panel.isVisible() and panel.clashes and not panel.is_pending()
    assert status(window) == panel.summary.text()

    before = len(backups.list_backups(window.service.path))
    window.back_up_action.trigger()
    taken = backups.list_backups(window.service.path)
    assert len(taken) == before + 1
    assert any(b.reason == backups.MANUAL for b in taken)
    assert status(window) == tr("MainWindow", "Backed up to {0}").format(
        next(b.path for b in taken if b.reason == backups.MANUAL)
    )


def test_ctrl_z_in_the_search_box_undoes_the_last_edit_not_the_typing(
    window: MainWindow, qtbot: Any
) -> None:
    service = window.service
    booth = service.booths()[0]
    window.push(SaveRecordCommand(service, replace(booth, notes="needs a second table"), "Edit"))
    window.show_section("booths")
    section = window.record_section("booths")
    assert section is not None
    activate(window, qtbot)
    section.search.setFocus()
    QTest.keyClicks(section.search, "Japan")
    QTest.keyClick(section.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert section.search.text() == "Japan"  # the typing stays
    stored = service.get(Booth, booth.id or 0)
    assert stored is not None and stored.notes == booth.notes  # the edit is undone
    QTest.keyClick(
        section.search,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    stored = service.get(Booth, booth.id or 0)
    assert stored is not None and stored.notes == "needs a second table"
    assert section.search.text() == "Japan"


def test_ctrl_z_while_typing_festival_notes_takes_back_that_typing_as_a_step(
    window: MainWindow, qtbot: Any
) -> None:
    from festival_app.gui.widgets.festival_form import FestivalSection

    window.show_section("festival")
    section = window.section("festival")
    assert isinstance(section, FestivalSection)
    activate(window, qtbot)
    before = window.service.festival().notes
    section.notes.setFocus()
    QTest.keyClicks(section.notes, "Tents")
    QTest.keyClick(section.notes, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.service.festival().notes == before
    assert section.notes.toPlainText() == before
    QTest.keyClick(section.notes, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.service.festival().notes == "Tents"
