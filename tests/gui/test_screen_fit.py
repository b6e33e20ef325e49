"""Every section and dialog fits a 1280 x 800 and a 1024 x 768 screen, in either language.

Nothing here compares pixels or waits for a time: sizes are Qt's own hints and the
geometry the layouts give, checked with margins for a window's frame and a task bar.
The timetable fits all venue columns of the sample at 1280 pixels; at 1024 pixels it
may scroll sideways instead of squeezing its columns, and then its scroll bar shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from festival_app.gui.clash_panel import ClashPanel
from festival_app.gui.main_window import MainWindow
from festival_app.gui.schedule.extension import install
from festival_app.gui.schedule.widget import TimetableWidget
from festival_app.gui.widgets.column_fit import heading_width
from festival_app.services import FestivalService

SCREENS = {"1280x800": QSize(1280, 800), "1024x768": QSize(1024, 768)}
FRAME = QSize(16, 72)  # a window's frame and title bar, and a task bar
TABLES = ("festival", "venues", "troupes", "program", "booths")


def room(screen: QSize) -> QSize:
    return QSize(screen.width() - FRAME.width(), screen.height() - FRAME.height())


def fits(size: QSize, screen: QSize) -> bool:
    free = room(screen)
    return size.width() <= free.width() and size.height() <= free.height()


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


# -- what "cut" means ---------------------------------------------------------------------


def _shown_parts(dialog: QWidget) -> list[QWidget]:
    """The widgets a person reads or uses, not the inner parts of other widgets."""
    kinds = (
        QLabel,
        QLineEdit,
        QComboBox,
        QAbstractSpinBox,
        QAbstractButton,
        QPlainTextEdit,
        QAbstractItemView,
    )
    parts: list[QWidget] = []
    for widget in dialog.findChildren(QWidget):
        if not isinstance(widget, kinds) or not widget.isVisible():
            continue
        owner = widget.parentWidget()
        if isinstance(owner, QComboBox | QAbstractSpinBox):  # their own line edit
            continue
        parts.append(widget)
    return parts


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {str(shown)[:40]!r}"


def cut_parts(dialog: QWidget) -> list[str]:
    """What is cut: a part reaching past the dialog's or its scroll area's right edge, or
    narrower than it needs for its content (wrapped text: shorter than it needs)."""
    problems = []
    for widget in _shown_parts(dialog):
        left = widget.mapTo(dialog, widget.rect().topLeft()).x()
        if left < 0 or left + widget.width() > dialog.width():
            problems.append(f"{_name(widget)} reaches past the dialog's edge")
        ancestor = widget.parentWidget()
        while ancestor is not None and ancestor is not dialog:
            area = ancestor.parentWidget()
            if isinstance(area, QAbstractScrollArea) and ancestor is area.viewport():
                x = widget.mapTo(ancestor, widget.rect().topLeft()).x()
                if x < 0 or x + widget.width() > ancestor.width() + 1:
                    problems.append(f"{_name(widget)} is cut by its scroll area")
            ancestor = ancestor.parentWidget()
        problems += _too_small(widget)
    return problems


def _too_small(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel):
        if widget.wordWrap():
            if widget.height() + 1 < widget.heightForWidth(widget.width()):
                return [f"{_name(widget)} wraps to more lines than it has room for"]
        elif widget.width() + 1 < widget.minimumSizeHint().width():
            return [f"{_name(widget)} is narrower than its text"]
        return []
    if isinstance(widget, QPlainTextEdit | QAbstractItemView):
        wanted = widget.minimumSizeHint().width()
    else:  # fields, drop-downs, buttons, check boxes: at least as wide as they ask
        wanted = widget.sizeHint().width()
    editor = widget.lineEdit() if isinstance(widget, QAbstractSpinBox | QComboBox) else widget
    if isinstance(editor, QLineEdit) and editor.placeholderText():
        # A hint like "unknown" in a number field is read whole, in the field's text area.
        hint = editor.fontMetrics().horizontalAdvance(editor.placeholderText())
        if editor.width() < hint + 4:
            return [f"{_name(widget)} cuts its hint {editor.placeholderText()!r}"]
    if widget.width() + 1 < wanted:
        return [f"{_name(widget)} is {widget.width()} wide, its content needs {wanted}"]
    return []


def check_dialog(dialog: QDialog) -> None:
    """The dialog's sizes fit both screens, and at the size it gets on each, nothing is cut."""
    dialog.show()
    settle()
    assert fits(dialog.sizeHint(), SCREENS["1280x800"]), dialog.sizeHint()
    assert fits(dialog.minimumSizeHint(), SCREENS["1024x768"]), dialog.minimumSizeHint()
    for screen in SCREENS.values():
        size = dialog.size().boundedTo(room(screen)).expandedTo(dialog.minimumSizeHint())
        dialog.resize(size)
        settle()
        assert cut_parts(dialog) == [], (screen, dialog.size())
    dialog.close()


