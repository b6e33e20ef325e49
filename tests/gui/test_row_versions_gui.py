"""Row versions in the window: edits follow one another; a stale edit is refused plainly.

After a save the window holds the record as stored (with its new row version), so the
next edit of the same record is written too. When another program changed the record in
the file meanwhile (a second FestivalService here), the window's write is refused with a
message, nothing is written, and the view shows the record as the file has it now.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPlainTextEdit

from festival_app.domain.korean import attach_particles
from festival_app.domain.program import ItemStatus, ProgramItem
from festival_app.domain.troupes import Troupe
from festival_app.gui.dialogs.editors import RecordDialog
from festival_app.gui.main_window import MainWindow
from festival_app.gui.models.program import ProgramColumn
from festival_app.gui.schedule.widget import TimetableWidget
from festival_app.gui.widgets.record_table import RecordSection
from festival_app.services import FestivalService
from festival_app.store.errors import StaleRecordError
from festival_app.store.lock import this_host, this_user
from tests.helpers.interface_language import tr
from tests.helpers.window import MessageBoxes

PHONE = "+82 2 120"


# -- helpers -----------------------------------------------------------------------------


def other_program(window: MainWindow) -> FestivalService:
    """A second program on the same festival file."""
    return FestivalService.open(window.service.path)


def on_disk(window: MainWindow, kind: type[Any], record_id: int) -> Any:
    disk = FestivalService.open(window.service.path, read_only=True)
    try:
        return disk.get(kind, record_id)
    finally:
        disk.close()


def section(window: MainWindow, key: str) -> RecordSection:
    window.show_section(key)
    found = window.record_section(key)
    assert found is not None
    return found


def select(found: RecordSection, record_id: int) -> None:
    row = found.model.row_of(record_id)
    assert row is not None
    selection = found.table.selectionModel()
    selection.clearSelection()
    selection.select(
        found.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )


def shown(found: RecordSection, record_id: int) -> Any:
    """The record as the window's table holds it."""
    row = found.model.row_of(record_id)
    assert row is not None
    return found.model.record(row)


def edit_in_dialog(window: MainWindow, fill: Callable[[RecordDialog], None]) -> dict[str, Any]:
    """Edit the selected record in its dialog and press OK, as a person would; returns
    whether the dialog stayed open, its message, and the notes field after OK."""
    result: dict[str, Any] = {}

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecordDialog):
            QTimer.singleShot(10, step)
            return
        fill(dialog)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        result["stayed_open"] = dialog.isVisible()
        result["message"] = dialog.error_text("general")
        notes = dialog.fields.get("notes")
        result["notes"] = notes.toPlainText() if isinstance(notes, QPlainTextEdit) else None
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, step)
    window.edit_record_action.trigger()
    return result


def set_notes(text: str) -> Callable[[RecordDialog], None]:
    def fill(dialog: RecordDialog) -> None:
        notes = dialog.fields["notes"]
        assert isinstance(notes, QPlainTextEdit)
        notes.setPlainText(text)

    return fill


def set_phone(text: str) -> Callable[[RecordDialog], None]:
    def fill(dialog: RecordDialog) -> None:
        phone = dialog.fields["phone"]
        assert isinstance(phone, QLineEdit)
        phone.setText(text)

    return fill


