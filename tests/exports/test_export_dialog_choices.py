"""The export dialog offers what fits: the venues of the kind, the kind of the section
shown, paper and orientation only for PDFs, the folder last used; an export that would
hold nothing is a failure, never "is ready"."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from festival_app.domain.venues import Venue, VenueKind
from festival_app.exports import KINDS
from festival_app.gui import settings as app_settings
from festival_app.gui.dialogs import export_dialog
from festival_app.gui.dialogs.export_dialog import ExportDialog
from festival_app.services import FestivalService
from tests.helpers.interface_language import fragment, said, tr


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes answered at once (Close), their texts recorded."""
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def _set_kind(dialog: ExportDialog, kind: str) -> None:
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind))


def _row(dialog: ExportDialog, english: str) -> int:
    return next(
        row
        for row in range(dialog.venue_list.count())
        if dialog.venue_list.item(row).text().endswith(f"/ {english}")
    )


def _offered(dialog: ExportDialog) -> list[str]:
    return [
        dialog.venue_list.item(row).text().split(" / ")[-1]
        for row in range(dialog.venue_list.count())
        if not dialog.venue_list.item(row).isHidden()
    ]


STAGES = ["Main Stage (Seoul Plaza)", "Street Parade Route", "Music Cafe (Cheonggyecheon-ro)"]
AREAS = ["Seoul Plaza", "Mugyo-ro", "Cheonggyecheon-ro"]