# -- the dialogs ---------------------------------------------------------------------------


@pytest.fixture
def window(
    qtbot: QtBot,
    sample_service: FestivalService,
    tmp_path: Path,
) -> Iterator[MainWindow]:
    """The window as the program starts it: timetable and clash panel, fresh settings."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(sample_service, settings, [install])
    qtbot.addWidget(win)
    yield win
    win.close()


def _submit(record: object) -> None:
    return None


def _longest(records: list[Any], text: Callable[[Any], str]) -> Any:
    return max(records, key=lambda r: len(text(r)))


def _record_dialog(name: str, window: MainWindow) -> QDialog:
    from festival_app.gui.dialogs import editors

    service, lang = window.service, window.language
    if name == "day":
        return editors.DayDialog(service.days()[0], _submit, window)
    if name == "venue":
        return editors.VenueDialog(None, _submit, window)
    if name == "venue-longest":
        venue = _longest(service.venues(), lambda v: v.name_en + v.name_ko + v.notes)
        return editors.VenueDialog(venue, _submit, window)
    if name == "troupe":
        return editors.TroupeDialog(None, _submit, lang, window)
    if name == "troupe-longest":
        troupe = _longest(service.troupes(), lambda t: t.name + t.name_ko + t.genre)
        return editors.TroupeDialog(troupe, _submit, lang, window)
    if name == "program-item":
        return editors.ProgramItemDialog(None, _submit, service, lang, window)
    if name == "program-item-longest":
        item = _longest(service.program(), lambda i: i.title_en + i.title_ko + i.notes)
        return editors.ProgramItemDialog(item, _submit, service, lang, window)
    if name == "booth":
        return editors.BoothDialog(None, _submit, service, lang, window)
    assert name == "booth-longest"
    booth = _longest(service.booths(), lambda b: b.organization + b.exhibitor + b.notes)
    return editors.BoothDialog(booth, _submit, service, lang, window)


RECORD_DIALOGS = [
    "day",
    "venue",
    "venue-longest",
    "troupe",
    "troupe-longest",
    "program-item",
    "program-item-longest",
    "booth",
    "booth-longest",
]


@pytest.mark.parametrize("name", RECORD_DIALOGS)
def test_record_dialogs_fit_and_cut_no_field(window: MainWindow, name: str) -> None:
    check_dialog(_record_dialog(name, window))


def test_a_country_list_does_not_make_the_form_wider_than_its_dialog(window: MainWindow) -> None:
    """The Add troupe dialog was cut on the right: its country list asked for the width of
    its longest name in two languages."""
    dialog = _record_dialog("troupe", window)
    dialog.show()
    settle()
    body = dialog.form_area.widget()  # type: ignore[attr-defined]
    assert body is not None
    assert body.width() <= dialog.form_area.viewport().width()  # type: ignore[attr-defined]
    country = dialog.fields["country"]  # type: ignore[attr-defined]
    assert country.width() <= dialog.width()
    dialog.close()


def _clash_panel(window: MainWindow) -> ClashPanel:
    panel = window.findChild(ClashPanel)
    assert isinstance(panel, ClashPanel)
    return panel


def _make_long_clashes(service: FestivalService) -> None:
    """A troupe in two places at once and a too short changeover: the longest messages."""
    items = [i for i in service.program() if i.troupe_id is not None]
    for a in items:
        for b in items:
            elsewhere = a.day_id == b.day_id and a.venue_id != b.venue_id and a.id != b.id
            if elsewhere and (a.start == b.start or 0 < b.start_min - a.end_min < 30):
                service.save(replace(b, troupe_id=a.troupe_id))
                return


def test_the_acknowledging_dialog_wraps_a_long_clash_message(
    qtbot: QtBot, window: MainWindow
) -> None:
    _make_long_clashes(window.service)
    window.resize(1280, 800)
    window.show()
    panel = _clash_panel(window)
    panel.refresh(force=True)
    metrics = panel.fontMetrics()
    clash = max(panel.clashes, key=lambda c: metrics.horizontalAdvance(c.message()))
    assert metrics.horizontalAdvance(clash.message()) > room(SCREENS["1024x768"]).width() * 0.6
    check_dialog(panel.acknowledge_dialog(clash))


def test_other_dialogs_fit(window: MainWindow) -> None:
    from festival_app.gui.dialogs.crash import CrashDialog
    from festival_app.gui.dialogs.export_dialog import ExportDialog
    from festival_app.gui.dialogs.restore_dialog import RestoreDialog
    from festival_app.gui.schedule.venue_columns import VenueColumnsDialog
    from festival_app.store import backups

    window.resize(1280, 800)
    window.show()
    window.show_section("timetable")
    grid = window.section("timetable")
    assert isinstance(grid, TimetableWidget)
    check_dialog(VenueColumnsDialog(window.service.venues(), grid.columns, window))
    check_dialog(ExportDialog(window.service, window))
    backups.take_backup(window.service.db, backups.MANUAL)
    check_dialog(RestoreDialog(window.service, window))
    details = "Traceback (most recent call last):\n  File 'x.py', line 1\nValueError: boom"
    check_dialog(CrashDialog("ValueError: boom", details, Path("/tmp/log.txt"), window))


# -- the sections --------------------------------------------------------------------------


def _shown_at(qtbot: QtBot, window: MainWindow, screen: str, section: str) -> None:
    """The window at the screen's size on the section, once the clash check has filled
    the panel (its longer texts could widen it; they did)."""
    size = room(SCREENS[screen])
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    window.show_section(section)
    panel = _clash_panel(window)
    qtbot.waitUntil(lambda: not panel.is_pending() and bool(panel.clashes), timeout=5000)
    settle()


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("section", TABLES)
def test_tables_fit_their_width_with_every_heading_whole(
    qtbot: QtBot, window: MainWindow, screen: str, section: str
) -> None:
    _shown_at(qtbot, window, screen, section)
    table = window.record_section(section)
    assert table is not None
    view = table.table
    header = view.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert len(shown) >= 4
    assert header.length() <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()
    cut = [
        view.model().headerData(c, header.orientation())
        for c in shown
        if header.sectionSize(c) < heading_width(header, c)
    ]
    assert cut == []  # "Booth spaces" was cut at the Venues table's edge


def test_hidden_columns_are_one_right_click_away(qtbot: QtBot, window: MainWindow) -> None:
    from festival_app.gui.models.troupes import TroupeColumn
    from festival_app.gui.widgets.column_fit import column_menu

    _shown_at(qtbot, window, "1280x800", "troupes")
    table = window.record_section("troupes")
    assert table is not None
    header = table.table.horizontalHeader()
    assert header.isSectionHidden(TroupeColumn.EMAIL)
    menu = column_menu(table.table)
    email = next(
        a
        for a in menu.actions()
        if a.text() == table.model.headerData(TroupeColumn.EMAIL, header.orientation())
    )
    assert not email.isChecked()
    email.trigger()
    assert not header.isSectionHidden(TroupeColumn.EMAIL)
    assert header.sectionSize(TroupeColumn.EMAIL) >= heading_width(header, TroupeColumn.EMAIL)


def test_the_timetable_shows_every_venue_column_at_1280(qtbot: QtBot, window: MainWindow) -> None:
    _shown_at(qtbot, window, "1280x800", "timetable")
    grid = window.section("timetable")
    assert isinstance(grid, TimetableWidget)
    geometry = grid.scene.geometry
    assert len(geometry.venue_ids) == 3  # Main Stage, Street Parade Route, Music Cafe
    assert geometry.width <= grid.view.viewport().width()
    assert not grid.view.horizontalScrollBar().isVisible()


def test_the_timetable_at_1024_fits_or_shows_its_scroll_bar(
    qtbot: QtBot, window: MainWindow
) -> None:
    _shown_at(qtbot, window, "1024x768", "timetable")
    grid = window.section("timetable")
    assert isinstance(grid, TimetableWidget)
    wider = grid.scene.geometry.width > grid.view.viewport().width()
    assert grid.view.horizontalScrollBar().isVisible() == wider


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_clash_panel_takes_a_fifth_of_the_window(
    qtbot: QtBot, window: MainWindow, screen: str
) -> None:
    _shown_at(qtbot, window, screen, "timetable")
    share = _clash_panel(window).width() / window.width()
    assert 0.15 <= share <= 0.22, share  # it took a quarter


def test_the_clash_panel_wraps_its_lines_instead_of_cutting_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtCore import QRect, Qt

    _make_long_clashes(window.service)
    _shown_at(qtbot, window, "1280x800", "timetable")
    panel = _clash_panel(window)
    panel.refresh(force=True)
    settle()
    tree = panel.tree
    rows = panel.rows()
    assert rows
    for row in rows:
        index = tree.indexFromItem(row)
        rect = tree.visualRect(index)
        metrics = tree.fontMetrics()
        wrapped = metrics.boundingRect(
            QRect(0, 0, max(1, rect.width() - 8), 100_000),
            int(Qt.TextFlag.TextWordWrap),
            row.text(0),
        )
        assert rect.right() <= tree.viewport().width()
        assert rect.height() >= wrapped.height(), row.text(0)  # one line, "…", it was
