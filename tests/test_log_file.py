"""The program's log file: one per data folder, moved aside at start once it is large."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from festival_app.app import LOG_MAX_BYTES, setup_logging
from festival_app.paths import LOG_NAME


@pytest.fixture
def logs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("FESTIVAL_APP_DATA_DIR", str(tmp_path))
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    folder = tmp_path / "logs"
    folder.mkdir()
    yield folder
    for handler in root.handlers:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_a_large_log_is_moved_aside_and_the_oldest_dropped(logs: Path) -> None:
    log = logs / LOG_NAME
    log.write_text("x" * (LOG_MAX_BYTES + 1), encoding="utf-8")
    for number in (1, 2, 3):
        (logs / f"{LOG_NAME}.{number}").write_text(f"run {number}", encoding="utf-8")

    assert setup_logging(debug=False) == log

    assert (logs / f"{LOG_NAME}.1").stat().st_size == LOG_MAX_BYTES + 1
    assert (logs / f"{LOG_NAME}.2").read_text(encoding="utf-8") == "run 1"
    assert (logs / f"{LOG_NAME}.3").read_text(encoding="utf-8") == "run 2"
    assert not (logs / f"{LOG_NAME}.4").exists()
    assert "starting" in log.read_text(encoding="utf-8")


def test_a_small_log_is_continued(logs: Path) -> None:
    log = logs / LOG_NAME
    log.write_text("earlier run\n", encoding="utf-8")

    setup_logging(debug=False)

    assert log.read_text(encoding="utf-8").startswith("earlier run\n")
    assert "starting" in log.read_text(encoding="utf-8")
    assert not (logs / f"{LOG_NAME}.1").exists()