class _Refusal:
    """Equal to the refusal's text whatever the time it names (see stale_message)."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and re.fullmatch(self.pattern, other) is not None

    def __repr__(self) -> str:
        return f"<text matching {self.pattern!r}>"


def stale_message(label_template: str, name: str) -> Any:
    """The refusal as the interface words it: naming who changed the record (the other
    program here: this computer and user) and when (any time)."""
    detail = tr("StoreError", label_template).format(name=name)
    who = f"{this_host()} ({this_user()})"
    stand_in = "2000-01-01 00:00:00"  # the time: any
    text = tr("StoreError", StaleRecordError.named_template).format(
        detail=detail, who=who, when=stand_in
    )
    time_pattern = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"
    # Message boxes fit the Korean particles to the words before them ("이(가)" after
    # "(root)": "이"); other places show the text as it is.
    forms = {text, attach_particles(text)}
    return _Refusal(
        "|".join(re.escape(f).replace(re.escape(stand_in), time_pattern) for f in sorted(forms))
    )


def other_status(item: ProgramItem) -> str:
    return "cancelled" if item.status is not ItemStatus.CANCELLED else "draft"


# -- editing one record twice --------------------------------------------------------


def test_a_record_edited_twice_in_its_dialog_is_saved_both_times(
    window: MainWindow, boxes: MessageBoxes
) -> None:
    troupes = section(window, "troupes")
    first = troupes.model.record(0)
    assert first.id is not None and first.row_version == 1
    select(troupes, first.id)

    result = edit_in_dialog(window, set_notes("Needs a bus from the airport"))
    assert result["stayed_open"] is False, result["message"]
    assert shown(troupes, first.id).row_version == 2  # the table holds the stored record

    select(troupes, first.id)
    result = edit_in_dialog(window, set_phone(PHONE))
    assert result["stayed_open"] is False, result["message"]

    stored = on_disk(window, Troupe, first.id)
    assert stored == replace(first, notes="Needs a bus from the airport", phone=PHONE)
    assert stored.row_version == 3 == shown(troupes, first.id).row_version
    assert window.undo_stack.count() == 2
    assert boxes.shown == []


def test_an_item_edited_twice_in_place_is_saved_both_times(
    window: MainWindow, boxes: MessageBoxes
) -> None:
    program = section(window, "program")
    item = program.model.record(0)
    assert item.id is not None
    for _ in range(2):
        row = program.model.row_of(item.id)
        assert row is not None
        current = program.model.record(row)
        new = other_status(current)
        assert program.model.setData(program.model.index(row, ProgramColumn.STATUS), new)
        assert on_disk(window, ProgramItem, item.id).status.value == new
    assert boxes.shown == []
    assert on_disk(window, ProgramItem, item.id).row_version == 3
    assert window.undo_stack.count() == 2


@pytest.fixture
def timetable(qtbot: Any, window: MainWindow, tmp_path: Path) -> Iterator[TimetableWidget]:
    """The timetable on the window's file and undo stack."""
    settings = QSettings(str(tmp_path / "timetable.ini"), QSettings.Format.IniFormat)
    widget = TimetableWidget(window.service, window.undo_stack, settings)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    yield widget
    widget.close()  # before the file closes


def movable_item(timetable: TimetableWidget, minutes: int) -> ProgramItem:
    """An item of the shown day that can move `minutes` later, twice."""
    geometry = timetable.scene.geometry
    for item in timetable.scene.items_of_day():
        span = (item.start_min + 2 * minutes, item.end_min + 2 * minutes)
        if item.venue_id in geometry.venue_ids and geometry.contains_span(*span):
            return item
    raise AssertionError("no item of the day can move")


def test_an_item_moved_twice_on_the_timetable_is_saved_both_times(
    window: MainWindow, timetable: TimetableWidget
) -> None:
    item = movable_item(timetable, 15)
    assert item.id is not None
    for _ in range(2):
        timetable.scene.select_ids([item.id])
        timetable.edits.nudge_selected(15, 0)
        assert timetable.message_label.text() == ""
        # The grid holds the item as stored: its next move starts from this version.
        in_grid = timetable.scene.item(item.id)
        assert in_grid is not None
        assert in_grid == on_disk(window, ProgramItem, item.id)
        assert in_grid.row_version == on_disk(window, ProgramItem, item.id).row_version
    moved = on_disk(window, ProgramItem, item.id)
    assert moved.start_min == item.start_min + 30
    assert moved.row_version == 3
    assert window.undo_stack.count() == 2


