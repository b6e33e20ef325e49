"""Performing troupes from Seoul's sister and friendship cities."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from festival_app.domain import countries, rules
from festival_app.domain.errors import Problem
from festival_app.i18n import QT_TRANSLATE_NOOP as N


class Relation(StrEnum):
    """How a troupe's city is tied to Seoul: a sister city, a friendship city or other."""

    SISTER = "sister"
    FRIENDSHIP = "friendship"
    OTHER = "other"


RELATION_LABELS = {
    Relation.SISTER: N("Relation", "Sister city"),
    Relation.FRIENDSHIP: N("Relation", "Friendship city"),
    Relation.OTHER: N("Relation", "Other"),
}


# The languages a troupe's notices can be printed in ("": both Korean and English).
NOTICE_LANGUAGES = ("", "ko", "en")


@dataclass(frozen=True, slots=True)
class Troupe:
    """A visiting troupe: its name, its city, and when it is in Seoul."""

    name: str
    name_ko: str = ""
    city_en: str = ""
    city_ko: str = ""
    country: str = ""  # ISO 3166-1 alpha-2
    relation: Relation = Relation.SISTER
    genre: str = ""
    performers: int | None = None
    contact: str = ""
    email: str = ""
    phone: str = ""
    arrival: date | None = None
    departure: date | None = None
    notes: str = ""
    # The language the troupe's notices are printed in: "ko", "en", or "" for both.
    language: str = ""
    id: int | None = None
    # The row's version in the file (0: not read from the file); every write adds one.
    # Not compared: equality (undo, imports, tests) is about the content only.
    row_version: int = field(default=0, compare=False)

    def display_name(self, language: str = "en") -> str:
        first, second = (self.name_ko, self.name) if language == "ko" else (self.name, self.name_ko)
        return first or second

    def city(self, language: str = "en") -> str:
        first, second = (
            (self.city_ko, self.city_en) if language == "ko" else (self.city_en, self.city_ko)
        )
        return first or second

    def problems(self) -> list[Problem]:
        out = rules.required("name", self.name, N("Field", "Troupe"))
        out += rules.text_length("name", self.name, N("Field", "Troupe"))
        out += rules.text_length("name_ko", self.name_ko, N("Field", "Troupe (Korean)"))
        out += rules.text_length("city_en", self.city_en, N("Field", "City"))
        out += rules.text_length("city_ko", self.city_ko, N("Field", "City (Korean)"))
        if self.language not in NOTICE_LANGUAGES:
            out.append(
                Problem(
                    "language",
                    N("Validation", "The notices' language must be ko, en or empty (both)."),
                )
            )
        if self.country and not countries.is_country(self.country):
            out.append(
                Problem(
                    "country",
                    N("Validation", "Country '{value}' is not an ISO 3166 country code."),
                    {"value": self.country},
                )
            )
        out += rules.text_length("genre", self.genre, N("Field", "Genre"))
        out += rules.count("performers", self.performers, N("Field", "Performers"))
        out += rules.text_length("contact", self.contact, N("Field", "Contact"))
        out += rules.email("email", self.email)
        out += rules.text_length("phone", self.phone, N("Field", "Phone"))
        if self.arrival and self.departure and self.departure < self.arrival:
            out.append(
                Problem(
                    "departure",
                    N("Validation", "Departure ({departure}) is before arrival ({arrival})."),
                    {"departure": self.departure.isoformat(), "arrival": self.arrival.isoformat()},
                )
            )
        out += rules.text_length("notes", self.notes, N("Field", "Notes"), rules.MAX_NOTES)
        return out
