"""The command line's frame: init, --version, exit codes and plain messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from festival_app import __version__
from festival_app.cli import main
from festival_app.services import FestivalService

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_version_and_help_from_main_py_and_module() -> None:
    assert run("--version").stdout.strip() == f"festival-app {__version__}"
    module = subprocess.run(
        [sys.executable, "-m", "festival_app", "--help"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert module.returncode == 0
    assert "init" in module.stdout


def test_init_creates_the_sample_festival(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "f.sqlite3"
    assert main(["init", str(path)]) == 0
    service = FestivalService.open(path, read_only=True)
    assert len(service.days()) == 2
    assert len(service.troupes()) == 15
    assert "sample" in service.festival().name_en
    service.close()


def test_init_empty_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "f.sqlite3"
    assert main(["init", str(path), "--empty"]) == 0
    before = path.read_bytes()
    assert main(["init", str(path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert path.read_bytes() == before
    service = FestivalService.open(path, read_only=True)
    assert service.booths() == [] and service.days() == []
    service.close()


def test_init_into_a_missing_folder_is_a_plain_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["init", str(tmp_path / "no" / "such" / "f.sqlite3")]) == 2
    )  # bad input, as for export
    err = capsys.readouterr().err
    assert "does not exist" in err and "Traceback" not in err


def test_a_missing_db_for_the_window_suggests_init(tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "nope.sqlite3"), "--smoke-test")
    assert result.returncode == 2
    assert "festival-app init" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "nope.sqlite3").exists()


def test_bad_usage_exits_2() -> None:
    result = run("no-such-command")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_backups_are_listed_even_when_the_file_cannot_be_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "f.sqlite3"
    assert main(["init", str(path), "--empty"]) == 0
    assert main(["backup", "--db", str(path)]) == 0
    path.write_bytes(b"\0" * 4096)  # wiped by a failing drive
    capsys.readouterr()
    assert main(["backup", "--db", str(path), "--list"]) == 0
    assert "f.sqlite3" in capsys.readouterr().out
