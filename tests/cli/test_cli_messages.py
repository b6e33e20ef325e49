"""What the command line says, and where: a missing backup is called a missing backup,
the template never replaces a file unasked, results go to stdout and diagnostics to
stderr, and a missing festival file for the window is also told on the screen."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox

from festival_app.cli import main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def festival(sample_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "f.sqlite3"
    shutil.copyfile(sample_file, path)
    return path


# -- restore from a backup that is not there ---------------------------------------------


def test_restore_from_a_missing_backup_says_the_backup_does_not_exist(
    festival: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = festival.read_bytes()
    missing = tmp_path / "missing.sqlite3"
    assert main(["restore", "--db", str(festival), "--from", str(missing)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"The backup {missing} does not exist. Nothing was changed." in err
    assert "init" not in err  # it used to suggest creating a festival file of that name
    assert "--list" in err
    assert festival.read_bytes() == before
    assert not missing.exists()


def test_restore_from_a_folder_is_refused(
    festival: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["restore", "--db", str(festival), "--from", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


# -- template --out over an existing file ------------------------------------------------


def test_template_never_replaces_a_file_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "template.xlsx"
    out.write_bytes(b"a workbook someone filled in")
    assert main(["template", "--out", str(out)]) == 2
    stdout, err = capsys.readouterr()
    assert stdout == ""
    assert f"{out} already exists; it was left unchanged. Add --force to replace it." in err
    assert out.read_bytes() == b"a workbook someone filled in"
    assert main(["template", "--out", str(out), "--force"]) == 0
    assert openpyxl.load_workbook(out).sheetnames[0] == "Instructions"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["template.xlsx"]


def test_init_into_a_missing_folder_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path / "missing" / "f.sqlite3")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "does not exist" in err


# -- results on stdout, diagnostics on stderr --------------------------------------------


def test_results_go_to_stdout_and_nothing_to_stderr(
    festival: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    runs = [
        (["init", str(tmp_path / "new.sqlite3"), "--empty"], "Created "),
        (["template", "--out", str(tmp_path / "t.xlsx")], "Wrote the import template to "),
        (
            ["export", "roster", "--db", str(festival), "--out", str(tmp_path / "r.xlsx")],
            "Wrote ",
        ),
        (["backup", "--db", str(festival), "--out", str(tmp_path / "copy.sqlite3")], "Backup "),
        (
            ["restore", "--db", str(festival), "--from", str(tmp_path / "copy.sqlite3")],
            "Restored ",
        ),
    ]
    for argv, start in runs:
        assert main(argv) == 0, argv
        out, err = capsys.readouterr()
        assert out.startswith(start), (argv, out)
        assert err == "", (argv, err)


def test_failures_go_to_stderr_and_nothing_to_stdout(
    festival: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    runs = [
        ["init", str(festival)],
        ["template", "--out", str(tmp_path / "no" / "t.xlsx")],
        ["export", "roster", "--db", str(tmp_path / "none.sqlite3"), "--out", "r.xlsx"],
        ["backup", "--db", str(festival), "--out", str(festival)],
        ["restore", "--db", str(festival), "--from", str(tmp_path / "none.sqlite3")],
    ]
    for argv in runs:
        assert main(argv) == 2, argv
        out, err = capsys.readouterr()
        assert out == "", (argv, out)
        assert err.startswith("festival-app: "), (argv, err)


def test_readme_says_where_results_and_messages_go() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Command line", 1)[1].split("\n## ", 1)[0]
    assert "stdout" in section and "stderr" in section
    # Not the old promise that every message goes to stderr.
    assert not re.search(r"prints plain messages on stderr", section)


# -- the window on a missing file, started without a terminal ----------------------------


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Message boxes answered at once, their title, text and informative text recorded."""
    shown: list[tuple[str, str, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text(), box.informativeText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def test_a_missing_file_for_the_window_is_shown_in_a_dialog(
    qapp: object,
    tmp_path: Path,
    boxes: list[tuple[str, str, str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    missing = tmp_path / "missing.sqlite3"
    assert main(["--db", str(missing)]) == 2
    assert len(boxes) == 1
    title, text, info = boxes[0]
    assert title == "Cannot open"
    assert text == f"There is no festival file at {missing}."
    assert "without --db" in info
    # A terminal still gets the message on stderr, and nothing was created.
    assert "There is no festival file at" in capsys.readouterr().err
    assert sorted(tmp_path.iterdir()) == []


def test_a_missing_file_in_a_smoke_test_or_without_a_screen_is_not_shown(
    qapp: object,
    tmp_path: Path,
    boxes: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    missing = tmp_path / "missing.sqlite3"
    assert main(["--db", str(missing), "--smoke-test"]) == 2
    assert boxes == []
    monkeypatch.setattr("sys.platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert main(["--db", str(missing)]) == 2
    assert boxes == []
    assert capsys.readouterr().err.count("There is no festival file at") == 2
