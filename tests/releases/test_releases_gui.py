"""Releases in the window: the release dialog, the Changes section, the timetable marks."""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from festival_app import releasing
from festival_app.gui.main_window import MainWindow
from festival_app.gui.releases import extension as releases
from festival_app.gui.releases.release_dialog import ReleaseDialog
from festival_app.gui.schedule import extension as timetable
from festival_app.services import FestivalService

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: Any, service: FestivalService, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(service, settings)
    # Installed on this window only: register() would change every later test's windows.
    timetable.install(win)
    releases.install(win)
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
    assert releasing.baseline(service).name == "v1"  # type: ignore[union-attr]

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
    assert view.model.rowCount() == 2  # type: ignore[attr-defined]
    venue_combo = view.venue_combo  # type: ignore[attr-defined]
    other = next(v for v in service.venues() if v.id not in (moved.venue_id, retitled.venue_id))
    venue_combo.setCurrentIndex(venue_combo.findData(other.id))
    assert view.model.rowCount() == 0  # type: ignore[attr-defined]
    venue_combo.setCurrentIndex(0)
    troupe_combo = view.troupe_combo  # type: ignore[attr-defined]
    troupe_combo.setCurrentIndex(troupe_combo.findData(moved.troupe_id))
    assert view.model.rowCount() == 1  # type: ignore[attr-defined]


def test_the_timetable_marks_items_changed_since_the_printed_release(
    window: MainWindow, service: FestivalService
) -> None:
    releasing.release(service, "v1", printed=True)
    window.show_section(timetable.SECTION)
    grid = window.section(timetable.SECTION)
    first_day = service.days()[0]
    item = next(i for i in service.program() if i.day_id == first_day.id)
    service.save(replace(item, title_en="Retitled"))
    grid.scene.materialize(grid.scene.sceneRect())  # type: ignore[attr-defined]
    blocks = grid.scene.blocks  # type: ignore[attr-defined]
    assert blocks[item.id].changed
    assert [i for i, b in blocks.items() if b.changed] == [item.id]
    window.change_marks.toggle(False)  # type: ignore[attr-defined]
    assert not blocks[item.id].changed


def test_marking_the_printed_release_is_undoable(
    window: MainWindow, service: FestivalService
) -> None:
    releasing.release(service, "v1", printed=True)
    releasing.release(service, "v2")
    window.show_section(releases.SECTION)
    view = window.section(releases.SECTION)
    view.from_combo.setCurrentIndex(view.from_combo.findData(releasing.find(service, "v2").id))  # type: ignore[attr-defined]
    view.printed_button.click()  # type: ignore[attr-defined]
    assert releasing.baseline(service).name == "v2"  # type: ignore[union-attr]
    window.undo_stack.undo()
    assert releasing.baseline(service).name == "v1"  # type: ignore[union-attr]
    window.undo_stack.redo()
    assert releasing.baseline(service).name == "v2"  # type: ignore[union-attr]


def test_register_adds_the_release_actions_to_new_windows_once(
    qtbot: Any, service: FestivalService, tmp_path: Path
) -> None:
    from festival_app.gui import main_window as module

    before = list(module._extensions)
    try:
        releases.register()
        releases.register()
        assert module._extensions.count(releases.install) == 1
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        win = MainWindow(service, settings)
        qtbot.addWidget(win)
        assert win.release_action.isEnabled()  # type: ignore[attr-defined]
        assert releases.SECTION in win._keys
    finally:
        module._extensions[:] = before
        releases._registered = False
