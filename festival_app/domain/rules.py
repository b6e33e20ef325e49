"""Small field checks shared by every kind of record."""

from __future__ import annotations

import re
from datetime import time

from festival_app.domain.errors import Problem
from festival_app.domain.times import format_time, on_step
from festival_app.i18n import QT_TRANSLATE_NOOP

_EMAIL_RE = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"'.]{2,}$")

MAX_TEXT = 2000
MAX_NOTES = 20000
MAX_COUNT = 1_000_000


def required(field: str, value: str, label: str) -> list[Problem]:
    if not value.strip():
        return [
            Problem(
                field, QT_TRANSLATE_NOOP("Validation", "{label} is required."), {"label": label}
            )
        ]
    return []


def text_length(field: str, value: str, label: str, limit: int = MAX_TEXT) -> list[Problem]:
    if len(value) > limit:
        return [
            Problem(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation", "{label} is too long ({length} characters; at most {limit})."
                ),
                {"label": label, "length": len(value), "limit": limit},
            )
        ]
    return []


def email(field: str, value: str) -> list[Problem]:
    if value and not _EMAIL_RE.match(value):
        return [
            Problem(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation", "Email '{value}' is not a valid address (like name@example.org)."
                ),
                {"value": value},
            )
        ]
    return []


def count(field: str, value: int | None, label: str) -> list[Problem]:
    if value is None:
        return []
    if value < 0:
        return [
            Problem(
                field,
                QT_TRANSLATE_NOOP("Validation", "{label} cannot be negative."),
                {"label": label},
            )
        ]
    if value > MAX_COUNT:
        return [
            Problem(
                field,
                QT_TRANSLATE_NOOP("Validation", "{label} is implausibly large."),
                {"label": label},
            )
        ]
    return []


def step(field: str, value: time, label: str) -> list[Problem]:
    if not on_step(value):
        return [
            Problem(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation", "{label} {time} is not on a 5-minute step (like 12:05 or 12:10)."
                ),
                {"label": label, "time": format_time(value)},
            )
        ]
    return []


def end_after_start(
    start: time, end: time, start_label: str, end_label: str, field: str = "end"
) -> list[Problem]:
    if end <= start:
        return [
            Problem(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation", "{end_label} ({end}) must be after {start_label} ({start})."
                ),
                {
                    "end_label": end_label,
                    "end": format_time(end),
                    "start_label": start_label,
                    "start": format_time(start),
                },
            )
        ]
    return []
