"""The timetable and the clash panel as the main window holds them (its extension)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from festival_app.domain.program import ProgramItem
from festival_app.gui.clash_panel import ClashPanel
from festival_app.gui.dialogs.editors import RecordDialog
from festival_app.gui.main_window import MainWindow
from festival_app.gui.schedule.extension import SECTION, install
from festival_app.gui.schedule.widget import TimetableWidget
from festival_app.services import FestivalService
from tests.helpers.interface_language import redo_text, tr, undo_text
from tests.helpers.timetable import body_point, drag, reopened, shown_title
from tests.helpers.window import drive_dialog

OPENING = 3


@pytest.fixture
def main_window(
    qtbot: QtBot, sample_service: FestivalService, tmp_path: Path
) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(sample_service, settings)
    install(window)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()  # before the file closes: nothing may read it afterwards


def _timetable(window: MainWindow) -> TimetableWidget:
    window.show_section(SECTION)
    widget = window.section(SECTION)
    assert isinstance(widget, TimetableWidget)
    return widget


def test_a_drag_names_the_move_in_the_edit_menu_and_undo_restores_the_file(
    main_window: MainWindow, sample_service: FestivalService
) -> None:
    timetable = _timetable(main_window)
    g = timetable.scene.geometry
    block = timetable.scene.blocks[OPENING]
    start = body_point(block)
    drag(timetable, start, start + type(start)(0, 30 * g.ppm))
    assert reopened(sample_service, OPENING).start == time(13, 30)  # type: ignore[union-attr]
    move = tr("TimetableWidget", "Move '{title}'").format(
        title=shown_title(sample_service, OPENING)
    )
    assert main_window.undo_action.text() == undo_text(move)
    main_window.undo_action.trigger()
    assert reopened(sample_service, OPENING).start == time(13, 0)  # type: ignore[union-attr]
    assert main_window.redo_action.text() == redo_text(move)


def test_the_program_table_and_the_grid_show_the_same_edit(
    main_window: MainWindow, sample_service: FestivalService
) -> None:
    timetable = _timetable(main_window)
    timetable.scene.select_ids([OPENING])
    QTest.keyClick(timetable.view, Qt.Key.Key_Down)
    program = main_window.record_section("program")
    assert program is not None
    rows = [program.model.record(r) for r in range(program.model.rowCount())]
    opening = next(r for r in rows if r.id == OPENING)
    assert opening.start == time(13, 5)


def test_double_click_opens_the_item_editor_and_saves_one_step(
    main_window: MainWindow, sample_service: FestivalService
) -> None:
    timetable = _timetable(main_window)
    where = timetable.view.mapFromScene(body_point(timetable.scene.blocks[OPENING]))

    def fill(dialog: RecordDialog) -> None:
        end = dialog.fields["end"]
        assert isinstance(end, QLineEdit)
        end.setText("13:40")

    result = drive_dialog(
        lambda: QTest.mouseDClick(
            timetable.view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            where,
        ),
        fill,
    )
    assert not result["stayed_open"]
    assert reopened(sample_service, OPENING).end == time(13, 40)  # type: ignore[union-attr]
    block = timetable.scene.blocks[OPENING]
    assert block.body_rect().height() == 40 * timetable.scene.geometry.ppm
    assert main_window.undo_stack.count() == 1


def test_clicking_a_clash_opens_the_timetable_on_its_items(
    qtbot: QtBot, main_window: MainWindow, sample_service: FestivalService
) -> None:
    panel = main_window.findChild(ClashPanel)
    assert isinstance(panel, ClashPanel)
    item = sample_service.get(ProgramItem, 20)  # Sunday, Main Stage 14:15
    assert item is not None
    from dataclasses import replace

    from festival_app.gui.commands import SaveRecordCommand

    main_window.push(
        SaveRecordCommand(
            sample_service, replace(item, venue_id=6, start=time(12, 30), end=time(12, 55)), "Move"
        )
    )
    qtbot.waitUntil(lambda: not panel.is_pending(), timeout=5000)
    row = next(r for r in panel.rows() if 20 in (r.data(0, Qt.ItemDataRole.UserRole + 1) or []))
    panel.tree.itemClicked.emit(row, 0)
    assert main_window.current_key() == SECTION
    timetable = _timetable(main_window)
    assert timetable.current_day() is not None and timetable.current_day().id == 2  # type: ignore[union-attr]
    assert timetable.scene.selected_ids() == [20]


def test_delete_and_undo_keys_work_on_the_grid_in_the_window(
    main_window: MainWindow, sample_service: FestivalService
) -> None:
    timetable = _timetable(main_window)
    delete = tr("TimetableWidget", "Delete '{title}'").format(
        title=shown_title(sample_service, OPENING)
    )
    point = body_point(timetable.scene.blocks[OPENING])
    drag(timetable, point, point, steps=1)  # a click selects the block and focuses the grid
    QTest.keyClick(timetable.view, Qt.Key.Key_Delete)
    assert reopened(sample_service, OPENING) is None
    assert main_window.undo_action.text() == undo_text(delete)
    QTest.keyClick(timetable.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reopened(sample_service, OPENING) is not None
    assert OPENING in timetable.scene.blocks


def test_the_extension_handed_to_a_window_adds_the_timetable_once(
    qtbot: QtBot, sample_service: FestivalService, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat)
    window = MainWindow(sample_service, settings, [install])
    qtbot.addWidget(window)
    window.show_section(SECTION)
    assert isinstance(window.section(SECTION), TimetableWidget)
    assert len(window.findChildren(ClashPanel)) == 1
    window.close()
