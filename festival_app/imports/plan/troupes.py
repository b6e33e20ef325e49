"""Planning the Troupes sheet: a troupe is found by its name and city, or by its name
alone when the sheet has no City column and one troupe has that name."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from festival_app.domain import record_rules
from festival_app.domain.troupes import Troupe
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.imports import format as fmt
from festival_app.imports.format import fold
from festival_app.imports.plan.rows import record_fields, text
from festival_app.imports.plan.sheets import SheetPlanner


class TroupesPlanner(SheetPlanner):
    """The Troupes sheet."""

    _FIELDS = record_fields(fmt.TROUPES, Troupe)

    def plan_row(self, row: dict[str, Any]) -> None:
        rows, state = self.rows, self.state
        name = text(row, "name")
        key = (fold(name), fold(text(row, "city_en")))
        troupe_id = state.troupe_keys.get(key)
        matched = False
        if troupe_id is None and "city_en" not in row:
            # No city given: the troupe of that name, when there is just one.
            ids = {
                i
                for i in state.troupe_names.get(fold(name), set())
                if fold(state.troupe_by_id[i].name) == fold(name)
            }
            if len(ids) > 1:
                rows.fail(
                    "city_en",
                    N(
                        "Import",
                        "Several troupes are called '{value}'; fill in the City to tell them "
                        "apart.",
                    ),
                    value=name,
                )
            if ids:
                troupe_id = ids.pop()
                matched = True
        first = rows.once(("troupe", troupe_id if troupe_id is not None else key), "name")
        before = state.troupe_by_id.get(troupe_id) if troupe_id is not None else None
        original = state.original(Troupe, troupe_id)
        base = original if first is not None else before
        given = rows.given(row, self._FIELDS, Troupe, base)
        if base is None:
            after = Troupe(**{**given, "id": state.new_id()})
        else:
            after = replace(base, **given)
        rows.check(record_rules.problems(after, state))
        if first is not None and not rows.again(first, before, original, after):
            return
        state.troupe_by_id[after.id or 0] = after
        state.index_troupe(after)
        rows.remember("troupe", after)
        rows.record(before, after, matched=matched)
