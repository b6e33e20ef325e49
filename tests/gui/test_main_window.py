"""The main window used as a person would: dialogs, actions, undo, files."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox

from festival_app.domain.booths import Booth
from festival_app.domain.times import NOT_A_DATE, NOT_A_TIME
from festival_app.gui.dialogs.editors import RecordDialog
from festival_app.gui.main_window import MainWindow
from festival_app.gui.models.booths import BoothColumn
from festival_app.gui.models.program import ProgramColumn
from festival_app.services import FestivalService
from festival_app.store import schema
from tests.helpers.interface_language import fragment, redo_text, said, tr, undo_text
from tests.helpers.window import MessageBoxes, cancel, drive_dialog

AFTER = "{end_label} ({end}) must be after {start_label} ({start})."
BAD_EMAIL = "Email '{value}' is not a valid address (like name@example.org)."


def reopen(service: FestivalService) -> FestivalService:
    """A second, independent look at the file on disk."""
    return FestivalService.open(service.db.path, read_only=True)


def booth_by_code(service: FestivalService, code: str) -> Booth | None:
    return next((b for b in service.booths() if b.code == code), None)


def set_line(dialog: RecordDialog, name: str, text: str) -> None:
    widget = dialog.fields[name]
    assert isinstance(widget, QLineEdit)
    widget.setText(text)


def choose(dialog: RecordDialog, name: str, data: object) -> None:
    widget = dialog.fields[name]
    assert isinstance(widget, QComboBox)
    index = widget.findData(data)
    assert index >= 0, data
    widget.setCurrentIndex(index)


def select_rows(window: MainWindow, key: str, rows: list[int]) -> None:
    section = window.record_section(key)
    assert section is not None
    selection = section.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            section.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def free_code(service: FestivalService) -> tuple[int, str]:
    """A booth area and a space code in it that no booth has."""
    used = {b.code for b in service.booths()}
    for venue in service.venues():
        if venue.booth_spaces and venue.code_prefix:
            for number in range(1, venue.booth_spaces + 1):
                code = venue.space_code(number)
                if code not in used:
                    assert venue.id is not None
                    return venue.id, code
    raise AssertionError("the sample has no free booth space")


def test_add_booth_through_the_dialog(window: MainWindow, boxes: MessageBoxes) -> None:
    service = window.service
    window.show_section("booths")
    venue_id, code = free_code(service)
    before = len(service.booths())

    def fill(dialog: RecordDialog) -> None:
        set_line(dialog, "code", code.lower())  # codes are kept in capitals
        choose(dialog, "venue_id", venue_id)
        choose(dialog, "country", "LT")
        set_line(dialog, "exhibitor", "리투아니아 대사관")
        set_line(dialog, "email", "booth@lithuania.example")

    result = drive_dialog(window.add_action.trigger, fill)
    assert result["stayed_open"] is False, result["errors"]
    disk = reopen(service)
    stored = booth_by_code(disk, code)
    assert stored is not None and stored.country == "LT" and stored.exhibitor == "리투아니아 대사관"
    assert len(disk.booths()) == before + 1
    disk.close()
    assert window.undo_action.text() == undo_text(tr("MainWindow", "Add booth '{0}'").format(code))
    section = window.record_section("booths")
    assert section is not None
    selected = section.selected_records()
    assert [b.code for b in selected] == [code]  # the new booth is selected


def test_edit_booth_through_the_dialog_and_undo_redo(
    window: MainWindow, boxes: MessageBoxes
) -> None:
    service = window.service
    window.show_section("booths")
    section = window.record_section("booths")
    assert section is not None
    select_rows(window, "booths", [0])
    original = section.selected_records()[0]

    def fill(dialog: RecordDialog) -> None:
        set_line(dialog, "contact", "홍길동")
        staff = dialog.fields["staff"]
        assert isinstance(staff, QSpinBox)  # a number field
        staff.setValue(7)

    result = drive_dialog(window.edit_record_action.trigger, fill)
    assert result["stayed_open"] is False, result["errors"]
    disk = reopen(service)
    changed = disk.get(Booth, original.id or 0)
    disk.close()
    assert changed == replace(original, contact="홍길동", staff=7)
    label = original.code or original.label()
    assert window.undo_action.text() == undo_text(
        tr("MainWindow", "Edit booth '{0}'").format(label)
    )

    window.undo_action.trigger()
    disk = reopen(service)
    assert disk.get(Booth, original.id or 0) == original  # the file is as it was
    disk.close()
    assert window.redo_action.text() == redo_text(
        tr("MainWindow", "Edit booth '{0}'").format(label)
    )
    window.redo_action.trigger()
    disk = reopen(service)
    assert disk.get(Booth, original.id or 0) == changed
    disk.close()


def test_edit_booth_by_double_click_opens_the_editor(
    window: MainWindow, qtbot: Any, boxes: MessageBoxes
) -> None:
    window.show_section("booths")
    section = window.record_section("booths")
    assert section is not None
    index = section.model.index(2, BoothColumn.COUNTRY)  # not an in-place column

    def double_click() -> None:
        rect = section.table.visualRect(index)
        # Qt counts a double click only on the index the first press landed on.
        qtbot.mouseClick(section.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(section.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    result = drive_dialog(double_click, lambda dialog: None)
    assert result["dialog_title"] == tr("RecordDialog", "Edit booth '{0}'").format("P-03")


def test_in_place_edit_of_booth_code_and_item_status(
    window: MainWindow, boxes: MessageBoxes
) -> None:
    service = window.service
    window.show_section("booths")
    section = window.record_section("booths")
    assert section is not None
    booth = section.model.record(0)
    assert booth.code
    index = section.model.index(0, BoothColumn.STAFF)
    assert section.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert section.model.setData(index, "12")
    assert reopen(service).get(Booth, booth.id or 0).staff == 12  # type: ignore[union-attr]
    # A code outside the booth area is refused with a message; nothing is written.
    code_index = section.model.index(section.model.row_of(booth.id or 0) or 0, BoothColumn.CODE)
    assert not section.model.setData(code_index, "ZZ-99")
    assert boxes.shown and "ZZ-99" in boxes.shown[-1][1]
    assert reopen(service).get(Booth, booth.id or 0).code == booth.code  # type: ignore[union-attr]

    window.show_section("program")
    program = window.record_section("program")
    assert program is not None
    item = program.model.record(0)
    status = program.model.index(0, ProgramColumn.STATUS)
    new = "cancelled" if item.status.value != "cancelled" else "draft"
    assert program.model.setData(status, new)
    from festival_app.domain.program import ProgramItem

    stored = reopen(service).get(ProgramItem, item.id or 0)
    assert stored is not None and stored.status.value == new
    window.undo_action.trigger()
    assert reopen(service).get(ProgramItem, item.id or 0) == item


def test_search_box_filters_as_you_type(window: MainWindow, qtbot: Any) -> None:
    window.show_section("booths")
    section = window.record_section("booths")
    assert section is not None
    total = section.model.rowCount()
    window.find_action.trigger()
    qtbot.keyClicks(section.search, "Green")
    rows = [section.model.record(r) for r in range(section.model.rowCount())]
    assert rows and all("green" in (b.organization + b.exhibitor).lower() for b in rows)
    assert section.count_label.text() == tr("MainWindow", "{0} of {1} booths").format(
        len(rows), total
    )
    section.search.clear()
    section.search.setText("대한민국")  # Korean country name... of no booth
    korean = section.model.rowCount()
    section.search.setText("일본")  # Japan in Korean
    japan = [section.model.record(r).country for r in range(section.model.rowCount())]
    assert japan and set(japan) == {"JP"}
    assert korean <= total


def test_delete_several_booths_asks_and_deletes(window: MainWindow, boxes: MessageBoxes) -> None:
    service = window.service
    window.show_section("booths")
    section = window.record_section("booths")
    assert section is not None
    select_rows(window, "booths", [0, 1, 2])
    doomed = section.selected_records()
    before = len(service.booths())

    boxes.answer = cancel()
    window.delete_action.trigger()
    assert len(reopen(service).booths()) == before
    _title, text, details = boxes.shown[-1]
    assert text == tr("MainWindow", "Delete these {0} booths?").format(3)
    assert all(b.code in details for b in doomed)

    boxes.answer = tr("Messages", "Delete")
    window.delete_action.trigger()
    disk = reopen(service)
    assert len(disk.booths()) == before - 3
    assert not {b.id for b in doomed} & {b.id for b in disk.booths()}
    disk.close()
    assert window.undo_action.text() == undo_text(tr("MainWindow", "Delete {0} booths").format(3))
    window.undo_action.trigger()
    assert {b.id for b in doomed} <= {b.id for b in reopen(service).booths()}


def test_actions_follow_the_number_of_selected_rows(window: MainWindow) -> None:
    window.show_section("booths")
    section = window.record_section("booths")
    assert section is not None
    selection = section.table.selectionModel()
    rows = QItemSelectionModel.SelectionFlag.Rows
    expected = [([], 0), ([4], 1), ([0, 1, 2, 7], 4)]
    for picked, count in expected:
        select_rows(window, "booths", picked)
        assert section.selected_count() == len(section.selected_rows()) == count
        assert window.edit_record_action.isEnabled() == (count == 1)
        assert section.edit_button.isEnabled() == (count == 1)
        assert window.delete_action.isEnabled() == section.delete_button.isEnabled() == (count > 0)
    # Overlapping ranges (rows 1 to 3 selected again, then row 2 taken out) count each row once.
    model = section.model
    selection.select(
        QItemSelection(model.index(1, 0), model.index(3, 0)),
        QItemSelectionModel.SelectionFlag.Select | rows,
    )
    assert section.selected_count() == len(section.selected_rows()) == 5
    selection.select(model.index(2, 0), QItemSelectionModel.SelectionFlag.Deselect | rows)
    assert section.selected_count() == len(section.selected_rows()) == 4
    section.table.selectAll()
    assert section.selected_count() == len(section.selected_rows()) == model.rowCount()
    assert not window.edit_record_action.isEnabled() and window.delete_action.isEnabled()
    # The days table inside the Festival section follows its selection too.
    window.show_section("festival")
    days = window.record_section("festival")
    assert days is not None
    select_rows(window, "festival", [0])
    assert days.edit_button.isEnabled() and days.delete_button.isEnabled()
    assert window.edit_record_action.isEnabled() and window.delete_action.isEnabled()
    select_rows(window, "festival", [])
    assert not days.edit_button.isEnabled() and not window.delete_action.isEnabled()


def _troupe_with_items(window: MainWindow) -> tuple[int, list[int]]:
    counts = window.service.item_counts_by_troupe()
    troupe_id = next(t for t, n in counts.items() if n > 0)
    items = [i.id or 0 for i in window.service.program() if i.troupe_id == troupe_id]
    window.show_section("troupes")
    section = window.record_section("troupes")
    assert section is not None
    row = section.model.row_of(troupe_id)
    assert row is not None
    select_rows(window, "troupes", [row])
    return troupe_id, items


def test_delete_troupe_with_items_cancel_keeps_everything(
    window: MainWindow, boxes: MessageBoxes
) -> None:
    troupe_id, items = _troupe_with_items(window)
    boxes.answer = cancel()
    window.delete_action.trigger()
    _title, _text, details = boxes.shown[-1]
    assert tr("RecordSection", "They have {0} program items: {1}").format(len(items), "") in details
    disk = reopen(window.service)
    assert troupe_id in {t.id for t in disk.troupes()}
    assert set(items) <= {i.id for i in disk.program()}


def test_delete_troupe_and_its_items(window: MainWindow, boxes: MessageBoxes) -> None:
    troupe_id, items = _troupe_with_items(window)
    boxes.answer = tr("Messages", "Delete the items too")
    window.delete_action.trigger()
    disk = reopen(window.service)
    assert troupe_id not in {t.id for t in disk.troupes()}
    assert not set(items) & {i.id for i in disk.program()}
    disk.close()
    window.undo_action.trigger()
    disk = reopen(window.service)
    assert troupe_id in {t.id for t in disk.troupes()}
    assert set(items) <= {i.id for i in disk.program() if i.troupe_id == troupe_id}


def test_delete_troupe_keeping_its_items(window: MainWindow, boxes: MessageBoxes) -> None:
    troupe_id, items = _troupe_with_items(window)
    boxes.answer = tr("Messages", "Keep the items without troupe")
    window.delete_action.trigger()
    disk = reopen(window.service)
    assert troupe_id not in {t.id for t in disk.troupes()}
    kept = [i for i in disk.program() if i.id in set(items)]
    assert len(kept) == len(items) and all(i.troupe_id is None for i in kept)


def test_invalid_time_is_refused_at_the_field(window: MainWindow, boxes: MessageBoxes) -> None:
    path = window.service.db.path
    before = path.read_bytes()
    window.show_section("program")

    def fill(dialog: RecordDialog) -> None:
        set_line(dialog, "title_en", "Late show")
        set_line(dialog, "start", "25:99")
        set_line(dialog, "end", "26:30")

    result = drive_dialog(window.add_action.trigger, fill)
    assert result["stayed_open"] is True
    assert result["errors"]["start"] == tr("Times", NOT_A_TIME).format("25:99")
    assert result["errors"]["end"] == tr("Times", NOT_A_TIME).format("26:30")
    assert result["errors"]["title_en"] == ""
    assert path.read_bytes() == before  # nothing written
    assert not window.undo_stack.canUndo()


def test_end_before_start_is_refused_at_the_field(window: MainWindow, boxes: MessageBoxes) -> None:
    count = len(window.service.program())
    window.show_section("program")

    def fill(dialog: RecordDialog) -> None:
        set_line(dialog, "title_en", "Backwards")
        set_line(dialog, "start", "15:00")
        set_line(dialog, "end", "14:00")

    result = drive_dialog(window.add_action.trigger, fill)
    assert result["stayed_open"] is True
    assert fragment("Validation", AFTER) in result["errors"]["end"]
    assert len(reopen(window.service).program()) == count


def test_invalid_email_is_refused_at_the_field(window: MainWindow, boxes: MessageBoxes) -> None:
    path = window.service.db.path
    before = path.read_bytes()
    window.show_section("booths")
    select_rows(window, "booths", [0])

    def fill(dialog: RecordDialog) -> None:
        set_line(dialog, "email", "not an address@")

    result = drive_dialog(window.edit_record_action.trigger, fill)
    assert result["stayed_open"] is True
    assert fragment("Validation", BAD_EMAIL) in result["errors"]["email"]
    assert path.read_bytes() == before


def _not_festival_files(folder: Path) -> list[Path]:
    text = folder / "notes.txt"
    text.write_text("Booth list, draft 3\n", encoding="utf-8")
    png = folder / "picture.png"
    png.write_bytes(bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"))
    empty = folder / "empty.sqlite3"
    empty.write_bytes(b"")
    newer = folder / "newer.sqlite3"
    conn = sqlite3.connect(newer)
    conn.execute("CREATE TABLE festival (id INTEGER PRIMARY KEY)")
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    other = folder / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return [text, png, empty, newer, other]


def test_opening_not_a_festival_file_gives_a_message_and_leaves_it_unchanged(
    window: MainWindow, boxes: MessageBoxes, tmp_path: Path
) -> None:
    assert schema.APPLICATION_ID == 0x53464631
    messages = {}
    for path in _not_festival_files(tmp_path):
        before = path.read_bytes()
        assert window.open_path(path) is False
        title, text, _ = boxes.shown[-1]
        assert title in (
            tr("MainWindow", "Cannot open"),
            tr("RestoreDialog", "The festival file cannot be opened"),
        )
        assert str(path) in text
        messages[path.name] = text
        assert path.read_bytes() == before, path.name
        assert not list(tmp_path.glob(f"{path.name}-journal"))
    newer = "{path} was written by a newer version of this program (file format {found}; this program reads up to {supported}). Please update the program. The file was left unchanged."
    empty = "{path} is empty ({detail}), so it is not a usable festival file."
    assert fragment("StoreError", newer) in messages["newer.sqlite3"]
    assert fragment("StoreError", empty) in messages["empty.sqlite3"]
    assert window.isVisible()  # still on the file that was open


def test_open_another_file_replaces_the_window(
    window: MainWindow, boxes: MessageBoxes, sample_file: Path, tmp_path: Path
) -> None:
    import shutil

    other = tmp_path / "other-festival.sqlite3"
    shutil.copyfile(sample_file, other)
    assert window.open_path(other)
    new = window.replaced_by
    assert new is not None and new.service.db.path == other
    assert "other-festival.sqlite3" in new.windowTitle()
    new.close()


def test_new_file_never_overwrites(window: MainWindow, boxes: MessageBoxes, tmp_path: Path) -> None:
    existing = tmp_path / "existing.sqlite3"
    existing.write_bytes(b"keep me")
    assert window.files.create_path(existing) is False
    assert existing.read_bytes() == b"keep me"
    assert boxes.shown[-1][1] == said(
        tr("MainWindow", "{0} already exists; it was left unchanged. Choose a new name.").format(
            existing
        )
    )
    fresh = tmp_path / "fresh.sqlite3"
    assert window.files.create_path(fresh) is True
    new = window.replaced_by
    assert new is not None
    assert new.service.booths() == [] and new.service.db.path == fresh
    new.close()


def test_save_a_copy_is_a_festival_file(window: MainWindow, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert window.files.save_copy_to(copy)
    other = FestivalService.open(copy, read_only=True)
    assert len(other.booths()) == len(window.service.booths())
    other.close()


def test_recent_files_drop_missing_ones(
    window: MainWindow, boxes: MessageBoxes, settings: QSettings, tmp_path: Path
) -> None:
    from festival_app.gui import settings as config

    gone = str(tmp_path / "gone.sqlite3")
    config.RECENT_FILES.set(settings, [gone, *config.RECENT_FILES.get(settings)])
    assert window.files.open_recent(gone) is False
    assert boxes.shown[-1][1] == said(
        tr("MainWindow", "{0} is no longer there; it was removed from the recent files.").format(
            gone
        )
    )
    assert gone not in config.RECENT_FILES.get(settings)
    assert str(window.service.db.path.resolve()) in config.RECENT_FILES.get(settings)


def test_read_only_file_shows_a_banner_and_disables_editing(
    qtbot: Any, sample_file: Path, settings: QSettings
) -> None:
    service = FestivalService.open(sample_file, read_only=True)
    win = MainWindow(service, settings)
    qtbot.addWidget(win)
    win.show()
    win.show_section("booths")
    assert win.windowTitle() == tr(
        "MainWindow", "{0} [read-only] – Seoul Friendship Festival organizer"
    ).format(sample_file.name)
    assert win.read_only_banner.isVisible()
    select_rows(win, "booths", [0])
    assert not win.add_action.isEnabled()
    assert not win.delete_action.isEnabled()
    assert not win.edit_record_action.isEnabled()
    section = win.record_section("booths")
    assert section is not None
    assert (
        not section.model.flags(section.model.index(0, BoothColumn.CODE))
        & Qt.ItemFlag.ItemIsEditable
    )


def test_window_layout_is_remembered(
    qtbot: Any, sample_service: FestivalService, sample_file: Path, settings: QSettings
) -> None:
    win = MainWindow(sample_service, settings)
    qtbot.addWidget(win)
    win.show()
    win.show_section("booths")
    section = win.record_section("booths")
    assert section is not None
    section.table.horizontalHeader().resizeSection(BoothColumn.EXHIBITOR, 333)
    section.table.sortByColumn(BoothColumn.COUNTRY, Qt.SortOrder.DescendingOrder)
    win.close()
    service = FestivalService.open(sample_file, read_only=True)
    again = MainWindow(service, settings)
    qtbot.addWidget(again)
    assert again.current_key() == "booths"
    section = again.record_section("booths")
    assert section is not None
    assert section.table.horizontalHeader().sectionSize(BoothColumn.EXHIBITOR) == 333
    countries = [section.model.index(r, BoothColumn.COUNTRY).data() for r in range(5)]
    assert countries == sorted(countries, key=str.casefold, reverse=True)


def test_status_bar_counts(window: MainWindow) -> None:
    window.update_counts()
    kinds = [(57, "food"), (53, "tourism"), (11, "NGO"), (10, "marriage culture")]
    booths = " · ".join(
        tr("MainWindow", "{0} {1}").format(n, tr("BoothCategory", k)) for n, k in kinds
    )
    assert window.counts_label.text() == tr(
        "MainWindow", "{0} booths · {1} troupes · {2} program items"
    ).format(booths, 15, len(window.service.program()))


def test_undo_redo_shortcuts_are_the_standard_ones(window: MainWindow) -> None:
    from PySide6.QtGui import QKeySequence

    undo = {s.toString() for s in window.undo_action.shortcuts()}
    redo = {s.toString() for s in window.redo_action.shortcuts()}
    assert "Ctrl+Z" in undo
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= redo
    assert window.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)


def test_days_are_edited_in_place(window: MainWindow, boxes: MessageBoxes) -> None:
    from festival_app.gui.dates import format_date
    from festival_app.gui.models.days import DayColumn

    section = window.record_section("festival")  # the days table of the Festival section
    assert section is not None
    day = section.model.record(0)
    assert section.model.setData(section.model.index(0, DayColumn.CLOSES), "19:30")
    disk = reopen(window.service)
    stored = next(d for d in disk.days() if d.id == day.id)
    disk.close()
    assert stored.closes.strftime("%H:%M") == "19:30"
    assert window.undo_action.text() == undo_text(
        tr("MainWindow", "Change day {0}").format(format_date(day.date))
    )
    # Closing before opening is refused by the festival's rules, with a message.
    assert not section.model.setData(section.model.index(0, DayColumn.CLOSES), "09:00")
    assert fragment("Validation", AFTER) in boxes.shown[-1][1]
    # Text that is no time or date is refused with the same words as in the editors.
    assert not section.model.setData(section.model.index(0, DayColumn.OPENS), "9 in the morning")
    assert boxes.shown[-1][1] == said(tr("Times", NOT_A_TIME).format("9 in the morning"))
    assert not section.model.setData(section.model.index(0, DayColumn.DATE), "Saturday")
    assert boxes.shown[-1][1] == said(tr("Times", NOT_A_DATE).format("Saturday"))


def test_sections_and_menus_for_other_features(window: MainWindow) -> None:
    from PySide6.QtWidgets import QDockWidget, QLabel

    window.add_section("timetable", "Timetable", QLabel("grid"))
    window.show_section("timetable")
    assert window.current_key() == "timetable"
    assert set(window.menus) >= {"file", "edit", "view", "tools"}
    assert window.tools_menu is window.menus["tools"]
    dock = QDockWidget("Clashes", window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    seen: list[object] = []
    other = MainWindow(window.service, window.settings, [seen.append])
    assert seen == [other]
    assert other.extensions == (seen.append,)  # handed on to the window of another file
    other._closed = True  # noqa: SLF001  # it shares the service: closing it must not close that
    other.deleteLater()


def test_crash_handler_logs_and_in_smoke_mode_never_shows_a_dialog(
    qapp: Any, tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    import sys

    from PySide6.QtWidgets import QApplication

    from festival_app.app import CrashHandler
    from festival_app.gui.dialogs.crash import CrashDialog

    exits: list[int] = []  # the test's own application must go on running
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    handler = CrashHandler(tmp_path / "log.txt", smoke_test=True)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        handler(*sys.exc_info())
    assert handler.exit_code == 1
    assert exits == [1]
    assert "boom" in capsys.readouterr().err
    dialog = CrashDialog("RuntimeError: boom", "Traceback ... boom", tmp_path / "log.txt")
    dialog.copy_details()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "Traceback ... boom"
    dialog.deleteLater()


def test_add_venue_troupe_and_program_item_through_their_dialogs(
    window: MainWindow, boxes: MessageBoxes
) -> None:
    from festival_app.domain.program import ItemStatus
    from festival_app.domain.troupes import Relation
    from festival_app.domain.venues import VenueKind

    service = window.service

    def venue(dialog: RecordDialog) -> None:
        set_line(dialog, "name_en", "Music Cafe")
        set_line(dialog, "name_ko", "뮤직 카페")
        choose(dialog, "kind", VenueKind.BOOTH_AREA)
        set_line(dialog, "booth_spaces", "12")
        set_line(dialog, "code_prefix", "mc")
        set_line(dialog, "opens", "13:00")
        set_line(dialog, "closes", "17:30")

    window.show_section("venues")
    result = drive_dialog(window.add_action.trigger, venue)
    assert result["stayed_open"] is False, result["errors"]
    stored = next(v for v in reopen(service).venues() if v.name_en == "Music Cafe")
    assert (stored.code_prefix, stored.booth_spaces, stored.name_ko) == ("MC", 12, "뮤직 카페")

    def troupe(dialog: RecordDialog) -> None:
        set_line(dialog, "name", "Seoul Youth Choir")
        set_line(dialog, "city_en", "Seoul")
        choose(dialog, "country", "KR")
        choose(dialog, "relation", Relation.OTHER)
        set_line(dialog, "performers", "30")
        set_line(dialog, "arrival", "2018-09-01")
        set_line(dialog, "departure", "2018-09-02")

    window.show_section("troupes")
    result = drive_dialog(window.add_action.trigger, troupe)
    assert result["stayed_open"] is False, result["errors"]
    choir = next(t for t in reopen(service).troupes() if t.name == "Seoul Youth Choir")
    assert choir.country == "KR" and choir.performers == 30

    def item(dialog: RecordDialog) -> None:
        set_line(dialog, "title_en", "Choir finale")
        set_line(dialog, "start", "16:00")
        set_line(dialog, "end", "16:25")
        choose(dialog, "troupe_id", choir.id)
        choose(dialog, "status", ItemStatus.DRAFT)

    window.show_section("program")
    result = drive_dialog(window.add_action.trigger, item)
    assert result["stayed_open"] is False, result["errors"]
    added = next(i for i in reopen(service).program() if i.title_en == "Choir finale")
    assert added.troupe_id == choir.id and added.status is ItemStatus.DRAFT
    assert window.undo_action.text() == undo_text(
        tr("MainWindow", "Add '{0}'").format("Choir finale")
    )
    # The Program table shows the troupe's name, not its id.
    section = window.record_section("program")
    assert section is not None
    row = section.model.row_of(added.id or 0)
    assert row is not None
    assert section.model.index(row, ProgramColumn.TROUPE).data() == "Seoul Youth Choir"


def test_work_after_the_first_paint_waits_for_it_and_dies_with_the_window(
    qtbot: Any, sample_service: FestivalService, settings: QSettings
) -> None:
    ran: list[str] = []
    win = MainWindow(sample_service, settings)
    win.after_first_paint(lambda: ran.append("queued"), delay_ms=0)
    qtbot.wait(50)
    assert ran == []  # never painted, never run
    win.show()
    qtbot.waitUntil(lambda: ran == ["queued"], timeout=3000)
    win.after_first_paint(lambda: ran.append("late"), delay_ms=0)  # already painted
    qtbot.waitUntil(lambda: ran == ["queued", "late"], timeout=3000)
    win.after_first_paint(lambda: ran.append("too late"), delay_ms=50)
    win.close()
    win.deleteLater()
    qtbot.wait(200)
    assert ran == ["queued", "late"]


def test_deleting_a_booth_area_says_its_site_map_goes_too(
    window: MainWindow, boxes: MessageBoxes
) -> None:
    from festival_app import site_plan

    window.show_section("venues")
    section = window.record_section("venues")
    assert section is not None
    row = next(
        n for n in range(section.model.rowCount()) if section.model.record(n).name_en == "Mugyo-ro"
    )
    area = section.model.record(row)
    drawn = len(site_plan.spaces(window.service, area.id or 0))
    assert drawn > 0
    select_rows(window, "venues", [row])

    boxes.answer = cancel()
    window.delete_action.trigger()
    _title, _text, details = boxes.shown[-1]
    sentence = tr("RecordSection", "This also deletes the site map and its {0} drawn spaces.")
    assert sentence.format(drawn) in details
    disk = reopen(window.service)
    assert len(site_plan.spaces(disk, area.id or 0)) == drawn
    disk.close()
