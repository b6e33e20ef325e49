"""`festival-app export` from the command line: good runs and every kind of bad input."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from festival_app.cli import main

KINDS = [
    "timetable",
    "overview",
    "cuesheet",
    "booths-pdf",
    "signs",
    "booths",
    "roster",
    "program",
    "calendar",
]


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command's messages are compared in English, whatever the suite runs in."""
    monkeypatch.setenv("FESTIVAL_APP_LANG", "en")


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind(sample_file: Path, tmp_path: Path, kind: str) -> None:
    suffix = {"booths": ".xlsx", "roster": ".xlsx", "program": ".xlsx", "calendar": ".ics"}.get(
        kind, ".pdf"
    )
    out = tmp_path / f"out{suffix}"
    before = sample_file.read_bytes()
    assert (
        main(["export", kind, "--db", str(sample_file), "--out", str(out), "--day", "2018-09-01"])
        == 0
    )
    assert out.stat().st_size > 1000
    assert _files(tmp_path) == [out.name]
    assert sample_file.read_bytes() == before  # opened read-only


def test_venue_by_korean_name_and_options(sample_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.pdf"
    code = main(
        [
            "export", "timetable", "--db", str(sample_file), "--out", str(out),
            "--venue", "서울광장 메인무대", "--venue", "STREET PARADE ROUTE",
            "--lang", "ko", "--paper", "a3", "--landscape",
        ]
    )  # fmt: skip
    assert code == 0
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+4$", info, re.M)
    assert "1190.55 x 841.89" in info  # A3 landscape


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        (["--venue", "Nowhere Stage"], "no venue called 'Nowhere Stage'"),
        (["--day", "2018-09-05"], "2018-09-05 is not a festival day"),
        (["--day", "tomorrow"], "not a date"),
    ],
)
def test_bad_input_exit_2_and_old_file_untouched(
    sample_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    needle: str,
) -> None:
    out = tmp_path / "t.pdf"
    out.write_bytes(b"the old printout")
    code = main(["export", "timetable", "--db", str(sample_file), "--out", str(out), *extra])
    assert code == 2
    assert needle in capsys.readouterr().err
    assert out.read_bytes() == b"the old printout"
    assert _files(tmp_path) == ["t.pdf"]


def test_unwritable_folder(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no such folder" / "t.pdf"
    assert main(["export", "booths", "--db", str(sample_file), "--out", str(missing)]) == 2
    assert "does not exist" in capsys.readouterr().err
    if os.geteuid() == 0:
        folder = Path("/proc")  # root may write anywhere else
    else:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
    out = folder / "booths.xlsx"
    assert main(["export", "booths", "--db", str(sample_file), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "cannot be written" in err or "Cannot write in" in err
    assert not out.exists()
    # A folder as the output path.
    assert main(["export", "booths", "--db", str(sample_file), "--out", str(tmp_path)]) == 2


def test_missing_font_exit_1(sample_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "signs.pdf"
    env = dict(os.environ, FESTIVAL_APP_PDF_FONT="none")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "festival_app",
            "export",
            "signs",
            "--db",
            str(sample_file),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1
    assert "sudo apt install fonts-nanum" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()
    assert _files(tmp_path) == []


def test_unknown_kind_is_usage_error(sample_file: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["export", "poster", "--db", str(sample_file), "--out", str(tmp_path / "x.pdf")])
    assert caught.value.code == 2


def test_exports_never_import_qt() -> None:
    code = (
        "import sys\n"
        "import festival_app.exports, festival_app.exports.excel, festival_app.exports.ics\n"
        "import festival_app.exports.pdf_program, festival_app.exports.pdf_overview\n"
        "import festival_app.exports.pdf_booths, festival_app.cli.commands.export\n"
        "assert 'PySide6' not in sys.modules, 'Qt imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
