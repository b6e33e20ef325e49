"""The booth editor: the area's next free code, Staff as a number, a searchable country
list in both languages, and a delete confirmation that says which booth goes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox

from festival_app import site_plan
from festival_app.domain import countries
from festival_app.domain.booths import Booth
from festival_app.domain.site_map import BoothSpace
from festival_app.domain.venues import Venue
from festival_app.gui.dialogs.editors import BoothDialog, SearchableCombo, next_free_code
from festival_app.gui.main_window import MainWindow
from festival_app.gui.models.base import language
from festival_app.services import FestivalService
from tests.helpers.window import MessageBoxes, drive_dialog


def area(service: FestivalService, prefix: str) -> Venue:
    return next(v for v in service.venues() if v.code_prefix == prefix)


def first_free(service: FestivalService, venue: Venue) -> str:
    used = {b.code for b in service.booths()}
    number = next(
        n for n in range(1, (venue.booth_spaces or 0) + 1) if venue.space_code(n) not in used
    )
    return venue.space_code(number)


@pytest.fixture
def dialog(qtbot: Any, sample_service: FestivalService) -> Iterator[BoothDialog]:
    saved: list[Booth] = []
    box = BoothDialog(None, saved.append, sample_service, language())
    qtbot.addWidget(box)
    box.show()
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    yield box
    box.reject()


def choose_area(dialog: BoothDialog, venue: Venue) -> None:
    box = dialog.fields["venue_id"]
    assert isinstance(box, QComboBox)
    box.setCurrentIndex(box.findData(venue.id))


def test_the_code_hint_is_the_chosen_areas_next_free_code(
    dialog: BoothDialog, sample_service: FestivalService
) -> None:
    code = dialog.fields["code"]
    assert isinstance(code, QLineEdit)
    plaza = area(sample_service, "P")
    choose_area(dialog, plaza)
    assert code.placeholderText() == first_free(sample_service, plaza)
    assert code.placeholderText().startswith("P-")
    mugyo = area(sample_service, "M")
    choose_area(dialog, mugyo)
    assert code.placeholderText() == first_free(sample_service, mugyo)
    assert code.placeholderText() != "M-01"  # taken in the sample


def test_the_code_hint_passes_over_a_blocked_space_and_offers_one_drawn_beyond_the_number(
    qtbot: Any, sample_service: FestivalService
) -> None:
    mugyo = area(sample_service, "M")
    free = first_free(sample_service, mugyo)
    space = next(s for s in sample_service.spaces(mugyo.id) if s.code == free)
    site_plan.change_spaces(sample_service, [replace(space, blocked=True, blocked_reason="tree")])
    box = BoothDialog(None, lambda record: None, sample_service, language())
    qtbot.addWidget(box)
    choose_area(box, mugyo)
    code = box.fields["code"]
    assert isinstance(code, QLineEdit)
    assert code.placeholderText() not in ("", free)  # a tree stands on it

    # An area whose numbered spaces are all taken, with one more drawn beyond them.
    street = replace(mugyo, booth_spaces=2)
    drawn = [BoothSpace(mugyo.id or 0, f"M-0{n}") for n in (1, 2)]
    assert next_free_code(street, {"M-01", "M-02"}, drawn) == ""
    drawn.append(BoothSpace(mugyo.id or 0, "M-61"))
    assert next_free_code(street, {"M-01", "M-02"}, drawn) == "M-61"
    assert next_free_code(street, {"M-02"}, drawn) == "M-01"  # in number order


def test_a_booths_own_code_counts_as_free_in_its_editor(
    qtbot: Any, sample_service: FestivalService
) -> None:
    first = next(b for b in sample_service.booths() if b.code == "P-01")
    box = BoothDialog(first, lambda record: None, sample_service, language())
    qtbot.addWidget(box)
    code = box.fields["code"]
    assert isinstance(code, QLineEdit)
    assert code.text() == "P-01" and code.placeholderText() == "P-01"


def test_staff_is_a_number_that_may_be_blank(
    dialog: BoothDialog, sample_service: FestivalService
) -> None:
    staff = dialog.fields["staff"]
    assert isinstance(staff, QSpinBox)
    assert staff.text() == ""  # a new booth: not known yet
    staff.setFocus()
    QTest.keyClicks(staff, "3 volunteers")
    assert staff.text() == "3" and staff.value() == 3  # the letters are refused
    dialog.fields["country"].setCurrentIndex(  # type: ignore[attr-defined]
        dialog.fields["country"].findData("PE")  # type: ignore[attr-defined]
    )
    assert dialog.build().staff == 3
    staff.lineEdit().selectAll()
    QTest.keyClick(staff, Qt.Key.Key_Backspace)
    assert dialog.build().staff is None  # blank: unknown


def test_blank_staff_is_saved_as_unknown(window: MainWindow, boxes: MessageBoxes) -> None:
    window.show_section("booths")
    section = window.record_section("booths")
    assert section is not None
    section.table.selectRow(0)
    booth = section.selected_records()[0]
    assert booth.staff is not None

    def fill(dialog: Any) -> None:
        staff = dialog.fields["staff"]
        staff.lineEdit().clear()
        staff.interpretText()

    result = drive_dialog(window.edit_record_action.trigger, fill)
    assert result["stayed_open"] is False, result["errors"]
    stored = window.service.get(Booth, booth.id or 0)
    assert stored is not None and stored.staff is None


@pytest.mark.parametrize("typed", ["peru", "페루", "ERU"])
def test_the_country_list_finds_a_country_by_part_of_either_name(
    dialog: BoothDialog, typed: str
) -> None:
    country = dialog.fields["country"]
    assert isinstance(country, SearchableCombo)
    edit = country.lineEdit()
    assert edit is not None
    edit.setFocus()
    edit.selectAll()
    for char in typed:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, edit, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )
    completer = country.completer()
    assert completer is not None
    found = [
        completer.completionModel().index(r, 0).data()
        for r in range(completer.completionModel().rowCount())
    ]
    peru = country.itemText(country.findData("PE"))
    assert peru in found and len(found) <= 3
    assert countries.name("PE", "en") in peru and countries.name("PE", "ko") in peru
    QTest.keyClick(edit, Qt.Key.Key_Tab)  # leaves the field: the one entry it finds
    assert country.currentData() == "PE"
    assert country.currentText() == peru


def test_a_country_typed_as_people_write_it_is_found_and_nonsense_changes_nothing(
    dialog: BoothDialog,
) -> None:
    country = dialog.fields["country"]
    assert isinstance(country, SearchableCombo)
    country.setCurrentIndex(country.findData("JP"))
    country.setEditText("USA")
    country.settle()
    assert country.currentData() == "US"
    country.setEditText("Korea")  # as the festival's people mean it
    country.settle()
    assert country.currentData() == "KR"
    country.setEditText("Islands")  # many: not one of them by guess
    country.settle()
    assert country.currentData() == "KR"
    country.setEditText("qqqq")
    country.settle()
    assert country.currentData() == "KR" and country.currentText() == country.itemText(
        country.findData("KR")
    )
    country.setEditText("")
    country.settle()
    assert country.currentData() == ""  # (none)


def test_the_delete_question_names_the_exhibitor_and_country_once(
    window: MainWindow, boxes: MessageBoxes
) -> None:
    window.show_section("booths")
    section = window.record_section("booths")
    assert section is not None
    peru = next(b for b in window.service.booths() if b.country == "PE" and b.code)
    row = section.model.row_of(peru.id or 0)
    assert row is not None
    section.table.selectRow(row)
    boxes.answer = None  # Cancel, the default
    window.delete_action.trigger()
    _title, text, details = boxes.shown[-1]
    assert peru.code in text
    assert (peru.exhibitor or peru.organization) in text
    assert countries.name("PE", language()) in text
    assert f"{text}\n{details}".count(peru.code) == 1
    assert window.service.get(Booth, peru.id or 0) is not None
