"""One file, one lock, whatever its name: links cannot get around the one-writer lock,
a file is never restored from itself, and a stale lock can be taken over from the
command line."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime
from pathlib import Path

import pytest

from festival_app.cli import main
from festival_app.domain.troupes import Troupe
from festival_app.services import FestivalService
from festival_app.store import errors, lock
from festival_app.store.db import Database

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FESTIVAL_APP_LANG", "en")


@pytest.fixture
def festival(sample_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "fest.sqlite3"
    shutil.copyfile(sample_file, path)
    return path


@pytest.fixture
def backup(sample_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "elsewhere" / "backup.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(sample_file, path)
    return path


def _alias(festival: Path, how: str) -> Path:
    alias = festival.with_name("alias.sqlite3")
    if how == "symbolic":
        alias.symlink_to(festival)
    else:
        os.link(festival, alias)
    return alias


@pytest.mark.parametrize("how", ["symbolic", "hard"])
def test_restore_through_a_link_is_refused_while_a_window_edits_the_file(
    festival: Path, backup: Path, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    alias = _alias(festival, how)
    window = FestivalService.open(festival, lock=True)
    try:
        window.save(Troupe(name="Only in the window", city_en="Seoul"))
        before = festival.read_bytes()
        assert main(["restore", "--db", str(alias), "--from", str(backup)]) == 1
        assert "is open for editing" in capsys.readouterr().err
        assert festival.read_bytes() == before
    finally:
        window.close()


@pytest.mark.parametrize("how", ["symbolic", "hard"])
def test_a_second_name_of_the_file_gets_no_second_lock(festival: Path, how: str) -> None:
    alias = _alias(festival, how)
    first = Database.open(festival, lock=True)
    try:
        with pytest.raises(errors.LockedByOtherError):
            Database.open(alias, lock=True)
        # The refused attempt left no lock of its own behind.
        assert not (festival.parent / "~alias.sqlite3.lock").exists()
    finally:
        first.close()
    second = Database.open(alias, lock=True)  # free again once the first is closed
    second.close()
    identity = lock.identity_lock_path(festival)
    assert identity is not None and not identity.exists()


def test_the_same_file_opened_again_by_its_own_name_is_refused(festival: Path) -> None:
    first = Database.open(festival, lock=True)
    try:
        with pytest.raises(errors.LockedByOtherError):
            Database.open(festival.parent / "." / festival.name, lock=True)
    finally:
        first.close()


@pytest.mark.parametrize("how", ["same", "symbolic", "hard"])
def test_a_file_is_never_restored_from_itself(
    festival: Path, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = festival if how == "same" else _alias(festival, how)
    before = festival.read_bytes()
    assert main(["restore", "--db", str(festival), "--from", str(source)]) == 2
    err = capsys.readouterr().err
    assert "cannot be restored" in err and "the festival file itself" in err
    assert festival.read_bytes() == before
    assert not lock.lock_path(festival).exists()


_HOLD_THE_LOCK = textwrap.dedent(
    """
    import sys, time
    from festival_app.store.db import Database
    Database.open(sys.argv[1], lock=True)
    print("ready", flush=True)
    time.sleep(60)
    """
)


def test_a_lock_left_by_a_killed_command_on_this_computer_blocks_nothing(
    festival: Path, backup: Path
) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", _HOLD_THE_LOCK, str(festival)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert lock.lock_path(festival).exists()

    assert main(["restore", "--db", str(festival), "--from", str(backup)]) == 0
    assert not lock.lock_path(festival).exists()


def _abandoned_on_another_pc(festival: Path) -> None:
    """A lock whose program ran on another PC and has shown no sign of life for long."""
    holder = lock.LockHolder("OFFICE-PC-2", "kim", 4242, datetime.now().astimezone())
    path = lock.lock_path(festival)
    path.write_text(holder.to_json(), encoding="utf-8")
    old = time.time() - lock.STALE_AFTER_S - 60
    os.utime(path, (old, old))


def test_a_lock_abandoned_on_another_pc_is_taken_over_only_when_asked(
    festival: Path, backup: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _abandoned_on_another_pc(festival)
    before = festival.read_bytes()
    assert main(["restore", "--db", str(festival), "--from", str(backup)]) == 1
    err = capsys.readouterr().err
    assert "OFFICE-PC-2 (kim)" in err and "--take-over" in err
    assert festival.read_bytes() == before

    assert main(["restore", "--db", str(festival), "--from", str(backup), "--take-over"]) == 0
    assert not lock.lock_path(festival).exists()


def test_take_over_never_takes_a_live_lock(
    festival: Path, backup: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    window = Database.open(festival, lock=True)
    try:
        before = festival.read_bytes()
        assert main(["restore", "--db", str(festival), "--from", str(backup), "--take-over"]) == 1
        assert "is open for editing" in capsys.readouterr().err
        assert festival.read_bytes() == before
    finally:
        window.close()
