"""The status bar's counts: '57 food · 53 tourism · … booths · 15 troupes · 230 program
items', kept current as records are added and deleted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel

from festival_app.domain.booths import BOOTH_CATEGORY_SHORT, BoothCategory
from festival_app.gui.listeners import subscribe_weakly
from festival_app.i18n import translate
from festival_app.services import BOOTHS, PROGRAM, TROUPES, FestivalService


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def counts_text(service: FestivalService) -> str:
    """'57 food · 53 tourism · 11 NGO · 10 marriage culture booths · 15 troupes · …'."""
    counts = service.booth_counts()
    parts = [
        _tr("{0} {1}").format(count, translate("BoothCategory", BOOTH_CATEGORY_SHORT[c]))
        for c in BoothCategory
        if (count := counts.get(c, 0))
    ]
    booths = " · ".join(parts) if parts else "0"
    # Counted in SQL: loading 5,000 items to count them would slow the start.
    troupes, items = service.record_counts()
    return _tr("{0} booths · {1} troupes · {2} program items").format(booths, troupes, items)


class RecordCounts(QLabel):
    """The counts of one window's file; `closed()` says when the file is closed (a timer
    set before then does nothing)."""

    def __init__(self, service: FestivalService, closed: Callable[[], bool]) -> None:
        super().__init__()
        self.setObjectName("counts")
        self.service = service
        self.closed = closed
        self._pending = False
        subscribe_weakly(service, self, "_on_change")

    def _on_change(self, topics: frozenset[str]) -> None:
        if topics & {BOOTHS, TROUPES, PROGRAM} and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.update_counts)

    def update_counts(self) -> None:
        self._pending = False
        if not self.closed():
            self.setText(counts_text(self.service))


__all__ = ["RecordCounts", "counts_text"]
