"""Country booths along the streets: food, tourism, NGOs, marriage culture."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from enum import StrEnum

from festival_app.domain import countries, rules
from festival_app.domain.errors import Problem
from festival_app.domain.venues import Venue, VenueKind
from festival_app.i18n import QT_TRANSLATE_NOOP as N


class BoothCategory(StrEnum):
    """What a booth offers; the labels are translated."""

    FOOD = "food"
    TOURISM = "tourism"
    NGO = "ngo"
    MARRIAGE_CULTURE = "marriage_culture"
    EMBASSY = "embassy"
    EXPERIENCE = "experience"
    OTHER = "other"


BOOTH_CATEGORY_LABELS = {
    BoothCategory.FOOD: N("BoothCategory", "Food"),
    BoothCategory.TOURISM: N("BoothCategory", "Tourism"),
    BoothCategory.NGO: N("BoothCategory", "NGO / international organization"),
    BoothCategory.MARRIAGE_CULTURE: N("BoothCategory", "Marriage culture"),
    BoothCategory.EMBASSY: N("BoothCategory", "Embassy"),
    BoothCategory.EXPERIENCE: N("BoothCategory", "Experience"),
    BoothCategory.OTHER: N("BoothCategory", "Other"),
}

BOOTH_CATEGORY_SHORT = {
    BoothCategory.FOOD: N("BoothCategory", "food"),
    BoothCategory.TOURISM: N("BoothCategory", "tourism"),
    BoothCategory.NGO: N("BoothCategory", "NGO"),
    BoothCategory.MARRIAGE_CULTURE: N("BoothCategory", "marriage culture"),
    BoothCategory.EMBASSY: N("BoothCategory", "embassy"),
    BoothCategory.EXPERIENCE: N("BoothCategory", "experience"),
    BoothCategory.OTHER: N("BoothCategory", "other"),
}


@dataclass(frozen=True, slots=True)
class Booth:
    """One booth: its street (venue), its space code, and who runs it."""

    venue_id: int
    category: BoothCategory
    code: str = ""  # empty until a space is assigned
    country: str = ""  # ISO 3166-1 alpha-2, or empty with an organization
    organization: str = ""
    exhibitor: str = ""
    contact: str = ""
    email: str = ""
    phone: str = ""
    staff: int | None = None
    power: bool = False
    water: bool = False
    gas: bool = False
    day_ids: frozenset[int] = field(default_factory=frozenset)  # empty: every day
    notes: str = ""
    id: int | None = None
    # The row's version in the file (0: not read from the file); every write adds one.
    # Not compared: equality (undo, imports, tests) is about the content only.
    row_version: int = field(default=0, compare=False)

    def label(self, language: str = "en") -> str:
        """What the booth is: its organization, else its country's name."""
        return self.organization or countries.name(self.country, language)

    def problems(self, venue: Venue | None = None, drawn: Collection[str] = ()) -> list[Problem]:
        """What the booth breaks in itself and in its `venue`: its code must be one of the
        area's numbered spaces (1 to its booth spaces) or a space `drawn` on its map."""
        out: list[Problem] = []
        if not self.country and not self.organization.strip():
            out.append(
                Problem("country", N("Validation", "A booth needs a country or an organization."))
            )
        if self.country and not countries.is_country(self.country):
            out.append(
                Problem(
                    "country",
                    N("Validation", "Country '{value}' is not an ISO 3166 country code."),
                    {"value": self.country},
                )
            )
        if venue is not None:
            if venue.kind != VenueKind.BOOTH_AREA:
                out.append(
                    Problem(
                        "venue_id",
                        N("Validation", "{venue} is not a booth area."),
                        {"venue": venue.name()},
                    )
                )
            elif self.code:
                number = venue.space_number(self.code)
                counted = number is not None and 1 <= number <= (venue.booth_spaces or 0)
                if number is None or not (counted or self.code in drawn):
                    out.append(
                        Problem(
                            "code",
                            N(
                                "Validation",
                                "Code '{code}' is not a space of {venue} ({first} to {last}, "
                                "or a space drawn on its map).",
                            ),
                            {
                                "code": self.code,
                                "venue": venue.name(),
                                "first": venue.space_code(1),
                                "last": venue.space_code(venue.booth_spaces or 1),
                            },
                        )
                    )
        out += rules.text_length("code", self.code, N("Field", "Code"), 20)
        out += rules.text_length("organization", self.organization, N("Field", "Organization"))
        out += rules.text_length("exhibitor", self.exhibitor, N("Field", "Exhibitor"))
        out += rules.text_length("contact", self.contact, N("Field", "Contact"))
        out += rules.email("email", self.email)
        out += rules.text_length("phone", self.phone, N("Field", "Phone"))
        out += rules.count("staff", self.staff, N("Field", "Staff"))
        out += rules.text_length("notes", self.notes, N("Field", "Notes"), rules.MAX_NOTES)
        return out
