"""The file's check started ahead of opening (store.early_check): used only when sound and
unchanged; anything else is checked again, so what the user is told stays the same."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from bench.generate import generate
from festival_app.services import FestivalService
from festival_app.store import early_check, errors, schema, triage
from festival_app.store.db import Database


@pytest.fixture
def festival(tmp_path: Path) -> Path:
    return generate(tmp_path / "festival.sqlite3", 1)


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the threads `triage.inspect` ran on."""
    threads: list[str] = []
    inspect = triage.inspect

    def recording(path: Path) -> int:
        threads.append(threading.current_thread().name)
        return inspect(path)

    monkeypatch.setattr(triage, "inspect", recording)
    return threads


def _garble_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle : middle + 4096] = bytes((i * 7 + 13) % 256 for i in range(4096))
    path.write_bytes(bytes(data))


def test_a_sound_file_is_checked_once_on_the_other_thread(
    festival: Path, checks: list[str]
) -> None:
    FestivalService.check_ahead(festival)
    service = FestivalService.open(festival)
    try:
        assert service.festival().name()
    finally:
        service.close()
    assert checks == ["festival-check"]


def test_a_file_written_after_its_check_began_is_checked_again(
    festival: Path, checks: list[str]
) -> None:
    early_check.start(festival)
    writer = sqlite3.connect(festival)
    writer.execute("UPDATE festival SET notes = 'written meanwhile'")
    writer.commit()
    writer.close()
    assert early_check.take(festival) is None
    Database.open(festival).close()
    assert checks == ["festival-check", "MainThread"]


def test_the_check_s_result_is_the_file_s_version(festival: Path, checks: list[str]) -> None:
    early_check.start(festival)
    assert early_check.take(festival) == schema.SCHEMA_VERSION
    assert early_check.take(festival) is None  # used once
    assert checks == ["festival-check"]


def test_a_damaged_file_is_told_as_without_the_early_check(
    festival: Path, checks: list[str]
) -> None:
    _garble_middle(festival)
    before = festival.read_bytes()
    with pytest.raises(errors.DamagedFileError) as plain:
        Database.open(festival)
    early_check.start(festival)
    with pytest.raises(errors.DamagedFileError) as ahead:
        Database.open(festival)
    assert ahead.value.message() == plain.value.message()
    assert festival.read_bytes() == before
    assert checks == ["MainThread", "festival-check", "MainThread"]


def test_an_old_result_is_not_used(
    festival: Path, checks: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(early_check, "FRESH_FOR_S", 0.0)
    early_check.start(festival)
    assert early_check.take(festival) is None
    Database.open(festival).close()
    assert checks == ["festival-check", "MainThread"]


def test_nothing_is_started_for_a_file_with_a_journal(festival: Path, checks: list[str]) -> None:
    triage.journal_path(festival).write_bytes(b"")
    early_check.start(festival)
    assert early_check.take(festival) is None
    assert checks == []


def test_nothing_is_started_for_a_missing_file(tmp_path: Path) -> None:
    early_check.start(tmp_path / "missing.sqlite3")
    assert early_check.take(tmp_path / "missing.sqlite3") is None
