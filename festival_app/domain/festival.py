"""The festival itself and its days."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from festival_app.domain import rules
from festival_app.domain.errors import Problem
from festival_app.i18n import QT_TRANSLATE_NOOP as N

DEFAULT_MIN_CHANGEOVER = 30


@dataclass(frozen=True, slots=True)
class Festival:
    """The festival itself: its name in both languages and the troupes' changeover time."""

    name_en: str
    name_ko: str = ""
    min_changeover: int = DEFAULT_MIN_CHANGEOVER  # minutes a troupe needs between venues
    notes: str = ""
    # The row's version (0: not read from the file); every write adds one. Not compared.
    row_version: int = field(default=0, compare=False)

    def name(self, language: str = "en") -> str:
        first, second = (
            (self.name_ko, self.name_en) if language == "ko" else (self.name_en, self.name_ko)
        )
        return first or second

    def problems(self) -> list[Problem]:
        out: list[Problem] = []
        if not (self.name_en.strip() or self.name_ko.strip()):
            out.append(
                Problem(
                    "name_en", N("Validation", "The festival needs a name in English or Korean.")
                )
            )
        out += rules.text_length("name_en", self.name_en, N("Field", "Name"))
        out += rules.text_length("name_ko", self.name_ko, N("Field", "Name (Korean)"))
        out += rules.count("min_changeover", self.min_changeover, N("Field", "Minimum changeover"))
        out += rules.text_length("notes", self.notes, N("Field", "Notes"), rules.MAX_NOTES)
        return out


@dataclass(frozen=True, slots=True)
class FestivalDay:
    """One day of the festival, with its opening hours."""

    date: date
    opens: time
    closes: time
    id: int | None = None
    # The row's version in the file (0: not read from the file); every write adds one.
    # Not compared: equality (undo, imports, tests) is about the content only.
    row_version: int = field(default=0, compare=False)

    def problems(self) -> list[Problem]:
        out = rules.step("opens", self.opens, N("Field", "Opens")) + rules.step(
            "closes", self.closes, "Closes"
        )
        out += rules.end_after_start(
            self.opens, self.closes, N("Field", "Opens"), N("Field", "Closes"), "closes"
        )
        return out
