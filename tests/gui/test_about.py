"""Help > About: version, data folder, log file and the Korean fonts in use."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices

from festival_app import __version__, paths
from festival_app.exports import fonts
from festival_app.gui import settings as config
from festival_app.gui.dialogs.about import AboutDialog
from festival_app.gui.main_window import MainWindow

NANUM = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")


def open_about(window: MainWindow) -> AboutDialog:
    action = window.findChild(QAction, "about")
    assert action is not None
    before = set(window.findChildren(AboutDialog))
    action.trigger()
    opened = [d for d in window.findChildren(AboutDialog) if d not in before]
    assert len(opened) == 1 and opened[0].isVisible() and opened[0].objectName() == "about_dialog"
    return opened[0]


def test_about_names_version_data_folder_log_and_fonts(window: MainWindow) -> None:
    dialog = open_about(window)
    shown = {key: label.text() for key, label in dialog.value_labels.items()}
    assert shown["version"].startswith(f"{__version__} (Qt 6.")
    assert shown["data_folder"] == str(paths.user_data_dir())
    assert shown["log_file"] == str(paths.user_data_dir() / "logs" / "festival-app.log")
    assert shown["window_font"]
    if fonts.candidate_paths():  # an installed Korean font, named with its file
        font = fonts.find_korean_font()
        assert shown["pdf_font"] == f"{font.path.stem} ({font.path})"
    if NANUM.is_file():
        assert "Nanum" in shown["window_font"]
    dialog.reject()
    assert not dialog.isVisible()


def test_the_log_file_is_the_one_being_written(window: MainWindow, tmp_path: Path) -> None:
    handler = logging.FileHandler(tmp_path / "elsewhere.log", encoding="utf-8")
    handler.set_name(paths.LOG_NAME)  # as the program names its log's handler
    logging.getLogger().addHandler(handler)
    try:
        dialog = open_about(window)
        assert dialog.value_labels["log_file"].text() == str(tmp_path / "elsewhere.log")
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()


def test_the_pdf_font_of_the_export_setting_is_named(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not NANUM.is_file():
        pytest.skip("needs fonts-nanum")
    chosen = tmp_path / "Chosen.ttf"
    shutil.copyfile(NANUM, chosen)
    config.EXPORT_PDF_FONT.set(window.settings, str(chosen))
    first = open_about(window)
    assert first.value_labels["pdf_font"].text() == f"Chosen ({chosen})"
    first.close()
    # Without any Korean font for PDFs the box says so instead of failing.
    config.EXPORT_PDF_FONT.set(window.settings, "")
    monkeypatch.setenv(fonts.ENV_VAR, "none")
    text = open_about(window).value_labels["pdf_font"].text()
    assert text and "Chosen" not in text and "Nanum" not in text


def test_the_data_folder_opens(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    dialog = open_about(window)
    dialog.open_folder_button.click()
    assert [Path(url.toLocalFile()) for url in opened] == [paths.user_data_dir()]


def test_about_shows_the_bundled_font(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    from festival_app.gui import fonts as window_fonts

    bundled = window_fonts.WindowFont("NanumGothic", Path("/x/fonts/NanumGothic.ttf"))
    monkeypatch.setattr(window_fonts, "ensure_korean_font", lambda: bundled)
    label = open_about(window).value_labels["window_font"].text()
    assert label == window_fonts.WindowFont.describe(bundled)
    assert label.startswith("NanumGothic (") and label != "NanumGothic"
