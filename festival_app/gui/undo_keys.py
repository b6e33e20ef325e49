"""Ctrl+Z and Ctrl+Shift+Z undo and redo the festival's last edit wherever the focus is.

A text field (a search box, a form field, a spin box) claims the undo and redo keys for
its own typing: it accepts the ShortcutOverride event Qt sends before a shortcut fires.
In the main window that would make Ctrl+Z in the search box take back the typed search
instead of the last edit, so `UndoKeys` declines that claim for the window's undo and redo
shortcuts. Typing that is not saved yet (a festival field still being edited) is saved
first, so that Ctrl+Z then takes back exactly that. Dialogs are left alone: their fields
are not saved until OK, so there Ctrl+Z undoes typing as usual.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget


class UndoKeys(QObject):
    """Watches the focused widgets of one main window (see the module's docstring)."""

    def __init__(
        self,
        window: QWidget,
        undo: QAction,
        redo: QAction,
        finish_editing: Callable[[], object],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.undo = undo
        self.redo = redo
        self.finish_editing = finish_editing
        # Qt sends ShortcutOverride to the focus widget: each widget of the window that
        # gets the focus is watched (cheaper than filtering every event of the program).
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)
        focused = app.focusWidget()
        if focused is not None:
            self._focus_changed(None, focused)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self._in_window(new):
            new.installEventFilter(self)  # once: installing again only moves it first

    def _in_window(self, widget: QWidget) -> bool:
        top = widget.window()
        if top is self.window:
            return True
        # A floating dock (the clash panel) is still part of the window.
        return isinstance(top, QDockWidget) and top.parentWidget() is self.window

    def _undo_or_redo(self, event: QKeyEvent) -> bool:
        pressed = QKeySequence(event.keyCombination())
        shortcuts = [*self.undo.shortcuts(), *self.redo.shortcuts()]
        return any(pressed == key for key in shortcuts)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(watched, QWidget)
            and isinstance(event, QKeyEvent)
            and self._in_window(watched)
            and self._undo_or_redo(event)
        ):
            self.finish_editing()
            event.ignore()  # not claimed: the window's Undo or Redo shortcut fires
            return True
        return False


__all__ = ["UndoKeys"]
