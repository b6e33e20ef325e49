"""The font search: FESTIVAL_APP_FONT_DIRS replaces the system's fonts, and the font the
program brings is used for PDFs and the window when the system has no Korean font."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from festival_app import paths
from festival_app.exports import MissingFontError, export, fonts
from festival_app.services import FestivalService
from tests.helpers.build import NANUM, REPO, no_korean_font
from tests.helpers.pdf import embedded_truetype_fonts

needs_nanum = pytest.mark.skipif(not NANUM.is_file(), reason="needs fonts-nanum")


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A resources/fonts folder as the frozen build has it."""
    if not NANUM.is_file():
        pytest.skip("needs fonts-nanum")
    folder = tmp_path / "bundle" / "fonts"
    folder.mkdir(parents=True)
    shutil.copyfile(NANUM, folder / "NanumGothic.ttf")
    shutil.copyfile(NANUM.with_name("NanumGothicBold.ttf"), folder / "NanumGothicBold.ttf")
    (folder / "LICENSE-NanumGothic.txt").write_text("SIL Open Font License", encoding="utf-8")
    return folder


@pytest.fixture
def no_system_font(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv(fonts.FONT_DIRS_VAR, str(empty))
    return empty


def test_an_empty_font_folder_hides_the_system_fonts(
    no_system_font: Path, monkeypatch: pytest.MonkeyPatch, sample_service: FestivalService
) -> None:
    monkeypatch.setattr(paths, "bundled_fonts_dir", lambda: None)
    assert paths.font_dirs_override() == [no_system_font]
    assert fonts.candidate_paths() == []
    with pytest.raises(MissingFontError):
        fonts.find_korean_font()
    with pytest.raises(MissingFontError):
        export("timetable", sample_service, no_system_font.parent / "t.pdf")


@needs_nanum
def test_the_folders_given_are_searched_instead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a", tmp_path / "b" / "deeper"
    first.mkdir()
    second.mkdir(parents=True)
    shutil.copyfile(NANUM, second / "NanumGothic.ttf")
    (first / "notes.txt").write_text("not a font", encoding="utf-8")
    monkeypatch.setenv(fonts.FONT_DIRS_VAR, os.pathsep.join([str(first), str(tmp_path / "b")]))
    assert fonts.candidate_paths() == [second / "NanumGothic.ttf"]
    font = fonts.find_korean_font()
    assert font.path == second / "NanumGothic.ttf" and not font.bundled
    # Unset or empty: the system's fonts.
    monkeypatch.setenv(fonts.FONT_DIRS_VAR, "")
    assert paths.font_dirs_override() is None


def test_without_a_system_font_the_bundled_one_goes_into_the_pdf(
    no_system_font: Path,
    bundle: Path,
    monkeypatch: pytest.MonkeyPatch,
    sample_service: FestivalService,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(paths, "bundled_fonts_dir", lambda: bundle)
    font = fonts.find_korean_font()
    assert font.bundled and font.path == bundle / "NanumGothic.ttf"
    assert font.bold_path == bundle / "NanumGothicBold.ttf"
    assert font.describe() == "NanumGothic (bundled with the program)"
    out = export("cuesheet", sample_service, tmp_path / "cue.pdf", lang="ko")
    assert embedded_truetype_fonts(PdfReader(out)) == {"NanumGothic", "NanumGothicBold"}


@needs_nanum
def test_a_system_font_comes_before_the_bundled_one(
    bundle: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    installed = tmp_path / "installed"
    installed.mkdir()
    shutil.copyfile(NANUM, installed / "NanumGothic.ttf")
    monkeypatch.setenv(fonts.FONT_DIRS_VAR, str(installed))
    monkeypatch.setattr(paths, "bundled_fonts_dir", lambda: bundle)
    font = fonts.find_korean_font()
    assert font.path == installed / "NanumGothic.ttf" and not font.bundled
    # FESTIVAL_APP_PDF_FONT=none still switches the search off, bundle and all.
    monkeypatch.setenv(fonts.ENV_VAR, "none")
    with pytest.raises(MissingFontError):
        fonts.find_korean_font()


WINDOW_CHECK = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
from festival_app import paths
bundle = sys.argv[2]
paths.bundled_fonts_dir = lambda: Path(bundle) if bundle else None
from festival_app.gui import fonts as window_fonts
app = QApplication([])
window_fonts.use_bundled_font_if_needed()
window = QMainWindow()
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
warned = window_fonts.warn_if_no_korean_font(window, settings)
font = window_fonts.ensure_korean_font()
hangul = window_fonts._hangul_family()
print(warned, font.family, font.bundled, hangul and hangul.lower(), font.describe())
"""


def _window_check(tmp_path: Path, bundle: Path | None) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **no_korean_font(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", WINDOW_CHECK, str(tmp_path / "s.ini"), str(bundle or "")],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_without_a_system_font_the_window_uses_the_bundled_one(
    tmp_path: Path, bundle: Path
) -> None:
    # No warning; Hangul is drawn with the bundled NanumGothic.
    assert _window_check(tmp_path, bundle) == (
        "False NanumGothic True nanumgothic NanumGothic (bundled with the program)"
    )


def test_without_any_korean_font_the_window_warns(tmp_path: Path) -> None:
    assert _window_check(tmp_path, None) == (
        "True None False None none (Korean shows as empty boxes)"
    )
