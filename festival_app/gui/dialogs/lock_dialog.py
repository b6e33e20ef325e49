"""Opening a festival file that someone else is editing, or that a crash left locked.

`ask_locked` asks what to do; `open_festival` is the whole way the window opens a file for
editing: the lock, the question, read-only, taking a stale lock over, and the offer of a
backup when the file is damaged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from festival_app.domain.korean import attach_particles
from festival_app.gui.dialogs.messages import show_error
from festival_app.services import FestivalService
from festival_app.store import errors

Choice = Literal["read_only", "take_over", "cancel"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("LockDialog", text)


def ask_locked(parent: QWidget | None, error: errors.LockedByOtherError) -> Choice:
    """Say who has the file and ask: open read-only, take it over (only when the lock is
    stale), or cancel. Read-only is the default: it can never hurt anyone's work."""
    holder = error.holder
    who = holder.who() if hasattr(holder, "who") else "?"
    since = holder.since() if hasattr(holder, "since") else "?"
    if error.stale:
        title = _tr("The festival file was not closed properly")
        text = _tr(
            "{0} had this file open since {1}, but that program is no longer running "
            "(it may have crashed, or the computer was switched off)."
        ).format(who, since)
        info = _tr(
            "Take it over to edit it here. Every change made there was already saved in "
            "the file. If the other program is in fact still open, open read-only instead."
        )
    else:
        title = _tr("The festival file is in use")
        text = _tr("Opened by {0} since {1}.").format(who, since)
        info = _tr(
            "Only one person can edit the festival at a time. You can open it read-only "
            "to look and print; ask them to close it to edit it here."
        )
    box = QMessageBox(
        QMessageBox.Icon.Warning if error.stale else QMessageBox.Icon.Information,
        title,
        attach_particles(text),  # {0}이(가): the particle that fits the name
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("lock_dialog")
    box.setInformativeText(info)
    read_only = box.addButton(_tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    take_over = (
        box.addButton(_tr("Take over and edit"), QMessageBox.ButtonRole.DestructiveRole)
        if error.stale
        else None
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(read_only)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is read_only:
        return "read_only"
    if take_over is not None and clicked is take_over:
        return "take_over"
    return "cancel"


def open_festival(parent: QWidget | None, path: Path) -> FestivalService | None:
    """Open `path` for editing with the lock, asking when someone else has it; offer the
    newest good backup when it is damaged. None when it was not opened (the user has
    been told why)."""
    from festival_app.gui.dialogs.restore_dialog import offer_backup

    take_over = False
    for _attempt in range(3):
        try:
            return FestivalService.open(path, lock=True, take_over=take_over)
        except errors.LockedByOtherError as exc:
            choice = ask_locked(parent, exc)
            if choice == "cancel":
                return None
            if choice == "read_only":
                try:
                    return FestivalService.open(path, read_only=True)
                except errors.StoreError as again:
                    show_error(parent, _tr("Cannot open"), again.message())
                    return None
            take_over = True
        except (errors.DamagedFileError, errors.NewerVersionError) as exc:
            if not offer_backup(parent, exc):
                return None
        except errors.StoreError as exc:
            show_error(parent, _tr("Cannot open"), exc.message())
            return None
    return None