# -- the file changed underneath -------------------------------------------------------


def test_a_dialog_edit_of_a_record_changed_elsewhere_is_refused_and_nothing_is_lost(
    window: MainWindow, boxes: MessageBoxes
) -> None:
    troupes = section(window, "troupes")
    first = troupes.model.record(0)
    assert first.id is not None
    select(troupes, first.id)
    other = other_program(window)
    try:
        theirs = other.get(Troupe, first.id)
        assert theirs is not None
        other.save(replace(theirs, phone=PHONE))
    finally:
        other.close()

    result = edit_in_dialog(window, set_notes("Needs a bus from the airport"))

    # Refused with a plain message; the dialog keeps what was typed.
    assert result["stayed_open"] is True
    assert result["message"] == stale_message("The troupe '{name}'", first.display_name())
    assert result["notes"] == "Needs a bus from the airport"
    # Nothing was written: the other program's phone is there, the notes are not.
    stored = on_disk(window, Troupe, first.id)
    assert stored.phone == PHONE and stored.notes == first.notes
    assert window.undo_stack.count() == 0
    # The table shows the troupe as the file has it now, and edits it from there.
    assert shown(troupes, first.id).phone == PHONE
    assert shown(troupes, first.id).row_version == stored.row_version == 2
    select(troupes, first.id)
    result = edit_in_dialog(window, set_notes("Needs a bus from the airport"))
    assert result["stayed_open"] is False, result["message"]
    stored = on_disk(window, Troupe, first.id)
    assert (stored.phone, stored.notes) == (PHONE, "Needs a bus from the airport")


def test_an_in_place_edit_of_an_item_changed_elsewhere_is_refused_with_a_message(
    window: MainWindow, boxes: MessageBoxes
) -> None:
    program = section(window, "program")
    item = program.model.record(0)
    assert item.id is not None
    other = other_program(window)
    try:
        theirs = other.get(ProgramItem, item.id)
        assert theirs is not None
        other.save(replace(theirs, notes="Moved indoors if it rains"))
    finally:
        other.close()

    index = program.model.index(0, ProgramColumn.STATUS)
    assert not program.model.setData(index, other_status(item))  # theirs kept: the default

    ((title, text, choices),) = boxes.shown
    assert title == tr("MineOnTop", "Changed elsewhere")
    assert text == stale_message("The program item '{name}'", item.title())
    assert choices.splitlines()[:2] == [
        tr(
            "MineOnTop",
            "Keep theirs: your change is not saved, and the record is shown as it is now.",
        ),
        tr(
            "MineOnTop",
            "Apply mine on top: your version replaces theirs, these fields (theirs → mine):",
        ),
    ]
    stored = on_disk(window, ProgramItem, item.id)
    assert stored.status == item.status and stored.notes == "Moved indoors if it rains"
    assert shown(program, item.id).notes == "Moved indoors if it rains"  # read again
    assert window.undo_stack.count() == 0


def test_mine_applied_on_top_of_a_change_elsewhere_is_one_undo_step(
    window: MainWindow, boxes: MessageBoxes
) -> None:
    program = section(window, "program")
    item = program.model.record(0)
    assert item.id is not None
    other = other_program(window)
    try:
        theirs = other.get(ProgramItem, item.id)
        assert theirs is not None
        other.save(replace(theirs, notes="Moved indoors if it rains"))
    finally:
        other.close()

    boxes.answer = tr("MineOnTop", "Apply mine on top")
    index = program.model.index(0, ProgramColumn.STATUS)
    assert program.model.setData(index, other_status(item))

    assert len(boxes.shown) == 1  # asked once, knowingly; no refusal after it
    # The question showed every field mine would change, theirs → mine, and no other;
    # long values cut short on their one line.
    choices = boxes.shown[0][2].splitlines()
    fields = sorted(line for line in choices if line.startswith("  • "))
    change = tr("MineOnTop", "{column}: {theirs} → {mine}")
    assert len(item.notes) > 60  # the sample's: cut at 59 characters and "…"
    notes = change.format(
        column=tr("ImportColumn", "Notes"), theirs="Moved indoors if it rains", mine=item.notes[:59]
    )
    assert len(fields) == 2 and f"  • {notes}…" in fields, choices
    status = tr("ImportColumn", "Status")
    assert any(line.startswith(f"  • {status}: ") for line in fields), choices
    stored = on_disk(window, ProgramItem, item.id)
    # Mine, every field of it, over theirs: my status, and the notes I had read.
    assert stored.status == other_status(item) and stored.notes == item.notes
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()  # puts theirs back, exactly
    stored = on_disk(window, ProgramItem, item.id)
    assert stored.status == item.status and stored.notes == "Moved indoors if it rains"


