"""The three import steps together: preview a workbook, then import it."""

from __future__ import annotations

import os
from collections.abc import Callable

from festival_app.imports.apply import ImportResult, apply_plan
from festival_app.imports.plan import ImportPlan, Snapshot, make_plan
from festival_app.imports.reader import Progress, read_workbook
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


def import_workbook(service: FestivalService, path: str | os.PathLike[str]) -> ImportResult:
    """Preview and apply in one go; refuses (WorkbookError) when any row has an error."""
    return apply_plan(service, preview_workbook(service, path))
