"""Making a QAction: its text, what it does, its keys and its object name, in one call."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

Keys = QKeySequence | QKeySequence.StandardKey | str
Shortcut = Keys | Sequence[Keys] | None


def make_action(
    parent: QObject,
    text: str,
    slot: Callable[[], object],
    shortcut: Shortcut = None,
    name: str = "",
    context: Qt.ShortcutContext | None = None,
) -> QAction:
    """An action owned by `parent` that runs `slot()`; `shortcut` is one key or several
    (the first is the one menus show)."""
    action = QAction(text, parent)
    if isinstance(shortcut, str | QKeySequence | QKeySequence.StandardKey):
        action.setShortcut(QKeySequence(shortcut))
    elif shortcut is not None:
        action.setShortcuts([QKeySequence(k) for k in shortcut])
    if context is not None:
        action.setShortcutContext(context)
    action.triggered.connect(lambda *_: slot())
    if name:
        action.setObjectName(name)
    return action


__all__ = ["make_action"]
