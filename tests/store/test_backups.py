"""Backups: taken with the backup API, thinned out by the retention policy, listed,
restored in one step (and the restore undone), driven by the scheduler."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bench.generate import generate
from festival_app import paths
from festival_app.cli import main
from festival_app.domain.troupes import Troupe
from festival_app.services import FestivalService
from festival_app.store import backup_folder, backups, errors, schema
from festival_app.store.backups import Stamp
from festival_app.store.db import Database
from festival_app.store.opening import open_festival
from tests.helpers.file_db import file_db

NOW = datetime(2026, 11, 27, 10, 32, 5)


@pytest.fixture(scope="module")
def generated_10x(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("gen") / "festival-10x.sqlite3", 10)


@pytest.fixture
def festival(tmp_path: Path) -> Path:
    return generate(tmp_path / "festival.sqlite3", 1)


def _dump(path: Path) -> list[tuple[object, ...]]:
    """Every row of every table, to compare two files by content."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table' ORDER BY name")
        ]
        rows: list[tuple[object, ...]] = []
        for table in tables:
            rows += [(table, *r) for r in sorted(conn.execute(f"SELECT * FROM {table}"), key=repr)]
        return rows
    finally:
        conn.close()


# -- the retention policy, with a fake clock ------------------------------------------


def _stamps(*times: datetime) -> list[Stamp]:
    return [Stamp(Path(f"b{i}"), t) for i, t in enumerate(times)]


def test_retention_keeps_the_newest_ten_and_one_per_day_for_fourteen_days() -> None:
    # A backup every 3 hours for 30 days up to NOW.
    times = [NOW - timedelta(hours=3 * i) for i in range(30 * 8)]
    stamps = _stamps(*times)
    gone = set(backups.to_delete(stamps, NOW))
    kept = sorted((s for s in stamps if s not in gone), key=lambda s: s.taken, reverse=True)
    newest = sorted(stamps, key=lambda s: s.taken, reverse=True)[:10]
    assert set(newest) <= set(kept)
    days = {s.taken.date() for s in kept}
    assert days == {NOW.date() - timedelta(days=d) for d in range(14)}
    # Per older day exactly one: the newest of that day.
    for day in days - {s.taken.date() for s in newest}:
        of_day = [s for s in stamps if s.taken.date() == day]
        assert [s for s in kept if s.taken.date() == day] == [max(of_day, key=lambda s: s.taken)]
    assert len(kept) == 10 + len(days - {s.taken.date() for s in newest})
    assert all(s.taken.date() > NOW.date() - timedelta(days=14) for s in kept)


def test_retention_keeps_the_newest_ten_however_old() -> None:
    old = _stamps(*[NOW - timedelta(days=100 + i) for i in range(12)])
    gone = backups.to_delete(old, NOW)
    assert [s.path.name for s in gone] == ["b10", "b11"]


def test_retention_as_time_goes_by(festival: Path) -> None:
    """Real backups taken with a moving clock: the folder holds what the policy says."""
    db = Database.open(festival)
    taken = [NOW + timedelta(hours=7 * i) for i in range(70)]  # about 20 days
    for when in taken:
        backups.take_backup(db, backups.PERIODIC, now=when)
    db.close()
    left = {s.taken for s in backups.stamps(festival)}
    expected = set(taken) - {s.taken for s in backups.to_delete(_stamps(*taken), taken[-1])}
    assert left == expected
    assert len(left) == 10 + len({t.date() for t in expected}) - len(
        {t.date() for t in taken[-10:]}
    )


# -- taking and listing ----------------------------------------------------------------


def test_a_backup_is_named_after_the_file_and_time_and_is_complete(festival: Path) -> None:
    db = Database.open(festival)
    path = backups.take_backup(db, backups.MANUAL, now=NOW)
    second = backups.take_backup(db, backups.OPEN, now=NOW)  # same second: a second name
    db.close()
    assert path.name == "festival.sqlite3.2026-11-27T10-32-05.manual.bak.sqlite3"
    assert second.name == "festival.sqlite3.2026-11-27T10-32-05-2.open.bak.sqlite3"
    assert path.parent == backup_folder.folder_for(festival)
    assert path.parent.parent == paths.backups_dir()
    assert _dump(path) == _dump(festival)
    assert not list(path.parent.glob(".*partial"))


