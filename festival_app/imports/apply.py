"""Step 3 of an import: write a checked plan in one transaction, as one undo step."""

from __future__ import annotations

from dataclasses import dataclass, replace

from festival_app.domain.booths import Booth
from festival_app.domain.errors import ValidationError
from festival_app.domain.program import ProgramItem
from festival_app.imports.errors import HAS_ERRORS, WRITE_FAILED, WorkbookError
from festival_app.imports.plan import ImportPlan
from festival_app.services import ChangeLog, FestivalService, Record
from festival_app.store.errors import StoreError


@dataclass
class ImportResult:
    """What an applied import wrote: enough to undo and redo it exactly."""

    log: ChangeLog


def apply_plan(service: FestivalService, plan: ImportPlan) -> ImportResult:
    """Write every change of `plan` in one `service.batch()`; all or nothing.

    Refuses a plan with errors. The records were validated while planning, against the
    festival as it was read then; the file's constraints are the last line of defence.
    """
    if plan.has_errors:
        raise WorkbookError(HAS_ERRORS, count=plan.error_rows)
    ids: dict[int, int] = {}  # placeholder id -> id in the file
    try:
        with service.batch() as log:
            if plan.festival is not None:
                service.update_festival(plan.festival[1])
            for change in plan.changes:
                record = _resolved(change.after, ids)
                if change.before is None:
                    placeholder = record.id
                    # write_checked is generic over one kind of record, a plan's changes mix them.
                    stored = service.write_checked(replace(record, id=None), None)  # type: ignore[type-var]
                    assert placeholder is not None and stored.id is not None
                    ids[placeholder] = stored.id
                else:
                    service.write_checked(record, change.before)  # type: ignore[type-var]  # as above
    except (StoreError, ValidationError) as exc:  # ValidationError: the file refused a
        # row, as when another computer took its code after the plan read the festival
        raise WorkbookError(WRITE_FAILED, detail=exc.message()) from exc
    return ImportResult(log)


def _resolved(record: Record, ids: dict[int, int]) -> Record:
    """The record with placeholder references replaced by the ids given on insert."""

    def real(value: int) -> int:
        return ids.get(value, value) if value < 0 else value

    if isinstance(record, ProgramItem):
        troupe = record.troupe_id
        return replace(
            record,
            day_id=real(record.day_id),
            venue_id=real(record.venue_id),
            troupe_id=None if troupe is None else real(troupe),
        )
    if isinstance(record, Booth):
        return replace(
            record,
            venue_id=real(record.venue_id),
            day_ids=frozenset(real(d) for d in record.day_ids),
        )
    return record


def undo_import(service: FestivalService, result: ImportResult) -> None:
    """Put the festival back as it was before the import."""
    service.revert(result.log)


def redo_import(service: FestivalService, result: ImportResult) -> None:
    """Write an undone import again, with the same ids."""
    service.reapply(result.log)