def test_long_values_that_differ_at_their_end_are_shown_where_they_differ(
    window: MainWindow, boxes: MessageBoxes
) -> None:
    program = section(window, "program")
    item = program.model.record(0)
    assert item.id is not None and len(item.notes) > 60
    other = other_program(window)
    try:
        theirs = other.get(ProgramItem, item.id)
        assert theirs is not None
        other.save(replace(theirs, notes=item.notes + " Indoors if it rains."))
    finally:
        other.close()

    index = program.model.index(0, ProgramColumn.STATUS)
    assert not program.model.setData(index, other_status(item))  # theirs kept: the default

    lines = boxes.shown[0][2].splitlines()
    notes = tr("MineOnTop", "{column}: {theirs} → {mine}").format(
        column=tr("ImportColumn", "Notes"),
        theirs="…" + item.notes[-20:] + " Indoors if it rains.",
        mine="…" + item.notes[-20:],
    )
    assert f"  • {notes}" in lines, lines


def test_the_timetable_s_item_editor_offers_mine_on_top_too(
    window: MainWindow, boxes: MessageBoxes
) -> None:
    from festival_app.gui.schedule.extension import edit_item
    from tests.helpers.window import drive_dialog

    item = sorted(window.service.program(), key=lambda i: i.id or 0)[0]
    assert item.id is not None
    item_id = item.id

    def changed_elsewhere_meanwhile(dialog: RecordDialog) -> None:
        other = other_program(window)
        try:
            theirs = other.get(ProgramItem, item_id)
            assert theirs is not None
            other.save(replace(theirs, title_en="Retitled elsewhere"))
        finally:
            other.close()
        set_notes("Bring the drums")(dialog)

    boxes.answer = tr("MineOnTop", "Apply mine on top")
    result = drive_dialog(lambda: edit_item(window, item_id), changed_elsewhere_meanwhile)

    assert result["stayed_open"] is False
    assert [title for title, _, _ in boxes.shown] == [tr("MineOnTop", "Changed elsewhere")]
    stored = on_disk(window, ProgramItem, item_id)
    assert (stored.notes, stored.title_en) == ("Bring the drums", item.title_en)
    assert window.undo_stack.count() == 1


def test_an_undo_after_a_change_elsewhere_is_refused_with_a_message(
    window: MainWindow, boxes: MessageBoxes, qtbot: Any
) -> None:
    program = section(window, "program")
    item = program.model.record(0)
    assert item.id is not None
    assert program.model.setData(program.model.index(0, ProgramColumn.STATUS), other_status(item))
    other = other_program(window)
    try:
        theirs = other.get(ProgramItem, item.id)
        assert theirs is not None
        other.save(replace(theirs, notes="Moved indoors if it rains"))
    finally:
        other.close()
    changed = on_disk(window, ProgramItem, item.id)

    window.undo_action.trigger()  # refused: told in a message, never raised to the crash hook
    qtbot.waitUntil(lambda: len(boxes.shown) == 1)

    assert on_disk(window, ProgramItem, item.id) == changed  # nothing written
    assert changed.notes == "Moved indoors if it rains"
    assert shown(program, item.id).notes == "Moved indoors if it rains"  # read again
    assert window.undo_stack.count() == 0  # the history no longer matches the file
    assert len(boxes.shown) == 1
    _title, text, _info = boxes.shown[0]
    assert text == stale_message("The program item '{name}'", item.title())


