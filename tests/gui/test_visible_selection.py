"""Edit and Delete act on the rows that are selected and shown, never on hidden ones."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from festival_app.gui.main_window import MainWindow
from festival_app.gui.widgets.record_table import RecordSection
from tests.helpers.window import MessageBoxes


def booths(window: MainWindow) -> RecordSection:
    window.show_section("booths")
    section = window.record_section("booths")
    assert section is not None
    return section


def selected_codes(section: RecordSection) -> list[str]:
    return [b.code for b in section.selected_records()]


def test_a_search_that_hides_the_selected_booth_disables_edit_and_delete(
    window: MainWindow, boxes: MessageBoxes, qtbot: Any
) -> None:
    section = booths(window)
    row = section.model.row_of(next(b.id or 0 for b in window.service.booths() if b.code == "P-01"))
    assert row is not None
    section.table.selectRow(row)
    assert selected_codes(section) == ["P-01"]
    assert window.edit_record_action.isEnabled() and window.delete_action.isEnabled()

    QTest.keyClicks(section.search, "Kenya")  # P-01 is Japan's booth
    assert section.model.rowCount() > 0
    assert selected_codes(section) == []
    assert not window.edit_record_action.isEnabled()
    assert not window.delete_action.isEnabled()
    assert not section.edit_button.isEnabled() and not section.delete_button.isEnabled()
    # Nothing to act on: no question, nothing deleted.
    count = len(window.service.booths())
    window.delete_action.trigger()
    section.delete_selected()
    assert boxes.shown == [] and len(window.service.booths()) == count

    # Cleared: the booth the user selected is selected again, and the actions follow.
    section.search.clear()
    assert selected_codes(section) == ["P-01"]
    assert window.edit_record_action.isEnabled() and window.delete_action.isEnabled()


def test_a_search_that_keeps_part_of_the_selection_acts_on_the_shown_part(
    window: MainWindow, boxes: MessageBoxes
) -> None:
    section = booths(window)
    japan = next(b for b in window.service.booths() if b.country == "JP")
    china = next(b for b in window.service.booths() if b.country == "CN")
    for booth in (japan, china):
        row = section.model.row_of(booth.id or 0)
        assert row is not None
        section.table.selectionModel().select(
            section.model.index(row, 0),
            section.table.selectionModel().SelectionFlag.Select
            | section.table.selectionModel().SelectionFlag.Rows,
        )
    assert window.delete_action.isEnabled() and not window.edit_record_action.isEnabled()
    section.search.setText("Japan")
    assert [b.id for b in section.selected_records()] == [japan.id]
    assert window.edit_record_action.isEnabled()  # exactly one shown and selected
    boxes.answer = None  # the default button: Cancel
    window.delete_action.trigger()
    _title, text, _details = boxes.shown[-1]
    assert japan.code in text and china.code not in text  # asks about the shown one only

    # A selection made while searching replaces the one before.
    section.table.clearSelection()
    section.search.clear()
    assert section.selected_records() == []
    assert not window.delete_action.isEnabled()


def test_a_typed_key_in_the_search_box_updates_the_actions_at_once(
    window: MainWindow, qtbot: Any
) -> None:
    section = booths(window)
    section.table.selectRow(0)
    section.search.setFocus()
    QTest.keyClick(section.search, Qt.Key.Key_Z)
    QTest.keyClick(section.search, Qt.Key.Key_Z)
    QTest.keyClick(section.search, Qt.Key.Key_Z)
    assert section.model.rowCount() == 0
    assert not window.edit_record_action.isEnabled()
    assert not window.delete_action.isEnabled()
