"""File menu: import, import template and export reach their dialogs; read-only files
cannot be imported into; new, open and save a copy offer the same festival files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from festival_app.gui.main_window import MainWindow
from festival_app.services import FestivalService
from tests.helpers.interface_language import tr


def _names(window: MainWindow) -> list[str]:
    return [a.objectName() for a in window.file_menu.actions() if a.objectName()]


def test_file_menu_has_import_template_and_export(window: MainWindow) -> None:
    names = _names(window)
    assert names.index("import") < names.index("import_template") < names.index("export")
    assert window.import_action.isEnabled()
    assert window.export_action.isEnabled()


@pytest.mark.parametrize(
    ("action", "dialog_class"),
    [("export_action", "ExportDialog"), ("import_action", "ImportDialog")],
)
def test_menu_actions_open_their_dialogs(
    window: MainWindow, monkeypatch: Any, tmp_path: Path, action: str, dialog_class: str
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from festival_app.imports.template import write_template

    workbook = write_template(tmp_path / "applications.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(workbook), ""))
    seen: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(50, close_it)
            return
        seen.append(type(dialog).__name__)
        dialog.reject()

    QTimer.singleShot(50, close_it)
    getattr(window, action).trigger()
    assert seen == [dialog_class]


def test_save_import_template_writes_the_workbook(
    window: MainWindow, boxes: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "template"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.import_template_action.trigger()
    assert (tmp_path / "template.xlsx").stat().st_size > 5000
    assert boxes.shown[-1][0] == tr("ImportDialog", "Template saved")


def test_a_read_only_file_cannot_be_imported_into(
    qtbot: Any, sample_file: Path, tmp_path: Path
) -> None:
    service = FestivalService.open(sample_file, read_only=True)
    win = MainWindow(service, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    win.update_actions()
    assert not win.import_action.isEnabled()
    assert win.export_action.isEnabled()
    service.close()


def test_new_open_and_save_a_copy_offer_the_same_festival_files(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    filters: list[str] = []

    def chosen(*args: Any, **kwargs: Any) -> tuple[str, str]:
        filters.append(args[3])  # parent, caption, folder, filter
        return "", ""  # cancelled

    monkeypatch.setattr(QFileDialog, "getSaveFileName", chosen)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", chosen)
    for action in (window.new_action, window.open_action, window.save_copy_action):
        action.trigger()
    assert len(filters) == 3 and len(set(filters)) == 1
    assert all(f"*.{suffix}" in filters[0] for suffix in ("sqlite3", "festival", "db"))
