"""A save refused because someone else changed the record meanwhile: the person is told
who changed it and when, and chooses to keep theirs (the views read it again) or to
apply their own version on top of it, knowingly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox, QWidget

from festival_app.gui.commands import SaveRecordCommand
from festival_app.gui.models.base import language
from festival_app.imports import describe
from festival_app.services import FestivalService, Record
from festival_app.store.errors import StaleRecordError

_LONGEST = 60  # characters of a value in the list of fields that differ
_BEFORE_THE_DIFFERENCE = 20  # characters shown before where two long values differ


def _tr(text: str) -> str:
    return QCoreApplication.translate("MineOnTop", text)


def offer_mine_on_top(
    parent: QWidget | None, service: FestivalService, mine: Record, refused: StaleRecordError
) -> Record | None:
    """Ask whether to apply `mine` on top of the record as it is now; the record to save
    again (mine, over the version the file has now), or None to keep theirs. A record
    deleted elsewhere is not offered: there is nothing to apply it on top of."""
    if refused.deleted or mine.id is None:
        return None
    current = service.current(mine)
    if current is None:
        return None
    box = QMessageBox(
        QMessageBox.Icon.Warning, _tr("Changed elsewhere"), refused.message(), parent=parent
    )
    box.setInformativeText(_choices(service, current, mine))
    keep = box.addButton(_tr("Keep theirs"), QMessageBox.ButtonRole.RejectRole)
    apply = box.addButton(_tr("Apply mine on top"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(keep)
    box.exec()
    if box.clickedButton() is not apply:
        return None
    return replace(mine, row_version=current.row_version)


def _choices(service: FestivalService, theirs: Record, mine: Record) -> str:
    """What each answer does, with every field that applying mine would change: its
    value now (theirs) and after (mine)."""
    keep = _tr("Keep theirs: your change is not saved, and the record is shown as it is now.")
    changes = describe.field_changes(theirs, mine, describe.Names.read(service), language())
    if not changes:
        return keep + "\n" + _tr("Apply mine on top: your version holds what theirs holds.")
    empty = _tr("(empty)")
    lines = []
    for change in changes:
        before, after = _shown(change.before, change.after)
        lines.append(
            _tr("{column}: {theirs} → {mine}").format(
                column=change.header(), theirs=before or empty, mine=after or empty
            )
        )
    apply = _tr("Apply mine on top: your version replaces theirs, these fields (theirs → mine):")
    return "\n".join([keep, apply, *(f"  • {line}" for line in lines)])


def _shown(theirs: str, mine: str) -> tuple[str, str]:
    """Both values on one line each, long ones cut short where they differ: a long common
    beginning is left out ("…corner. Bring the banner"), and what follows is cut at
    _LONGEST characters (the editor shows them whole)."""
    theirs, mine = " ".join(theirs.split()), " ".join(mine.split())
    start = 0
    if max(len(theirs), len(mine)) > _LONGEST:
        pairs = enumerate(zip(theirs, mine, strict=False))
        same = next((i for i, (a, b) in pairs if a != b), min(len(theirs), len(mine)))
        start = max(0, same - _BEFORE_THE_DIFFERENCE)

    def cut(text: str) -> str:
        rest = text[start:]
        if len(rest) > _LONGEST:
            rest = rest[: _LONGEST - 1] + "…"
        return "…" + rest if start else rest

    return cut(theirs), cut(mine)


def save_record(
    parent: QWidget,
    service: FestivalService,
    push: Callable[[QUndoCommand], object],
    record: Any,
    text: str,
    *,
    raise_kept: bool = False,
) -> SaveRecordCommand | None:
    """Save `record` as one undo step (`push`). When someone else changed it meanwhile,
    the person is told who and when, and chooses: keep theirs (nothing saved, the views
    show theirs: None, or the refusal raised with `raise_kept`), or apply theirs over
    it. Raises ValidationError/StoreError for the caller to show (a record deleted
    elsewhere, say)."""
    command = SaveRecordCommand(service, record, text)
    try:
        push(command)
    except StaleRecordError as exc:
        if exc.deleted:
            raise
        again = offer_mine_on_top(parent, service, record, exc)
        if again is None:
            if raise_kept:
                raise
            return None
        command = SaveRecordCommand(service, again, text)
        push(command)
    return command
