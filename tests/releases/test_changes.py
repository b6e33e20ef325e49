"""What changed between two versions: each kind of change is found, and nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import time
from pathlib import Path

import pytest

from festival_app import releasing
from festival_app.domain.changes import Change, compare
from festival_app.domain.program import ItemKind, ItemStatus, ProgramItem
from festival_app.services import FestivalService
from tests.helpers.releases import stored_id


@pytest.fixture
def service(festival_path: Path) -> Iterator[FestivalService]:
    opened = FestivalService.open(festival_path)
    releasing.release(opened, "v1", printed=True)
    yield opened
    opened.close()


def _item(service: FestivalService, index: int) -> ProgramItem:
    return sorted(service.program(), key=lambda i: i.id or 0)[index]


def test_no_change_is_no_change(service: FestivalService) -> None:
    assert not releasing.changes(service, "v1")
    assert not releasing.changes(service, "v1", "v1")


def test_each_kind_of_change_is_found(service: FestivalService) -> None:
    days = service.days()
    venues = service.venues()
    troupes = service.troupes()
    moved_time = _item(service, 3)
    moved_day = _item(service, 4)
    moved_venue = _item(service, 5)
    retitled = _item(service, 6)
    longer = _item(service, 7)
    cancelled = _item(service, 8)
    removed = _item(service, 9)
    rekinded = _item(service, 10)
    chosen = {i.id for i in (moved_time, moved_day, moved_venue, retitled, longer, rekinded)}
    chosen |= {cancelled.id, removed.id}
    other_troupe = next(
        i for i in service.program() if i.troupe_id is not None and i.id not in chosen
    )
    # Same length, one hour later: only the time moves.
    service.save(
        replace(
            moved_time,
            start=time(moved_time.start.hour + 1, moved_time.start.minute),
            end=time(moved_time.end.hour + 1, moved_time.end.minute),
        )
    )
    other_day = next(d for d in days if d.id != moved_day.day_id)
    service.save(replace(moved_day, day_id=stored_id(other_day)))
    other_venue = next(v for v in venues if v.id != moved_venue.venue_id)
    service.save(replace(moved_venue, venue_id=stored_id(other_venue)))
    service.save(replace(retitled, title_en="R&D <Dance> Crew", title_ko="새 제목"))
    service.save(
        replace(
            longer,
            end=time(longer.end.hour, longer.end.minute + 5)
            if longer.end.minute < 55
            else time(longer.end.hour + 1, 0),
        )
    )
    service.save(replace(cancelled, status=ItemStatus.CANCELLED))
    service.delete(ProgramItem, [stored_id(removed)])
    new_troupe = next(t for t in troupes if t.id != other_troupe.troupe_id)
    service.save(replace(other_troupe, troupe_id=new_troupe.id))
    new_kind = ItemKind.ENCORE if rekinded.kind != ItemKind.ENCORE else ItemKind.FINALE
    service.save(replace(rekinded, kind=new_kind))
    added, _ = service.save(
        ProgramItem(
            stored_id(days[0]), stored_id(venues[0]), time(17, 30), time(17, 50), "Added", "추가"
        )
    )

    found = {c.item_id: c.what for c in releasing.changes(service, "v1")}
    assert found[stored_id(moved_time)] == {Change.TIME}
    assert found[stored_id(moved_day)] == {Change.DAY}
    assert found[stored_id(moved_venue)] == {Change.VENUE}
    assert found[stored_id(retitled)] == {Change.TITLE}
    assert found[stored_id(longer)] == {Change.DURATION}
    assert found[stored_id(cancelled)] == {Change.CANCELLED}
    assert found[stored_id(removed)] == {Change.CANCELLED}
    assert found[stored_id(other_troupe)] == {Change.TROUPE}
    assert found[stored_id(rekinded)] == {Change.KIND}
    assert found[stored_id(added)] == {Change.NEW}
    assert len(found) == 10

    # The other way round: what was added is cancelled, what was cancelled is back.
    releasing.release(service, "v2")
    back = {c.item_id: c.what for c in releasing.changes(service, "v2", "v1")}
    assert back[stored_id(added)] == {Change.CANCELLED}
    assert back[stored_id(removed)] == {Change.NEW}
    assert back[stored_id(cancelled)] == {Change.REINSTATED}


def test_filters_by_venue_and_troupe(service: FestivalService) -> None:
    item = next(i for i in service.program() if i.troupe_id is not None)
    other_venue = next(v for v in service.venues() if v.id != item.venue_id)
    service.save(replace(item, venue_id=stored_id(other_venue)))
    changes = releasing.changes(service, "v1")
    assert len(changes.filtered(venue_id=item.venue_id)) == 1  # moved away from it
    assert len(changes.filtered(venue_id=other_venue.id)) == 1  # moved onto it
    assert len(changes.filtered(troupe_id=item.troupe_id)) == 1
    unrelated = next(t for t in service.troupes() if t.id != item.troupe_id)
    assert len(changes.filtered(troupe_id=unrelated.id)) == 0
    assert changes.troupe_ids() == [item.troupe_id]


def test_a_cancelled_item_that_changes_further_is_not_reported_again(
    service: FestivalService,
) -> None:
    item = _item(service, 2)
    service.save(replace(item, status=ItemStatus.CANCELLED))
    releasing.release(service, "v2")
    current = service.get(ProgramItem, stored_id(item))
    assert current is not None
    service.save(replace(current, title_en="Still cancelled"))
    assert not releasing.changes(service, "v2")
    snap = releasing.current_snapshot(service)
    assert not compare(snap, snap)
