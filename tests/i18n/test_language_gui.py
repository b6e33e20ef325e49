"""Settings > Language, the Korean font warning and dates, as a user meets them."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from festival_app import language
from festival_app.gui import settings as config
from festival_app.gui.main_window import MainWindow
from festival_app.services import FestivalService

REPO = Path(__file__).resolve().parent.parent.parent
LATIN_FONTS = Path("/usr/share/fonts/truetype/dejavu")


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_settings_language_stores_the_choice_and_says_when_it_applies(
    qtbot: Any, sample_service: FestivalService, settings: QSettings, monkeypatch: Any
) -> None:
    monkeypatch.delenv(language.ENV_VARIABLE, raising=False)
    window = MainWindow(sample_service, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.languages.actions[""].isChecked()  # the system's, until chosen
    assert [a.text() for a in window.languages.menu.actions()][1:] == ["한국어", "English"]
    window.languages.actions["ko"].trigger()
    assert config.LANGUAGE.get(settings) == "ko"
    assert window.languages.actions["ko"].isChecked()
    notice = window.findChild(QMessageBox, "language_notice")
    assert notice is not None and notice.isVisible()
    assert notice.text() == window.tr(
        "The new language is used from the next start. Close the program and open it "
        "again to see it."
    )
    notice.close()
    # The next start reads it (the window's settings file is the one the program reads).
    settings.sync()
    assert language.stored_setting(Path(settings.fileName())) == "ko"
    assert language.chosen_language(config.LANGUAGE.get(settings)) == "ko"
    window.languages.actions[""].trigger()
    assert config.LANGUAGE.get(settings) == ""


def test_the_environment_variable_is_named_when_it_overrides_the_choice(
    qtbot: Any, sample_service: FestivalService, settings: QSettings, monkeypatch: Any
) -> None:
    monkeypatch.setenv(language.ENV_VARIABLE, "en")
    window = MainWindow(sample_service, settings)
    qtbot.addWidget(window)
    window.languages.actions["ko"].trigger()
    notice = window.findChild(QMessageBox, "language_notice")
    assert notice is not None and language.ENV_VARIABLE in notice.text()
    notice.close()


FONT_CHECK = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
from festival_app.gui.fonts import warn_if_no_korean_font
app = QApplication([])
window = QMainWindow()
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
warned = warn_if_no_korean_font(window, settings)
box = window.findChild(QMessageBox, "korean_font_warning")
print(warned, box is not None, bool(window.statusBar().currentMessage()))
"""


def _font_check(tmp_path: Path, fonts: Path | None) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if fonts is not None:
        config_file = tmp_path / "fonts.conf"
        config_file.write_text(
            f"<?xml version='1.0'?><fontconfig><dir>{fonts}</dir>"
            f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
            encoding="utf-8",
        )
        env["FONTCONFIG_FILE"] = str(config_file)
    result = subprocess.run(
        [sys.executable, "-c", FONT_CHECK, str(tmp_path / "settings.ini")],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_missing_korean_font_is_told_once_then_only_in_the_status_bar(tmp_path: Path) -> None:
    if not LATIN_FONTS.is_dir():
        pytest.skip("needs the DejaVu fonts as a font set without Hangul")
    assert _font_check(tmp_path, LATIN_FONTS) == "True True True"
    assert _font_check(tmp_path, LATIN_FONTS) == "True False True"  # remembered: no box


def test_with_a_korean_font_nothing_is_said(tmp_path: Path) -> None:
    from PySide6.QtGui import QFontDatabase

    if not QFontDatabase.families(QFontDatabase.WritingSystem.Korean):
        pytest.skip("no Korean font installed here")
    assert _font_check(tmp_path, None) == "False False False"


def test_dates_and_times_in_each_language(qapp: Any) -> None:
    from festival_app.gui.dates import format_date, format_datetime

    for code, day, moment in (
        ("ko", "2018년 9월 1일 (토)", "2018년 9월 1일 (토) 14:30"),
        ("en", "Sat 1 Sep 2018", "Sat 1 Sep 2018 14:30"),
    ):
        translators = language.install(qapp, code)
        try:
            assert format_date(date(2018, 9, 1)) == day
            assert format_datetime(datetime(2018, 9, 1, 14, 30)) == moment
        finally:
            language.uninstall(qapp, translators)


def test_the_window_starts_in_korean(sample_file: Path, tmp_path: Path) -> None:
    """A Korean smoke test: translations load, the window paints, nothing waits for a person."""
    import shutil

    copy = tmp_path / "festival.sqlite3"
    shutil.copyfile(sample_file, copy)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        FESTIVAL_APP_DATA_DIR=str(tmp_path / "data"),
        FESTIVAL_APP_LANG="ko",
    )
    if LATIN_FONTS.is_dir():  # no Korean font: a window run would warn here
        config_file = tmp_path / "fonts.conf"
        config_file.write_text(
            f"<?xml version='1.0'?><fontconfig><dir>{LATIN_FONTS}</dir>"
            f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
            encoding="utf-8",
        )
        env["FONTCONFIG_FILE"] = str(config_file)
    result = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--db", str(copy), "--smoke-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    # Even without a Korean font the smoke test shows no warning and records none.
    ini = tmp_path / "data" / "settings.ini"
    assert not ini.exists() or "korean_font_warned" not in ini.read_text(encoding="utf-8")
