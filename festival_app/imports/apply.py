"""Step 3 of an import: write a checked plan in one transaction, as one undo step."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from typing import Any

from festival_app.domain.booths import Booth
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue
from festival_app.imports.errors import HAS_ERRORS, WRITE_FAILED, WorkbookError
from festival_app.imports.plan import ImportPlan
from festival_app.services import (
    BOOTHS,
    DAYS,
    FESTIVAL,
    PROGRAM,
    TROUPES,
    VENUES,
    ChangeLog,
    FestivalService,
    Record,
)
from festival_app.store.errors import StoreError
from festival_app.store.repositories import Repository

_KIND = {FestivalDay: DAYS, Venue: VENUES, Troupe: TROUPES, ProgramItem: PROGRAM, Booth: BOOTHS}


@dataclass
class ImportResult:
    """What an applied import wrote: enough to undo and redo it exactly."""

    log: ChangeLog
    festival: tuple[Festival, Festival] | None = None  # (before, after)


def apply_plan(service: FestivalService, plan: ImportPlan) -> ImportResult:
    """Write every change of `plan` in one `service.batch()`; all or nothing.

    Refuses a plan with errors. The records were validated while planning, against the
    festival as it was read then; the file's constraints are the last line of defence.
    """
    if plan.has_errors:
        raise WorkbookError(HAS_ERRORS, count=plan.error_rows)
    ids: dict[int, int] = {}  # placeholder id -> id in the file
    repos = service.repos
    repo: dict[type, Repository[Any]] = {
        FestivalDay: repos.days,
        Venue: repos.venues,
        Troupe: repos.troupes,
        ProgramItem: repos.program,
        Booth: repos.booths,
    }
    try:
        with service.batch() as log:
            if plan.festival is not None:
                repos.festival.update(plan.festival[1])
                service.notify({FESTIVAL})
            for change in plan.changes:
                record = _resolved(change.after, ids)
                store = repo[type(record)]
                if change.before is None:
                    placeholder = record.id
                    stored: Record = store.insert(replace(record, id=None))
                    assert placeholder is not None and stored.id is not None
                    ids[placeholder] = stored.id
                else:
                    store.update(record)
                    stored = record
                log.changes.append((change.before, stored))
            service.notify({_KIND[type(c.after)] for c in plan.changes})
    except sqlite3.Error as exc:
        raise WorkbookError(WRITE_FAILED, detail=str(exc)) from exc
    except StoreError as exc:
        raise WorkbookError(WRITE_FAILED, detail=exc.message()) from exc
    return ImportResult(log, plan.festival)


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
    with service.db.transaction():
        service.revert(result.log)
        if result.festival is not None:
            service.repos.festival.update(result.festival[0])
    if result.festival is not None:
        service.notify({FESTIVAL})


def redo_import(service: FestivalService, result: ImportResult) -> None:
    """Write an undone import again, with the same ids."""
    with service.db.transaction():
        service.reapply(result.log)
        if result.festival is not None:
            service.repos.festival.update(result.festival[1])
    if result.festival is not None:
        service.notify({FESTIVAL})
