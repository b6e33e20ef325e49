"""Releasing: names, snapshots kept exactly, the printed baseline, what a printout says."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, time

import pytest

from festival_app import releasing
from festival_app.domain.errors import ValidationError
from festival_app.domain.program import ItemStatus, ProgramItem
from festival_app.domain.releases import Release
from festival_app.exports.release_footer import footer_label
from festival_app.services import FestivalService
from festival_app.store.releases import (
    ReleaseNameTakenError,
    snapshot_from_json,
    snapshot_to_json,
)
from tests.helpers.releases import stored_id


def test_a_snapshot_reads_back_exactly(service: FestivalService) -> None:
    snap = releasing.current_snapshot(service)
    assert len(snap.items) == 30 and len(snap.booths) == 131 and len(snap.troupes) == 15
    again = snapshot_from_json(snapshot_to_json(snap))
    assert again == snap
    assert snapshot_to_json(again) == snapshot_to_json(snap)
    # No contact details in a release.
    assert all(t.email == "" and t.phone == "" and t.contact == "" for t in snap.troupes)
    assert all(b.email == "" and b.phone == "" for b in snap.booths)
    assert any(t.email for t in service.troupes())


def test_a_release_keeps_the_program_as_it_was(service: FestivalService) -> None:
    made = releasing.release(service, "v1", "첫 인쇄", "First print", printed=True)
    assert made.printed and made.created_at is not None
    item = service.program()[0]
    service.save(replace(item, title_en="Changed title"))
    kept = releasing.version(service, "v1").snapshot
    assert next(i for i in kept.items if i.id == item.id).title_en == item.title_en
    assert releasing.version(service, None).snapshot != kept


def test_names_are_checked_and_suggested(service: FestivalService) -> None:
    assert releasing.next_name(service) == "v1"
    releasing.release(service, "v1")
    assert releasing.next_name(service) == "v2"
    for bad in ("", "   ", "V1", "x" * 41, "a\x07b"):
        with pytest.raises(ValidationError):
            releasing.release(service, bad)
    assert [r.name for r in releasing.releases(service)] == ["v1"]
    with pytest.raises(releasing.UnknownReleaseError) as caught:
        releasing.version(service, "v7")
    assert "v1" in caught.value.message()


def test_the_printed_baseline_moves_and_marks_changed_items(service: FestivalService) -> None:
    assert releasing.baseline(service) is None
    assert releasing.changed_since_baseline(service) == set()
    releasing.release(service, "v1")
    releasing.release(service, "v2", printed=True)
    base = releasing.baseline(service)
    assert base is not None and base.name == "v2"
    item = service.program()[2]
    service.save(replace(item, start=time(13, 0), end=time(13, 30)))
    assert releasing.changed_since_baseline(service) == {item.id}
    releasing.mark_printed(service, None)
    assert releasing.baseline(service) is None


def test_the_footer_names_the_release_or_says_draft(service: FestivalService) -> None:
    assert footer_label(service, "en") == "Draft, not released"
    when = datetime(2026, 8, 20, 1, 30, tzinfo=UTC)
    releasing.release(service, "v1", now=when)
    local = when.astimezone().strftime("%Y-%m-%d %H:%M")
    assert footer_label(service, "en") == f"Release v1 of {local}"
    item = service.program()[0]
    service.save(replace(item, status=ItemStatus.CANCELLED))
    assert footer_label(service, "en") == "Draft, not released"
    current = service.get(ProgramItem, stored_id(item))
    assert current is not None
    service.save(replace(current, status=item.status))
    assert footer_label(service, "en") == f"Release v1 of {local}"  # as released again


def test_the_store_tells_a_name_taken_meanwhile_from_other_refusals(
    service: FestivalService,
) -> None:
    """A name another program took between the use case's check and the insert: the store
    says so (the use case tells it as "There is a release of this name already")."""
    repo = releasing.repository(service)
    snap = releasing.current_snapshot(service)
    releasing.release(service, "v1")
    with pytest.raises(ReleaseNameTakenError) as taken:
        repo.insert(Release(name="v1", created_at=datetime.now(UTC)), snap)
    assert taken.value.name == "v1"
    with pytest.raises(sqlite3.IntegrityError) as refused:  # not a name taken: passed on
        repo.insert(Release(name="x" * 41, created_at=datetime.now(UTC)), snap)
    assert not isinstance(refused.value, ReleaseNameTakenError)
    assert [r.name for r in releasing.releases(service)] == ["v1"]  # nothing written
