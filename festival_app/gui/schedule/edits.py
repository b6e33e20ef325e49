"""The edits made on the timetable: move, change length, nudge, delete, copy, paste,
duplicate and schedule a dropped troupe. Each is one undo step; a refused one is said in
the timetable's message line and the grid shows the file as it is."""

from __future__ import annotations

import weakref
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QPointF
from PySide6.QtGui import QUndoCommand, QUndoStack
from shiboken6 import isValid

from festival_app.domain.errors import UserError
from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ItemKind, ItemStatus, ProgramItem
from festival_app.domain.times import from_minutes
from festival_app.domain.troupes import Troupe
from festival_app.gui.commands import BatchCommand, DeleteRecordsCommand, SaveRecordCommand, push
from festival_app.gui.schedule.scene import TimetableScene
from festival_app.gui.schedule.view import DEFAULT_LENGTH
from festival_app.gui.schedule_commands import MoveItemCommand
from festival_app.services import FestivalService


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimetableWidget", text)


class EditsHost(Protocol):
    """What the edits use of the timetable widget."""

    @property
    def service(self) -> FestivalService: ...

    @property
    def undo_stack(self) -> QUndoStack: ...

    @property
    def scene(self) -> TimetableScene: ...

    @property
    def language(self) -> str: ...

    def current_day(self) -> FestivalDay | None: ...

    def troupe(self, troupe_id: int) -> Troupe | None: ...

    def refresh_program(self) -> None: ...

    def show_message(self, text: str) -> None: ...

    def expect(self, change: tuple[ProgramItem, ProgramItem] | None) -> None:
        """The next change heard is this move of one item, written by the widget."""
        ...


