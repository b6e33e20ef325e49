"""Releases in the window: the release dialog, the Changes section, the timetable marks."""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction

from festival_app import releasing
from festival_app.domain.releases import Release
from festival_app.gui.main_window import MainWindow
from festival_app.gui.releases import extension as releases
from festival_app.gui.releases.changes_view import ChangesView
from festival_app.gui.releases.release_dialog import ReleaseDialog
from festival_app.gui.schedule import extension as timetable
from festival_app.gui.schedule.widget import TimetableWidget
from festival_app.services import FestivalService
from tests.helpers.releases import stored_id

pytestmark = pytest.mark.gui


def _baseline(service: FestivalService) -> Release:
    found = releasing.baseline(service)
    assert found is not None
    return found


@pytest.fixture
def window(qtbot: Any, service: FestivalService, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(service, settings, (timetable.install, releases.install))
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    return win


def test_the_release_dialog_releases_and_refuses_a_taken_name(
    qtbot: Any, service: FestivalService
) -> None:
    dialog = ReleaseDialog(service)
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "v1"
    dialog.comment_ko.setText("인쇄용")
    dialog.comment_en.setText("For the printer")
    dialog.printed.setChecked(True)
    dialog.release_button.click()
    assert dialog.made is not None and dialog.made.printed
    assert _baseline(service).name == "v1"

    again = ReleaseDialog(service)
    qtbot.addWidget(again)
    assert again.name_edit.text() == "v2"
    again.name_edit.setText("V1")
    again.release_button.click()
    assert again.made is None and again.problem.text()  # said, and nothing written
    assert [r.name for r in releasing.releases(service)] == ["v1"]


def test_the_changes_section_lists_and_filters(
    window: MainWindow, service: FestivalService
) -> None:
    releasing.release(service, "v1", printed=True)
    items = sorted(service.program(), key=lambda i: i.id or 0)
    moved, retitled = items[3], items[6]
    service.save(
        replace(
            moved,
            start=time(moved.start.hour + 1, moved.start.minute),
            end=time(moved.end.hour + 1, moved.end.minute),
        )
    )
    service.save(replace(retitled, title_en="New title"))
    window.show_section(releases.SECTION)
    view = window.section(releases.SECTION)
    assert isinstance(view, ChangesView)
    assert view.model.rowCount() == 2
    venue_combo = view.venue_combo
    other = next(v for v in service.venues() if v.id not in (moved.venue_id, retitled.venue_id))
    venue_combo.setCurrentIndex(venue_combo.findData(other.id))
    assert view.model.rowCount() == 0
    venue_combo.setCurrentIndex(0)
    troupe_combo = view.troupe_combo
    troupe_combo.setCurrentIndex(troupe_combo.findData(moved.troupe_id))
    assert view.model.rowCount() == 1


def test_the_timetable_marks_items_changed_since_the_printed_release(
    window: MainWindow, service: FestivalService
) -> None:
    releasing.release(service, "v1", printed=True)
    window.show_section(timetable.SECTION)
    grid = window.section(timetable.SECTION)
    assert isinstance(grid, TimetableWidget)
    first_day = service.days()[0]
    item = next(i for i in service.program() if i.day_id == first_day.id)
    service.save(replace(item, title_en="Retitled"))
    grid.scene.materialize(grid.scene.sceneRect())
    blocks = grid.scene.blocks
    assert blocks[stored_id(item)].changed
    assert [i for i, b in blocks.items() if b.changed] == [item.id]
    marks = window.findChild(QAction, "mark_changes")
    assert marks is not None
    marks.trigger()  # View > Mark changes since the printed release: off
    assert not blocks[stored_id(item)].changed


def test_marking_the_printed_release_is_undoable(
    window: MainWindow, service: FestivalService
) -> None:
    releasing.release(service, "v1", printed=True)
    releasing.release(service, "v2")
    window.show_section(releases.SECTION)
    view = window.section(releases.SECTION)
    assert isinstance(view, ChangesView)
    view.from_combo.setCurrentIndex(view.from_combo.findData(releasing.find(service, "v2").id))
    view.printed_button.click()
    assert _baseline(service).name == "v2"
    window.undo_stack.undo()
    assert _baseline(service).name == "v1"
    window.undo_stack.redo()
    assert _baseline(service).name == "v2"


def test_a_window_given_the_extension_has_the_release_actions(
    qtbot: Any, service: FestivalService, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(service, settings, (timetable.install, releases.install))
    qtbot.addWidget(win)
    release = win.findChild(QAction, "release_version")
    assert release is not None and release.isEnabled()
    assert win.findChild(QAction, "mark_changes") is not None
    win.show_section(releases.SECTION)
    assert win.current_key() == releases.SECTION


def test_undoing_the_printed_mark_is_refused_once_someone_else_moved_it(
    service: FestivalService,
) -> None:
    from festival_app.gui.releases.commands import MarkPrintedCommand
    from festival_app.store.errors import StaleRecordError

    releasing.release(service, "v1", "", "")
    releasing.release(service, "v2", "", "")
    command = MarkPrintedCommand(service, "v1", "Mark v1 as printed")
    command.redo()
    releasing.mark_printed(service, "v2")  # elsewhere: the release dialog, another computer
    with pytest.raises(StaleRecordError):
        command.undo()
    assert _baseline(service).name == "v2"
    releasing.mark_printed(service, "v1")
    command.undo()  # the mark is where this step put it again: undone
    assert releasing.baseline(service) is None
