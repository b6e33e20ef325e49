"""The kill test for `init` and `restore`: each is killed with SIGKILL at random moments,
30 times. After every kill the file is wholly the old state or wholly the new, and the
next command runs without anyone having to clear a lock or a half-made file by hand."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from festival_app.cli import main
from festival_app.cli.commands.init import create_festival_file
from festival_app.store import lock
from festival_app.store.triage import check_file

KILLS = 30


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FESTIVAL_APP_LANG", "en")


def _fork(work: Callable[[], object]) -> int:
    """Run `work` in a forked child (no interpreter start-up: 30 rounds stay quick)."""
    pid = os.fork()
    if pid == 0:
        try:
            work()
        finally:
            os._exit(0)
    return pid


def _duration(work: Callable[[], object]) -> float:
    started = time.monotonic()
    pid = _fork(work)
    os.waitpid(pid, 0)
    return time.monotonic() - started


def _kill_after(work: Callable[[], object], delay: float) -> None:
    pid = _fork(work)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)  # may have finished already: then it is a zombie to reap
    os.waitpid(pid, 0)


def _contents(path: Path) -> tuple[object, ...]:
    """Every record's values, but the time it was written (files made a second apart)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        out = []
        for table in ("festival_day", "venue", "troupe", "program_item", "booth"):
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            kept = ", ".join(f'"{c}"' for c in columns if c != "changed_at")
            out.append(tuple(conn.execute(f"SELECT {kept} FROM {table} ORDER BY id").fetchall()))
        return tuple(out)
    finally:
        conn.close()


def test_init_killed_at_any_moment_leaves_no_file_or_the_whole_file(tmp_path: Path) -> None:
    rng = random.Random(17)
    reference = tmp_path / "reference.sqlite3"
    create_festival_file(reference, sample=True)
    whole = _contents(reference)
    path = tmp_path / "festival.sqlite3"
    took = _duration(lambda: create_festival_file(tmp_path / "timing.sqlite3", sample=True))
    outcomes = {"nothing": 0, "whole": 0}
    for _ in range(KILLS):
        _kill_after(lambda: create_festival_file(path, sample=True), rng.uniform(0, took * 1.2))
        if path.exists():
            assert check_file(path) is None
            assert _contents(path) == whole
            outcomes["whole"] += 1
            assert main(["init", str(path)]) == 2  # "already exists", and it is whole
            path.unlink()
        else:
            outcomes["nothing"] += 1
            assert main(["init", str(path)]) == 0  # nothing stands in the way
            assert _contents(path) == whole
            path.unlink()
    # The half-made files of the killed runs were cleared by the runs after them.
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".festival.sqlite3")]
    assert leftovers == []
    # How many kills fell before the end depends on the machine's speed and load, so it
    # is reported, not asserted.
    print(f"init killed {KILLS} times: {outcomes}")


def test_restore_killed_at_any_moment_leaves_the_old_state_or_the_new(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(29)
    backup = tmp_path / "backup.sqlite3"
    shutil.copyfile(sample_file, backup)
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(sample_file, old)
    conn = sqlite3.connect(old, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("UPDATE troupe SET notes = 'changed since the backup'")
    conn.execute("DELETE FROM booth WHERE id > 40")
    conn.close()
    old_state, new_state = _contents(old), _contents(backup)
    assert old_state != new_state

    path = tmp_path / "festival.sqlite3"
    command = ["restore", "--db", str(path), "--from", str(backup)]
    shutil.copyfile(old, path)
    took = _duration(lambda: main(command))
    seen: set[str] = set()
    for _ in range(KILLS):
        shutil.copyfile(old, path)
        _kill_after(lambda: main(command), rng.uniform(0, took * 1.2))
        # The next command opens the file (rolling back a half-done restore) and finds
        # one of the two states, with no lock or journal in its way.
        assert main(["check", "--db", str(path)]) in (0, 1)
        assert "Traceback" not in capsys.readouterr().err
        state = _contents(path)
        assert state in (old_state, new_state)
        seen.add("old" if state == old_state else "new")
        assert check_file(path) is None
    print(f"restore killed {KILLS} times, states found: {sorted(seen)}")
    # A killed restore's lock does not block the next one.
    shutil.copyfile(old, path)
    assert main(command) == 0
    assert _contents(path) == new_state
    assert not lock.lock_path(path).exists()
