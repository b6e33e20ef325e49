"""The festival's days (date, opening and closing time), edited in place."""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from typing import Any

from festival_app.domain.festival import FestivalDay
from festival_app.domain.times import (
    NOT_A_DATE,
    NOT_A_TIME,
    format_time,
    parse_date,
    parse_time,
)
from festival_app.gui.models.base import Cell, EditRefused, RecordTableModel, date_cell, time_cell
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate
from festival_app.services import DAYS


class DayColumn(IntEnum):
    """The columns of the festival days table, in order."""

    DATE = 0
    WEEKDAY = 1
    OPENS = 2
    CLOSES = 3


class DayTableModel(RecordTableModel[FestivalDay]):
    """The festival days, one a row."""

    Column = DayColumn
    context = "DayTableModel"
    topics = frozenset({DAYS})
    own_topic = DAYS
    editable = frozenset({DayColumn.DATE, DayColumn.OPENS, DayColumn.CLOSES})
    date_columns = frozenset({DayColumn.DATE})
    headers = {
        DayColumn.DATE: N("DayTableModel", "Date"),
        DayColumn.WEEKDAY: N("DayTableModel", "Weekday"),
        DayColumn.OPENS: N("DayTableModel", "Opens"),
        DayColumn.CLOSES: N("DayTableModel", "Closes"),
    }

    def load(self) -> list[FestivalDay]:
        return self.service.days()

    def cells(self, day: FestivalDay) -> list[Cell]:
        from PySide6.QtCore import QDate, QLocale

        weekday = QLocale().dayName(QDate(day.date.year, day.date.month, day.date.day).dayOfWeek())
        return [
            date_cell(day.date, self.language),
            (weekday, day.date),
            time_cell(day.opens),
            time_cell(day.closes),
        ]

    def edit_value(self, day: FestivalDay, column: int) -> Any:
        if column == DayColumn.DATE:
            return day.date.isoformat()
        return format_time(day.opens if column == DayColumn.OPENS else day.closes)

    def edited(self, day: FestivalDay, column: int, value: Any) -> FestivalDay:
        text = str(value)
        try:
            if column == DayColumn.DATE:
                return replace(day, date=parse_date(text))
            if column == DayColumn.OPENS:
                return replace(day, opens=parse_time(text))
            return replace(day, closes=parse_time(text))
        except ValueError:
            problem = NOT_A_DATE if column == DayColumn.DATE else NOT_A_TIME
            raise EditRefused(translate("Times", problem).format(text)) from None
