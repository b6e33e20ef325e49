"""One writer at a time: the lock file, a second opener, stale locks; rollback journal;
read-only files and folders."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bench.generate import generate
from festival_app.domain.troupes import Troupe
from festival_app.services import FestivalService
from festival_app.store import errors, lock
from festival_app.store.db import Database

if TYPE_CHECKING:
    from _typeshed import FileDescriptorOrPath

REPO = Path(__file__).resolve().parents[2]

HOLDER = """
import sys
from festival_app.store.db import Database
db = Database.open(sys.argv[1], lock=True)
print("open", flush=True)
sys.stdin.readline()
db.close()
print("closed", flush=True)
"""


@pytest.fixture
def festival(tmp_path: Path) -> Path:
    return generate(tmp_path / "festival.sqlite3", 1)


@pytest.fixture
def holder(festival: Path) -> Iterator[subprocess.Popen[str]]:
    """Another copy of the program with the festival open for editing."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(festival)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "open"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)


def test_the_lock_file_says_who_and_goes_away_on_close(festival: Path) -> None:
    db = Database.open(festival, lock=True)
    path = lock.lock_path(festival)
    assert path.name == "~festival.sqlite3.lock"
    data = json.loads(path.read_text())
    assert data["pid"] == os.getpid()
    assert data["host"] == lock.this_host() and data["user"] == lock.this_user()
    assert abs(datetime.fromisoformat(data["started"]).timestamp() - time.time()) < 60
    db.close()
    assert not path.exists()
    db.close()  # closing twice is harmless


def test_without_lock_or_read_only_no_lock_file_is_made(festival: Path) -> None:
    for db in (Database.open(festival), Database.open(festival, read_only=True, lock=True)):
        assert db.lock is None
        assert not lock.lock_path(festival).exists()
        db.close()


