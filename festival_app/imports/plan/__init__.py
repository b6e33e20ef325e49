"""Step 2 of an import: normalise raw rows, resolve them to records, check every rule.

Nothing is written here. The festival's records are read once (`Snapshot`) and every
row is resolved and validated in memory with the domain's own rules (`problems()` and
`record_rules`), so a sheet of 12,000 booths costs five queries, not one per row.
Records the workbook creates get negative placeholder ids; `apply` replaces them with
the ids the file gives them.

A blank cell leaves the record's field as it is (a new record gets the field's default);
a cell holding just the clear marker, "(clear)", empties the field on purpose. A row finds
its record by the record's key (a booth's code, a troupe's name and city, …) or, failing
that, by a secondary key (a booth's category and country or organization, a troupe's
name alone); such a change says which record the row matched. A row that could mean
several records is an error that asks for the key.

The booth workbook that `export booths` writes holds every booth twice (all booths, and
one sheet per booth area): a record found again on another sheet is one record; the copy
that differs from the festival is the edit, and two different edits are an error.

The modules: `planner` reads the sheets row by row; `sheets`, `venues`, `troupes`,
`program` and `booths` plan one sheet's rows each; `rows` reports problems and changes;
`references` finds the records a row names; `state` is the festival as the import would
leave it; `result` is what planning gives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from festival_app.imports.format import RawWorkbook
from festival_app.imports.plan.planner import Planner
from festival_app.imports.plan.result import (
    Change,
    FestivalChange,
    ImportPlan,
    RowKey,
    SheetCounts,
)
from festival_app.imports.plan.state import Snapshot
from festival_app.services import FestivalService

__all__ = [
    "Change",
    "FestivalChange",
    "ImportPlan",
    "RowKey",
    "SheetCounts",
    "Snapshot",
    "make_plan",
]


def make_plan(
    source: FestivalService | Snapshot,
    raw: RawWorkbook,
    *,
    should_stop: Callable[[], bool] | None = None,
    skip: Iterable[RowKey] = (),
) -> ImportPlan:
    """Resolve a raw workbook against the festival; raises WorkbookError only if cancelled.

    Rows in `skip` ((sheet title, row number), as `Change.key` gives them) are left out,
    as if the workbook did not hold them.
    """
    snapshot = source if isinstance(source, Snapshot) else Snapshot.read(source)
    plan = Planner(snapshot, should_stop, frozenset(skip)).plan(raw)
    plan.raw = raw
    return plan
