"""The printed-baseline mark as an undoable edit (a release itself is never changed, so
releasing is not on the undo stack; the mark is the one thing about releases that moves)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from festival_app import releasing
from festival_app.services import FestivalService


class MarkPrintedCommand(QUndoCommand):
    """Make release `name` the printed baseline (None: no release is); undo puts the mark
    back where it was. Either is refused when someone else moved the mark meanwhile."""

    def __init__(self, service: FestivalService, name: str | None, text: str) -> None:
        super().__init__(text)
        self.service = service
        self.name = name
        before = releasing.baseline(service)
        self.before = before.name if before is not None else None

    def redo(self) -> None:
        releasing.move_printed(self.service, self.name, was=self.before)

    def undo(self) -> None:
        releasing.move_printed(self.service, self.before, was=self.name)
