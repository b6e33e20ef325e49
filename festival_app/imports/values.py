"""Reading one cell: the ways people fill spreadsheets, turned into the festival's values."""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import Any, TypeVar

from festival_app.domain import countries
from festival_app.domain.text import without_controls
from festival_app.domain.times import normalize_text, parse_date, parse_time
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate, translate_into
from festival_app.imports.format import (
    ALL_DAYS,
    ALL_DAYS_EXPORTED,
    CLEAR_MARKER,
    CLEAR_MARKER_KO,
    NO,
    YES,
    CellType,
    Column,
    FixedList,
    fold,
    halves,
)

# Excel's day 0 (serial numbers count days from here, with the 1900 leap-year bug built in).
_EXCEL_EPOCH = datetime(1899, 12, 30)
_MAX_CELL_TEXT = 32767  # what Excel itself holds in one cell
T = TypeVar("T")


class CellError(ValueError):
    """A cell that cannot be read as its column needs; becomes an ImportProblem."""

    def __init__(self, template: str, suggestion: str = "", **params: object) -> None:
        self.template = template
        self.suggestion = suggestion
        self.params = params
        super().__init__(template)


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_CLEAR = frozenset({fold(CLEAR_MARKER), fold(CLEAR_MARKER_KO)})


def is_clear(value: object) -> bool:
    """A cell holding just the clear marker: the field is to be emptied on purpose."""
    return isinstance(value, str) and len(value) < 20 and fold(value) in _CLEAR


def either_half(raw: str, read: Callable[[str], T | None]) -> T | None:
    """A value written in both languages ("음식 / Food"): what both halves that can be
    read agree on; None when no cut gives a reading, or two readings differ."""
    for left, right in halves(raw):
        found = [value for value in (read(left), read(right)) if value is not None]
        if found and all(value == found[0] for value in found):
            return found[0]
    return None


def text(value: object) -> str:
    """One line of text: full-width forms, odd spaces and stray spaces normalised."""
    if type(value) is str:  # the common case first
        raw = value[:_MAX_CELL_TEXT]
        if raw.isascii():  # NFKC leaves ASCII as it is; only spaces need tidying
            return without_controls(" ".join(raw.split()))
        return without_controls(normalize_text(raw))
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number typed as a number reads 1012345678.0
    elif isinstance(value, datetime):
        value = value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    elif isinstance(value, date | time):
        value = value.isoformat()
    raw = str(value)[:_MAX_CELL_TEXT]
    if raw.isascii():  # NFKC leaves ASCII as it is; only spaces need tidying
        return without_controls(" ".join(raw.split()))
    return without_controls(normalize_text(raw))


def notes(value: object) -> str:
    """Text of several lines: each line normalised, line breaks kept."""
    if not isinstance(value, str):
        return text(value)
    lines = unicodedata.normalize("NFKC", value[:_MAX_CELL_TEXT]).splitlines()
    return without_controls("\n".join(" ".join(line.split()) for line in lines).strip())


