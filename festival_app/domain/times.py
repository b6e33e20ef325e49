"""Clock times and dates as the festival uses them: 24-hour, 5-minute steps."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time

from festival_app.i18n import QT_TRANSLATE_NOOP as N

STEP_MINUTES = 5

# What a person is told when a time or date they typed cannot be read (context "Times").
NOT_A_TIME = N("Times", "'{0}' is not a time; write it like 14:30.")
NOT_A_DATE = N("Times", "'{0}' is not a date; write it like 2018-09-01.")

_TIME_RE = re.compile(r"^(\d{1,2})(?::?(\d{2}))(?::(\d{2}))?$")
_DATE_RE = re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?$")


def normalize_text(text: str) -> str:
    """Full-width letters and digits to ASCII, odd spaces to plain ones, trimmed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def parse_time(text: str) -> time:
    """Read '12:30', '1230', '12:30:00' or '9:05'; raise ValueError otherwise."""
    value = normalize_text(text)
    match = _TIME_RE.match(value)
    if not match:
        raise ValueError(f"not a time: {text!r}")
    hours, minutes = int(match.group(1)), int(match.group(2))
    seconds = int(match.group(3) or 0)
    if hours == 24 and minutes == 0 and seconds == 0:
        raise ValueError("24:00 is not a time of day; use 23:55")
    return time(hours, minutes, seconds)  # raises ValueError when out of range


def parse_date(text: str) -> date:
    """Read '2018-09-01', '2018.09.01' or '2018/9/1'; raise ValueError otherwise."""
    value = normalize_text(text)
    match = _DATE_RE.match(value)
    if not match:
        raise ValueError(f"not a date: {text!r}")
    return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))


def to_minutes(value: time) -> int:
    return value.hour * 60 + value.minute


# Every minute of the day once: times are immutable, so everything made with from_minutes
# shares these objects (the festival file's reader shares its own, see store.repositories).
_TIMES_OF_DAY = [time(m // 60, m % 60) for m in range(24 * 60)]


def from_minutes(minutes: int) -> time:
    if not 0 <= minutes < 24 * 60:
        raise ValueError(f"{minutes} minutes is outside one day")
    return _TIMES_OF_DAY[minutes]


def format_time(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


_CLOCK = [f"{m // 60:02d}:{m % 60:02d}" for m in range(24 * 60)]


def format_minutes(minutes: int) -> str:
    """Minutes since midnight as 'HH:MM'; the end of the day reads '24:00'."""
    if 0 <= minutes < 24 * 60:
        return _CLOCK[minutes]  # a table: clash messages make thousands of these
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_day(day: date, language: str) -> str:
    """A date the language's way, as README promises: '2018년 9월 1일 (토)' in Korean,
    'Sat 1 Sep 2018' in English (no locale needed: the command line has none loaded)."""
    if language == "ko":
        return f"{day.year}년 {day.month}월 {day.day}일 ({'월화수목금토일'[day.weekday()]})"
    return f"{_WEEKDAYS_EN[day.weekday()]} {day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def format_short_day(day: date, language: str) -> str:
    """A date of the festival's year without the year: '9월 1일 (토)' / 'Sat 1 Sep'."""
    if language == "ko":
        return f"{day.month}월 {day.day}일 ({'월화수목금토일'[day.weekday()]})"
    return f"{_WEEKDAYS_EN[day.weekday()]} {day.day} {_MONTHS_EN[day.month - 1]}"


def on_step(value: time) -> bool:
    return value.second == 0 and value.microsecond == 0 and value.minute % STEP_MINUTES == 0


def snap(minutes: float) -> int:
    """Round minutes to the nearest 5-minute step."""
    return round(minutes / STEP_MINUTES) * STEP_MINUTES
