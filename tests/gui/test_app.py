"""Starting the program: --smoke-test from the command line, as packaging checks run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_main(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    # The messages checked here are English whatever the test run's language.
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        FESTIVAL_APP_DATA_DIR=str(data_dir),
        FESTIVAL_APP_LANG="en",
    )
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=REPO,
    )


def test_smoke_test_opens_the_sample_and_exits_0(sample_file: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "festival.sqlite3"
    shutil.copyfile(sample_file, copy)
    result = run_main("--db", str(copy), "--smoke-test", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    log = tmp_path / "data" / "logs" / "festival-app.log"
    assert log.exists() and "starting" in log.read_text(encoding="utf-8")


def test_smoke_test_on_a_missing_file_fails_with_a_message(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.sqlite3"
    result = run_main("--db", str(missing), "--smoke-test", data_dir=tmp_path / "data")
    assert result.returncode == 2
    assert "There is no festival file" in result.stderr
    assert "Traceback" not in result.stderr
    assert not missing.exists()


def test_smoke_test_on_a_text_file_fails_and_leaves_it(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database\n", encoding="utf-8")
    before = text.read_bytes()
    result = run_main("--db", str(text), "--smoke-test", data_dir=tmp_path / "data")
    assert result.returncode == 2
    assert "is not a festival file" in result.stderr
    assert text.read_bytes() == before


def test_smoke_test_without_a_screen_still_runs_headless(sample_file: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "festival.sqlite3"
    shutil.copyfile(sample_file, copy)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}
    }
    env["FESTIVAL_APP_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--db", str(copy), "--smoke-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
