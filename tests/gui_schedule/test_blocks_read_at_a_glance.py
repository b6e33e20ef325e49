"""What a block shows and what is left on the grid after a clash is undone."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from festival_app.domain.program import ProgramItem
from festival_app.gui.clash_panel import ClashPanel
from festival_app.gui.schedule.widget import TimetableWidget
from festival_app.services import FestivalService
from festival_app.timetable.layout import DEFAULT_ZOOM, ZOOM_LEVELS
from tests.helpers.timetable import body_point, drag

OPENING = 3  # day 1, Main Stage 13:00-13:30
VIETNAM = 10  # day 1, Music Cafe 13:10-13:30


def _shows(line: str, name: str) -> bool:
    """The line holds the name, whole or cut with "…" at the block's edge."""
    if name in line:
        return True
    shown = line.rstrip("…").rstrip()
    return line.endswith("…") and any(
        name.startswith(shown[i:]) for i in range(len(shown)) if len(shown) - i >= 4
    )


def test_a_20_minute_block_names_its_troupe(
    timetable: TimetableWidget, sample_service: FestivalService
) -> None:
    assert timetable.zoom_level() == ZOOM_LEVELS[DEFAULT_ZOOM]
    names = {t.id: t.display_name(timetable.language) for t in sample_service.troupes()}
    short = [
        i
        for i in sample_service.program(1)
        if i.end_min - i.start_min == 20 and i.troupe_id is not None
    ]
    assert short
    for item in short:
        assert item.id is not None
        timetable.scene.select_ids([item.id])  # made if it was not in sight yet
        block = timetable.scene.blocks[item.id]
        lines = block.text_lines()
        assert len(lines) >= 2, lines
        assert item.troupe_id is not None
        troupe = names[item.troupe_id]
        assert any(_shows(line, troupe) for line in lines), (troupe, lines)
        assert any(line.startswith(f"{item.start:%H:%M}") for line in lines)
        title = item.title(timetable.language)
        assert any(_shows(line, title) or title[:6] in line for line in lines), (title, lines)


def test_a_block_of_one_line_starts_with_its_time(
    timetable: TimetableWidget, sample_service: FestivalService
) -> None:
    item = sample_service.get(ProgramItem, VIETNAM)
    assert item is not None and item.troupe_id is not None
    timetable.zoom_by(-10)  # the smallest zoom: 20 minutes are one line
    block = timetable.scene.blocks[VIETNAM]
    lines = block.text_lines()
    assert len(lines) == 1
    assert lines[0].startswith("13:10")


def test_after_undoing_a_clash_no_block_stays_outlined(
    qtbot: QtBot,
    timetable: TimetableWidget,
    panel: ClashPanel,
    stack: QUndoStack,
) -> None:
    """Drag onto another item, click the clash in the panel (it selects both), undo: the
    clash is gone, and so are both outlines (its own and the selection it made)."""
    scene = timetable.scene
    g = scene.geometry
    start = body_point(scene.blocks[VIETNAM])
    drag(timetable, start, QPointF(g.x(0) + g.column_width / 2, start.y()))
    qtbot.waitUntil(lambda: not panel.is_pending(), timeout=5000)
    assert scene.blocks[OPENING].severity == "error"
    rows = [
        r
        for r in panel.rows()
        if {OPENING, VIETNAM} <= set(r.data(0, Qt.ItemDataRole.UserRole + 1) or ())
    ]
    assert rows
    panel.tree.setCurrentItem(rows[0])
    panel.tree.itemClicked.emit(rows[0], 0)
    assert set(scene.selected_ids()) == {OPENING, VIETNAM}

    stack.undo()
    outlined = {i for i, b in scene.blocks.items() if b.severity or b.isSelected()}
    assert outlined == set()

    stack.redo()  # the clash is back: outlined again, by the check
    assert scene.blocks[OPENING].severity == "error"
    assert scene.blocks[VIETNAM].severity == "error"


def test_a_selection_made_by_hand_stays_after_an_undo(
    qtbot: QtBot, timetable: TimetableWidget, stack: QUndoStack
) -> None:
    scene = timetable.scene
    g = scene.geometry
    start = body_point(scene.blocks[VIETNAM])
    drag(timetable, start, QPointF(g.x(0) + g.column_width / 2, start.y()))
    scene.select_ids([OPENING, VIETNAM])  # selected on the grid, not from a clash
    stack.undo()
    assert set(scene.selected_ids()) == {OPENING, VIETNAM}
