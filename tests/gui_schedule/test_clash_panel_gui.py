"""The clash panel and the grid's outlines follow every edit, undo and redo."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from festival_app.domain.clashes import ClashKind, clash_key
from festival_app.gui.clash_panel import REFRESH_DELAY_MS, ClashPanel
from festival_app.gui.schedule.widget import TimetableWidget
from festival_app.services import FestivalService
from tests.helpers.interface_language import fragment, tr
from tests.helpers.timetable import body_point, drag, reopened, shown_title, shown_venue

OPENING = 3  # day 1, Main Stage 13:00-13:30 (setup 10, teardown 5)
VIETNAM = 10  # day 1, Music Cafe 13:10-13:30
THAI = 20  # day 2, Main Stage 14:15-14:40
WEDDING_PARADE = 2  # day 1, Street Parade Route 16:00-16:30


def settle(qtbot: QtBot, panel: ClashPanel) -> None:
    """Wait, as a person would, until the panel has re-checked after the last edit."""
    assert panel.is_pending()  # the edit was noticed
    qtbot.waitUntil(lambda: not panel.is_pending(), timeout=5000)


def _errors(panel: ClashPanel) -> list[str]:
    return [c.message() for c in panel.clashes if c.severity == "error"]


def test_a_clash_made_by_dragging_appears_and_goes_away_after_undo(
    qtbot: QtBot,
    timetable: TimetableWidget,
    panel: ClashPanel,
    sample_service: FestivalService,
    stack: QUndoStack,
) -> None:
    assert panel.group_counts()["error"] == 0
    before = {c.key for c in panel.clashes}
    scene = timetable.scene
    severities = {i: b.severity for i, b in scene.blocks.items()}
    g = scene.geometry
    block = scene.blocks[VIETNAM]
    start = body_point(block)
    # From the Music Cafe onto the Main Stage at the same time: the opening ceremony is there.
    drag(timetable, start, QPointF(g.x(0) + g.column_width / 2, start.y()))
    saved = reopened(sample_service, VIETNAM)
    assert saved is not None and saved.venue_id == 1 and saved.start == time(13, 10)
    settle(qtbot, panel)
    assert panel.group_counts()["error"] >= 1
    errors = _errors(panel)
    opening = shown_title(sample_service, OPENING)
    assert any(shown_venue(sample_service, 1) in m and opening in m for m in errors), errors
    assert scene.blocks[VIETNAM].severity == "error"
    assert scene.blocks[OPENING].severity == "error"
    tip = scene.blocks[VIETNAM].tooltip()
    assert shown_title(sample_service, VIETNAM) in tip and opening in tip
    assert any(m in tip for m in errors)  # the clash's message, on hovering the block
    assert fragment("ClashPanel", "Errors ({count})") in panel.tree.topLevelItem(0).text(0)  # type: ignore[union-attr]

    stack.undo()
    assert {i: b.severity for i, b in scene.blocks.items()} == severities  # at once
    settle(qtbot, panel)
    assert panel.group_counts()["error"] == 0
    assert {c.key for c in panel.clashes} == before
    stack.redo()
    settle(qtbot, panel)
    assert panel.group_counts()["error"] >= 1
    assert scene.blocks[OPENING].severity == "error"


def test_a_too_short_changeover_is_a_warning_outlined_orange(
    qtbot: QtBot, timetable: TimetableWidget, panel: ClashPanel, stack: QUndoStack
) -> None:
    def changeovers() -> list[str]:
        return [
            str(c.severity)
            for c in panel.clashes
            if WEDDING_PARADE in c.item_ids and c.kind == "venue_changeover"
        ]

    assert changeovers() == []
    assert timetable.scene.blocks[WEDDING_PARADE].severity is None
    timetable.scene.select_ids([WEDDING_PARADE])
    # 16:00 to 13:00: 10 minutes after the pre-ceremony parade; the route needs 15.
    timetable.edits.nudge_selected(-180, 0)
    settle(qtbot, panel)
    assert changeovers() == ["warning"]
    assert timetable.scene.blocks[WEDDING_PARADE].severity == "warning"
    stack.undo()
    settle(qtbot, panel)
    assert changeovers() == []
    assert timetable.scene.blocks[WEDDING_PARADE].severity is None


def test_clicking_a_clash_selects_its_items_on_their_day(
    qtbot: QtBot,
    timetable: TimetableWidget,
    panel: ClashPanel,
    sample_service: FestivalService,
    stack: QUndoStack,
) -> None:
    # A clash on Sunday while Saturday is shown: Thai dance moved onto the Music Cafe before
    # it opens (13:00).
    timetable.set_day(2)
    timetable.scene.select_ids([THAI])
    timetable.edits.nudge_selected(-90, 2)  # 12:45, the cafe opens at 13:00
    assert reopened(sample_service, THAI).venue_id == 6  # type: ignore[union-attr]
    timetable.set_day(1)
    settle(qtbot, panel)
    rows = [r for r in panel.rows() if THAI in (r.data(0, Qt.ItemDataRole.UserRole + 1) or [])]
    assert rows, [r.text(0) for r in panel.rows()]
    panel.tree.setCurrentItem(rows[0])
    panel.tree.itemClicked.emit(rows[0], 0)
    assert timetable.scene.day is not None and timetable.scene.day.id == 2
    assert THAI in timetable.scene.selected_ids()
    block = timetable.scene.blocks[THAI]
    seen = timetable.view.visible_scene_rect()
    assert seen.intersects(block.sceneBoundingRect())


def test_acknowledging_is_undoable_and_never_hides_the_clash(
    qtbot: QtBot,
    timetable: TimetableWidget,
    panel: ClashPanel,
    sample_service: FestivalService,
    stack: QUndoStack,
) -> None:
    timetable.scene.select_ids([VIETNAM])
    timetable.edits.nudge_selected(0, -2)  # onto the Main Stage, over the opening ceremony
    settle(qtbot, panel)
    clash = next(c for c in panel.clashes if c.severity == "error")
    count = len(panel.clashes)
    assert panel.acknowledge(clash.key, "MC fills the gap; agreed with the stage manager")
    assert stack.undoText() == tr("ClashPanel", "Acknowledge clash")
    assert sample_service.acknowledgements() == {
        clash.key: "MC fills the gap; agreed with the stage manager"
    }
    settle(qtbot, panel)
    assert len(panel.clashes) == count  # still listed
    shown = next(c for c in panel.clashes if c.key == clash.key)
    assert shown.acknowledged
    row = next(r for r in panel.rows() if r.data(0, Qt.ItemDataRole.UserRole) == clash.key)
    acknowledged = fragment("ClashPanel", "{message} — acknowledged: {reason}")
    assert acknowledged in row.text(0) and row.font(0).italic()
    assert timetable.scene.blocks[VIETNAM].acknowledged

    panel.tree.setCurrentItem(row)
    panel.unacknowledge_current()
    assert sample_service.acknowledgements() == {}
    stack.undo()  # the take-back
    assert clash.key in sample_service.acknowledgements()
    stack.undo()  # the acknowledgement
    assert sample_service.acknowledgements() == {}
    settle(qtbot, panel)
    assert not next(c for c in panel.clashes if c.key == clash.key).acknowledged


def test_an_empty_reason_is_refused(panel: ClashPanel, stack: QUndoStack) -> None:
    assert not panel.acknowledge(clash_key(ClashKind.VENUE_OVERLAP, [1, 2]), "   ")
    assert stack.count() == 0
    assert panel.summary.text() == tr("Validation", "Say why this clash is acceptable.")


def test_a_hidden_panel_checks_when_shown_again(
    qtbot: QtBot, timetable: TimetableWidget, panel: ClashPanel
) -> None:
    panel.hide()
    timetable.scene.select_ids([VIETNAM])
    timetable.edits.nudge_selected(0, -2)  # a venue double booking
    qtbot.wait(REFRESH_DELAY_MS + 100)
    assert not _errors(panel)  # hidden: not checked yet
    assert timetable.scene.blocks[VIETNAM].severity == "error"  # the grid knows at once
    panel.show()
    qtbot.waitUntil(lambda: bool(_errors(panel)), timeout=5000)
