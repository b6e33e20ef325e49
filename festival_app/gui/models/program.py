"""The Program table: every item of every day, with venue and troupe names."""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication

from festival_app.domain.program import (
    ITEM_KIND_LABELS,
    ITEM_STATUS_LABELS,
    ItemStatus,
    ProgramItem,
)
from festival_app.domain.troupes import Troupe
from festival_app.gui.models.base import (
    Cell,
    EditRefused,
    RecordTableModel,
    date_cell,
    number_cell,
    one_line,
    time_cell,
)
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.services import DAYS, PROGRAM, TROUPES, VENUES


class ProgramColumn(IntEnum):
    """The columns of the Program table, in order."""

    DAY = 0
    START = 1
    END = 2
    VENUE = 3
    TITLE = 4
    TITLE_KO = 5
    KIND = 6
    TROUPE = 7
    SETUP = 8
    TEARDOWN = 9
    STATUS = 10
    NOTES = 11


class ProgramTableModel(RecordTableModel[ProgramItem]):
    """The program items, one a row."""

    Column = ProgramColumn
    context = "ProgramTableModel"
    topics = frozenset({PROGRAM, VENUES, TROUPES, DAYS})
    own_topic = PROGRAM
    editable = frozenset({ProgramColumn.STATUS})
    numeric = frozenset({ProgramColumn.SETUP, ProgramColumn.TEARDOWN})
    date_columns = frozenset({ProgramColumn.DAY})
    hidden_columns = frozenset({ProgramColumn.SETUP, ProgramColumn.TEARDOWN, ProgramColumn.NOTES})
    expendable_columns = (ProgramColumn.KIND, ProgramColumn.TITLE_KO)
    headers = {
        ProgramColumn.DAY: N("ProgramTableModel", "Day"),
        ProgramColumn.START: N("ProgramTableModel", "Start"),
        ProgramColumn.END: N("ProgramTableModel", "End"),
        ProgramColumn.VENUE: N("ProgramTableModel", "Venue"),
        ProgramColumn.TITLE: N("ProgramTableModel", "Title"),
        ProgramColumn.TITLE_KO: N("ProgramTableModel", "Title (Korean)"),
        ProgramColumn.KIND: N("ProgramTableModel", "Kind"),
        ProgramColumn.TROUPE: N("ProgramTableModel", "Troupe"),
        ProgramColumn.SETUP: N("ProgramTableModel", "Setup (min)"),
        ProgramColumn.TEARDOWN: N("ProgramTableModel", "Teardown (min)"),
        ProgramColumn.STATUS: N("ProgramTableModel", "Status"),
        ProgramColumn.NOTES: N("ProgramTableModel", "Notes"),
    }

    def load(self) -> list[ProgramItem]:
        self._days = {d.id: d.date for d in self.service.days()}
        self._venues = {v.id: v for v in self.service.venues()}
        self._troupes: dict[int | None, Troupe] = {t.id: t for t in self.service.troupes()}
        return self.service.program()

    def cells(self, item: ProgramItem) -> list[Cell]:
        day = self._days.get(item.day_id)
        venue = self._venues.get(item.venue_id)
        troupe = self._troupes.get(item.troupe_id)
        troupe_name = troupe.display_name(self.language) if troupe else ""
        venue_name = venue.name(self.language) if venue else ""
        return [
            date_cell(day, self.language),
            time_cell(item.start),
            time_cell(item.end),
            (venue_name, venue_name),
            (item.title_en, item.title_en),
            (item.title_ko, item.title_ko),
            (QCoreApplication.translate("ItemKind", ITEM_KIND_LABELS[item.kind]), item.kind),
            (troupe_name, troupe_name),
            number_cell(item.setup_min),
            number_cell(item.teardown_min),
            (self.status_label(item.status), list(ItemStatus).index(item.status)),
            (one_line(item.notes), item.notes),
        ]

    def extra_search(self, item: ProgramItem) -> str:
        venue = self._venues.get(item.venue_id)
        troupe = self._troupes.get(item.troupe_id)
        parts = [venue.name_en, venue.name_ko] if venue else []
        if troupe:
            parts += [troupe.name, troupe.name_ko, troupe.city_en, troupe.city_ko]
        return " ".join(parts)

    @staticmethod
    def status_label(status: ItemStatus) -> str:
        return QCoreApplication.translate("ItemStatus", ITEM_STATUS_LABELS[status])

    def choices(self, column: int) -> list[tuple[str, str]] | None:
        if column == ProgramColumn.STATUS:
            return [(s.value, self.status_label(s)) for s in ItemStatus]
        return None

    def edit_value(self, item: ProgramItem, column: int) -> Any:
        return item.status.value

    def edited(self, item: ProgramItem, column: int, value: Any) -> ProgramItem:
        try:
            return replace(item, status=ItemStatus(str(value)))
        except ValueError:
            raise EditRefused(self.tr("'{0}' is not a status.").format(value)) from None
