"""Helpers of the release tests: the saved version-3 sample and edits after a release."""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from pathlib import Path
from typing import Protocol

from festival_app import releasing
from festival_app.domain.program import ItemStatus, ProgramItem
from festival_app.services import FestivalService

V3_FILE = Path(__file__).resolve().parent.parent / "_files" / "festival_v3.sqlite3"
NASTY = 'R&D <Dance> Crew "quoted" </script> 🎉'


class _Stored(Protocol):
    @property
    def id(self) -> int | None: ...


def stored_id(record: _Stored) -> int:
    """The id of a record read from the file or saved to it (which always has one)."""
    assert record.id is not None
    return record.id


def edit_after_release(path: Path) -> dict[str, ProgramItem]:
    service = FestivalService.open(path)
    try:
        releasing.release(service, "v1", "인쇄본", "Printed", printed=True)
        p = sorted(service.program(), key=lambda i: i.id or 0)
        moved = p[3]
        service.save(
            replace(
                moved,
                start=time(moved.start.hour + 1, moved.start.minute),
                end=time(moved.end.hour + 1, moved.end.minute),
            )
        )
        other = next(v for v in service.venues() if v.id != p[5].venue_id)
        service.save(replace(p[5], venue_id=stored_id(other)))
        service.save(replace(p[6], title_en=NASTY, title_ko='새 "제목"'))
        service.save(replace(p[8], status=ItemStatus.CANCELLED))
        added, _ = service.save(
            ProgramItem(
                p[0].day_id,
                p[0].venue_id,
                time(17, 30),
                time(17, 50),
                "Added encore",
                "추가 앙코르",
                troupe_id=p[7].troupe_id,
            )
        )
        return {"moved": p[3], "venue": p[5], "retitled": p[6], "cancelled": p[8], "added": added}
    finally:
        service.close()