def test_the_list_shows_date_reason_size_and_content(festival: Path) -> None:
    service = FestivalService.open(festival)
    first = backups.take_backup(service.db, backups.OPEN, now=NOW)
    service.save(Troupe("Extra troupe", city_en="Extra city"))
    second = backups.take_backup(service.db, backups.PERIODIC, now=NOW + timedelta(minutes=10))
    counts = (len(service.troupes()), len(service.booths()), len(service.program()))
    service.close()
    listed = backups.list_backups(festival)
    assert [i.path for i in listed] == [second, first]
    newest = listed[0]
    assert (newest.troupes, newest.booths, newest.program_items) == counts
    assert listed[1].troupes == counts[0] - 1
    assert newest.reason == "periodic" and newest.taken == NOW + timedelta(minutes=10)
    assert newest.size == second.stat().st_size > 0


# -- restoring -------------------------------------------------------------------------


def test_restore_round_trip_and_undo(generated_10x: Path, tmp_path: Path) -> None:
    path = tmp_path / "festival.sqlite3"
    shutil.copyfile(generated_10x, path)
    original = _dump(path)
    service = FestivalService.open(path)
    backup = backups.take_backup(service.db, backups.OPEN)
    # Months of work go wrong: a troupe deleted with its items, another added.
    troupe = service.troupes()[0]
    service.delete(Troupe, [troupe.id or 0])
    service.save(Troupe("Added later", city_en="Busan"))
    edited = _dump(path)
    assert edited != original

    before = backups.restore(file_db(service), backup)
    assert _dump(path) == original
    assert service.get(Troupe, troupe.id or 0) == troupe  # the open service sees it at once
    assert backups.parse_name(before) is not None and "before-restore" in before.name
    assert _dump(before) == edited

    backups.restore(file_db(service), before)  # undoing the restore
    assert _dump(path) == edited
    service.save(Troupe("Works after restoring", city_en="Seoul"))
    service.close()
    check = Database.open(path, read_only=True)
    assert check.query("PRAGMA integrity_check")[0][0] == "ok"
    assert check.query("PRAGMA journal_mode")[0][0] == "delete"
    check.close()


def test_a_damaged_backup_is_refused_and_nothing_changes(festival: Path) -> None:
    db = Database.open(festival)
    backup = backups.take_backup(db, backups.OPEN)
    data = bytearray(backup.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\xab" * 4096
    backup.write_bytes(bytes(data))
    before = festival.read_bytes()
    taken = backups.stamps(festival)
    with pytest.raises(errors.BadBackupError) as caught:
        backups.restore(db, backup)
    assert caught.value.bad_input and "was not changed" in caught.value.message()
    db.close()
    assert festival.read_bytes() == before
    assert backups.stamps(festival) == taken  # no backup of the present state was needed


def test_something_else_is_refused_as_a_backup(festival: Path, tmp_path: Path) -> None:
    other = tmp_path / "notes.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    db = Database.open(festival)
    with pytest.raises(errors.BadBackupError):
        backups.restore(db, other)
    db.close()


def test_restore_needs_a_writable_file(festival: Path) -> None:
    db = Database.open(festival)
    backup = backups.take_backup(db)
    db.close()
    reader = Database.open(festival, read_only=True)
    with pytest.raises(errors.ReadOnlyError):
        backups.restore(reader, backup)
    reader.close()


# -- the scheduler ---------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_scheduler_backs_up_on_open_and_every_ten_minutes_while_there_were_changes(
    festival: Path,
) -> None:
    clock = FakeClock()
    service = FestivalService.open(festival)
    scheduler = backups.BackupScheduler(file_db(service), clock=clock)
    first = scheduler.on_open()
    assert first is not None and ".open." in first.name
    assert scheduler.on_open() is None  # nothing changed since that backup

    clock.now += 3600
    assert scheduler.tick() is None  # an hour without changes: nothing to back up
    service.save(Troupe("Changed", city_en="Seoul"))
    clock.now += 60
    assert scheduler.tick() is not None  # the interval has long passed since the last one
    service.save(Troupe("Changed again", city_en="Seoul"))
    clock.now += 9 * 60
    assert scheduler.tick() is None  # only nine minutes since the last backup
    clock.now += 60
    periodic = scheduler.tick()
    assert periodic is not None and ".periodic." in periodic.name
    copy = FestivalService(Database.open(periodic, read_only=True))
    assert any(t.name == "Changed again" for t in copy.troupes())
    copy.close()
    assert scheduler.on_close() is None
    service.save(Troupe("Last edit", city_en="Seoul"))
    closing = scheduler.on_close()
    assert closing is not None and ".close." in closing.name
    service.close()