def test_a_second_process_gets_read_only_and_is_told_who_has_it(
    festival: Path, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(errors.LockedByOtherError) as caught:
        Database.open(festival, lock=True)
    exc = caught.value
    assert not exc.stale and not exc.bad_input
    who = f"{lock.this_host()} ({lock.this_user()})"
    since = datetime.now().strftime("%H:%M")
    assert f"is opened by {who} since" in exc.message()
    assert exc.message().split(" since ")[1][:5] in (
        since,
        time.strftime("%H:%M", time.localtime(time.time() - 60)),
    )
    assert isinstance(exc.holder, lock.LockHolder) and exc.holder.pid == holder.pid
    with pytest.raises(errors.LockedByOtherError):  # a live lock is never taken over
        Database.open(festival, lock=True, take_over=True)
    reader = FestivalService.open(festival, read_only=True)
    assert reader.read_only and len(reader.troupes()) > 0
    with pytest.raises(errors.ReadOnlyError):
        reader.save(Troupe("Not allowed", city_en="Seoul"))
    reader.close()
    # When the holder closes, the file is free again.
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write("\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "closed"
    holder.wait(timeout=10)
    Database.open(festival, lock=True).close()


def test_a_lock_left_by_a_killed_program_is_stale_and_can_be_taken_over(
    festival: Path, holder: subprocess.Popen[str]
) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    assert lock.lock_path(festival).exists()  # nobody cleaned up
    with pytest.raises(errors.LockedByOtherError) as caught:
        Database.open(festival, lock=True)
    assert caught.value.stale
    assert "no longer running" in caught.value.message()
    db = Database.open(festival, lock=True, take_over=True)
    assert db.lock is not None and db.lock.still_ours()
    assert json.loads(lock.lock_path(festival).read_text())["pid"] == os.getpid()
    db.close()
    assert not lock.lock_path(festival).exists()


def _foreign_lock(festival: Path, *, age_s: float) -> None:
    """A lock written by a program on another PC through a shared folder."""
    path = lock.lock_path(festival)
    path.write_text(
        json.dumps(
            {"host": "KIM-PC", "user": "kim", "pid": 4242, "started": "2026-11-27T10:32:00+09:00"}
        )
    )
    then = time.time() - age_s
    os.utime(path, (then, then))


def test_a_lock_from_another_pc_is_stale_only_when_its_heartbeat_stopped(festival: Path) -> None:
    _foreign_lock(festival, age_s=30)
    with pytest.raises(errors.LockedByOtherError) as caught:
        Database.open(festival, lock=True, take_over=True)
    assert not caught.value.stale
    assert "KIM-PC (kim)" in caught.value.message()
    _foreign_lock(festival, age_s=lock.STALE_AFTER_S + 60)
    with pytest.raises(errors.LockedByOtherError) as caught:
        Database.open(festival, lock=True)
    assert caught.value.stale
    Database.open(festival, lock=True, take_over=True).close()


def test_the_heartbeat_keeps_a_long_open_lock_fresh(festival: Path) -> None:
    db = Database.open(festival, lock=True)
    path = lock.lock_path(festival)
    old = time.time() - lock.STALE_AFTER_S - 60
    os.utime(path, (old, old))
    assert db.lock is not None
    db.lock.heartbeat()
    holder = lock.read_holder(path)
    assert holder is not None and not holder.is_stale()
    db.close()


def test_the_since_shows_the_date_when_not_today() -> None:
    holder = lock.LockHolder("KIM-PC", "kim", 1, datetime(2026, 11, 26, 10, 32))
    assert holder.since(datetime(2026, 11, 27, 9, 0)) == "2026-11-26 10:32"
    assert holder.since(datetime(2026, 11, 26, 18, 0)) == "10:32"
    assert holder.who() == "KIM-PC (kim)"


def test_a_half_written_lock_is_stale_once_old(festival: Path) -> None:
    path = lock.lock_path(festival)
    path.write_text("")
    with pytest.raises(errors.LockedByOtherError) as caught:
        Database.open(festival, lock=True, take_over=True)
    assert not caught.value.stale  # may be being written right now
    old = time.time() - 60
    os.utime(path, (old, old))
    Database.open(festival, lock=True, take_over=True).close()


def test_a_taken_over_lock_is_not_removed_by_its_old_holder(festival: Path) -> None:
    first = Database.open(festival, lock=True)
    assert first.lock is not None
    lock.lock_path(festival).unlink()  # as a take-over by another PC would replace it
    _foreign_lock(festival, age_s=0)
    first.close()
    assert lock.lock_path(festival).exists()


# -- journal mode ----------------------------------------------------------------------


def test_the_rollback_journal_is_used_never_wal(festival: Path) -> None:
    conn = sqlite3.connect(festival)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.close()
    service = FestivalService.open(festival)
    assert service.db.query("PRAGMA journal_mode")[0][0] == "delete"
    service.save(Troupe("Journal", city_en="Seoul"))
    assert not Path(f"{festival}-wal").exists()
    service.close()
    assert festival.read_bytes()[18:20] == b"\x01\x01"  # the header says: rollback journal


# -- read-only files and folders -------------------------------------------------------


def test_read_only_open_never_writes(festival: Path) -> None:
    before = festival.read_bytes()
    service = FestivalService.open(festival, read_only=True)
    assert service.read_only
    with pytest.raises(errors.ReadOnlyError) as caught:
        service.save(Troupe("Nope", city_en="Seoul"))
    assert "read-only" in caught.value.message()
    service.close()
    assert festival.read_bytes() == before


def _permissions_apply(monkeypatch: pytest.MonkeyPatch) -> None:
    """Root may write anything, so as root the owner's permission bits are consulted the
    way they apply to an ordinary user (the office PC case); otherwise nothing changes."""
    if os.geteuid() != 0:
        return
    real_access = os.access

    def access(path: FileDescriptorOrPath, mode: int, **kwargs: object) -> bool:
        bits = os.stat(path).st_mode
        if mode & os.W_OK and not bits & 0o200:
            return False
        return real_access(path, mode)

    monkeypatch.setattr(os, "access", access)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_file_or_folder_opens_read_only(
    festival: Path, tmp_path: Path, what: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "festival.sqlite3"
    shutil.copyfile(festival, path)
    (folder if what == "folder" else path).chmod(0o555 if what == "folder" else 0o444)
    try:
        _permissions_apply(monkeypatch)
        before = path.read_bytes()
        service = FestivalService.open(path)
        assert service.read_only
        assert service.db.lock is None
        assert len(service.troupes()) > 0
        with pytest.raises(errors.ReadOnlyError):
            service.save(Troupe("Nope", city_en="Seoul"))
        service.close()
        service = FestivalService(Database.open(path, lock=True))  # as the window opens it
        assert service.read_only
        service.close()
        assert path.read_bytes() == before
        assert sorted(p.name for p in folder.iterdir()) == ["festival.sqlite3"]
    finally:
        folder.chmod(0o755)


def test_the_heartbeat_runs_by_itself_while_the_file_is_open(
    festival: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lock, "HEARTBEAT_S", 0.05)
    db = Database.open(festival, lock=True)
    path = lock.lock_path(festival)
    old = time.time() - lock.STALE_AFTER_S - 60
    os.utime(path, (old, old))
    deadline = time.monotonic() + 30  # a generous wait: a loaded machine is slow
    while path.stat().st_mtime < old + 60 and time.monotonic() < deadline:
        time.sleep(0.02)
    holder = lock.read_holder(path)
    assert holder is not None and not holder.is_stale()
    db.close()
    assert not path.exists()
