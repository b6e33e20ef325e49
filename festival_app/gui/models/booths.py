"""The Booths table: code, area, category, country or organization, people and needs."""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication

from festival_app.domain.booths import BOOTH_CATEGORY_LABELS, Booth
from festival_app.domain.times import format_short_day, normalize_text
from festival_app.gui.models.base import (
    Cell,
    EditRefused,
    RecordTableModel,
    country_cell,
    country_search,
    number_cell,
    one_line,
)
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.services import BOOTHS, DAYS, VENUES


class BoothColumn(IntEnum):
    """The columns of the Booths table, in order."""

    CODE = 0
    VENUE = 1
    CATEGORY = 2
    COUNTRY = 3
    ORGANIZATION = 4
    EXHIBITOR = 5
    CONTACT = 6
    EMAIL = 7
    PHONE = 8
    STAFF = 9
    NEEDS = 10
    DAYS = 11
    NOTES = 12


class BoothTableModel(RecordTableModel[Booth]):
    """The booths, one a row."""

    Column = BoothColumn
    context = "BoothTableModel"
    topics = frozenset({BOOTHS, VENUES, DAYS})
    own_topic = BOOTHS
    editable = frozenset({BoothColumn.CODE, BoothColumn.STAFF})
    numeric = frozenset({BoothColumn.STAFF})
    hidden_columns = frozenset(
        {BoothColumn.CONTACT, BoothColumn.EMAIL, BoothColumn.PHONE, BoothColumn.NOTES}
    )
    expendable_columns = (BoothColumn.DAYS, BoothColumn.NEEDS)
    headers = {
        BoothColumn.CODE: N("BoothTableModel", "Code"),
        BoothColumn.VENUE: N("BoothTableModel", "Booth area"),
        BoothColumn.CATEGORY: N("BoothTableModel", "Category"),
        BoothColumn.COUNTRY: N("BoothTableModel", "Country"),
        BoothColumn.ORGANIZATION: N("BoothTableModel", "Organization"),
        BoothColumn.EXHIBITOR: N("BoothTableModel", "Exhibitor"),
        BoothColumn.CONTACT: N("BoothTableModel", "Contact"),
        BoothColumn.EMAIL: N("BoothTableModel", "Email"),
        BoothColumn.PHONE: N("BoothTableModel", "Phone"),
        BoothColumn.STAFF: N("BoothTableModel", "Staff"),
        BoothColumn.NEEDS: N("BoothTableModel", "Needs"),
        BoothColumn.DAYS: N("BoothTableModel", "Days"),
        BoothColumn.NOTES: N("BoothTableModel", "Notes"),
    }

    def load(self) -> list[Booth]:
        venues = self.service.venues()
        self._venues = {v.id: v.name(self.language) for v in venues}
        self._venue_search = {v.id: f"{v.name_en} {v.name_ko} {v.zone}" for v in venues}
        days = self.service.days()
        # The language's way, without the year all days share: "Sun 2 Sep", "9월 2일 (일)".
        self._day_labels = {d.id: format_short_day(d.date, self.language) for d in days}
        self._every_day = self.tr("every day")
        self._categories = {
            c: QCoreApplication.translate("BoothCategory", label)
            for c, label in BOOTH_CATEGORY_LABELS.items()
        }
        self._needs = (self.tr("power"), self.tr("water"), self.tr("gas"))
        return self.service.booths()

    def cells(self, booth: Booth) -> list[Cell]:
        needs = ", ".join(
            label
            for label, wanted in zip(
                self._needs, (booth.power, booth.water, booth.gas), strict=True
            )
            if wanted
        )
        days = (
            ", ".join(self._day_labels.get(d, "?") for d in sorted(booth.day_ids))
            if booth.day_ids
            else self._every_day
        )
        venue = self._venues.get(booth.venue_id, "")
        return [
            (booth.code, _code_key(booth.code)),
            (venue, venue),
            (self._categories[booth.category], booth.category),
            country_cell(booth.country, self.language),
            (booth.organization, booth.organization),
            (booth.exhibitor, booth.exhibitor),
            (booth.contact, booth.contact),
            (booth.email, booth.email),
            (booth.phone, booth.phone),
            number_cell(booth.staff),
            (needs, needs),
            (days, days),
            (one_line(booth.notes), booth.notes),
        ]

    def extra_search(self, booth: Booth) -> str:
        # The category's English source too, so "food" finds food booths in Korean.
        return " ".join(
            (
                country_search(booth.country),
                booth.category.value,
                BOOTH_CATEGORY_LABELS[booth.category],
                self._venue_search.get(booth.venue_id, ""),
            )
        )

    def edit_value(self, booth: Booth, column: int) -> Any:
        if column == BoothColumn.CODE:
            return booth.code
        return "" if booth.staff is None else str(booth.staff)

    def edited(self, booth: Booth, column: int, value: Any) -> Booth:
        text = normalize_text(str(value))
        if column == BoothColumn.CODE:
            return replace(booth, code=text.upper())
        if not text:
            return replace(booth, staff=None)
        try:
            return replace(booth, staff=int(text))
        except ValueError:
            raise EditRefused(self.tr("'{0}' is not a number of people.").format(text)) from None


def _code_key(code: str) -> tuple[str, int, str]:
    """M-2 before M-10: the prefix, then the space number."""
    prefix, _, digits = code.partition("-")
    return (prefix, int(digits) if digits.isdigit() else 0, code)
