"""The Festival section's form: every field saved as it is edited, one undo step each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from festival_app.gui.main_window import MainWindow
from festival_app.gui.widgets.festival_form import FestivalSection
from festival_app.services import FestivalService
from tests.helpers.interface_language import tr, undo_text


def reopen(service: FestivalService) -> FestivalService:
    return FestivalService.open(service.db.path, read_only=True)


def form(window: MainWindow, qtbot: Any) -> FestivalSection:
    window.show_section("festival")
    section = window.section("festival")
    assert isinstance(section, FestivalSection)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # typed keys and focus go to the active window
    return section


def type_into(widget: Any, text: str) -> None:
    """Click into the field (its focus) and type, as a person does (Hangul too, which
    QTest.keyClicks takes only as Latin-1)."""
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )


def test_a_field_is_saved_when_left_as_one_undo_step(window: MainWindow, qtbot: Any) -> None:
    section = form(window, qtbot)
    original = window.service.festival()
    section.name_ko.selectAll()
    type_into(section.name_ko, "서울세계도시문화축제")
    assert reopen(window.service).festival().name_ko == original.name_ko  # still typing
    section.notes.setFocus(Qt.FocusReason.TabFocusReason)  # leaves the field
    disk = reopen(window.service)
    assert disk.festival().name_ko == "서울세계도시문화축제"
    disk.close()
    step = tr("FestivalSection", "Change the festival's Korean name")
    assert window.undo_action.text() == undo_text(step)
    assert window.statusBar().currentMessage() == tr(
        "FestivalSection", "Festival's Korean name changed"
    )

    # The spin box: typed, then Enter.
    section.min_changeover.selectAll()
    type_into(section.min_changeover, "45")
    QTest.keyClick(section.min_changeover, Qt.Key.Key_Return)
    assert reopen(window.service).festival().min_changeover == 45
    assert window.undo_stack.count() == 2  # one step per edited field

    window.undo_action.trigger()
    window.undo_action.trigger()
    assert reopen(window.service).festival() == original
    assert section.name_ko.text() == original.name_ko
    assert section.min_changeover.value() == original.min_changeover


def test_the_form_has_no_apply_or_revert(window: MainWindow, qtbot: Any) -> None:
    section = form(window, qtbot)
    texts = {b.text() for b in section.findChildren(QPushButton)}
    assert not texts & {tr("FestivalSection", "Apply"), tr("FestivalSection", "Revert")}


def test_notes_typed_then_another_section_are_saved(window: MainWindow, qtbot: Any) -> None:
    section = form(window, qtbot)
    type_into(section.notes, "Rain plan: the parade waits under the plaza's tents.")
    window.show_section("booths")  # Ctrl+N: the focus may stay where it was
    disk = reopen(window.service)
    assert disk.festival().notes == "Rain plan: the parade waits under the plaza's tents."
    disk.close()
    assert window.undo_action.text() == undo_text(
        tr("FestivalSection", "Change the festival's notes")
    )


def test_quitting_with_notes_mid_edit_saves_them(
    qtbot: Any, sample_service: FestivalService, tmp_path: Path
) -> None:
    path = sample_service.db.path
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(sample_service, settings)
    qtbot.addWidget(window)
    window.show()
    section = form(window, qtbot)
    type_into(section.notes, "Call the embassy of Peru on Friday")
    assert section.notes.hasFocus()
    window.quit_action.trigger()
    assert not window.isVisible()
    again = FestivalService.open(path)
    try:
        assert again.festival().notes == "Call the embassy of Peru on Friday"
    finally:
        again.close()


def test_a_refused_value_is_kept_with_its_message_and_nothing_saved(
    window: MainWindow, qtbot: Any
) -> None:
    section = form(window, qtbot)
    original = window.service.festival()
    section.name_en.clear()
    section.name_en.editingFinished.emit()  # one name is enough: saved
    assert reopen(window.service).festival().name_en == ""
    section.name_ko.clear()
    section.name_ko.editingFinished.emit()  # no name at all: refused
    error = section.errors["name_ko"]
    assert not error.isHidden() and error.text()
    assert reopen(window.service).festival().name_ko == original.name_ko
    assert section.name_ko.text() == ""  # left for the user to correct
    assert window.undo_stack.count() == 1


def test_a_read_only_file_saves_nothing(
    qtbot: Any, sample_service: FestivalService, tmp_path: Path
) -> None:
    path = sample_service.db.path
    sample_service.close()
    service = FestivalService.open(path, read_only=True)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(service, settings)
    qtbot.addWidget(window)
    window.show()
    section = form(window, qtbot)
    assert section.notes.isReadOnly() and section.name_en.isReadOnly()
    section.notes.setPlainText("typed anyway")
    window.close()
    again = FestivalService.open(path)
    try:
        assert again.festival().notes == ""
    finally:
        again.close()


def test_closing_with_a_refused_value_in_a_field_closes_cleanly(
    qtbot: Any, sample_service: FestivalService, tmp_path: Path
) -> None:
    path = sample_service.db.path
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(sample_service, settings)
    qtbot.addWidget(window)
    window.show()
    section = form(window, qtbot)
    original = sample_service.festival()
    section.name_en.clear()
    section.name_en.editingFinished.emit()
    section.name_ko.setFocus()
    section.name_ko.clear()  # no name at all: cannot be saved
    window.close()  # saves what it can; the focus leaving the field afterwards is harmless
    section.notes.setFocus()
    section.name_ko.editingFinished.emit()
    again = FestivalService.open(path)
    try:
        assert again.festival().name_en == ""
        assert again.festival().name_ko == original.name_ko
    finally:
        again.close()
