"""What the status bar says after every edit, in one place.

The window's QUndoStack tells when a step was done, undone or redone (`indexChanged`);
`EditFeedback` then shows one sentence in the festival's words: "Booth P-75 added",
"Troupe 'Busan Drummers' changed", "2 booths deleted", "Import: 3 created, 1 changed",
"Undone: Add booth 'P-75'". A step may carry its own sentence as `done_text`; steps this
module does not know are named by their undo text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QStatusBar

from festival_app.domain.booths import Booth
from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue
from festival_app.gui.commands import DeleteRecordsCommand, SaveRecordCommand
from festival_app.gui.models.base import language
from festival_app.i18n import QT_TRANSLATE_NOOP as N

SHOWN_MS = 10_000  # how long a message stays in the status bar

# {0}: the record's name (a booth's code), as the section's undo texts name it.
ADDED = {
    Booth: N("Feedback", "Booth {0} added"),
    Troupe: N("Feedback", "Troupe '{0}' added"),
    Venue: N("Feedback", "Venue '{0}' added"),
    ProgramItem: N("Feedback", "Program item '{0}' added"),
    FestivalDay: N("Feedback", "Day {0} added"),
}
CHANGED = {
    Booth: N("Feedback", "Booth {0} changed"),
    Troupe: N("Feedback", "Troupe '{0}' changed"),
    Venue: N("Feedback", "Venue '{0}' changed"),
    ProgramItem: N("Feedback", "Program item '{0}' changed"),
    FestivalDay: N("Feedback", "Day {0} changed"),
}
DELETED_ONE = {
    Booth: N("Feedback", "Booth {0} deleted"),
    Troupe: N("Feedback", "Troupe '{0}' deleted"),
    Venue: N("Feedback", "Venue '{0}' deleted"),
    ProgramItem: N("Feedback", "Program item '{0}' deleted"),
    FestivalDay: N("Feedback", "Day {0} deleted"),
}
DELETED_MANY = {
    Booth: N("Feedback", "{0} booths deleted"),
    Troupe: N("Feedback", "{0} troupes deleted"),
    Venue: N("Feedback", "{0} venues deleted"),
    ProgramItem: N("Feedback", "{0} program items deleted"),
    FestivalDay: N("Feedback", "{0} days deleted"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Feedback", text)


def record_name(record: Any, lang: str | None = None) -> str:
    """A record as the messages name it: a booth by its code (else what it is), a troupe,
    venue or program item by its name in the interface's language, a day by its date."""
    lang = lang or language()
    if isinstance(record, Booth):
        return record.code or record.label(lang)
    if isinstance(record, Troupe):
        return record.display_name(lang)
    if isinstance(record, Venue):
        return record.name(lang)
    if isinstance(record, ProgramItem):
        return record.title(lang)
    if isinstance(record, FestivalDay):
        from festival_app.gui.dates import format_date

        return format_date(record.date)
    return str(record)


def _kind_text(texts: dict[type, str], kind: type) -> str | None:
    text = texts.get(kind)
    return QCoreApplication.translate("Feedback", text) if text is not None else None


def describe(command: QUndoCommand) -> str:
    """What a step that was just done (or redone) did, as one sentence."""
    done = getattr(command, "done_text", "")
    if done:
        return str(done)
    if isinstance(command, SaveRecordCommand) and command.log is not None:
        record = command.stored()
        texts = ADDED if command.record.id is None else CHANGED
        template = _kind_text(texts, type(record))
        if template is not None:
            return template.format(record_name(record))
    if isinstance(command, DeleteRecordsCommand) and command.removal is not None:
        if len(command.ids) == 1:
            removal = command.removal
            lists: list[list[Any]] = [
                removal.days,
                removal.venues,
                removal.troupes,
                removal.program,
                removal.booths,
            ]
            found = [
                r
                for rs in lists
                for r in rs
                if type(r) is command.record_type and r.id in command.ids
            ]
            template = _kind_text(DELETED_ONE, command.record_type)
            if found and template is not None:
                return template.format(record_name(found[0]))
        template = _kind_text(DELETED_MANY, command.record_type)
        if template is not None:
            return template.format(len(command.ids))
    return _tr("Done: {0}").format(command.text())


class EditFeedback(QObject):
    """Shows in the status bar what each step of `stack` did when it is done, undone or
    redone. Clearing the stack (a restore, closing) says nothing."""

    def __init__(self, stack: QUndoStack, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self.stack = stack
        self.status_bar = status_bar
        self.index = stack.index()
        stack.indexChanged.connect(self._index_changed)

    def _index_changed(self, index: int) -> None:
        previous, self.index = self.index, index
        if self.stack.count() == 0:  # cleared
            return
        if index >= previous and index > 0:  # done, redone, or merged into the top step
            command = self.stack.command(index - 1)
            message = describe(command) if command is not None else ""
        elif index < previous:
            command = self.stack.command(index)
            message = _tr("Undone: {0}").format(command.text()) if command is not None else ""
        else:
            return
        if message:
            self.status_bar.showMessage(message, SHOWN_MS)


__all__ = ["EditFeedback", "describe", "record_name"]
