"""`festival-app --self-test` on the installed (not frozen) program, and reading PDFs back
without a PDF library."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from festival_app import paths, selftest
from festival_app.cli import main
from festival_app.exports import fonts
from festival_app.services import FestivalService
from tests.helpers.pdf import embedded_truetype_fonts

REPO = Path(__file__).resolve().parent.parent.parent
STEPS = ["create", "check", "translations", "pdf", "workbook", "calendar", "publish"]


def _installed_program() -> Path:
    """The `festival-app` script pip installed beside this Python."""
    folder = Path(sys.executable).parent
    for name in ("festival-app", "festival-app.exe"):
        if (folder / name).is_file():
            return folder / name
    pytest.skip("festival-app is not installed beside this Python")


def test_the_installed_program_passes_its_self_test(tmp_path: Path) -> None:
    if not fonts.candidate_paths():
        pytest.skip("no Korean font on this system (a source install bundles none)")
    env = dict(os.environ, FESTIVAL_APP_DATA_DIR=str(tmp_path / "data"), FESTIVAL_APP_LANG="en")
    result = subprocess.run(
        [str(_installed_program()), "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "festival-app 0.1.0 self-test"
    assert [line.split()[:2] for line in lines[1:-1]] == [["ok", step] for step in STEPS]
    assert lines[-1] == "Self-test passed."
    assert result.stderr == ""
    # Its temporary folder is gone again.
    assert not list(Path(tmp_path).glob("festival-selftest-*"))


def test_a_failing_step_is_named_and_ends_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    monkeypatch.setenv(fonts.FONT_DIRS_VAR, str(empty))  # a system without a Korean font
    monkeypatch.setattr(paths, "bundled_fonts_dir", lambda: None)  # and no bundled one
    assert main(["--self-test"]) == 1
    out, err = capsys.readouterr()
    steps = [line.split()[:2] for line in out.splitlines()[1:]]
    assert steps == [["ok", "create"], ["ok", "check"], ["ok", "translations"], ["FAILED", "pdf"]]
    assert "fonts-nanum" in out  # what to install
    assert err.strip() == "festival-app: The self-test failed at step 'pdf'."


def test_an_unexpected_error_is_reported_with_its_step(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(self: object) -> str:
        raise OSError("disk full")

    monkeypatch.setattr(
        selftest, "STEPS", [(n, broken if n == "calendar" else a) for n, a in selftest.STEPS]
    )
    assert main(["--self-test"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[-1].split(None, 2) == ["FAILED", "calendar", "OSError: disk full"]
    assert "'calendar'" in err


def test_self_test_is_given_alone(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for extra in (["--db", str(tmp_path / "x.sqlite3")], ["check", "--db", "x"], ["--smoke-test"]):
        with pytest.raises(SystemExit) as caught:
            main(["--self-test", *extra])
        assert caught.value.code == 2
        assert "--self-test is given alone" in capsys.readouterr().err


def test_the_self_test_module_needs_no_qt() -> None:
    code = (
        "import sys\n"
        "import festival_app.selftest, festival_app.cli.self_test\n"
        "assert 'PySide6' not in sys.modules, [m for m in sys.modules if 'PySide6' in m]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


# -- reading a PDF back ------------------------------------------------------------------


def test_fonts_read_from_an_export_match_pypdf(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    if not fonts.candidate_paths():
        pytest.skip("no Korean font on this system")
    from festival_app.exports import export

    out = export("timetable", sample_service, tmp_path / "t.pdf", lang="ko")
    data = out.read_bytes()
    embedded, named = selftest.embedded_fonts(data)
    assert named == []
    reader = PdfReader(out)
    assert selftest.pdf_pages(data) == len(reader.pages)
    assert {f.name for f in embedded} == embedded_truetype_fonts(reader)
    regular = next(f for f in embedded if "Bold" not in f.name)
    assert regular.hangul > 20 and regular.size > 10_000


def test_a_font_that_is_only_named_is_found(tmp_path: Path) -> None:
    out = tmp_path / "helvetica.pdf"
    pdf = canvas.Canvas(str(out))
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 720, "no embedded font")
    pdf.showPage()
    pdf.showPage()
    pdf.save()
    embedded, named = selftest.embedded_fonts(out.read_bytes())
    assert embedded == [] and named == ["Helvetica"]
    assert selftest.pdf_pages(out.read_bytes()) == 2
