"""Planning the Program sheet: an item is found by its day, venue, start and title (in
either language); its troupe by name, and by city when several share the name."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from festival_app.domain import record_rules
from festival_app.domain.program import ProgramItem
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.imports import format as fmt
from festival_app.imports.format import fold
from festival_app.imports.plan.rows import CLEAR, record_fields, text
from festival_app.imports.plan.sheets import SheetPlanner


class ProgramPlanner(SheetPlanner):
    """The Program sheet."""

    _FIELDS = record_fields(fmt.PROGRAM, ProgramItem)

    def plan_row(self, row: dict[str, Any]) -> None:
        rows, state, refs = self.rows, self.state, self.refs
        day_id = refs.day_id(row["day"], "day")
        venue_id = refs.venue_id(text(row, "venue"))
        title_en, title_ko = text(row, "title_en"), text(row, "title_ko")
        if not (title_en or title_ko):
            rows.fail("title_en", N("Import", "Title is required."))
        item_id = None
        for title in (title_en, title_ko):
            if title and item_id is None:
                item_id = state.item_keys.get((day_id, venue_id, row["start"], fold(title)))
        identity = (
            item_id
            if item_id is not None
            else (day_id, venue_id, row["start"], fold(title_en or title_ko))
        )
        first = rows.once(("item", identity), "title_en")
        before = state.item_by_id.get(item_id) if item_id is not None else None
        original = state.original(ProgramItem, item_id)
        base = original if first is not None else before
        given = rows.given(row, self._FIELDS, ProgramItem, base)
        troupe = row.get("troupe")
        if troupe is CLEAR:
            given["troupe_id"] = None
        elif isinstance(troupe, str):
            city = row.get("city")
            given["troupe_id"] = refs.troupe_id(troupe, city if isinstance(city, str) else None)
        if base is None:
            after = ProgramItem(
                **{
                    "title_en": "",
                    **given,
                    "day_id": day_id,
                    "venue_id": venue_id,
                    "id": state.new_id(),
                }
            )
        else:
            after = replace(base, **given)
        rows.check(record_rules.problems(after, state))
        if first is not None and not rows.again(first, before, original, after):
            return
        state.item_by_id[after.id or 0] = after
        state.index_item(after)
        rows.remember("item", after)
        rows.record(before, after)
