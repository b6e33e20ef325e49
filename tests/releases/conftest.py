"""Release tests work on copies of the 2018 sample saved at schema version 3."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import time
from pathlib import Path

import pytest

from festival_app import releasing
from festival_app.domain.program import ItemStatus, ProgramItem
from festival_app.services import FestivalService

V3_FILE = Path(__file__).resolve().parent.parent / "_files" / "festival_v3.sqlite3"
NASTY = 'R&D <Dance> Crew "quoted" </script> 🎉'


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages are compared in English, whatever the suite runs in."""
    monkeypatch.setenv("FESTIVAL_APP_LANG", "en")


@pytest.fixture
def festival_path(tmp_path: Path) -> Path:
    copy = tmp_path / "festival.sqlite3"
    shutil.copyfile(V3_FILE, copy)
    return copy


@pytest.fixture
def changed_path(festival_path: Path) -> Path:
    """The sample released as v1 (printed), then: one item an hour later, one on another
    venue, one retitled with markup in its title, one cancelled, one added."""
    edit_after_release(festival_path)
    return festival_path


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
        service.save(replace(p[5], venue_id=other.id))
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


@pytest.fixture
def service(festival_path: Path) -> Iterator[FestivalService]:
    opened = FestivalService.open(festival_path)
    yield opened
    opened.close()
