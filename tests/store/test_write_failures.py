"""Failures while writing: the edit is rolled back, the user is told in plain words, the
file stays as it was before that edit and the next edit works."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.generate import generate
from festival_app.domain.troupes import Troupe
from festival_app.services import FestivalService
from festival_app.store import errors
from tests.helpers.file_db import file_db


class FailingWrites:
    """The festival file's connection with a failing write path: the next `times`
    statements starting with `statement` fail as SQLite reports an I/O error or a full
    disk (its message and extended error code); everything else goes to the real
    connection."""

    def __init__(
        self, real: sqlite3.Connection, statement: str, message: str, code: int, times: int = 1
    ) -> None:
        self.real = real
        self.statement = statement
        self.message = message
        self.code = code
        self.times = times

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if self.times and sql.lstrip().upper().startswith(self.statement):
            self.times -= 1
            error = sqlite3.OperationalError(self.message)
            error.sqlite_errorcode = self.code  # as SQLite's own errors carry it
            raise error
        return self.real.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


@pytest.fixture
def festival(tmp_path: Path) -> Path:
    return generate(tmp_path / "festival.sqlite3", 1)


def _rows(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return sorted(conn.execute("SELECT * FROM troupe").fetchall(), key=repr)
    finally:
        conn.close()


SQLITE_IOERR_WRITE = sqlite3.SQLITE_IOERR | (3 << 8)  # an extended code, as SQLite reports


@pytest.mark.parametrize(
    ("statement", "message", "code", "says"),
    [
        (
            "COMMIT",
            "disk I/O error",
            SQLITE_IOERR_WRITE,
            "could not be written (removed or failing?)",
        ),
        ("COMMIT", "database or disk is full", sqlite3.SQLITE_FULL, "the disk is full"),
        ("INSERT", "disk I/O error", sqlite3.SQLITE_IOERR, "could not be written"),
        ("BEGIN", "unable to open database file", sqlite3.SQLITE_CANTOPEN, "could not be written"),
    ],
    ids=["io-error-at-commit", "full-at-commit", "io-error-while-writing", "drive-gone-at-begin"],
)
def test_an_injected_write_failure_changes_nothing_and_the_next_edit_works(
    festival: Path, statement: str, message: str, code: int, says: str
) -> None:
    service = FestivalService.open(festival)
    heard: list[frozenset[str]] = []
    service.subscribe(heard.append)
    before = _rows(festival)
    db = file_db(service)
    real = db.conn
    db.conn = FailingWrites(real, statement, message, code)  # type: ignore[assignment]  # a stand-in connection
    with pytest.raises(errors.WriteFailedError) as caught, service.batch():
        for i in range(20):
            service.save(Troupe(f"Imported {i}", city_en="Busan"))
    text = caught.value.message()
    assert says in text and "Nothing was changed" in text and str(festival) in text
    assert _rows(festival) == before
    assert not real.in_transaction
    assert heard == []  # nobody was told of a change that did not happen
    assert len(service.troupes()) == len(before)

    stored, _ = service.save(Troupe("After the failure", city_en="Seoul"))
    assert stored.id is not None
    assert len(_rows(festival)) == len(before) + 1
    assert heard == [frozenset({"troupes"})]
    db.conn = real
    service.close()


def test_a_single_save_that_fails_at_commit_is_not_half_there(festival: Path) -> None:
    service = FestivalService.open(festival)
    troupe = service.troupes()[0]
    before = _rows(festival)
    db = file_db(service)
    real = db.conn
    failing = FailingWrites(real, "COMMIT", "disk I/O error", SQLITE_IOERR_WRITE)
    db.conn = failing  # type: ignore[assignment]  # a stand-in connection
    with pytest.raises(errors.WriteFailedError):
        service.save(Troupe(**{**_fields(troupe), "notes": "changed"}))
    assert _rows(festival) == before
    assert service.get(Troupe, troupe.id or 0) == troupe
    db.conn = real
    service.close()


@pytest.mark.parametrize(
    ("statement", "message"),
    [("INSERT", "no such column: nickname"), ("UPDATE", 'near "SET": syntax error')],
    ids=["no-such-column", "syntax-error"],
)
def test_a_programming_error_is_not_dressed_up_as_a_write_failure(
    festival: Path, statement: str, message: str
) -> None:
    """A bug in the program's SQL is raised as it is (for the crash dialog and the log),
    never told as "could not be written"; the file is left as it was all the same."""
    service = FestivalService.open(festival)
    troupe = service.troupes()[0]
    before = _rows(festival)
    db = file_db(service)
    real = db.conn
    db.conn = FailingWrites(  # type: ignore[assignment]  # a stand-in connection
        real, statement, message, sqlite3.SQLITE_ERROR
    )
    with pytest.raises(sqlite3.OperationalError, match=message.split(":")[0]):
        if statement == "INSERT":
            service.save(Troupe("New", city_en="Busan"))
        else:
            service.save(Troupe(**{**_fields(troupe), "notes": "changed"}))
    assert _rows(festival) == before
    assert not real.in_transaction
    db.conn = real
    service.close()


def _fields(troupe: Troupe) -> dict[str, Any]:
    return {name: getattr(troupe, name) for name in Troupe.__slots__}


# -- a real full disk ------------------------------------------------------------------


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB file system of its own (tmpfs), like a nearly full USB stick."""
    mount = tmp_path / "stick"
    mount.mkdir()
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
            check=True,
            capture_output=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"a tiny file system cannot be mounted here (needs root): {exc}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False, capture_output=True, timeout=10)


def _fill(folder: Path) -> Path:
    """Fill the file system to the last byte."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_CREAT | os.O_WRONLY, 0o644)
    try:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
    finally:
        os.close(fd)
    return filler


def _save_all(service: FestivalService, troupes: list[Troupe]) -> None:
    """Several records in one transaction, all or nothing (as an import writes them)."""
    with service.batch():
        for troupe in troupes:
            service.save(troupe)


def test_a_really_full_disk(festival: Path, tiny_disk: Path) -> None:
    path = tiny_disk / "festival.sqlite3"
    shutil.copyfile(festival, path)
    service = FestivalService.open(path)
    _fill(tiny_disk)
    before = path.read_bytes()
    heavy = [Troupe(f"Troupe {i}", city_en="Busan", notes="x" * 2000) for i in range(400)]
    with pytest.raises(errors.WriteFailedError) as caught:
        _save_all(service, heavy)
    assert "the disk is full" in caught.value.message()
    assert path.read_bytes() == before
    # The program is still usable: the user frees space and goes on.
    (tiny_disk / "filler").unlink()
    _save_all(service, heavy[:10])
    assert service.db.query("PRAGMA integrity_check")[0][0] == "ok"
    assert len(service.troupes()) == len(_rows(festival)) + 10
    service.close()