def integer(value: object) -> int:
    if isinstance(value, bool):
        raise CellError(N("Import", "'{value}' is not a whole number."), value=text(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return int(value)
        raise CellError(N("Import", "'{value}' is not a whole number."), value=text(value))
    raw = text(value).replace(",", "")
    if re.fullmatch(r"[+-]?\d{1,12}", raw):
        return int(raw)
    if re.fullmatch(r"[+-]?\d{1,12}\.0*", raw):
        return int(float(raw))
    raise CellError(N("Import", "'{value}' is not a whole number."), value=text(value))


def boolean(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    raw = text(value)
    found = _yes_or_no(raw)
    if found is None:
        found = either_half(raw, _yes_or_no)
    if found is not None:
        return found
    raise CellError(
        N("Import", "'{value}' is not yes or no (write yes/no, O/X or 예/아니오)."),
        value=text(value),
    )


def _yes_or_no(raw: str) -> bool | None:
    key = fold(raw)
    if key in YES:
        return True
    if key in NO:
        return False
    # The words the booth workbook writes for its needs (Export context), in Korean.
    if key == fold(translate_into("ko", "Export", _EXPORTED_YES)):
        return True
    if key == fold(translate_into("ko", "Export", _EXPORTED_NO)):
        return False
    return None


_EXPORTED_YES, _EXPORTED_NO = N("Export", "yes"), N("Export", "no")


def clock(value: object) -> time:
    """Excel times, fractions of a day, and text like 12:30, 1230 or 12:30:00."""
    if isinstance(value, datetime):
        return value.time().replace(microsecond=0)
    if isinstance(value, time):
        return value.replace(microsecond=0, tzinfo=None)
    if isinstance(value, timedelta):
        seconds = round(value.total_seconds())
        if 0 <= seconds < 24 * 3600:
            return time(seconds // 3600, seconds % 3600 // 60, seconds % 60)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if 0 <= value < 1 and math.isfinite(value):
            seconds = round(value * 24 * 3600)
            if seconds < 24 * 3600:
                return time(seconds // 3600, seconds % 3600 // 60, seconds % 60)
        if isinstance(value, int) or float(value).is_integer():
            value = f"{int(value):04d}" if 0 <= value <= 2359 else str(value)
    raw = text(value)
    try:
        return parse_time(raw)
    except ValueError:
        pass
    raise CellError(N("Import", "'{value}' is not a time (write it like 12:30)."), value=raw)


def day(value: object) -> date:
    """Excel dates, serial numbers, and text like 2018-09-01, 2018.09.01 or 2018/9/1."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and 20000 <= value <= 80000  # 1954..2119 as serial numbers
    ):
        return (_EXCEL_EPOCH + timedelta(days=int(value))).date()
    raw = text(value)
    try:
        return parse_date(raw)
    except ValueError:
        pass
    raise CellError(N("Import", "'{value}' is not a date (write it like 2018-09-01)."), value=raw)


def choice(value: object, fixed: FixedList) -> Enum:
    raw = text(value)
    table = fixed.lookup()
    found = table.get(fold(raw))
    if found is None:  # both languages, as the exported workbooks may write it
        found = either_half(raw, lambda part: table.get(fold(part)))
    if found is not None:
        return found
    hits = difflib.get_close_matches(fold(raw), list(table), n=1, cutoff=0.6)
    suggestion = fixed.en(table[hits[0]]) if hits else ""
    raise CellError(
        N("Import", "'{value}' is not a {list}."),
        suggestion=suggestion,
        value=raw,
        list=translate("ImportList", fixed.name),
    )


def country(value: object) -> str:
    raw = text(value)
    code = countries.find(raw)
    if code is not None:
        return code
    close = countries.close_matches(raw)
    raise CellError(
        N("Import", "'{value}' is not a country (write its code like KR, or its name)."),
        suggestion=countries.name(close[0]) if close else "",
        value=raw,
    )


def dates(value: object) -> list[date] | None:
    """Booth days: None for "all" (or blank), else the dates listed."""
    if is_blank(value):
        return None
    if isinstance(value, date | datetime):
        return [day(value)]
    raw = text(value)
    if _all_days(raw) or either_half(raw, lambda part: True if _all_days(part) else None):
        return None
    out: list[date] = []
    for part in re.split(r"[,;、，\n]+", raw):
        if part.strip():
            try:
                out.append(parse_date(part))
            except ValueError:
                raise CellError(
                    N(
                        "Import",
                        "'{value}' is not 'all' or a list of dates (like 2018-09-01, 2018-09-02).",
                    ),
                    value=raw,
                ) from None
    return out


_ALL_DAYS = frozenset(fold(spelling) for spelling in ALL_DAYS)


def _all_days(raw: str) -> bool:
    key = fold(raw)
    return key in _ALL_DAYS or key in (
        fold(ALL_DAYS_EXPORTED),
        fold(translate_into("ko", "Export", ALL_DAYS_EXPORTED)),
    )


def reader(column: Column) -> Callable[[object], Any]:
    """The function that reads this column's (non-blank) cells.

    Fixed lists, countries and yes/no repeat the same few values on every row, so their
    readings are remembered (per call); a value that fails is read again each time so
    that every row reports its own problem.
    """
    cell_type = column.cell_type
    if cell_type == CellType.NOTES:
        return notes
    if cell_type == CellType.TEXT:
        return text
    if cell_type == CellType.DAYS:
        return dates
    if cell_type == CellType.INT:
        return integer
    if cell_type == CellType.TIME:
        return clock
    if cell_type == CellType.DATE:
        return day
    if cell_type == CellType.BOOL:
        parse: Callable[[object], Any] = boolean
    elif cell_type == CellType.COUNTRY:
        parse = country
    else:
        assert cell_type == CellType.CHOICE and column.choices is not None
        choices = column.choices

        def parse(cell: object) -> Any:
            return choice(cell, choices)

    seen: dict[tuple[type, object], Any] = {}

    def read(cell: object) -> Any:
        key = (type(cell), cell)  # 1 and True are equal, but not the same cell
        try:
            return seen[key]
        except KeyError:
            result = seen[key] = parse(cell)
            return result
        except TypeError:  # not hashable
            return parse(cell)

    return read
