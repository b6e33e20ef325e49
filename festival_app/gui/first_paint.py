"""Work that waits for a widget's first paint, so that it never keeps the window from
showing (a timer of 0 runs before the first paint)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Runs actions a while after the watched widget has painted for the first time (at
    once, after that while, when it already has). Their timers belong to the widget: no
    action runs once it is gone."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        self.painted = False
        self.waiting: list[tuple[int, Callable[[], object]]] = []
        widget.installEventFilter(self)

    def add(self, action: Callable[[], object], delay_ms: int) -> None:
        if self.painted:
            QTimer.singleShot(delay_ms, self.widget, action)
        else:
            self.waiting.append((delay_ms, action))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            watched.removeEventFilter(self)
            for delay_ms, action in self.waiting:
                QTimer.singleShot(delay_ms, self.widget, action)
            self.waiting.clear()
        return False


__all__ = ["AfterFirstPaint"]
