"""The three import steps together: preview a workbook, then import it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from festival_app.imports.apply import ImportResult, apply_plan
from festival_app.imports.errors import HAS_ERRORS, WorkbookError
from festival_app.imports.plan import ImportPlan, RowKey, Snapshot, make_plan
from festival_app.imports.reader import Progress, read_workbook
from festival_app.imports.spaces import import_workbook_spaces, plan_workbook_spaces
from festival_app.services import FestivalService


def preview_workbook(
    service: FestivalService | Snapshot,
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> ImportPlan:
    """Read and check a workbook against the festival (or a snapshot of it); writes nothing.

    Raises WorkbookError when the file cannot be imported at all.
    """
    raw = read_workbook(path, progress=progress, should_stop=should_stop)
    return make_plan(service, raw, should_stop=should_stop)


def replan(snapshot: Snapshot, plan: ImportPlan, leave_out: Iterable[RowKey]) -> ImportPlan:
    """`plan` again without the rows in `leave_out` (`Change.key`s the user unticked).

    Planned against the same snapshot, so every `before` is still the record as it was
    read for the preview: a record changed elsewhere since is refused when applied. A
    change that needs one left out (a booth in a new booth area) becomes an error.
    """
    assert plan.raw is not None, "a plan made by make_plan keeps its rows"
    return make_plan(snapshot, plan.raw, skip={*plan.skipped, *leave_out})


def import_workbook(service: FestivalService, path: str | os.PathLike[str]) -> ImportResult:
    """Preview and apply in one go; refuses (WorkbookError) when any row has an error."""
    plan, result = plan_and_apply(service, path)
    if result is None:
        raise WorkbookError(HAS_ERRORS, count=plan.error_rows)
    return result


def plan_and_apply(
    service: FestivalService, path: str | os.PathLike[str]
) -> tuple[ImportPlan, ImportResult | None]:
    """Read a workbook, then plan and apply it inside one write transaction.

    The plan is made against the festival exactly as the import then writes over it:
    another program cannot change or add records in between, so two imports running at
    once never create the same troupe twice or lose each other's updates (the second
    waits for the first and then finds its rows unchanged). A plan with errors writes
    nothing and comes back with no result.
    """
    raw = read_workbook(path)
    with service.batch():
        plan = make_plan(service, raw)
        if plan.has_errors:
            return plan, None
        result = apply_plan(service, plan)
        spaces = plan_workbook_spaces(service, path)  # a Spaces sheet: the layout
        import_workbook_spaces(service, spaces, result.log)
        return plan, result
