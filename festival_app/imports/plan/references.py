"""A row's references by name: a program item's or booth's day, venue and troupe.

Names are matched as people write them (case, width and spaces ignored), in either
language or in both as the exports write them ("서울광장 / Seoul Plaza"); records the
same workbook creates are found too. A name that finds nothing gets a suggestion.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from datetime import date

from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.imports import format as fmt
from festival_app.imports import values
from festival_app.imports.format import fold
from festival_app.imports.plan.rows import RowContext
from festival_app.imports.plan.state import PlannedState


def suggest(text: str, names: Iterable[str]) -> str:
    """The name closest to `text`, if one is close."""
    labels = {fold(n): n for n in names if n}
    hits = difflib.get_close_matches(fold(text), list(labels), n=1, cutoff=0.6)
    return labels[hits[0]] if hits else ""


class References:
    """Finds the records a row names; a name that finds none fails the row."""

    def __init__(self, state: PlannedState, rows: RowContext) -> None:
        self.state = state
        self.rows = rows

    def day_id(self, when: date, key: str) -> int:
        found = self.state.day_by_date.get(when)
        if found is None or found.id is None:
            self.rows.fail(
                key,
                N("Import", "{date} is not a festival day (the days are {days})."),
                date=when.isoformat(),
                days=", ".join(d.isoformat() for d in sorted(self.state.day_by_date)) or "-",
            )
        assert found is not None and found.id is not None
        return found.id

    def venue_id(self, name: str) -> int:
        venue_names = self.state.venue_names
        venue_id = venue_names.get(fold(name))
        if venue_id is None:
            # Both languages, as the exported program writes it ("서울광장 / Seoul Plaza").
            venue_id = values.either_half(name, lambda part: venue_names.get(fold(part)))
        if venue_id is None:
            self.rows.fail(
                "venue",
                N("Import", "'{value}' is not a venue of the festival or the workbook."),
                suggestion=suggest(
                    name,
                    [n for v in self.state.venue_by_id.values() for n in (v.name_en, v.name_ko)],
                ),
                value=name,
            )
        assert venue_id is not None
        return venue_id

    def troupes_called(self, name: str, city: str | None) -> set[int]:
        """The troupes of this name (either language), from this city if one is given."""
        troupes = self.state.troupe_by_id
        ids = set(self.state.troupe_names.get(fold(name), set()))
        if city:
            ids = {
                i for i in ids if fold(city) in (fold(troupes[i].city_en), fold(troupes[i].city_ko))
            }
        return ids

    def troupe_id(self, name: str, city: str | None) -> int:
        ids = self.troupes_called(name, city)
        if not ids:
            # Both languages, as the exported program writes them ("베이징 가무단 / …").
            names = [half for pair in fmt.halves(name) for half in pair]
            cities = [city, *(half for pair in fmt.halves(city or "") for half in pair)]
            found = {
                next(iter(hits))
                for one_name in names
                for one_city in cities
                if len(hits := self.troupes_called(one_name, one_city)) == 1
            }
            if len(found) == 1:
                return found.pop()
        if len(ids) == 1:
            return next(iter(ids))
        if not ids:
            self.rows.fail(
                "troupe",
                N("Import", "'{value}' is not a troupe of the festival or the workbook."),
                suggestion=suggest(
                    name,
                    [n for t in self.state.troupe_by_id.values() for n in (t.name, t.name_ko)],
                ),
                value=name,
            )
        self.rows.fail(
            "troupe",
            N(
                "Import",
                "Several troupes are called '{value}'; fill in the City to tell them apart.",
            ),
            value=name,
        )
        raise AssertionError  # unreachable: fail raises
