"""What an import would change, in words: each record named, each field before and after.

The plan keeps records; this turns them into text for the preview (the dialog and the
command line's report) in the interface's language. References (a booth's venue, an
item's troupe) are shown by name, including records the same workbook creates.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, time
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol

from festival_app.domain import countries
from festival_app.domain.booths import Booth
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.times import format_time
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue
from festival_app.i18n import translate
from festival_app.imports import format as fmt
from festival_app.imports.format import FIELD_COLUMN, CellType, Column, Sheet

if TYPE_CHECKING:
    from festival_app.services import FestivalService

_NOT_SHOWN = {"id", "row_version"}
_SHEET_OF: dict[type, Sheet] = {
    Festival: fmt.FESTIVAL,
    FestivalDay: fmt.DAYS,
    Venue: fmt.VENUES,
    Troupe: fmt.TROUPES,
    ProgramItem: fmt.PROGRAM,
    Booth: fmt.BOOTHS,
}


class RowChange(Protocol):
    """A change one row of the workbook makes (the plan's `Change` or `FestivalChange`)."""

    @property
    def sheet(self) -> str: ...

    @property
    def row(self) -> int: ...

    @property
    def before(self) -> Any: ...

    @property
    def after(self) -> Any: ...

    @property
    def matched(self) -> bool: ...


@dataclass(frozen=True)
class FieldChange:
    """One field of one record: its column (English header, ImportColumn context) and
    its value before and after, as shown ("" for empty)."""

    column: str
    before: str
    after: str

    def header(self) -> str:
        return translate("ImportColumn", self.column)


@dataclass
class Names:
    """The festival's venues, days and troupes by id, to show references by name: as the
    import would leave them (created ones under their placeholder ids), or as the
    festival holds them now (`read`)."""

    venues: dict[int, Venue] = dataclasses.field(default_factory=dict)
    days: dict[int, FestivalDay] = dataclasses.field(default_factory=dict)
    troupes: dict[int, Troupe] = dataclasses.field(default_factory=dict)

    @classmethod
    def read(cls, service: FestivalService) -> Names:
        """The names as the festival holds them now."""
        return cls(
            {v.id: v for v in service.venues() if v.id is not None},
            {d.id: d for d in service.days() if d.id is not None},
            {t.id: t for t in service.troupes() if t.id is not None},
        )

    def venue(self, venue_id: int | None, language: str) -> str:
        venue = self.venues.get(venue_id) if venue_id is not None else None
        return venue.name(language) if venue is not None else ""

    def day(self, day_id: int | None) -> str:
        day = self.days.get(day_id) if day_id is not None else None
        return day.date.isoformat() if day is not None else ""

    def troupe(self, troupe_id: int | None, language: str) -> str:
        troupe = self.troupes.get(troupe_id) if troupe_id is not None else None
        return troupe_label(troupe, language) if troupe is not None else ""


def troupe_label(troupe: Troupe, language: str) -> str:
    city = troupe.city(language)
    name = troupe.display_name(language)
    return f"{name} ({city})" if city else name


def record_label(record: Any, names: Names, language: str = "en") -> str:
    """What a record is, in a few words: "P-49 Embassy of Peru", "2018-09-01 14:00 …"."""
    if isinstance(record, Booth):
        return " ".join(x for x in (record.code, record.label(language)) if x)
    if isinstance(record, Troupe):
        return troupe_label(record, language)
    if isinstance(record, ProgramItem):
        day, start = names.day(record.day_id), format_time(record.start)
        return f"{day} {start} {names.venue(record.venue_id, language)}: {record.title(language)}"
    if isinstance(record, Venue):
        return record.name(language)
    if isinstance(record, FestivalDay):
        return record.date.isoformat()
    if isinstance(record, Festival):
        return record.name(language)
    return str(record)


def value_text(column: Column | None, name: str, value: Any, names: Names, language: str) -> str:
    """One field's value as the preview shows it ("" for empty)."""
    if name == "venue_id":
        return names.venue(value, language)
    if name == "day_id":
        return names.day(value)
    if name == "troupe_id":
        return names.troupe(value, language)
    if name == "day_ids":
        if not value:
            return translate("Import", "all days")
        return ", ".join(sorted(names.day(d) for d in value))
    if value is None:
        return ""
    if isinstance(value, bool):
        return translate("Import", "yes") if value else translate("Import", "no")
    if column is not None and column.cell_type == CellType.COUNTRY:
        return countries.name(value, language)
    if isinstance(value, Enum):
        if column is not None and column.choices is not None:
            context, labels = column.choices.shown
            if value in labels:
                return translate(context, labels[value])
            return column.choices.ko(value) if language == "ko" else column.choices.en(value)
        return str(value.value)
    if isinstance(value, time):
        return format_time(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def field_changes(before: Any, after: Any, names: Names, language: str = "en") -> list[FieldChange]:
    """The fields that differ, in the sheet's column order; for a new record (before
    None) every field that holds something."""
    sheet = _SHEET_OF[type(after)]
    columns = {c.key: c for c in sheet.columns}
    out: list[FieldChange] = []
    order = {c.key: i for i, c in enumerate(sheet.columns)}
    fields = [f.name for f in dataclasses.fields(after) if f.name not in _NOT_SHOWN]
    fields.sort(key=lambda f: order.get(FIELD_COLUMN.get(f) or f, len(order)))
    for name in fields:
        new = getattr(after, name)
        old = getattr(before, name) if before is not None else None
        if before is not None and old == new:
            continue
        key = FIELD_COLUMN.get(name, name)
        column = columns.get(key)
        new_text = value_text(column, name, new, names, language)
        old_text = value_text(column, name, old, names, language) if before is not None else ""
        if before is None and not new_text:
            continue
        if before is None and name == "day_ids" and not new:
            continue  # every day: the default, not worth a line
        if before is None and isinstance(new, bool) and not new:
            continue
        if old_text == new_text and before is not None:
            continue  # a reference whose record changed its name, say
        out.append(FieldChange(column.en if column is not None else name, old_text, new_text))
    return out


def heading(change: RowChange, names: Names, language: str = "en") -> str:
    """The row and the record it changes: "Booths row 3 matches P-49 Embassy of Peru"
    (found by a secondary key), "Booths row 4: P-50 …", "Booths row 5, new: …"."""
    place = translate("Import", "{sheet} row {row}").format(
        sheet=translate("ImportSheet", change.sheet), row=change.row
    )
    if change.before is None:
        return translate("Import", "{place}, new: {record}").format(
            place=place, record=record_label(change.after, names, language)
        )
    record = record_label(change.before, names, language)
    if change.matched:
        return translate("Import", "{place} matches {record}").format(place=place, record=record)
    return translate("Import", "{place}: {record}").format(place=place, record=record)