def test_scheduler_keeps_working_when_backups_fail(
    festival: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = festival.parent / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    monkeypatch.setenv("FESTIVAL_APP_DATA_DIR", str(blocked / "inside"))
    service = FestivalService.open(festival)
    scheduler = backups.BackupScheduler(file_db(service))
    assert scheduler.on_open() is None
    assert isinstance(scheduler.last_error, errors.StoreError)
    service.save(Troupe("Still works", city_en="Seoul"))
    service.close()


# -- the command line ------------------------------------------------------------------


def test_cli_backup_list_and_restore(
    festival: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = _dump(festival)
    assert main(["backup", "--db", str(festival)]) == 0
    made = backups.stamps(festival)
    assert len(made) == 1 and ".manual." in made[0].path.name
    assert str(made[0].path) in capsys.readouterr().out

    out = tmp_path / "copy.sqlite3"
    assert main(["backup", "--db", str(festival), "--out", str(out)]) == 0
    assert _dump(out) == original
    assert main(["backup", "--db", str(festival), "--out", str(out)]) == 2  # never overwritten
    assert "already exists" in capsys.readouterr().err

    service = FestivalService.open(festival)
    service.save(Troupe("After the backup", city_en="Seoul"))
    service.close()
    capsys.readouterr()
    assert main(["backup", "--db", str(festival), "--list"]) == 0
    assert "troupes" in capsys.readouterr().out

    assert main(["restore", "--db", str(festival), "--from", str(made[0].path)]) == 0
    assert _dump(festival) == original
    assert "before restoring was backed up" in capsys.readouterr().out


def test_cli_restore_refuses_a_file_open_for_editing(
    festival: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = Database.open(festival)
    backup = backups.take_backup(db)
    db.close()
    window = Database.open(festival, lock=True)
    before = festival.read_bytes()
    assert main(["restore", "--db", str(festival), "--from", str(backup)]) == 1
    assert "is open for editing" in capsys.readouterr().err
    assert festival.read_bytes() == before
    window.close()


def test_cli_backup_works_on_a_file_open_in_the_window(festival: Path) -> None:
    window = FestivalService(Database.open(festival, lock=True))
    window.save(Troupe("Unsaved? No: committed", city_en="Seoul"))
    assert main(["backup", "--db", str(festival)]) == 0
    newest = backups.list_backups(festival)[0]
    assert newest.troupes == len(window.troupes())
    window.close()


def test_an_older_file_is_backed_up_as_it_was_before_it_is_upgraded(tmp_path: Path) -> None:
    old = Path(__file__).resolve().parents[1] / "_files" / "festival_v1.sqlite3"
    path = tmp_path / "festival.sqlite3"
    shutil.copyfile(old, path)
    db = open_festival(path)
    assert db.schema_version == schema.SCHEMA_VERSION > 1
    db.close()
    [stamp] = backups.stamps(path)
    assert ".before-upgrade." in stamp.path.name
    assert _dump(stamp.path) == _dump(old)
    conn = sqlite3.connect(stamp.path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    open_festival(path).close()  # up to date now: no second one
    assert len(backups.stamps(path)) == 1
