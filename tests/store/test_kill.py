"""The kill test: a program making edits and imports is killed with SIGKILL at random
moments, 50 times. After every kill the file passes integrity_check, every edit the
program reported as committed is there, and no import is half-applied."""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.generate import generate
from festival_app.domain.troupes import Troupe
from festival_app.imports.apply import apply_plan
from festival_app.imports.plan import make_plan
from festival_app.imports.sample import raw_from_json
from festival_app.services import FestivalService
from festival_app.store import backups, lock
from festival_app.store.db import Database

REPO = Path(__file__).resolve().parents[2]
KILLS = 50
BATCH = 60  # troupes per import


def _work(path: Path, seed: int, out: int) -> None:
    """The program being killed: edits one at a time (writing each committed id to `out`)
    and imports of BATCH troupes through the real workbook import (writing each import's
    tag once committed), in random order, until it is killed."""
    service = FestivalService(Database.open(path, lock=True, take_over=True))
    rng = random.Random(seed)
    os.write(out, b"ready\n")
    n = 0
    while True:
        n += 1
        if rng.random() < 0.4:
            tag = f"import-{seed}-{n}"
            rows = [
                {"Troupe": f"{tag} #{i}", "City": "Busan", "Relation": "sister", "Notes": tag}
                for i in range(BATCH)
            ]
            plan = make_plan(service, raw_from_json({"Troupes": rows}))
            assert not plan.has_errors, [p.message() for p in plan.errors()]
            apply_plan(service, plan)
            os.write(out, f"I {tag}\n".encode())
        else:
            stored, _ = service.save(Troupe(f"edit-{seed}-{n}", city_en="Seoul", notes="edit"))
            os.write(out, f"E {stored.id}\n".encode())


def _start(path: Path, seed: int) -> tuple[int, int]:
    """Fork a worker process (no interpreter start-up, so 50 rounds stay quick); returns
    its pid and the pipe it reports on. No connection is open in this process here."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: work until killed, never return into pytest
        try:
            os.close(read_end)
            _work(path, seed, write_end)
        finally:
            os._exit(3)
    os.close(write_end)
    return pid, read_end


def _read_all(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode()


def _check(path: Path, edits: set[int], imports: set[str]) -> tuple[int, int]:
    """Open the file as the program would after a crash and check everything."""
    db = Database.open(path)  # rolls back an interrupted transaction
    try:
        assert db.query("PRAGMA integrity_check")[0][0] == "ok"
        assert db.query("PRAGMA foreign_key_check") == []
        present = {r[0] for r in db.query("SELECT id FROM troupe WHERE notes = 'edit'")}
        missing = edits - present
        assert not missing, f"committed edits lost: {sorted(missing)[:10]}"
        counts: dict[str, int] = {
            r[0]: r[1]
            for r in db.query(
                "SELECT notes, count(*) FROM troupe WHERE notes LIKE 'import-%' GROUP BY notes"
            )
        }
        half = {tag: c for tag, c in counts.items() if c != BATCH}
        assert not half, f"imports half-applied: {half}"
        lost = imports - set(counts)
        assert not lost, f"committed imports lost: {sorted(lost)}"
        return len(present), len(counts)
    finally:
        db.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork and SIGKILL are POSIX only")
def test_fifty_kills_never_lose_a_committed_edit_or_half_an_import(tmp_path: Path) -> None:
    path = generate(tmp_path / "festival.sqlite3", 1)
    rng = random.Random(20261127)
    edits: set[int] = set()
    imports: set[str] = set()
    mid_transaction = 0
    started = time.monotonic()
    for round_ in range(KILLS):
        pid, pipe = _start(path, round_)
        ready, _, _ = select.select([pipe], [], [], 20)
        if not ready:  # never hang the suite: a worker that does not start is a failure
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail("the worker did not start within 20 s")
        assert os.read(pipe, 6) == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
        out = _read_all(pipe)
        for line in out.splitlines():
            if " " in line:  # each line is one write(), which a pipe never splits
                kind, value = line.split(" ", 1)
                if kind == "E":
                    edits.add(int(value))
                elif kind == "I":
                    imports.add(value)
        if Path(f"{path}-journal").exists():
            mid_transaction += 1
        holder = lock.read_holder(lock.lock_path(path))
        assert holder is not None and holder.pid == pid and holder.is_stale()
        _check(path, edits, imports)
    elapsed = time.monotonic() - started
    present_edits, present_imports = _check(path, edits, imports)
    print(
        f"\n{KILLS} kills in {elapsed:.1f} s: {len(edits)} edits and {len(imports)} imports "
        f"reported committed ({present_edits} edits, {present_imports} imports in the file); "
        f"{mid_transaction} kills left an interrupted transaction behind"
    )
    assert edits and imports  # the workers did make edits and imports
    assert mid_transaction > 0  # some kills did land in the middle of a write


def test_an_interrupted_transaction_is_rolled_back_even_when_opened_read_only(
    tmp_path: Path,
) -> None:
    """A read-only connection cannot roll back a crash's journal: opening does it first."""
    path = generate(tmp_path / "festival.sqlite3", 1)
    script = (
        "import os, signal, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA cache_size = 1')\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "c.execute(\"UPDATE troupe SET notes = 'half written' || randomblob(2000)\")\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    before = sqlite3.connect(path).execute("SELECT count(*), max(notes) FROM troupe").fetchone()
    done = subprocess.run([sys.executable, "-c", script, str(path)], timeout=30)
    assert done.returncode == -signal.SIGKILL
    assert Path(f"{path}-journal").exists()
    db = Database.open(path, read_only=True)
    assert db.query("SELECT count(*), max(notes) FROM troupe")[0][:] == tuple(before)
    assert db.query("PRAGMA integrity_check")[0][0] == "ok"
    db.close()
    assert not Path(f"{path}-journal").exists()


def _restore_forever(path: Path, sources: list[Path], out: int) -> None:
    """Restore the two backups in turn until killed."""
    db = Database.open(path, lock=True, take_over=True)
    os.write(out, b"ready\n")
    n = 0
    while True:
        backups.restore(db, sources[n % 2])
        n += 1


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork and SIGKILL are POSIX only")
def test_a_restore_killed_at_any_moment_leaves_one_whole_festival(tmp_path: Path) -> None:
    path = generate(tmp_path / "festival.sqlite3", 10)
    service = FestivalService.open(path)
    first = backups.take_backup(service.db)
    with service.batch():
        for i in range(300):
            service.save(Troupe(f"Only in the second {i}", city_en="Daegu"))
    second = backups.take_backup(service.db)
    counts = {len(service.troupes()) - 300, len(service.troupes())}
    service.close()
    rng = random.Random(7)
    for _ in range(10):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(read_end)
                _restore_forever(path, [first, second], write_end)
            finally:
                os._exit(3)
        os.close(write_end)
        ready, _, _ = select.select([read_end], [], [], 20)
        assert ready, "the worker did not start"
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_end)
        db = Database.open(path)
        assert db.query("PRAGMA integrity_check")[0][0] == "ok"
        assert db.query("SELECT count(*) FROM troupe")[0][0] in counts
        db.close()
