"""The planners of the sheets, one class per sheet; the Festival and Days sheets.

Each planner turns one row (its cells already read) into a change of one record, checked
against the festival as the import would leave it (`record_rules`), and keeps the planned
state up to date for the rows after it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from festival_app.domain import record_rules
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.imports import format as fmt
from festival_app.imports.plan.references import References
from festival_app.imports.plan.result import FestivalChange
from festival_app.imports.plan.rows import RowContext, record_fields
from festival_app.imports.plan.state import PlannedState


class SheetPlanner:
    """Plans the rows of one sheet of the format."""

    def __init__(self, state: PlannedState, rows: RowContext, refs: References) -> None:
        self.state = state
        self.rows = rows
        self.refs = refs

    def begin(self, title: str) -> None:
        """A sheet this planner reads starts (under this title in the workbook)."""

    def plan_row(self, row: dict[str, Any]) -> None:
        """Plan one row; raises RowFailed when it has an error (already reported)."""
        raise NotImplementedError


class FestivalPlanner(SheetPlanner):
    """The Festival sheet: the festival's own fields, one row."""

    _FIELDS = record_fields(fmt.FESTIVAL, Festival)

    def plan_row(self, row: dict[str, Any]) -> None:
        rows, festival = self.rows, self.state.festival
        rows.once(("festival", 0), "name_en")
        after = replace(festival, **rows.given(row, self._FIELDS, Festival, festival))
        rows.check(after.problems())
        if after == festival:
            rows.counts.unchanged += 1
        else:
            rows.counts.updated += 1
            rows.result.festival = (festival, after)
            rows.result.festival_change = FestivalChange(
                rows.where, rows.row, festival, after, source=rows.source
            )


class DaysPlanner(SheetPlanner):
    """The Days sheet: a day is found by its date."""

    _FIELDS = record_fields(fmt.DAYS, FestivalDay, besides=("date",))

    def plan_row(self, row: dict[str, Any]) -> None:
        rows, state = self.rows, self.state
        when: date = row["date"]
        before = state.day_by_date.get(when)
        first = rows.once(("day", when), "date")
        original = state.original(FestivalDay, before.id if before else None)
        base = original if first is not None else before
        given = rows.given(row, self._FIELDS, FestivalDay, base)
        if base is None:
            after = FestivalDay(when, given["opens"], given["closes"], id=state.new_id())
        else:
            after = replace(base, **given)
        rows.check(record_rules.problems(after, state))
        if first is not None and not rows.again(first, before, original, after):
            return
        state.day_by_date[when] = after
        rows.remember("day", after)
        rows.record(before, after)
