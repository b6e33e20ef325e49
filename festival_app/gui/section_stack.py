"""The window's sections: the list of their names on the left, the shown one on the right.

A section is added as a widget or as a function that builds it when first shown, so a
large festival starts quickly. The first nine get Ctrl+1 … Ctrl+9 in the View menu.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu, QStackedWidget, QWidget

from festival_app.gui.actions import make_action


class SectionStack(QObject):
    """The navigation list and the stacked sections of one window."""

    built = Signal(QWidget)  # a section's widget, just built
    shown = Signal(str)  # the key of the section now shown

    def __init__(self, parent: QWidget, view_menu: QMenu) -> None:
        super().__init__(parent)
        self.view_menu = view_menu
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setMaximumWidth(240)
        self.stack = QStackedWidget()
        self.sections: dict[str, QWidget] = {}  # built sections by key
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self.keys: list[str] = []
        self.navigation.currentRowChanged.connect(self._show_row)

    def add(self, key: str, title: str, widget: QWidget | Callable[[], QWidget]) -> None:
        """Add a section to the navigation; a callable builds the widget when first shown."""
        if key in self._factories or key in self.sections:
            raise ValueError(f"section {key!r} exists already")
        placeholder = QWidget()
        self.stack.addWidget(placeholder)
        self.keys.append(key)
        if isinstance(widget, QWidget):
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.insertWidget(len(self.keys) - 1, widget)
            self.sections[key] = widget
        else:
            self._factories[key] = widget
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.navigation.addItem(item)
        number = len(self.keys)
        if number <= 9:
            parent = self.parent()
            assert isinstance(parent, QWidget)
            action = make_action(
                parent, title, lambda: self.show(key), f"Ctrl+{number}", f"section_{key}"
            )
            self.view_menu.addAction(action)

    def section(self, key: str) -> QWidget:
        """The section's widget, built now if it was not yet."""
        if key not in self.sections:
            index = self.keys.index(key)
            widget = self._factories.pop(key)()
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.sections[key] = widget
            self.built.emit(widget)
        return self.sections[key]

    def show(self, key: str) -> None:
        self.navigation.setCurrentRow(self.keys.index(key))

    def current_key(self) -> str:
        row = self.navigation.currentRow()
        return self.keys[row] if 0 <= row < len(self.keys) else ""

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.keys):
            return
        key = self.keys[row]
        self.stack.setCurrentWidget(self.section(key))
        self.shown.emit(key)


__all__ = ["SectionStack"]