class TimetableEdits(QObject):
    """The edits of one timetable widget (`host`, also the QObject parent)."""

    def __init__(self, host: EditsHost, parent: QObject) -> None:
        super().__init__(parent)
        self.host = host
        self.clipboard: list[ProgramItem] = []

    def _push(self, command: QUndoCommand) -> bool:
        if self.host.service.read_only:
            self.host.show_message(
                _tr("This festival file is open read-only: nothing was changed.")
            )
            self.host.refresh_program()
            return False
        try:
            push(self.host.undo_stack, command)
        except UserError as exc:
            self.host.show_message(exc.message())
            self.host.refresh_program()  # put any dragged block back
            return False
        return True

    def _move_command(self, after: ProgramItem, text: str) -> QUndoCommand:
        """One undo step moving one item; the grid follows it without reading the day."""
        assert after.id is not None
        before = self.host.scene.item(after.id)
        if before is None:
            return SaveRecordCommand(self.host.service, after, text)
        ref = weakref.ref(self.host)

        def announce(change: tuple[ProgramItem, ProgramItem] | None) -> None:
            widget = ref()
            if widget is not None and isValid(widget):
                widget.expect(change)

        return MoveItemCommand(self.host.service, before, after, text, announce)

    def _title(self, item: ProgramItem) -> str:
        return item.title(self.host.language)

    def change_requested(
        self, item_id: int, venue_id: int, start: int, end: int, mode: str
    ) -> None:
        item = self.host.scene.item(item_id)
        if item is None:
            return
        moved = replace(
            item, venue_id=venue_id, start=from_minutes(start), end=from_minutes(end % 1440)
        )
        if end >= 24 * 60:
            self.host.show_message(_tr("An item must end before midnight."))
            self.host.refresh_program()
            return
        if mode == "resize":
            text = _tr("Change length of '{title}'").format(title=self._title(item))
        else:
            text = _tr("Move '{title}'").format(title=self._title(item))
        self._push(self._move_command(moved, text))

    def nudge_selected(self, minutes: int, columns: int) -> None:
        """Move the selected items by `minutes` and by `columns` venues, as one step."""
        geometry = self.host.scene.geometry
        moved: list[ProgramItem] = []
        for item_id in self.host.scene.selected_ids():
            item = self.host.scene.item(item_id)
            if item is None:
                continue
            column = geometry.column_of(item.venue_id)
            target = None if column is None else column + columns
            venue_id = (
                geometry.venue_ids[target]
                if target is not None and 0 <= target < len(geometry.venue_ids)
                else None
            )
            start, end = item.start_min + minutes, item.end_min + minutes
            problem = self.host.scene.check_target(venue_id, start, end)
            if problem is not None:
                self.host.show_message(problem)
                return
            assert venue_id is not None
            moved.append(
                replace(item, venue_id=venue_id, start=from_minutes(start), end=from_minutes(end))
            )
        if not moved:
            return
        if len(moved) == 1:
            text = _tr("Move '{title}'").format(title=self._title(moved[0]))
            self._push(self._move_command(moved[0], text))
        else:
            text = _tr("Move {count} items").format(count=len(moved))
            self._push(
                BatchCommand(
                    self.host.service, lambda: [self.host.service.save(m) for m in moved], text
                )
            )
        self.host.scene.select_ids([m.id for m in moved if m.id is not None])

    def delete_selected(self) -> None:
        ids = self.host.scene.selected_ids()
        if not ids:
            return
        if len(ids) == 1:
            item = self.host.scene.item(ids[0])
            text = _tr("Delete '{title}'").format(title=self._title(item) if item else "")
        else:
            text = _tr("Delete {count} items").format(count=len(ids))
        # The items as shown, with their row versions: one changed elsewhere is refused.
        shown: list[int | ProgramItem] = [self.host.scene.item(i) or i for i in ids]
        self._push(DeleteRecordsCommand(self.host.service, ProgramItem, shown, text))

    def copy_selected(self) -> None:
        self.clipboard = [i for i in map(self.host.scene.item, self.host.scene.selected_ids()) if i]
        if self.clipboard:
            self.host.show_message(
                _tr("{count} item(s) copied; paste them on any day.").format(
                    count=len(self.clipboard)
                )
            )

    def paste(self) -> None:
        """Paste the copied items at the same times and venues on the shown day."""
        day = self.host.current_day()
        if not self.clipboard or day is None or day.id is None:
            return
        copies = [replace(i, id=None, day_id=day.id) for i in self.clipboard]
        text = _tr("Paste {count} items").format(count=len(copies))
        self._save_copies(copies, text)

    def duplicate_selected(self, day_id: int | None) -> None:
        """Duplicate the selected items: on another day at the same time, or on the same
        day right after the original."""
        items = [i for i in map(self.host.scene.item, self.host.scene.selected_ids()) if i]
        if not items:
            return
        copies: list[ProgramItem] = []
        for item in items:
            if day_id is not None and day_id != item.day_id:
                copies.append(replace(item, id=None, day_id=day_id))
                continue
            length = item.end_min - item.start_min
            start = item.busy_until + item.setup_min
            problem = self.host.scene.check_target(item.venue_id, start, start + length)
            if problem is not None:
                self.host.show_message(problem)
                return
            copies.append(
                replace(item, id=None, start=from_minutes(start), end=from_minutes(start + length))
            )
        if len(copies) == 1:
            text = _tr("Duplicate '{title}'").format(title=self._title(copies[0]))
        else:
            text = _tr("Duplicate {count} items").format(count=len(copies))
        self._save_copies(copies, text)

    def _save_copies(self, copies: list[ProgramItem], text: str) -> None:
        command = BatchCommand(
            self.host.service, lambda: [self.host.service.save(c) for c in copies], text
        )
        if self._push(command) and command.log is not None:
            self.host.scene.select_ids(r.id for r in command.log.created() if r.id is not None)

    def drop_troupe(self, troupe_id: int, scene_pos: QPointF) -> None:
        """Create an item for the troupe where it was dropped (30 minutes, confirmed)."""
        day = self.host.current_day()
        troupe = self.host.troupe(troupe_id)
        if day is None or day.id is None or troupe is None:
            return
        geometry = self.host.scene.geometry
        venue_id = geometry.venue_at(scene_pos.x())
        start = geometry.snapped_minute_at(scene_pos.y())
        problem = self.host.scene.check_target(venue_id, start, start + DEFAULT_LENGTH)
        if problem is not None:
            self.host.show_message(problem)
            return
        assert venue_id is not None
        item = ProgramItem(
            day_id=day.id,
            venue_id=venue_id,
            start=from_minutes(start),
            end=from_minutes(start + DEFAULT_LENGTH),
            title_en=troupe.name,
            title_ko=troupe.name_ko,
            kind=ItemKind.PERFORMANCE,
            troupe_id=troupe.id,
            status=ItemStatus.CONFIRMED,
        )
        text = _tr("Schedule '{name}'").format(name=troupe.display_name(self.host.language))
        command = SaveRecordCommand(self.host.service, item, text)
        if self._push(command):
            stored = command.stored()
            if stored.id is not None:
                self.host.scene.select_ids([stored.id])


__all__ = ["EditsHost", "TimetableEdits"]
