"""Program items: who is on which venue, on which day, from when to when."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import time
from enum import StrEnum

from festival_app.domain import rules
from festival_app.domain.errors import Problem
from festival_app.domain.festival import FestivalDay
from festival_app.domain.times import to_minutes
from festival_app.i18n import QT_TRANSLATE_NOOP as N


class ItemKind(StrEnum):
    """What a program item is: a parade, a ceremony, a performance..."""

    PARADE = "parade"
    CEREMONY = "ceremony"
    PERFORMANCE = "performance"
    ENCORE = "encore"
    FINALE = "finale"
    OTHER = "other"


ITEM_KIND_LABELS = {
    ItemKind.PARADE: N("ItemKind", "Parade"),
    ItemKind.CEREMONY: N("ItemKind", "Ceremony"),
    ItemKind.PERFORMANCE: N("ItemKind", "Performance"),
    ItemKind.ENCORE: N("ItemKind", "Encore"),
    ItemKind.FINALE: N("ItemKind", "Finale"),
    ItemKind.OTHER: N("ItemKind", "Other"),
}


class ItemStatus(StrEnum):
    """How settled a program item is: a draft, confirmed or cancelled."""

    DRAFT = "draft"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"


ITEM_STATUS_LABELS = {
    ItemStatus.DRAFT: N("ItemStatus", "Draft"),
    ItemStatus.CONFIRMED: N("ItemStatus", "Confirmed"),
    ItemStatus.CANCELLED: N("ItemStatus", "Cancelled"),
}


@dataclass(frozen=True, slots=True)
class ProgramItem:
    """One slot of the stage program: a day, a venue, a time and (usually) a troupe."""

    day_id: int
    venue_id: int
    start: time
    end: time
    title_en: str
    title_ko: str = ""
    kind: ItemKind = ItemKind.PERFORMANCE
    troupe_id: int | None = None
    setup_min: int = 0
    teardown_min: int = 0
    status: ItemStatus = ItemStatus.CONFIRMED
    notes: str = ""
    id: int | None = None
    # The row's version in the file (0: not read from the file); every write adds one.
    # Not compared: equality (undo, imports, tests) is about the content only.
    row_version: int = field(default=0, compare=False)

    def title(self, language: str = "en") -> str:
        first, second = (
            (self.title_ko, self.title_en) if language == "ko" else (self.title_en, self.title_ko)
        )
        return first or second

    @property
    def start_min(self) -> int:
        return to_minutes(self.start)

    @property
    def end_min(self) -> int:
        return to_minutes(self.end)

    @property
    def busy_from(self) -> int:
        """Minute the venue is taken, setup included."""
        return self.start_min - self.setup_min

    @property
    def busy_until(self) -> int:
        """Minute the venue is free again, teardown included."""
        return self.end_min + self.teardown_min

    def problems(self, days: Iterable[FestivalDay] = ()) -> list[Problem]:
        out: list[Problem] = []
        if not (self.title_en.strip() or self.title_ko.strip()):
            out.append(
                Problem("title_en", N("Validation", "The item needs a title in English or Korean."))
            )
        out += rules.text_length("title_en", self.title_en, N("Field", "Title"))
        out += rules.text_length("title_ko", self.title_ko, N("Field", "Title (Korean)"))
        out += rules.step("start", self.start, N("Field", "Start"))
        out += rules.step("end", self.end, N("Field", "End"))
        out += rules.end_after_start(self.start, self.end, N("Field", "Start"), N("Field", "End"))
        out += rules.count("setup_min", self.setup_min, N("Field", "Setup"))
        out += rules.count("teardown_min", self.teardown_min, N("Field", "Teardown"))
        if self.setup_min > 24 * 60 or self.busy_from < 0:
            out.append(Problem("setup_min", N("Validation", "Setup reaches before midnight.")))
        if self.busy_until > 24 * 60:
            out.append(Problem("teardown_min", N("Validation", "Teardown reaches past midnight.")))
        days = list(days)
        if days and self.day_id not in {d.id for d in days}:
            out.append(Problem("day_id", N("Validation", "The day is not a festival day.")))
        out += rules.text_length("notes", self.notes, N("Field", "Notes"), rules.MAX_NOTES)
        return out
