"""Files that are busy, belong to another program, or hold values no real file can:
each is told apart, reported in plain words, and left exactly as it was."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from festival_app.cli import main
from festival_app.services import FestivalService
from festival_app.store import connection, db, errors, triage

if TYPE_CHECKING:
    from _typeshed import FileDescriptorOrPath

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FESTIVAL_APP_LANG", "en")


@pytest.fixture
def festival(sample_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "festival.sqlite3"
    shutil.copyfile(sample_file, path)
    return path


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


# -- busy is busy, not damaged ------------------------------------------------------------


@pytest.fixture(params=["locked", "writing"])
def held(
    festival: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[sqlite3.Connection]:
    """Another program holding SQLite's exclusive lock: only that ("locked"), or in the
    middle of writing, with changed pages already in the file's journal ("writing").
    Commands wait only briefly here."""
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_S", 0.3)
    other = sqlite3.connect(festival, isolation_level=None)
    other.execute("PRAGMA cache_size = 1")  # spill to the file: a journal with content
    other.execute("BEGIN EXCLUSIVE")
    if request.param == "writing":
        other.execute("UPDATE troupe SET notes = notes || ' (being edited)'")
    yield other
    other.execute("ROLLBACK")
    other.close()


def test_check_of_a_busy_file_says_busy_and_keeps_no_damaged_copy(
    festival: Path, held: sqlite3.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _siblings(festival)
    assert main(["check", "--db", str(festival)]) == 1
    err = capsys.readouterr().err
    assert "is busy" in err and "another program is writing" in err
    assert "damaged" not in err
    assert _siblings(festival) == files  # no NAME.damaged-... copy


def test_a_busy_file_names_the_program_that_holds_it(
    festival: Path, held: sqlite3.Connection
) -> None:
    from festival_app.store import lock

    holder = lock.FileLock.acquire(festival)  # as the window that is writing would
    try:
        with pytest.raises(errors.LockedError) as caught:
            FestivalService.open(festival, read_only=True)
        assert holder.holder.who() in caught.value.message()
    finally:
        holder.release()


def test_restore_of_a_busy_file_is_refused_and_nothing_is_swapped(
    festival: Path,
    held: sqlite3.Connection,
    tmp_path: Path,
    sample_file: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    backup = tmp_path / "backup.sqlite3"
    shutil.copyfile(sample_file, backup)
    inode = festival.stat().st_ino
    assert main(["restore", "--db", str(festival), "--from", str(backup)]) == 1
    err = capsys.readouterr().err
    assert "is busy" in err and "damaged" not in err
    assert festival.stat().st_ino == inode  # not replaced by a copy
    assert not any(".damaged-" in name for name in _siblings(festival))
    # The other program's transaction is still its own to finish.
    held.execute("UPDATE troupe SET phone = 'still mine'")


# -- another program's database is never changed ------------------------------------------

_HOT_JOURNAL = textwrap.dedent(
    """
    import os, sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA cache_size = 1")
    conn.execute("BEGIN")
    conn.execute("UPDATE t SET b = randomblob(1000)")
    print("ready", flush=True)
    time.sleep(60)
    """
)


def _database_with_a_hot_journal(path: Path) -> None:
    """Another program's database, left by a crash in the middle of a transaction."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)")
    conn.executemany("INSERT INTO t (b) VALUES (randomblob(1000))", [()] * 300)
    conn.close()
    child = subprocess.Popen(
        [sys.executable, "-c", _HOT_JOURNAL, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    journal = path.with_name(path.name + "-journal")
    assert journal.stat().st_size > 0


def test_check_leaves_another_programs_hot_journal_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "accounts.sqlite3"
    _database_with_a_hot_journal(other)
    journal = other.with_name(other.name + "-journal")
    before, journal_before = other.read_bytes(), journal.read_bytes()
    for command in (["check", "--db", str(other)], ["export", "booths", "--db", str(other)]):
        if command[0] == "export":
            command += ["--out", str(tmp_path / "out.xlsx")]
        assert main(command) == 2
        err = capsys.readouterr().err
        assert "not a festival file" in err and "left unchanged" in err
        assert other.read_bytes() == before
        assert journal.read_bytes() == journal_before


# -- a journal with nothing in it --------------------------------------------------------


def _zeroed_journal(festival: Path) -> Path:
    """What an early kill can leave: a journal whose header SQLite had zeroed."""
    journal = festival.with_name(festival.name + "-journal")
    journal.write_bytes(bytes(4096))
    return journal


def test_a_journal_with_a_zeroed_header_is_not_a_crash_to_recover_from(
    festival: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    _zeroed_journal(festival)
    before = festival.read_bytes()
    with caplog.at_level("WARNING"):
        assert main(["check", "--db", str(festival)]) == 0
    assert "recovering" not in caplog.text
    assert festival.read_bytes() == before
    assert triage.check_file(festival) is None  # a backup like it is good too


def test_a_zeroed_journal_in_a_read_only_folder_still_opens(
    festival: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _zeroed_journal(festival)
    real_access = os.access

    def read_only_folder(path: FileDescriptorOrPath, mode: int, **kwargs: Any) -> bool:
        # The tests may run as root, who can write anywhere: the folder says no here.
        if mode & os.W_OK and Path(str(path)).resolve().parent == festival.parent.resolve():
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", read_only_folder)
    assert main(["check", "--db", str(festival)]) == 0
    assert "not closed properly" not in capsys.readouterr().err


# -- values the constraints cannot refuse -------------------------------------------------

IMPOSSIBLE = [
    ("a time of 29:00", "UPDATE program_item SET start = '29:00', \"end\" = '29:30' WHERE id = 1"),
    (
        "the 39th of the 19th month",
        "UPDATE troupe SET arrival = '2018-19-39', departure = NULL WHERE id = 1",
    ),
    ("30 February", "UPDATE festival_day SET date = '2018-02-30' WHERE id = 1"),
    ("a venue closing at 24:00", "UPDATE venue SET opens = '10:00', closes = '24:00' WHERE id = 1"),
]


def _write_past_the_checks(path: Path, statement: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(statement)
    conn.close()


@pytest.mark.parametrize(("label", "statement"), IMPOSSIBLE, ids=[c[0] for c in IMPOSSIBLE])
def test_impossible_times_and_dates_are_damage_with_a_plain_message(
    festival: Path,
    tmp_path: Path,
    label: str,
    statement: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _write_past_the_checks(festival, statement)
    out = tmp_path / "timetable.pdf"
    for command in (
        ["check", "--db", str(festival)],
        ["export", "timetable", "--db", str(festival), "--out", str(out)],
    ):
        assert main(command) == 2, label
        err = capsys.readouterr().err
        assert "is damaged" in err and "a value that does not exist" in err
        assert "Traceback" not in err and "Unexpected error" not in err
    assert not out.exists()


def test_a_value_written_past_an_allowed_list_is_damage(
    festival: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(festival, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE troupe SET relation = 'rival' WHERE id = 1")
    conn.close()
    assert main(["check", "--db", str(festival)]) == 2
    err = capsys.readouterr().err
    assert "is damaged" in err and "Traceback" not in err


def test_restore_checks_a_backup_fully_before_using_it(
    festival: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad-backup.sqlite3"
    shutil.copyfile(festival, bad)
    _write_past_the_checks(bad, IMPOSSIBLE[0][1])
    before = festival.read_bytes()
    assert main(["restore", "--db", str(festival), "--from", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "cannot be restored" in err and "a value that does not exist" in err
    assert festival.read_bytes() == before
    assert triage.check_file(bad) is not None


def test_a_copy_from_a_busy_file_gives_up_with_busy_instead_of_waiting_for_ever(
    festival: Path, tmp_path: Path
) -> None:
    other = sqlite3.connect(festival, isolation_level=None)
    other.execute("PRAGMA cache_size = 1")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE troupe SET notes = 'being written'")
    source = sqlite3.connect(festival, timeout=0)
    target = sqlite3.connect(tmp_path / "copy.sqlite3")
    try:
        with pytest.raises(errors.LockedError):
            db.copy_pages(source, target, festival, busy_timeout_s=0.2)
    finally:
        source.close()
        target.close()
        other.execute("ROLLBACK")
        other.close()
