"""One QUndoCommand per kind of edit. Every change to the festival goes through these.

A command's first redo() does the work when pushed; a failure there (a validation error,
a full disk) propagates from `push`, so the caller can tell the user, and the command is
not left on the stack. A later undo or redo that fails with a user error (a full disk, a
record changed elsewhere) is told in a message and the history starts afresh, since it
no longer matches the file; anything else raised there is a bug for the crash dialog.

Records carry the row version they were read with; a command whose records were changed
elsewhere since (another program or window) is refused with StaleRecordError and writes
nothing. The views are then told to read the file again, so that they show the records
as they are now, before the error goes on to be shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from festival_app.domain.errors import UserError
from festival_app.domain.festival import Festival
from festival_app.domain.record_rules import Record
from festival_app.services import ChangeLog, FestivalService, Removal
from festival_app.store.errors import StaleRecordError


@contextmanager
def rereads_when_stale(service: FestivalService) -> Iterator[None]:
    """Let a StaleRecordError (also as the cause of another error, as an import's) pass
    on, after telling every view to read the file again: what they show is out of date."""
    try:
        yield
    except Exception as exc:
        if isinstance(exc, StaleRecordError) or isinstance(exc.__cause__, StaleRecordError):
            service.reread()
        raise


class BatchCommand(QUndoCommand):
    """Several saves as one step (paste, duplicate, an import)."""

    def __init__(self, service: FestivalService, work: Callable[[], object], text: str) -> None:
        super().__init__(text)
        self.service = service
        self.work = work
        self.log: ChangeLog | None = None

    def redo(self) -> None:
        with rereads_when_stale(self.service):
            if self.log is None:
                with self.service.batch() as log:
                    self.work()
                self.log = log
            else:
                self.service.reapply(self.log)

    def undo(self) -> None:
        assert self.log is not None
        with rereads_when_stale(self.service):
            self.service.revert(self.log)


class SaveRecordCommand(BatchCommand):
    """Add or change one record ("Add booth", "Move 'Opening ceremony'")."""

    def __init__(self, service: FestivalService, record: Record, text: str) -> None:
        super().__init__(service, lambda: service.save(record), text)  # type: ignore[type-var]
        self.record = record

    def stored(self) -> Record:
        """The record as saved (with its id once inserted, and its row version as the
        last run of this command left it)."""
        assert self.log is not None and self.log.changes
        stored = self.log.changes[-1][1]
        assert not isinstance(stored, Festival)
        return stored


class DeleteRecordsCommand(QUndoCommand):
    """Delete records and what depends on them; undo puts all of it back.

    `records` are the records as the view read them (refused when one was changed
    elsewhere since), or their ids (deleted whatever they hold now).
    """

    def __init__(
        self,
        service: FestivalService,
        record_type: type[Record],
        records: Iterable[int | Record],
        text: str,
        *,
        keep_items: bool = False,
    ) -> None:
        super().__init__(text)
        self.service = service
        self.record_type = record_type
        self.records: list[int | Record] = list(records)
        self.ids = [r if isinstance(r, int) else r.id for r in self.records]
        self.keep_items = keep_items
        self.removal: Removal | None = None

    def redo(self) -> None:
        with rereads_when_stale(self.service):
            if self.removal is None:
                self.removal = self.service.delete(
                    self.record_type, self.records, keep_items=self.keep_items
                )
            else:  # after an undo: the records as the undo put them back
                self.removal = self.service.delete_again(
                    self.record_type, self.removal, keep_items=self.keep_items
                )

    def undo(self) -> None:
        assert self.removal is not None
        with rereads_when_stale(self.service):
            self.service.undelete(self.removal)


class UpdateFestivalCommand(QUndoCommand):
    """Change the festival's name or settings.

    `done_text` is what the status bar says once it is done ("Festival notes changed");
    the window's feedback reads it (see `festival_app.gui.feedback`)."""

    def __init__(
        self, service: FestivalService, festival: Festival, text: str, done_text: str = ""
    ) -> None:
        super().__init__(text)
        self.service = service
        self.new = festival
        self.old: Festival | None = None
        self.done_text = done_text

    def redo(self) -> None:
        self.old = self.service.update_festival(self.new)

    def undo(self) -> None:
        assert self.old is not None
        self.service.update_festival(self.old)


def push(stack: QUndoStack, command: QUndoCommand) -> None:
    """Push `command`, running it; if its first run fails, it is not kept on the stack.

    QUndoStack.push() calls redo() first; an exception escapes from there. The stack then
    already holds the command, so it is removed again by undoing the index bump without
    running undo (nothing was written: every service write is one transaction).
    """
    failure: list[BaseException] = []
    original_redo = command.redo

    def guarded_redo() -> None:
        try:
            original_redo()
        except BaseException as exc:
            failure.append(exc)
            command.setObsolete(True)

    command.redo = guarded_redo  # type: ignore[method-assign]
    stack.push(command)
    command.redo = original_redo  # type: ignore[method-assign]
    if failure:
        raise failure[0]
    _tell_later_failures(stack, command)


def _tell_later_failures(stack: QUndoStack, command: QUndoCommand) -> None:
    """Undo and Redo of `command` tell a user error instead of raising it."""

    def guarded(run: Callable[[], None]) -> Callable[[], None]:
        def step() -> None:
            try:
                run()
            except UserError as exc:
                error = exc
                # The stack has stepped already and cannot be cleared from inside its
                # own step: right after it.
                QTimer.singleShot(0, stack, lambda: tell_failed_step(stack, error))

        return step

    command.undo = guarded(command.undo)  # type: ignore[method-assign]
    command.redo = guarded(command.redo)  # type: ignore[method-assign]


def _tr(text: str) -> str:
    return QCoreApplication.translate("UndoFailure", text)


def tell_failed_step(stack: QUndoStack, error: UserError) -> None:
    """An undo or redo was refused (nothing was written): say why, and clear the history,
    which no longer matches the file."""
    stack.clear()
    parent = stack.parent()
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _tr("Festival file"),
        error.message(),
        QMessageBox.StandardButton.Ok,
        parent if isinstance(parent, QWidget) else None,
    )
    box.setInformativeText(
        _tr(
            "Nothing was lost: the file is as it was before this step. The undo "
            "history was cleared because it no longer matches the file."
        )
    )
    box.exec()
