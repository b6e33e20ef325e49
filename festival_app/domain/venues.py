"""Venues: stages, booth areas, the parade route."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import time
from enum import StrEnum

from festival_app.domain import rules
from festival_app.domain.errors import Problem
from festival_app.domain.times import normalize_text
from festival_app.i18n import QT_TRANSLATE_NOOP as N


class VenueKind(StrEnum):
    """What a venue is for: a stage, an area of booth spaces, the parade route, or other."""

    STAGE = "stage"
    BOOTH_AREA = "booth_area"
    PARADE_ROUTE = "parade_route"
    OTHER = "other"


VENUE_KIND_LABELS = {
    VenueKind.STAGE: N("VenueKind", "Stage"),
    VenueKind.BOOTH_AREA: N("VenueKind", "Booth area"),
    VenueKind.PARADE_ROUTE: N("VenueKind", "Parade route"),
    VenueKind.OTHER: N("VenueKind", "Other"),
}

_PREFIX_RE = re.compile(r"^[A-Z0-9]{1,4}$")


@dataclass(frozen=True, slots=True)
class Venue:
    """A place of the festival, named in English and/or Korean; a booth area has its
    numbered booth spaces and their code prefix, and a venue may keep hours of its own."""

    name_en: str
    name_ko: str = ""
    kind: VenueKind = VenueKind.STAGE
    zone: str = ""
    capacity: int | None = None
    booth_spaces: int | None = None
    code_prefix: str = ""
    changeover_min: int = 0
    opens: time | None = None  # None: the day's hours
    closes: time | None = None
    notes: str = ""
    id: int | None = None
    # The row's version in the file (0: not read from the file); every write adds one.
    # Not compared: equality (undo, imports, tests) is about the content only.
    row_version: int = field(default=0, compare=False)

    def name(self, language: str = "en") -> str:
        first, second = (
            (self.name_ko, self.name_en) if language == "ko" else (self.name_en, self.name_ko)
        )
        return first or second

    def space_code(self, number: int) -> str:
        width = max(2, len(str(self.booth_spaces or 0)))
        return f"{self.code_prefix}-{number:0{width}d}"

    def space_number(self, code: str) -> int | None:
        """The space number in `code` when it belongs to this venue, else None."""
        prefix, sep, digits = code.partition("-")
        if not sep or prefix != self.code_prefix or not digits.isdigit():
            return None
        return int(digits)

    def problems(self) -> list[Problem]:
        out: list[Problem] = []
        if not (self.name_en.strip() or self.name_ko.strip()):
            out.append(
                Problem("name_en", N("Validation", "The venue needs a name in English or Korean."))
            )
        out += rules.text_length("name_en", self.name_en, N("Field", "Name"))
        out += rules.text_length("name_ko", self.name_ko, N("Field", "Name (Korean)"))
        out += rules.text_length("zone", self.zone, N("Field", "Zone"))
        out += rules.count("capacity", self.capacity, N("Field", "Capacity"))
        out += rules.count("booth_spaces", self.booth_spaces, N("Field", "Booth spaces"))
        out += rules.count("changeover_min", self.changeover_min, N("Field", "Changeover"))
        if self.kind == VenueKind.BOOTH_AREA:
            if not self.booth_spaces:
                out.append(
                    Problem(
                        "booth_spaces",
                        N("Validation", "A booth area needs its number of booth spaces."),
                    )
                )
            if not _PREFIX_RE.match(self.code_prefix):
                out.append(
                    Problem(
                        "code_prefix",
                        N(
                            "Validation",
                            "Code prefix '{value}' must be 1 to 4 capital letters or digits, like M.",
                        ),
                        {"value": self.code_prefix},
                    )
                )
        elif self.code_prefix and not _PREFIX_RE.match(self.code_prefix):
            out.append(
                Problem(
                    "code_prefix",
                    N(
                        "Validation",
                        "Code prefix '{value}' must be 1 to 4 capital letters or digits, like M.",
                    ),
                    {"value": self.code_prefix},
                )
            )
        if (self.opens is None) != (self.closes is None):
            out.append(
                Problem(
                    "closes", N("Validation", "Give both opening and closing time, or neither.")
                )
            )
        elif self.opens is not None and self.closes is not None:
            out += rules.step("opens", self.opens, N("Field", "Opens"))
            out += rules.step("closes", self.closes, N("Field", "Closes"))
            out += rules.end_after_start(
                self.opens, self.closes, N("Field", "Opens"), N("Field", "Closes"), "closes"
            )
        out += rules.text_length("notes", self.notes, N("Field", "Notes"), rules.MAX_NOTES)
        return out


def name_key(text: str) -> str:
    """A venue name as people tell names apart: width, case and spaces ignored."""
    return "".join(normalize_text(text).split()).casefold()
