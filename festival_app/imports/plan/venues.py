"""Planning the Venues sheet: a venue is found by its English or Korean name."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from festival_app.domain import record_rules
from festival_app.domain.venues import Venue
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.imports import format as fmt
from festival_app.imports.format import fold
from festival_app.imports.plan.rows import record_fields, text
from festival_app.imports.plan.sheets import SheetPlanner


class VenuesPlanner(SheetPlanner):
    """The Venues sheet."""

    _FIELDS = record_fields(fmt.VENUES, Venue)

    def _find(self, name_en: str, name_ko: str) -> int | None:
        venue_names = self.state.venue_names
        for name in (name_en, name_ko):
            if name and fold(name) in venue_names:
                return venue_names[fold(name)]
        return None

    def plan_row(self, row: dict[str, Any]) -> None:
        rows, state = self.rows, self.state
        name_en, name_ko = text(row, "name_en"), text(row, "name_ko")
        if not (name_en or name_ko):
            rows.fail("name_en", N("Import", "Name is required."))
        if isinstance(row.get("code_prefix"), str):
            row["code_prefix"] = row["code_prefix"].upper()
        venue_id = self._find(name_en, name_ko)
        first = rows.once(
            ("venue", venue_id if venue_id is not None else fold(name_en or name_ko)), "name_en"
        )
        before = state.venue_by_id.get(venue_id) if venue_id is not None else None
        original = state.original(Venue, venue_id)
        base = original if first is not None else before
        given = rows.given(row, self._FIELDS, Venue, base)
        if base is None:
            after = Venue(**{"name_en": "", **given, "id": state.new_id()})
        else:
            after = replace(base, **given)
        rows.check(record_rules.problems(after, state))
        if first is not None and not rows.again(first, before, original, after):
            return
        state.venue_by_id[after.id or 0] = after
        state.index_venue(after)
        rows.remember("venue", after)
        rows.record(before, after)
