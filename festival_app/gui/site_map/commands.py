"""Undo commands of the site map editor. Most edits are batches (`BatchCommand` runs a
`site_plan` use case and keeps its ChangeLog); deleting spaces keeps what it removed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from festival_app import site_plan
from festival_app.domain.site_map import BoothSpace
from festival_app.gui.commands import rereads_when_stale
from festival_app.services import FestivalService


class DeleteSpacesCommand(QUndoCommand):
    """Delete spaces; their booths go back to the unplaced booths. Undo puts all back."""

    def __init__(self, service: FestivalService, spaces: Sequence[BoothSpace], text: str) -> None:
        super().__init__(text)
        self.service = service
        self.spaces = list(spaces)
        self.deletion: site_plan.SpaceDeletion | None = None

    def redo(self) -> None:
        with rereads_when_stale(self.service):
            if self.deletion is None:
                self.deletion = site_plan.delete_spaces(self.service, self.spaces)
            else:
                site_plan.redo_delete(self.service, self.deletion)

    def undo(self) -> None:
        assert self.deletion is not None
        with rereads_when_stale(self.service):
            site_plan.undo_delete(self.service, self.deletion)
