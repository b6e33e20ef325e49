"""Undo commands of the timetable: moving an item, acknowledging a clash and taking an
acknowledgement back. Undo puts the file back exactly as it was."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from festival_app import clash_checks
from festival_app.domain.clashes import Acknowledgement
from festival_app.domain.program import ProgramItem
from festival_app.gui.commands import SaveRecordCommand
from festival_app.services import FestivalService


class _AcknowledgementCommand(QUndoCommand):
    def __init__(self, service: FestivalService, key: str, text: str) -> None:
        super().__init__(text)
        self.service = service
        self.key = key
        self.previous: Acknowledgement | None = None
        self.after: Acknowledgement | None = None
        self._done_once = False

    def _first_redo(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if not self._done_once:
            self.previous = self.service.acknowledgement(self.key)
            self._first_redo()
            self.after = self.service.acknowledgement(self.key)
            self._done_once = True
        else:
            clash_checks.put_back(self.service, self.key, self.after)

    def undo(self) -> None:
        clash_checks.put_back(self.service, self.key, self.previous)


class AcknowledgeClashCommand(_AcknowledgementCommand):
    """Accept a clash for a reason ("Acknowledge clash")."""

    def __init__(self, service: FestivalService, key: str, reason: str, text: str) -> None:
        super().__init__(service, key, text)
        self.reason = reason

    def _first_redo(self) -> None:
        clash_checks.acknowledge(self.service, self.key, self.reason)


class UnacknowledgeClashCommand(_AcknowledgementCommand):
    """Take back the acknowledgement of a clash."""

    def _first_redo(self) -> None:
        clash_checks.unacknowledge(self.service, self.key)


class MoveItemCommand(SaveRecordCommand):
    """Move or resize one program item ("Move 'Opening ceremony'").

    Before each run it tells the timetable which item changes from what to what (`announce`),
    so that the grid shows the change, redo and undo alike, without reading the whole day
    again. `announce(None)` afterwards ends that notice.
    """

    def __init__(
        self,
        service: FestivalService,
        before: ProgramItem,
        after: ProgramItem,
        text: str,
        announce: Callable[[tuple[ProgramItem, ProgramItem] | None], None],
    ) -> None:
        super().__init__(service, after, text)
        self.before = before
        self.after = after
        self.announce = announce

    def redo(self) -> None:
        self.announce((self.before, self.after))
        try:
            super().redo()
        finally:
            self.announce(None)

    def undo(self) -> None:
        self.announce((self.after, self.before))
        try:
            super().undo()
        finally:
            self.announce(None)
