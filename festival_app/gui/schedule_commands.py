"""Undo commands for the timetable's clash decisions: acknowledging a clash and taking
an acknowledgement back. Undo puts the acknowledgement back exactly as it was."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from festival_app import clash_checks
from festival_app.domain.clashes import Acknowledgement
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
            self.previous = clash_checks.acknowledgement(self.service, self.key)
            self._first_redo()
            self.after = clash_checks.acknowledgement(self.service, self.key)
            self._done_once = True
        else:
            clash_checks.restore(self.service, self.key, self.after)

    def undo(self) -> None:
        clash_checks.restore(self.service, self.key, self.previous)


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
