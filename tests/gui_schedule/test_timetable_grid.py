"""The timetable grid, driven through the view with real mouse and key events."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from festival_app.domain.program import ItemStatus, ProgramItem
from festival_app.domain.troupes import Troupe
from festival_app.gui.commands import SaveRecordCommand, push
from festival_app.gui.schedule.widget import TimetableWidget
from festival_app.services import FestivalService
from festival_app.timetable.layout import GUTTER, ZOOM_LEVELS
from tests.helpers.interface_language import fragment, tr
from tests.helpers.timetable import body_point, drag, reopened, shown_title, shown_venue

DROP_ON_VENUE = "Drop the item on a venue's column."

OPENING = 3  # Opening ceremony, day 1, Main Stage 13:00-13:30
PARADE_ROUTE = 5
MAIN_STAGE = 1
MUSIC_CAFE = 6


def test_day_one_shows_stage_parade_and_cafe_columns(timetable: TimetableWidget) -> None:
    scene = timetable.scene
    assert timetable.day_tabs.count() == 2
    # Booth areas are hidden by default; stages and the parade route are columns.
    assert scene.geometry.venue_ids == (MAIN_STAGE, PARADE_ROUTE, MUSIC_CAFE)
    assert len(scene.blocks) == 15
    assert (scene.geometry.start_min, scene.geometry.end_min) == (12 * 60, 18 * 60)
    block = scene.blocks[OPENING]
    assert block.pos().y() == scene.geometry.y(13 * 60 - 10)  # setup drawn above the start


def test_drag_moves_item_saves_at_once_and_undo_puts_it_back(
    timetable: TimetableWidget, sample_service: FestivalService, stack: QUndoStack
) -> None:
    scene = timetable.scene
    g = scene.geometry
    block = scene.blocks[OPENING]
    start = body_point(block)
    # One hour later (plus 2 minutes, which snaps away), on the parade route's column.
    end = QPointF(g.x(1) + g.column_width / 2, start.y() + 62 * g.ppm)
    drag(timetable, start, end)

    saved = reopened(sample_service, OPENING)
    assert saved is not None
    assert (saved.venue_id, saved.start, saved.end) == (PARADE_ROUTE, time(14, 0), time(14, 30))
    assert stack.count() == 1
    assert stack.undoText() == tr("TimetableWidget", "Move '{title}'").format(
        title=shown_title(sample_service, OPENING)
    )
    assert scene.blocks[OPENING].pos().x() == g.x(1) + 4

    stack.undo()
    saved = reopened(sample_service, OPENING)
    assert saved is not None
    assert (saved.venue_id, saved.start, saved.end) == (MAIN_STAGE, time(13, 0), time(13, 30))
    assert scene.blocks[OPENING].pos().x() == g.x(0) + 4


def test_a_click_without_moving_changes_nothing(
    timetable: TimetableWidget, stack: QUndoStack
) -> None:
    block = timetable.scene.blocks[OPENING]
    point = body_point(block)
    drag(timetable, point, point, steps=1)
    assert stack.count() == 0
    assert block.isSelected()


def test_drop_outside_the_day_is_refused_with_a_message(
    timetable: TimetableWidget, sample_service: FestivalService, stack: QUndoStack
) -> None:
    timetable.zoom_by(-10)  # the whole day and the empty space below it in sight
    scene = timetable.scene
    g = scene.geometry
    block = scene.blocks[OPENING]
    start = body_point(block)
    below = QPointF(start.x(), g.body_bottom + 40)
    assert timetable.view.viewport().rect().contains(timetable.view.mapFromScene(below))
    drag(timetable, start, below)
    outside = "{start}–{end} is outside the day ({first}–{last})."
    assert fragment("TimetableScene", outside) in timetable.message_label.text()
    assert "12:00–18:00" in timetable.message_label.text()
    assert stack.count() == 0
    saved = reopened(sample_service, OPENING)
    assert saved is not None and saved.start == time(13, 0)
    assert block.pos().y() == g.y(13 * 60 - 10)  # the block went back


def test_drop_outside_any_venue_is_refused(
    timetable: TimetableWidget, sample_service: FestivalService, stack: QUndoStack
) -> None:
    block = timetable.scene.blocks[OPENING]
    start = body_point(block)
    drag(timetable, start, QPointF(GUTTER / 2, start.y()))
    assert timetable.message_label.text() == tr("TimetableScene", DROP_ON_VENUE)
    assert stack.count() == 0
    saved = reopened(sample_service, OPENING)
    assert saved is not None and saved.venue_id == MAIN_STAGE


def test_dragging_the_bottom_edge_changes_the_length(
    timetable: TimetableWidget, sample_service: FestivalService, stack: QUndoStack
) -> None:
    g = timetable.scene.geometry
    block = timetable.scene.blocks[OPENING]
    edge = block.mapToScene(QPointF(block.body_rect().center().x(), block.body_rect().bottom() - 2))
    drag(timetable, edge, QPointF(edge.x(), edge.y() + 15 * g.ppm))
    saved = reopened(sample_service, OPENING)
    assert saved is not None and (saved.start, saved.end) == (time(13, 0), time(13, 45))
    assert stack.undoText() == tr("TimetableWidget", "Change length of '{title}'").format(
        title=shown_title(sample_service, OPENING)
    )


def test_resizing_cannot_make_the_end_reach_the_start(
    timetable: TimetableWidget, sample_service: FestivalService
) -> None:
    g = timetable.scene.geometry
    block = timetable.scene.blocks[OPENING]
    edge = block.mapToScene(QPointF(block.body_rect().center().x(), block.body_rect().bottom() - 2))
    # Far above the start: the item keeps the shortest length, one 5-minute step.
    drag(timetable, edge, QPointF(edge.x(), edge.y() - 90 * g.ppm))
    saved = reopened(sample_service, OPENING)
    assert saved is not None
    assert (saved.start, saved.end) == (time(13, 0), time(13, 5))
    assert saved.end > saved.start


def test_arrow_keys_move_the_selected_block(
    timetable: TimetableWidget, sample_service: FestivalService, stack: QUndoStack
) -> None:
    block = timetable.scene.blocks[OPENING]
    point = body_point(block)
    drag(timetable, point, point, steps=1)  # a click selects it
    view = timetable.view
    QTest.keyClick(view, Qt.Key.Key_Down)
    saved = reopened(sample_service, OPENING)
    assert saved is not None and (saved.start, saved.end) == (time(13, 5), time(13, 35))
    QTest.keyClick(view, Qt.Key.Key_Right)
    saved = reopened(sample_service, OPENING)
    assert saved is not None and saved.venue_id == PARADE_ROUTE
    QTest.keyClick(view, Qt.Key.Key_Up)
    QTest.keyClick(view, Qt.Key.Key_Up)
    saved = reopened(sample_service, OPENING)
    assert saved is not None and saved.start == time(12, 55)
    assert stack.count() == 4
    assert timetable.scene.selected_ids() == [OPENING]  # still selected after the moves
    for _ in range(4):
        stack.undo()
    assert reopened(sample_service, OPENING) == sample_service.get(ProgramItem, OPENING)
    assert sample_service.get(ProgramItem, OPENING).start == time(13, 0)  # type: ignore[union-attr]


def test_delete_key_removes_and_undo_restores(
    timetable: TimetableWidget, sample_service: FestivalService, stack: QUndoStack
) -> None:
    block = timetable.scene.blocks[OPENING]
    point = body_point(block)
    drag(timetable, point, point, steps=1)
    QTest.keyClick(timetable.view, Qt.Key.Key_Delete)
    assert reopened(sample_service, OPENING) is None
    assert OPENING not in timetable.scene.blocks
    stack.undo()
    assert reopened(sample_service, OPENING) is not None
    assert OPENING in timetable.scene.blocks


def test_copy_and_paste_onto_the_other_day(
    timetable: TimetableWidget, sample_service: FestivalService, stack: QUndoStack
) -> None:
    timetable.scene.select_ids([OPENING])
    timetable.edits.copy_selected()
    timetable.set_day(2)
    before = len(sample_service.program(2))
    timetable.edits.paste()
    day2 = sample_service.program(2)
    assert len(day2) == before + 1
    pasted = [i for i in day2 if i.title_en == "Opening ceremony"]
    assert len(pasted) == 1 and pasted[0].start == time(13, 0)
    assert timetable.scene.selected_ids() == [pasted[0].id]
    stack.undo()
    assert len(sample_service.program(2)) == before


def test_duplicate_on_the_same_day_goes_right_after(
    timetable: TimetableWidget, sample_service: FestivalService, stack: QUndoStack
) -> None:
    timetable.scene.select_ids([OPENING])
    timetable.edits.duplicate_selected(None)
    copies = [i for i in sample_service.program(1) if i.title_en == "Opening ceremony"]
    assert sorted(c.start for c in copies) == [time(13, 0), time(13, 45)]
    assert stack.undoText() == tr("TimetableWidget", "Duplicate '{title}'").format(
        title=shown_title(sample_service, OPENING)
    )
    timetable.edits.duplicate_selected(2)  # the copy, now selected, to Sunday
    assert [i.start for i in sample_service.program(2) if i.title_en == "Opening ceremony"] == [
        time(13, 45)
    ]


def test_double_click_asks_for_the_editor(qtbot: QtBot, timetable: TimetableWidget) -> None:
    block = timetable.scene.blocks[OPENING]
    where = timetable.view.mapFromScene(body_point(block))
    with qtbot.waitSignal(timetable.editRequested) as signal:
        QTest.mouseDClick(
            timetable.view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            where,
        )
    assert signal.args == [OPENING]


def _drop(
    timetable: TimetableWidget, troupe_id: int, scene_point: QPointF
) -> tuple[int, int] | None:
    """Drag the troupe's row of the list onto the view: enter, move, drop."""
    troupes = timetable.troupes_list
    row = troupes.troupe_ids().index(troupe_id)
    data = troupes.mimeData([troupes.item(row)])
    where = timetable.view.mapFromScene(scene_point)
    viewport = timetable.view.viewport()
    args = (
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(where, *args)
    assert QApplication.sendEvent(viewport, enter) and enter.isAccepted()
    QApplication.sendEvent(viewport, QDragMoveEvent(where, *args))
    hint = timetable.view.drop_hint  # where the item would go, shown while dragging
    QApplication.sendEvent(viewport, QDropEvent(QPointF(where), *args))
    assert timetable.view.drop_hint is None
    return hint


def test_dropping_an_unscheduled_troupe_creates_its_item(
    timetable: TimetableWidget, sample_service: FestivalService, stack: QUndoStack
) -> None:
    troupe, _ = sample_service.save(Troupe("Busan Drummers", city_en="Busan", country="KR"))
    assert troupe.id in timetable.troupes_list.troupe_ids()
    g = timetable.scene.geometry
    hint = _drop(timetable, troupe.id or 0, QPointF(g.x(1) + 20, g.y(14 * 60 + 2)))
    assert hint == (1, 14 * 60)
    created = [i for i in sample_service.program(1) if i.troupe_id == troupe.id]
    assert len(created) == 1
    item = created[0]
    assert (item.venue_id, item.start, item.end) == (PARADE_ROUTE, time(14, 0), time(14, 30))
    assert item.title_en == "Busan Drummers" and item.status == ItemStatus.CONFIRMED
    assert troupe.id not in timetable.troupes_list.troupe_ids()
    assert stack.undoText() == tr("TimetableWidget", "Schedule '{name}'").format(
        name="Busan Drummers"
    )
    stack.undo()
    assert not [i for i in sample_service.program(1) if i.troupe_id == troupe.id]
    assert troupe.id in timetable.troupes_list.troupe_ids()
    # Onto the time labels: not a venue, nothing made.
    assert _drop(timetable, troupe.id or 0, QPointF(GUTTER / 2, g.y(14 * 60))) is None
    assert timetable.message_label.text() == tr("TimetableScene", DROP_ON_VENUE)
    assert not [i for i in sample_service.program() if i.troupe_id == troupe.id]


def test_the_grid_follows_changes_made_elsewhere(
    timetable: TimetableWidget, sample_service: FestivalService, stack: QUndoStack
) -> None:
    """The Program table saves through the same service; the grid shows the result."""
    item = sample_service.get(ProgramItem, OPENING)
    assert item is not None
    g = timetable.scene.geometry
    push(
        stack,
        SaveRecordCommand(
            sample_service, replace(item, start=time(15, 0), end=time(15, 30)), "Edit"
        ),
    )
    assert timetable.scene.blocks[OPENING].pos().y() == g.y(15 * 60 - 10)
    # Each edit starts from the item as the file has it now, as the table's would.
    item = sample_service.get(ProgramItem, OPENING)
    assert item is not None
    push(
        stack,
        SaveRecordCommand(sample_service, replace(item, status=ItemStatus.CANCELLED), "Cancel"),
    )
    assert OPENING in timetable.scene.blocks  # greyed
    timetable.set_show_cancelled(False)
    assert OPENING not in timetable.scene.blocks  # hidden
    # An item reaching before the grid widens it.
    item = sample_service.get(ProgramItem, OPENING)
    assert item is not None
    push(
        stack,
        SaveRecordCommand(
            sample_service, replace(item, start=time(10, 0), end=time(10, 30)), "Early"
        ),
    )
    assert timetable.scene.geometry.start_min == 9 * 60 + 30  # setup 10 minutes, half hours


def test_zoom_keys_and_buttons(
    qtbot: QtBot, timetable: TimetableWidget, settings: QSettings
) -> None:
    before = timetable.zoom_level()
    timetable.view.setFocus()
    QTest.keyClick(timetable.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert timetable.zoom_level() > before
    timetable.zoom_out_action.trigger()
    timetable.zoom_out_action.trigger()
    assert timetable.zoom_level() < before
    assert timetable.scene.geometry.ppm == timetable.zoom_level()
    assert ZOOM_LEVELS[int(str(settings.value("timetable/zoom")))] == timetable.zoom_level()


def test_venue_columns_are_remembered(
    qtbot: QtBot, sample_service: FestivalService, settings: QSettings, timetable: TimetableWidget
) -> None:
    venues = sample_service.venues()
    # Show the Mugyo-ro booth area first, hide the parade route.
    order = [3, MUSIC_CAFE, MAIN_STAGE, 2, 4, PARADE_ROUTE]
    timetable.columns.save(order, [3, MUSIC_CAFE, MAIN_STAGE], venues)
    again = TimetableWidget(sample_service, QUndoStack(), settings)
    qtbot.addWidget(again)
    assert again.scene.geometry.venue_ids == (3, MUSIC_CAFE, MAIN_STAGE)
    assert PARADE_ROUTE not in {b.item.venue_id for b in again.scene.blocks.values()}


def test_venue_columns_saved_as_one_string_are_read(
    qtbot: QtBot, sample_service: FestivalService, settings: QSettings, timetable: TimetableWidget
) -> None:
    # Settings written before the columns were a list hold "3,1,2" as one value.
    group = timetable.columns.group
    settings.setValue(f"{group}/order", f"3,{MUSIC_CAFE},{MAIN_STAGE},2,4,{PARADE_ROUTE}")
    settings.setValue(f"{group}/shown", f"3,{MUSIC_CAFE},{MAIN_STAGE}")
    settings.setValue(f"{group}/hidden", f"2,4,{PARADE_ROUTE}")
    again = TimetableWidget(sample_service, QUndoStack(), settings)
    qtbot.addWidget(again)
    assert again.scene.geometry.venue_ids == (3, MUSIC_CAFE, MAIN_STAGE)


def test_switching_days(timetable: TimetableWidget) -> None:
    timetable.day_tabs.setCurrentIndex(1)
    scene = timetable.scene
    assert scene.day is not None and scene.day.id == 2
    assert len(scene.blocks) == 15
    assert scene.geometry.end_min == 17 * 60


def test_ctrl_wheel_zooms_and_plain_wheel_scrolls(timetable: TimetableWidget) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent

    view = timetable.view
    before = timetable.zoom_level()

    def wheel(modifiers: Qt.KeyboardModifier) -> None:
        centre = QPointF(view.viewport().rect().center())
        event = QWheelEvent(
            centre,
            QPointF(view.viewport().mapToGlobal(centre.toPoint())),
            QPoint(0, 0),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view.viewport(), event)

    wheel(Qt.KeyboardModifier.ControlModifier)
    assert timetable.zoom_level() > before
    wheel(Qt.KeyboardModifier.NoModifier)
    assert timetable.zoom_level() > before  # a plain wheel does not zoom


def test_venue_columns_dialog_hides_shows_and_reorders(
    timetable: TimetableWidget, sample_service: FestivalService
) -> None:
    from festival_app.gui.schedule.venue_columns import VenueColumnsDialog

    dialog = VenueColumnsDialog(sample_service.venues(), timetable.columns, timetable)
    names = [dialog.list.item(r).text() for r in range(dialog.list.count())]
    assert names[0] == shown_venue(sample_service, MAIN_STAGE)  # in the interface's language
    # Show the Mugyo-ro booth area and move the Music Cafe to the front.
    mugyo = names.index(shown_venue(sample_service, 3))
    dialog.list.item(mugyo).setCheckState(Qt.CheckState.Checked)
    cafe = names.index(shown_venue(sample_service, MUSIC_CAFE))
    dialog.list.setCurrentRow(cafe)
    for _ in range(cafe):
        dialog._move(-1)  # noqa: SLF001  # what the Up button does
    dialog.accept()
    timetable.reload()
    assert timetable.scene.geometry.venue_ids == (MUSIC_CAFE, MAIN_STAGE, 3, PARADE_ROUTE)


def test_dragging_near_the_bottom_edge_scrolls_the_view(
    timetable: TimetableWidget, stack: QUndoStack
) -> None:
    timetable.zoom_by(10)  # the day is taller than the view
    view = timetable.view
    bar = view.verticalScrollBar()
    bar.setValue(0)
    block = timetable.scene.blocks[OPENING]
    view.ensureVisible(block.sceneBoundingRect())
    before = bar.value()
    start = body_point(block)
    edge = view.mapToScene(QPoint(view.viewport().width() // 3, view.viewport().height() - 5))
    QTest.mousePress(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.mapFromScene(start),
    )
    QTest.mouseMove(view.viewport(), view.mapFromScene(edge))
    assert bar.value() > before
    # Escape lets go of the block: releasing the button then saves nothing.
    QTest.keyClick(view, Qt.Key.Key_Escape)
    QTest.mouseRelease(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.mapFromScene(edge),
    )
    assert stack.count() == 0
    assert block.pos().y() == timetable.scene.geometry.y(13 * 60 - 10)


def test_overlapping_items_stand_side_by_side(
    timetable: TimetableWidget, stack: QUndoStack
) -> None:
    scene = timetable.scene
    full = scene.blocks[OPENING].body_rect().width()
    scene.select_ids([10])  # Vietnamese traditional music, Music Cafe 13:10-13:30
    timetable.edits.nudge_selected(0, -2)  # onto the Main Stage, over the opening ceremony
    opening, vietnam = scene.blocks[OPENING], scene.blocks[10]
    assert (opening.lanes, vietnam.lanes) == (2, 2)
    assert {opening.lane, vietnam.lane} == {0, 1}
    assert opening.body_rect().width() < full / 2 + 1
    assert (
        not opening.sceneBoundingRect()
        .adjusted(2, 0, -2, 0)
        .intersects(vietnam.sceneBoundingRect().adjusted(2, 0, -2, 0))
    )
    # The next item on the stage does not overlap them: it keeps the whole width.
    assert scene.blocks[4].lanes == 1
    stack.undo()
    assert (opening.lanes, opening.body_rect().width()) == (1, full)


def test_a_click_on_the_venue_names_does_not_reach_a_block_under_them(
    timetable: TimetableWidget, stack: QUndoStack
) -> None:
    timetable.zoom_by(10)
    view = timetable.view
    block = timetable.scene.blocks[OPENING]
    middle = body_point(block)
    # Scroll so that the block's middle lies under the venue names.
    view.verticalScrollBar().setValue(
        view.verticalScrollBar().value() + view.mapFromScene(middle).y() - 20
    )
    under = view.mapFromScene(middle)
    assert 0 < under.y() < 44
    drag(timetable, middle, middle + QPointF(0, 60))
    assert not block.isSelected()
    assert stack.count() == 0


def test_a_read_only_file_shows_but_does_not_change(
    qtbot: QtBot, sample_service: FestivalService, settings: QSettings
) -> None:
    path = sample_service.db.path
    sample_service.close()
    service = FestivalService.open(path, read_only=True)
    try:
        stack = QUndoStack()
        timetable = TimetableWidget(service, stack, settings)
        qtbot.addWidget(timetable)
        timetable.resize(1200, 800)
        timetable.show()
        qtbot.waitExposed(timetable)
        block = timetable.scene.blocks[OPENING]
        start = body_point(block)
        drag(timetable, start, start + QPointF(0, 60 * timetable.scene.geometry.ppm))
        assert block.isSelected()  # it can be chosen and looked at
        QTest.keyClick(timetable.view, Qt.Key.Key_Down)
        assert timetable.message_label.text() == tr(
            "TimetableWidget", "This festival file is open read-only: nothing was changed."
        )
        assert stack.count() == 0
        assert service.get(ProgramItem, OPENING).start == time(13, 0)  # type: ignore[union-attr]
        assert not timetable.troupes_list.dragEnabled()
    finally:
        service.close()