def test_only_the_venues_that_fit_the_kind_are_offered(
    qtbot: QtBot, sample_service: FestivalService, tmp_path: Path, boxes: list[str]
) -> None:
    dialog = ExportDialog(sample_service)
    qtbot.addWidget(dialog)
    _set_kind(dialog, "timetable")
    assert _offered(dialog) == STAGES
    # Main Stage ticked for a timetable, then the kind switched to the booth list.
    dialog.venue_list.item(_row(dialog, "Main Stage (Seoul Plaza)")).setCheckState(
        Qt.CheckState.Checked
    )
    assert dialog.options()["venues"] is not None
    for kind in ("booths", "booths-pdf", "signs"):
        _set_kind(dialog, kind)
        assert _offered(dialog) == AREAS
        assert dialog.options()["venues"] is None  # the hidden tick counts for nothing
    for kind in ("timetable", "overview", "cuesheet", "program", "calendar", "roster"):
        _set_kind(dialog, kind)
        assert _offered(dialog) == STAGES
    # Back on a kind of its own, the tick is there again.
    assert dialog.options()["venues"] == [
        next(v.id for v in sample_service.venues() if v.name_en == STAGES[0])
    ]
    _set_kind(dialog, "booths")
    dialog.path_edit.setText(str(tmp_path / "booths.xlsx"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    assert boxes == [said(tr("ExportDialog", "{0} is ready.").format("booths.xlsx"))]
    ws = openpyxl.load_workbook(tmp_path / "booths.xlsx").worksheets[0]
    assert ws.max_row == 1 + len(sample_service.booths())  # every booth, not only headings


def test_a_booth_area_with_a_program_is_offered_for_the_program_too(
    qtbot: QtBot, sample_service: FestivalService
) -> None:
    from datetime import time

    from festival_app.domain.program import ProgramItem

    plaza = next(v for v in sample_service.venues() if v.name_en == "Seoul Plaza")
    day = sample_service.days()[0]
    sample_service.save(
        ProgramItem(
            day_id=day.id or 0,
            venue_id=plaza.id or 0,
            start=time(14),
            end=time(14, 30),
            title_en="Stamp rally prizes",
        )
    )
    dialog = ExportDialog(sample_service)
    qtbot.addWidget(dialog)
    _set_kind(dialog, "timetable")
    assert "Seoul Plaza" in _offered(dialog)


def test_an_export_that_would_hold_nothing_is_a_failure_not_ready(
    qtbot: QtBot, sample_service: FestivalService, tmp_path: Path, boxes: list[str]
) -> None:
    sample_service.save(Venue("Quiet Stage", "조용한 무대", kind=VenueKind.STAGE))
    dialog = ExportDialog(sample_service)
    qtbot.addWidget(dialog)
    _set_kind(dialog, "timetable")
    dialog.venue_list.item(_row(dialog, "Quiet Stage")).setCheckState(Qt.CheckState.Checked)
    out = tmp_path / "t.pdf"
    dialog.path_edit.setText(str(out))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    assert dialog.result_path is None
    nothing = fragment(
        "Export",
        "Nothing is scheduled at {venues} on {days}. On those days there is a program at: {busy}.",
    )
    assert len(boxes) == 1 and "Quiet Stage" in boxes[0] and nothing in boxes[0]
    ready = fragment("ExportDialog", "{0} is ready.")
    assert not any(ready in text for text in boxes)
    assert not out.exists()


def test_a_name_with_another_kind_s_extension_is_refused(
    qtbot: QtBot, sample_service: FestivalService, tmp_path: Path, boxes: list[str]
) -> None:
    dialog = ExportDialog(sample_service)
    qtbot.addWidget(dialog)
    _set_kind(dialog, "booths")
    dialog.path_edit.setText(str(tmp_path / "list.pdf"))
    dialog.start()
    assert dialog.worker is None
    wrong_end = fragment(
        "Export",
        "{name} does not end in {suffix}: {kind} is written as a {suffix} file. "
        "Give a name like {example}.",
    )
    assert len(boxes) == 1 and "list.pdf" in boxes[0] and wrong_end in boxes[0]
    # A name without any extension gets the kind's.
    dialog.path_edit.setText(str(tmp_path / "list"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    assert dialog.path_edit.text() == str(tmp_path / "list.xlsx")
    assert boxes[-1] == said(tr("ExportDialog", "{0} is ready.").format("list.xlsx"))


def test_paper_and_orientation_only_for_pdfs(qtbot: QtBot, sample_service: FestivalService) -> None:
    dialog = ExportDialog(sample_service)
    qtbot.addWidget(dialog)
    for name, spec in KINDS.items():
        _set_kind(dialog, name)
        pdf = spec.suffix == ".pdf"
        assert dialog.paper_combo.isEnabled() == pdf, name
        assert dialog.orientation_combo.isEnabled() == pdf, name
        assert dialog.font_edit.isEnabled() == pdf, name
        if not pdf:
            assert dialog.options()["paper"] is None and dialog.options()["landscape"] is None


class _Window(QWidget):
    """Stands in for the main window: its current section."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def current_key(self) -> str:
        return self.key


@pytest.mark.parametrize(
    ("section", "kind"),
    [
        ("booths", "booths"),
        ("troupes", "roster"),
        ("program", "program"),
        ("timetable", "timetable"),
        ("venues", "timetable"),
        ("festival", "timetable"),
    ],
)
def test_the_dialog_starts_on_the_kind_of_the_section_shown(
    qtbot: QtBot,
    sample_service: FestivalService,
    monkeypatch: pytest.MonkeyPatch,
    section: str,
    kind: str,
) -> None:
    opened: list[ExportDialog] = []

    def opens(dialog: ExportDialog) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(ExportDialog, "exec", opens)
    window = _Window(section)
    qtbot.addWidget(window)
    export_dialog.open_export_dialog(window, sample_service)
    (dialog,) = opened
    assert dialog.kind() == kind
    assert dialog.path_edit.text().endswith(f"{kind}{KINDS[kind].suffix}")


def test_the_dialog_starts_in_the_folder_last_used(
    qtbot: QtBot, sample_service: FestivalService, tmp_path: Path, boxes: list[str]
) -> None:
    settings = app_settings.open_settings()
    # Never exported yet: the folder last used for festival files, not the home folder.
    opened_in = tmp_path / "festivals"
    opened_in.mkdir()
    app_settings.LAST_FOLDER.set(settings, str(opened_in))
    first = ExportDialog(sample_service)
    qtbot.addWidget(first)
    assert Path(first.path_edit.text()).parent == opened_in
    # After an export: its folder, remembered in the settings.
    prints = tmp_path / "prints"
    prints.mkdir()
    _set_kind(first, "roster")
    first.path_edit.setText(str(prints / "troupes.xlsx"))
    first.start()
    qtbot.waitUntil(lambda: first.worker is None, timeout=20000)
    assert app_settings.EXPORT_FOLDER.get(app_settings.open_settings()) == str(prints)
    second = ExportDialog(sample_service)
    qtbot.addWidget(second)
    assert Path(second.path_edit.text()).parent == prints
    # A folder that is gone since is not offered.
    prints.joinpath("troupes.xlsx").unlink()
    prints.rmdir()
    third = ExportDialog(sample_service)
    qtbot.addWidget(third)
    assert Path(third.path_edit.text()).parent == opened_in


def test_the_file_name_follows_the_kind_until_the_user_names_it(
    qtbot: QtBot, sample_service: FestivalService, tmp_path: Path
) -> None:
    dialog = ExportDialog(sample_service, kind="booths")
    qtbot.addWidget(dialog)
    folder = Path(dialog.path_edit.text()).parent
    assert dialog.path_edit.text() == str(folder / "booths.xlsx")
    _set_kind(dialog, "timetable")
    assert dialog.path_edit.text() == str(folder / "timetable.pdf")
    dialog.path_edit.setText(str(tmp_path / "stage door.pdf"))
    _set_kind(dialog, "program")
    assert dialog.path_edit.text() == str(tmp_path / "stage door.xlsx")
