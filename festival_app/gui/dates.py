"""Dates and times the interface language's own way, always with 24-hour clocks.

Korean: 2018년 9월 1일 (토), 14:30. English: Sat 1 Sep 2018, 14:30. Qt's locale formats
would give Korean times as 오후 2:30, which festival staff do not use for schedules. The
words come from `domain.times.format_day`, which the tables and clash messages use too.
"""

from __future__ import annotations

from datetime import date, datetime

from festival_app.domain.times import format_day
from festival_app.gui.models.base import language


def format_date(day: date) -> str:
    """'2018년 9월 1일 (토)' in Korean, 'Sat 1 Sep 2018' in English."""
    return format_day(day, language())


def format_datetime(moment: datetime) -> str:
    """The date as `format_date` gives it and the time on a 24-hour clock."""
    return f"{format_date(moment.date())} {moment.strftime('%H:%M')}"
