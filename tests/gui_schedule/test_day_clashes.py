"""The grid's quick re-check after one item moved finds exactly what a full check finds."""

from __future__ import annotations

import random
from dataclasses import replace

from PySide6.QtGui import QUndoStack

from festival_app import clash_checks
from festival_app.domain.clashes import ClashKind, clash_key
from festival_app.domain.program import ProgramItem
from festival_app.gui.commands import SaveRecordCommand, push
from festival_app.gui.models.base import language
from festival_app.gui.schedule.widget import TimetableWidget
from festival_app.services import FestivalService


def _full(service: FestivalService, day_id: int) -> set[tuple[str, str, bool]]:
    checked = clash_checks.check(service, day_id, language())  # named as the grid names them
    return {(c.key, c.message(), c.acknowledged) for c in checked}


def _quick(timetable: TimetableWidget) -> set[tuple[str, str, bool]]:
    return {(c.key, c.message(), c.acknowledged) for c in timetable.clashes}


def test_quick_recheck_matches_a_full_check_over_random_moves(
    timetable: TimetableWidget, sample_service: FestivalService, stack: QUndoStack
) -> None:
    # Give two Saturday items the same troupe, so troupe clashes take part too.
    item = sample_service.get(ProgramItem, 10)
    assert item is not None
    push(stack, SaveRecordCommand(sample_service, replace(item, troupe_id=15), "Same troupe"))
    clash_checks.acknowledge(sample_service, clash_key(ClashKind.VENUE_OVERLAP, [3, 4]), "known")
    rng = random.Random(7)
    ids = [i.id for i in sample_service.program(1) if i.id is not None]
    moves = 0
    for _ in range(60):
        item_id = rng.choice(ids)
        timetable.scene.select_ids([item_id])
        before = stack.count()
        timetable.edits.nudge_selected(
            rng.choice([-30, -10, -5, 5, 10, 30]), rng.choice([-1, 0, 1])
        )
        moves += stack.count() - before
        assert _quick(timetable) == _full(sample_service, 1)
        marked = {i for i, b in timetable.scene.blocks.items() if b.severity}
        expected = {
            i
            for c in clash_checks.check(sample_service, 1)
            if c.severity in ("error", "warning")
            for i in c.item_ids
        }
        assert marked == expected & set(timetable.scene.blocks)
    assert moves > 20  # most moves were made, not refused
    while stack.canUndo():
        stack.undo()
        assert _quick(timetable) == _full(sample_service, 1)
