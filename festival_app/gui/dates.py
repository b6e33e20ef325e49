"""Dates and times the interface language's own way, always with 24-hour clocks.

Korean: 2018년 9월 1일 (토), 14:30. English: Sat 1 Sep 2018, 14:30. Qt's locale formats
would give Korean times as 오후 2:30, which festival staff do not use for schedules.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale

from festival_app.gui.models.base import language

KOREAN_DATE = "yyyy년 M월 d일 (ddd)"
ENGLISH_DATE = "ddd d MMM yyyy"


def format_date(day: date) -> str:
    """'2018년 9월 1일 (토)' in Korean, 'Sat 1 Sep 2018' in English."""
    pattern = KOREAN_DATE if language() == "ko" else ENGLISH_DATE
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def format_datetime(moment: datetime) -> str:
    """The date as `format_date` gives it and the time on a 24-hour clock."""
    return f"{format_date(moment.date())} {moment.strftime('%H:%M')}"
