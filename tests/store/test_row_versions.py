"""Row versions: a stale copy of a record never overwrites a newer one.

Two FestivalService objects on one festival file stand for two programs (or windows):
A reads a record, B changes it, then A writes from its stale copy. A's write must be
refused with StaleRecordError, write nothing, and tell A's listeners nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.errors import ValidationError
from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.troupes import Troupe
from festival_app.i18n import translate
from festival_app.services import ChangeLog, FestivalService
from festival_app.store.errors import StaleRecordError, StoreError, local_time
from tests.helpers.engines import (
    ENGINES,
    Location,
    festival_copy,
    open_festival,
    row_version,
    table_rows,
)

Rows = dict[str, list[tuple[object, ...]]]
PHONE = "+82 2 120"


@pytest.fixture(params=ENGINES)
def festival(sample_file: Path, request: pytest.FixtureRequest) -> Location:
    """A copy of the 2018 sample (made by `festival-app init --sample`'s code), as a
    festival file and as a festival on a PostgreSQL server."""
    return festival_copy(request.param, sample_file, request)


@pytest.fixture
def a(festival: Location) -> Iterator[FestivalService]:
    service = open_festival(festival)
    yield service
    service.close()


@pytest.fixture
def b(festival: Location) -> Iterator[FestivalService]:
    """A second program (or computer) on the same festival."""
    service = open_festival(festival)
    yield service
    service.close()


@pytest.fixture
def heard(a: FestivalService) -> list[frozenset[str]]:
    """What A's listeners were told."""
    told: list[frozenset[str]] = []
    a.subscribe(told.append)
    return told


def rows(festival: Location) -> Rows:
    """Every row of every table, read through a connection of its own; all but the time
    of each record's last write (changed_at: an undo is a write of its own moment)."""
    return table_rows(festival)


def version(festival: Location, table: str, record_id: int) -> int:
    found = row_version(festival, table, record_id)
    assert found, (table, record_id)
    return found


def troupe(service: FestivalService, record_id: int) -> Troupe:
    found = service.get(Troupe, record_id)
    assert found is not None
    return found


def new_troupe(service: FestivalService, name: str = "Busan Drummers") -> Troupe:
    """A troupe without program items (every troupe of the sample has some)."""
    stored, _ = service.save(Troupe(name, city_en="Busan"))
    assert stored.id is not None
    return stored


# -- saving ------------------------------------------------------------------------------


def test_a_stale_copy_does_not_overwrite_a_newer_phone(
    a: FestivalService, b: FestivalService, festival: Location, heard: list[frozenset[str]]
) -> None:
    stale = a.troupes()[0]
    assert stale.id is not None and stale.row_version == 1
    newer, _ = b.save(replace(troupe(b, stale.id), phone="+82 2 120"))
    before = rows(festival)

    with pytest.raises(StaleRecordError) as caught:
        a.save(replace(stale, notes="Needs a bus from the airport"))

    assert rows(festival) == before  # nothing written
    assert heard == []
    in_file = troupe(a, stale.id)
    assert in_file.phone == "+82 2 120"  # B's phone survives
    assert in_file.notes == stale.notes
    assert in_file.row_version == newer.row_version == 2
    error = caught.value
    assert isinstance(error, StoreError) and not error.deleted
    assert (error.table, error.record_id) == ("troupe", stale.id)
    assert stale.name in error.detail
    # It names who changed the record and when (schema version 4).
    assert error.changed_by == b.db.who and error.changed_at.endswith("Z")
    assert error.message() == translate("StoreError", error.named_template).format(
        detail=error.detail, who=b.db.who, when=local_time(error.changed_at)
    )
    assert b.db.who in error.message()
    # Read again, the record saves.
    stored, _ = a.save(replace(in_file, notes="Needs a bus from the airport"))
    assert stored.row_version == 3
    assert troupe(b, stale.id).phone == "+82 2 120"


def test_saving_a_record_deleted_elsewhere_does_not_bring_it_back(
    a: FestivalService, b: FestivalService, festival: Location, heard: list[frozenset[str]]
) -> None:
    stale = new_troupe(a)
    assert stale.id is not None
    b.delete(Troupe, [stale.id])
    heard.clear()
    before = rows(festival)

    with pytest.raises(StaleRecordError) as caught:
        a.save(replace(stale, notes="changed"))

    error = caught.value
    assert error.deleted
    assert error.message() == translate("StoreError", error.deleted_template).format(
        detail=error.detail
    )
    assert rows(festival) == before
    assert a.get(Troupe, stale.id) is None
    assert heard == []


def test_versions_go_up_by_one_per_write(a: FestivalService, festival: Location) -> None:
    first = a.troupes()[0]
    assert first.id is not None and first.row_version == 1
    second, previous = a.save(replace(first, notes="one"))
    assert previous == first and previous is not None and previous.row_version == 1
    assert second.row_version == 2 == version(festival, "troupe", first.id)
    third, _ = a.save(replace(second, notes="two"))
    assert third.row_version == 3 == version(festival, "troupe", first.id)
    assert troupe(a, first.id).row_version == 3

    created, _ = a.save(Troupe("Busan Drummers", city_en="Busan"))
    assert created.id is not None and created.row_version == 1
    # A copy of a record starts its own count: it does not inherit the original's.
    copy, _ = a.save(replace(third, id=None, name="Copy of " + third.name))
    assert copy.row_version == 1 == version(festival, "troupe", copy.id or 0)

    booth = a.booths()[0]
    stored_booth, _ = a.save(replace(booth, staff=9))
    assert stored_booth.row_version == booth.row_version + 1
    day = a.days()[0]
    stored_day, _ = a.save(replace(day, closes=day.closes.replace(hour=21)))
    assert stored_day.row_version == day.row_version + 1


def test_a_record_built_by_hand_is_written_whatever_the_version(
    a: FestivalService, b: FestivalService
) -> None:
    """row_version 0: not read from the file, so not checked (as before row versions)."""
    original = a.troupes()[0]
    assert original.id is not None
    b.save(replace(troupe(b, original.id), phone="+82 2 120"))  # now version 2
    by_hand = replace(original, notes="by hand", row_version=0)
    stored, old = a.save(by_hand)
    assert old is not None and old.phone == "+82 2 120"
    assert stored.row_version == 3
    assert troupe(b, original.id).notes == "by hand"


def test_a_batch_with_one_stale_record_writes_nothing(
    a: FestivalService, b: FestivalService, festival: Location, heard: list[frozenset[str]]
) -> None:
    first, second = a.troupes()[:2]
    assert second.id is not None
    b.save(replace(troupe(b, second.id), phone="+82 2 120"))
    before = rows(festival)

    with pytest.raises(StaleRecordError), a.batch():
        a.save(replace(first, notes="fresh copy, written first"))
        a.save(replace(second, notes="stale copy"))

    assert rows(festival) == before
    assert heard == []


def test_write_checked_refuses_a_record_changed_after_the_import_read_it(
    a: FestivalService, b: FestivalService, festival: Location, heard: list[frozenset[str]]
) -> None:
    snapshot = a.troupes()[0]  # as an import's plan reads it
    assert snapshot.id is not None
    b.save(replace(troupe(b, snapshot.id), phone="+82 2 120"))
    before = rows(festival)
    with pytest.raises(StaleRecordError), a.batch():
        a.write_checked(replace(snapshot, genre="Samul nori"), snapshot)
    assert rows(festival) == before
    assert heard == []


def test_write_checked_refuses_a_code_taken_after_the_import_read_the_festival(
    a: FestivalService, b: FestivalService, festival: Location, heard: list[frozenset[str]]
) -> None:
    """An import checks its rows against the festival as read; a booth given the same
    code elsewhere meanwhile is refused by the file: a message naming the code, not a
    crash, and nothing of the batch written."""
    plaza = next(v for v in a.venues() if v.code_prefix == "P")
    assert plaza.id is not None
    b.save(Booth(plaza.id, BoothCategory.FOOD, code="P-80", country="PE"))
    before = rows(festival)
    first = a.troupes()[0]
    with pytest.raises(ValidationError) as caught, a.batch():
        a.write_checked(replace(first, notes="written first"), first)
        a.write_checked(Booth(plaza.id, BoothCategory.TOURISM, code="P-80", country="CL"), None)
    assert "P-80" in caught.value.message()
    assert rows(festival) == before
    assert heard == []


# -- undo and redo -----------------------------------------------------------------------


def _edit_two(service: FestivalService) -> tuple[ChangeLog, Troupe, Troupe]:
    first, second = service.troupes()[:2]
    with service.batch() as log:
        service.save(replace(first, notes="batch"))
        service.save(replace(second, notes="batch"))
    return log, first, second


def test_an_undo_after_a_change_elsewhere_is_refused(
    a: FestivalService, b: FestivalService, festival: Location, heard: list[frozenset[str]]
) -> None:
    log, _first, second = _edit_two(a)
    assert second.id is not None
    heard.clear()
    b.save(replace(troupe(b, second.id), phone="+82 2 120"))
    before = rows(festival)

    with pytest.raises(StaleRecordError) as caught:
        a.revert(log)

    assert caught.value.record_id == second.id
    assert rows(festival) == before  # the first troupe was not put back either
    assert heard == []
    assert troupe(a, second.id).phone == "+82 2 120"


def test_a_redo_after_a_change_elsewhere_is_refused(
    a: FestivalService, b: FestivalService, festival: Location, heard: list[frozenset[str]]
) -> None:
    log, first, _second = _edit_two(a)
    assert first.id is not None
    a.revert(log)
    heard.clear()
    b.save(replace(troupe(b, first.id), phone="+82 2 120"))
    before = rows(festival)

    with pytest.raises(StaleRecordError) as caught:
        a.reapply(log)

    assert caught.value.record_id == first.id
    assert rows(festival) == before
    assert heard == []


def test_undo_redo_undo_redo_of_a_batch(a: FestivalService, festival: Location) -> None:
    """Updates, an insert, and one record written twice in the batch."""
    original = content(festival)
    first, second = a.troupes()[:2]
    assert first.id is not None and second.id is not None
    with a.batch() as log:
        a.save(replace(first, notes="batch 1"))
        again, _ = a.save(replace(second, notes="batch 1"))
        a.save(replace(again, phone="+82 2 120"))
        created, _ = a.save(Troupe("Busan Drummers", city_en="Busan"))
    assert created.id is not None
    applied = content(festival)
    assert version(festival, "troupe", second.id) == 3

    for round_ in range(3):
        a.revert(log)
        assert content(festival) == original, round_
        assert a.get(Troupe, created.id) is None
        a.reapply(log)
        assert content(festival) == applied, round_
        # The log holds the versions now in the file.
        last: dict[int, Troupe] = {}  # the last `after` of each record
        for _, after in log.changes:
            assert isinstance(after, Troupe) and after.id is not None
            last[after.id] = after
        for record_id, after in last.items():
            assert after.row_version == version(festival, "troupe", record_id)
    # What the command keeps as stored saves again (the next edit of the record).
    a.save(replace(last[second.id], notes="after the redo"))
    assert troupe(a, second.id).notes == "after the redo"


def _saved(service: FestivalService, record: Troupe) -> ChangeLog:
    """One undo step saving `record` (as a window's command does)."""
    with service.batch() as log:
        service.save(record)
    return log


def test_separate_steps_on_one_record_undo_and_redo_in_turn(
    a: FestivalService, b: FestivalService, festival: Location
) -> None:
    """Undoing a later step writes the record again, so the earlier step's own log is
    out of date; undo and redo still follow one another, any number of times."""
    original = troupe(a, a.troupes()[0].id or 0)
    assert original.id is not None
    states = [original.notes, "one", "two", "three"]
    logs: list[ChangeLog] = []
    for notes in states[1:]:
        logs.append(_saved(a, replace(troupe(a, original.id), notes=notes)))
    for _ in range(2):
        for index in reversed(range(len(logs))):
            a.revert(logs[index])
            assert troupe(b, original.id).notes == states[index]
        for index, log in enumerate(logs):
            a.reapply(log)
            assert troupe(b, original.id).notes == states[index + 1]
    # Another program's change still stops the chain, wherever it comes.
    a.revert(logs[-1])
    b.save(replace(troupe(b, original.id), phone=PHONE))
    before = rows(festival)
    with pytest.raises(StaleRecordError):
        a.revert(logs[-2])
    assert rows(festival) == before


def test_redoing_a_delete_after_an_earlier_step_was_undone_and_redone(
    a: FestivalService, festival: Location
) -> None:
    record = new_troupe(a)
    assert record.id is not None
    edit = _saved(a, replace(record, notes="edited"))
    edited = troupe(a, record.id)
    removal = a.delete(Troupe, [edited])
    a.undelete(removal)  # undo the delete
    a.revert(edit)  # undo the edit
    a.reapply(edit)  # redo the edit: the row has a version the delete never saw
    removal = a.delete_again(Troupe, removal)  # redo the delete
    assert a.get(Troupe, record.id) is None
    a.undelete(removal)
    assert troupe(a, record.id).notes == "edited"


def test_undoing_a_delete_after_a_later_step_on_a_kept_item_was_undone(
    a: FestivalService, festival: Location
) -> None:
    counts = a.item_counts_by_troupe()
    with_items = next(t for t in a.troupes() if counts.get(t.id or 0))
    original = content(festival)
    removal = a.delete(Troupe, [with_items], keep_items=True)  # the items lose their troupe
    kept = removal.changed_items[0]
    assert kept.id is not None
    now = a.get(ProgramItem, kept.id)
    assert now is not None
    with a.batch() as edit:
        a.save(replace(now, notes="edited without its troupe"))
    a.revert(edit)  # the item is as the delete left it, at a newer version
    a.undelete(removal)
    assert content(festival) == original


def test_a_fresh_copy_deletes_after_this_service_and_another_wrote(
    a: FestivalService, b: FestivalService
) -> None:
    record = new_troupe(a)
    assert record.id is not None
    a.save(replace(record, notes="ours"))
    b.save(replace(troupe(b, record.id), phone=PHONE))
    a.delete(Troupe, [troupe(a, record.id)])  # read again: its version is the file's
    assert a.get(Troupe, record.id) is None


def test_a_batch_that_was_rolled_back_leaves_undo_as_it_was(
    a: FestivalService, b: FestivalService, festival: Location
) -> None:
    first, second = a.troupes()[:2]
    assert first.id is not None and second.id is not None
    log = _saved(a, replace(first, notes="kept"))
    b.save(replace(troupe(b, second.id), phone=PHONE))
    with pytest.raises(StaleRecordError), a.batch():
        a.save(replace(troupe(a, first.id), notes="rolled back"))
        a.save(replace(second, notes="stale"))
    assert troupe(a, first.id).notes == "kept"
    a.revert(log)  # expects the version the committed step wrote, not the rolled back one
    assert troupe(a, first.id).notes == first.notes


def content(festival: Location) -> Rows:
    """Every row without its row_version and who and when of its last write: an undo is
    a write of whoever makes it, at its own moment."""
    return table_rows(festival, leave_out=("changed_at", "changed_by", "row_version"))


# -- deleting ----------------------------------------------------------------------------


def test_deleting_a_stale_record_is_refused(
    a: FestivalService, b: FestivalService, festival: Location, heard: list[frozenset[str]]
) -> None:
    stale = new_troupe(a)
    assert stale.id is not None
    b.save(replace(troupe(b, stale.id), phone="+82 2 120"))
    heard.clear()
    before = rows(festival)

    with pytest.raises(StaleRecordError):
        a.delete(Troupe, [stale])

    assert rows(festival) == before
    assert heard == []
    # The record as it is now deletes; ids alone delete whatever the row holds.
    a.delete(Troupe, [troupe(a, stale.id)])
    assert a.get(Troupe, stale.id) is None
    other = new_troupe(a, "Jeju Dancers")
    assert other.id is not None
    b.save(replace(troupe(b, other.id), phone="+82 2 121"))
    a.delete(Troupe, [other.id])
    assert a.get(Troupe, other.id) is None


def test_undo_and_redo_of_a_delete_keep_versions(a: FestivalService, festival: Location) -> None:
    counts = a.item_counts_by_troupe()
    with_items = next(t for t in a.troupes() if counts.get(t.id or 0))
    assert with_items.id is not None
    original = content(festival)
    removal = a.delete(Troupe, [with_items], keep_items=True)
    assert removal.changed_items
    for _ in range(2):
        a.undelete(removal)
        assert rows(festival) != original  # the kept items were written twice ...
        assert content(festival) == original  # ... back to their content
        restored = troupe(a, with_items.id)
        assert restored.row_version == with_items.row_version  # put back as it was
        removal = a.delete(Troupe, [with_items], keep_items=True)  # redo: not stale


def test_undoing_a_delete_after_a_change_elsewhere_is_refused(
    a: FestivalService, b: FestivalService, festival: Location, heard: list[frozenset[str]]
) -> None:
    counts = a.item_counts_by_troupe()
    with_items = next(t for t in a.troupes() if counts.get(t.id or 0))
    removal = a.delete(Troupe, [with_items], keep_items=True)
    kept = removal.changed_items[0]
    assert kept.id is not None
    moved = b.get(ProgramItem, kept.id)
    assert moved is not None
    b.save(replace(moved, notes="changed while the troupe was gone"))
    heard.clear()
    before = rows(festival)

    with pytest.raises(StaleRecordError) as caught:
        a.undelete(removal)

    assert caught.value.record_id == kept.id
    assert rows(festival) == before
    assert heard == []


def test_undoing_a_delete_whose_id_was_taken_meanwhile_is_refused(
    a: FestivalService, b: FestivalService, festival: Location, heard: list[frozenset[str]]
) -> None:
    gone = new_troupe(a)
    removal = a.delete(Troupe, [gone])
    other = Troupe("Someone else's troupe", city_en="Incheon")
    if isinstance(festival, Path):
        # SQLite gives the next new row the highest id plus one: the id just freed.
        taken, _ = b.save(other)
    else:  # PostgreSQL never gives an id twice; an import with ids could take it
        taken, _ = b.save(replace(other, id=gone.id))
    assert taken.id == gone.id
    heard.clear()
    before = rows(festival)

    with pytest.raises(StaleRecordError):  # not a crash on the file's UNIQUE rule
        a.undelete(removal)

    assert rows(festival) == before
    assert heard == []


def test_deleting_a_day_is_a_change_of_the_booths_that_lose_it(
    a: FestivalService, b: FestivalService, festival: Location
) -> None:
    booth = next(x for x in a.booths() if x.day_ids)
    assert booth.id is not None
    day_id = sorted(booth.day_ids)[0]
    day = a.get(FestivalDay, day_id)
    assert day is not None
    removal = a.delete(FestivalDay, [day])
    assert removal.changed_booths
    # A copy of the booth read before the delete is now stale.
    with pytest.raises(StaleRecordError):
        b.save(replace(booth, staff=3, day_ids=booth.day_ids - {day_id}))
    a.undelete(removal)
    back = a.get(Booth, booth.id)
    assert back is not None and back == booth and day_id in back.day_ids
    assert back.row_version == booth.row_version + 2


# -- the festival's own row (name and settings; schema version 4) ------------------------


def test_a_stale_copy_of_the_festivals_settings_does_not_overwrite_newer_ones(
    a: FestivalService, b: FestivalService, festival: Location
) -> None:
    stale = a.festival()
    assert stale.row_version >= 1
    b.update_festival(replace(b.festival(), min_changeover=45))
    before = rows(festival)

    with pytest.raises(StaleRecordError) as caught:
        a.update_festival(replace(stale, name_en="Renamed on A"))

    assert rows(festival) == before  # nothing written
    assert caught.value.table == "festival" and caught.value.changed_by == b.db.who
    assert a.festival().min_changeover == 45 and a.festival().name_en == stale.name_en


def test_settings_read_again_after_someone_else_changed_them_can_be_saved(
    a: FestivalService, b: FestivalService
) -> None:
    a.update_festival(replace(a.festival(), notes="A's note"))
    b.update_festival(replace(b.festival(), min_changeover=45))
    a.update_festival(replace(a.festival(), notes="A's second note"))  # read again first
    assert b.festival().notes == "A's second note" and b.festival().min_changeover == 45


def test_undo_of_a_settings_change_is_refused_once_someone_else_changed_them(
    a: FestivalService, b: FestivalService, festival: Location
) -> None:
    first = a.festival()
    old = a.update_festival(replace(first, notes="A's note"))
    a.update_festival(old)  # undo: over the version A itself wrote
    assert a.festival().notes == first.notes
    redo = a.update_festival(replace(first, notes="A's note"))  # redo
    b.update_festival(replace(b.festival(), min_changeover=50))
    before = rows(festival)
    with pytest.raises(StaleRecordError):
        a.update_festival(redo)  # undo again: B changed the settings since
    assert rows(festival) == before
