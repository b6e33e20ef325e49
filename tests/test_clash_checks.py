"""Clash checks over a real festival file: running them, acknowledging, undoing."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from festival_app import clash_checks
from festival_app.domain.clashes import ClashKind
from festival_app.domain.errors import Severity, ValidationError
from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ItemKind, ProgramItem
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue
from festival_app.services import FestivalService
from festival_app.store.errors import ReadOnlyError


def _festival(service: FestivalService) -> dict[str, int]:
    """Two days, one stage, two troupes; Beijing double-booked on Sunday."""
    sat, _ = service.save(FestivalDay(date(2018, 9, 1), time(12), time(18)))
    sun, _ = service.save(FestivalDay(date(2018, 9, 2), time(12), time(17)))
    stage, _ = service.save(Venue("Main Stage"))
    beijing, _ = service.save(Troupe("Beijing troupe"))
    service.save(Troupe("Hanoi troupe"))
    assert sat.id and sun.id and stage.id and beijing.id
    service.save(
        ProgramItem(
            sat.id,
            stage.id,
            time(13),
            time(13, 30),
            "Opening",
            troupe_id=None,
            kind=ItemKind.CEREMONY,
        )
    )
    first, _ = service.save(
        ProgramItem(sun.id, stage.id, time(14), time(14, 30), "Beijing A", troupe_id=beijing.id)
    )
    # A clash never blocks saving: the organizers may fix it later.
    second, _ = service.save(
        ProgramItem(sun.id, stage.id, time(14, 20), time(15), "Beijing B", troupe_id=beijing.id)
    )
    assert first.id and second.id
    return {"sat": sat.id, "sun": sun.id, "first": first.id, "second": second.id}


def test_the_2018_sample_has_no_unacknowledged_error(sample_service: FestivalService) -> None:
    clashes = clash_checks.check(sample_service)
    errors = [c.message() for c in clashes if c.severity == Severity.ERROR and not c.acknowledged]
    assert errors == []
    warnings = [c.message() for c in clashes if c.severity == Severity.WARNING]
    assert warnings == []
    assert sample_service.program()  # the check looked at a real program


def test_check_finds_the_clashes_in_the_file(empty_service: FestivalService) -> None:
    ids = _festival(empty_service)
    clashes = clash_checks.check(empty_service)
    assert [(c.kind, c.item_ids) for c in clashes] == [
        (ClashKind.VENUE_OVERLAP, (ids["first"], ids["second"])),
        (ClashKind.TROUPE_OVERLAP, (ids["first"], ids["second"])),
        (ClashKind.TROUPE_UNSCHEDULED, ()),
    ]
    assert clashes[1].message() == (
        "Beijing troupe is on Main Stage 14:00-14:30 and on Main Stage 14:20-15:00"
    )


def test_check_of_one_day(empty_service: FestivalService) -> None:
    ids = _festival(empty_service)
    assert clash_checks.check(empty_service, ids["sat"]) == []
    sunday = clash_checks.check(empty_service, ids["sun"])
    assert {c.kind for c in sunday} == {ClashKind.VENUE_OVERLAP, ClashKind.TROUPE_OVERLAP}


def test_acknowledge_keeps_the_reason_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "festival.sqlite3"
    service = FestivalService.create(path)
    ids = _festival(service)
    heard: list[frozenset[str]] = []
    service.subscribe(heard.append)
    key = f"venue_overlap:{ids['first']}:{ids['second']}"
    assert clash_checks.acknowledge(service, key, "  One act, two halves  ") is None
    assert heard == [frozenset({"clashes"})]
    service.close()

    service = FestivalService.open(path)
    assert service.acknowledgements() == {key: "One act, two halves"}
    [clash] = [c for c in clash_checks.check(service) if c.key == key]
    assert clash.acknowledged and clash.reason == "One act, two halves"
    others = [c for c in clash_checks.check(service) if c.key != key]
    assert others and not any(c.acknowledged for c in others)
    # Changing the reason returns the previous one, for undo.
    assert clash_checks.acknowledge(service, key, "Shared stage") == "One act, two halves"
    assert clash_checks.unacknowledge(service, key) == "Shared stage"
    assert clash_checks.unacknowledge(service, key) is None
    assert service.acknowledgements() == {}
    service.close()


def test_an_acknowledged_error_no_longer_blocks(empty_service: FestivalService) -> None:
    ids = _festival(empty_service)
    for clash in clash_checks.check(empty_service):
        if clash.severity == Severity.ERROR:
            clash_checks.acknowledge(empty_service, clash.key, "known")
    clashes = clash_checks.check(empty_service)
    errors = [c for c in clashes if c.severity == Severity.ERROR]
    assert len(errors) == 2 and all(c.acknowledged for c in errors)  # shown, not hidden
    assert ids


def test_restore_puts_the_acknowledgement_back_exactly(empty_service: FestivalService) -> None:
    key = "troupe_unscheduled:t1"
    clash_checks.acknowledge(empty_service, key, "Arrives late")
    before = empty_service.acknowledgement(key)
    assert before is not None and before.reason == "Arrives late"
    empty_service.db.conn.execute(
        "UPDATE clash_acknowledgement SET acknowledged_at = '2018-08-01T09:00:00+00:00'"
    )
    before = empty_service.acknowledgement(key)
    clash_checks.acknowledge(empty_service, key, "Something else")
    clash_checks.put_back(empty_service, key, before)
    assert empty_service.acknowledgement(key) == before
    clash_checks.put_back(empty_service, key, None)
    assert empty_service.acknowledgement(key) is None


@pytest.mark.parametrize("reason", ["", "   ", "x" * 2001])
def test_an_acknowledgement_needs_a_reason(empty_service: FestivalService, reason: str) -> None:
    heard: list[frozenset[str]] = []
    empty_service.subscribe(heard.append)
    with pytest.raises(ValidationError) as caught:
        clash_checks.acknowledge(empty_service, "troupe_unscheduled:t1", reason)
    assert caught.value.for_field("reason")
    assert empty_service.acknowledgements() == {}
    assert heard == []


def test_a_read_only_file_cannot_be_acknowledged(tmp_path: Path) -> None:
    path = tmp_path / "festival.sqlite3"
    FestivalService.create(path).close()
    service = FestivalService.open(path, read_only=True)
    try:
        assert clash_checks.check(service) == []
        with pytest.raises(ReadOnlyError):
            clash_checks.acknowledge(service, "troupe_unscheduled:t1", "fine")
    finally:
        service.close()