def test_a_move_of_an_item_changed_elsewhere_is_refused_on_the_timetable(
    window: MainWindow, timetable: TimetableWidget
) -> None:
    item = movable_item(timetable, 15)
    assert item.id is not None
    other = other_program(window)
    try:
        theirs = other.get(ProgramItem, item.id)
        assert theirs is not None
        other.save(replace(theirs, notes="Moved indoors if it rains"))
    finally:
        other.close()

    timetable.scene.select_ids([item.id])
    timetable.edits.nudge_selected(15, 0)

    assert timetable.message_label.text() == stale_message(
        "The program item '{name}'", item.title()
    )
    stored = on_disk(window, ProgramItem, item.id)
    assert stored.start == item.start and stored.notes == "Moved indoors if it rains"
    assert timetable.scene.item(item.id) == stored  # the grid read the file again
    assert window.undo_stack.count() == 0


def test_deleting_an_item_changed_elsewhere_is_refused_with_a_message(
    window: MainWindow, boxes: MessageBoxes
) -> None:
    program = section(window, "program")
    item = program.model.record(0)
    assert item.id is not None
    select(program, item.id)
    other = other_program(window)
    try:
        theirs = other.get(ProgramItem, item.id)
        assert theirs is not None
        other.save(replace(theirs, notes="Moved indoors if it rains"))
    finally:
        other.close()

    boxes.answer = tr("Messages", "Delete")
    window.delete_action.trigger()

    assert len(boxes.shown) == 2  # the question, then the refusal
    title, text, _info = boxes.shown[1]
    assert title == tr("RecordSection", "Not deleted")
    assert text == stale_message("The program item '{name}'", item.title())
    assert on_disk(window, ProgramItem, item.id) is not None
    assert shown(program, item.id).notes == "Moved indoors if it rains"
    assert window.undo_stack.count() == 0


def test_deleting_an_item_changed_elsewhere_is_refused_on_the_timetable(
    window: MainWindow, timetable: TimetableWidget
) -> None:
    item = movable_item(timetable, 0)
    assert item.id is not None
    other = other_program(window)
    try:
        theirs = other.get(ProgramItem, item.id)
        assert theirs is not None
        other.save(replace(theirs, notes="Moved indoors if it rains"))
    finally:
        other.close()

    timetable.scene.select_ids([item.id])
    timetable.edits.delete_selected()

    assert timetable.message_label.text() == stale_message(
        "The program item '{name}'", item.title()
    )
    assert on_disk(window, ProgramItem, item.id) is not None
    assert timetable.scene.item(item.id) == on_disk(window, ProgramItem, item.id)
    assert window.undo_stack.count() == 0


def test_a_move_then_a_delete_undo_and_redo_in_turn_on_the_timetable(
    window: MainWindow, timetable: TimetableWidget
) -> None:
    """The redo of the delete finds the item as the redo of the move left it."""
    item = movable_item(timetable, 15)
    assert item.id is not None
    timetable.scene.select_ids([item.id])
    timetable.edits.nudge_selected(15, 0)
    timetable.scene.select_ids([item.id])
    timetable.edits.delete_selected()
    stack = window.undo_stack
    assert stack.count() == 2 and on_disk(window, ProgramItem, item.id) is None
    for _ in range(2):
        stack.undo()
        stack.undo()
        assert on_disk(window, ProgramItem, item.id) == item
        stack.redo()
        assert on_disk(window, ProgramItem, item.id).start_min == item.start_min + 15
        stack.redo()
        assert on_disk(window, ProgramItem, item.id) is None
    assert timetable.message_label.text() == ""
