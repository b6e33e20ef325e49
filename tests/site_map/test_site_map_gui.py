"""The Site map section in the window: drawing, placing and filling as undo steps, the
clash panel showing a map's clash on the map."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from festival_app import site_plan
from festival_app.domain.booths import Booth
from festival_app.domain.site_map import BoothSpace
from festival_app.gui.clash_panel import BOOTHS_ROLE, ClashPanel
from festival_app.gui.main_window import MainWindow
from festival_app.gui.site_map import extension as site_map_extension
from festival_app.gui.site_map.widget import SiteMapWidget
from festival_app.services import FestivalService
from tests.helpers.interface_language import said, tr

pytestmark = pytest.mark.gui


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes answered at once; their texts kept."""
    texts: list[str] = []

    def answer(box: QMessageBox) -> int:
        texts.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return texts


@pytest.fixture
def window(qtbot: Any, sample_service: FestivalService, tmp_path: Path) -> Iterator[MainWindow]:
    from festival_app.gui.schedule import extension

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(sample_service, settings)
    extension.install(win)
    site_map_extension.install(win)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    yield win
    win.close()


def section(window: MainWindow, area_prefix: str = "M") -> SiteMapWidget:
    window.show_section(site_map_extension.SECTION)
    widget = window.section(site_map_extension.SECTION)
    assert isinstance(widget, SiteMapWidget)
    area = next(a for a in site_plan.booth_areas(window.service) if a.code_prefix == area_prefix)
    widget.show_area(area.id or 0)
    return widget


def test_the_section_draws_each_area_s_spaces_and_booths(window: MainWindow) -> None:
    widget = section(window)
    assert widget.area.count() == 3
    assert len(widget.scene.space_items()) == 60
    m01 = widget.scene.items_by_code["M-01"]
    assert m01.booth is not None and m01.booth.code == "M-01"
    assert widget.scene.items_by_code["M-60"].booth is None
    assert widget.panel.unplaced.count() == 0
    widget.search.line.setText("thailand")
    assert [i.space.code for i in widget.scene.space_items() if i.highlighted] == ["M-01"]


def test_placing_moving_and_deleting_are_undo_steps(window: MainWindow, shown: list[str]) -> None:
    widget = section(window)
    service = window.service
    stack = window.undo_stack
    thai = next(b for b in service.booths() if b.code == "M-01")
    assert widget.run(lambda: site_plan.unplace(service, [thai]), "Take off")
    widget.refresh()
    assert widget.panel.unplaced.count() == 1
    free = widget.scene.items_by_code["M-60"]
    widget.view.boothDropped.emit(thai.id or 0, free)  # what a drop onto M-60 does
    assert service.get(Booth, thai.id or 0).code == "M-60"  # type: ignore[union-attr]
    stack.undo()
    assert service.get(Booth, thai.id or 0).code == ""  # type: ignore[union-attr]
    stack.redo()
    assert service.get(Booth, thai.id or 0).code == "M-60"  # type: ignore[union-attr]

    widget.refresh()
    item = widget.scene.items_by_code["M-59"]
    before = item.space
    widget.view.spacesMoved.emit([item], 1.5, 0)
    moved = next(s for s in site_plan.spaces(service) if s.code == "M-59")
    assert moved.x == before.x + 1.5
    stack.undo()
    assert next(s for s in site_plan.spaces(service) if s.code == "M-59").x == before.x

    widget.refresh()
    widget.scene.items_by_code["M-60"].setSelected(True)
    widget.edits.delete_selected()
    assert "M-60" not in {s.code for s in site_plan.spaces(service)}
    assert service.get(Booth, thai.id or 0).code == ""  # type: ignore[union-attr]
    stack.undo()
    assert service.get(Booth, thai.id or 0).code == "M-60"  # type: ignore[union-attr]
    assert shown == []


def test_a_row_and_fill_the_rest(window: MainWindow, shown: list[str]) -> None:
    widget = section(window, "C")
    service = window.service
    cheong = [b for b in service.booths() if b.code.startswith("C-")]
    widget.run(lambda: site_plan.unplace(service, cheong), "Take all off")
    assert widget.edits.add_row((0, 30), (60, 30), 20, first=41, power=True, water=True, gas=True)
    assert len(site_plan.spaces(service, widget.venue_id)) == 60
    widget.placing.fill_rest()
    assert all(b.code for b in service.booths() if b.venue_id == widget.venue_id)
    assert shown and tr("SiteMapWidget", "{0} booths placed.").format(24) in shown[-1]
    window.undo_stack.undo()
    assert not any(b.code for b in service.booths() if b.venue_id == widget.venue_id)


def test_a_duplicate_code_is_refused_with_a_message(window: MainWindow, shown: list[str]) -> None:
    widget = section(window)
    before = site_plan.spaces(window.service)
    assert not widget.edits.add_row((0, 40), (30, 40), 5, first=58)
    drawn = said(tr("Validation", "Space {code} is already drawn.").format(code="M-58"))
    assert shown and drawn in shown[-1]
    assert site_plan.spaces(window.service) == before


def test_a_map_clash_in_the_panel_shows_the_booth_on_the_map(
    window: MainWindow, qtbot: Any
) -> None:
    service = window.service
    space = next(s for s in site_plan.spaces(service) if s.code == "M-05")
    blocked = replace(space, blocked=True)
    site_plan.change_spaces(service, [blocked])
    panel = window.findChild(ClashPanel)
    assert panel is not None
    panel.refresh(force=True)
    row = next(r for r in panel.rows() if r.data(0, BOOTHS_ROLE))
    assert "M-05" in row.text(0)
    panel.tree.itemClicked.emit(row, 0)
    assert window.current_key() == site_map_extension.SECTION
    widget = window.section(site_map_extension.SECTION)
    assert isinstance(widget, SiteMapWidget)
    assert [i.space.code for i in widget.scene.selected_spaces()] == ["M-05"]
    assert widget.scene.items_by_code["M-05"].clashing


def _fields(space: BoothSpace) -> dict[str, object]:
    return {name: getattr(space, name) for name in space.__slots__ if name != "__weakref__"}


def test_dragging_a_line_with_the_row_tool_draws_a_row(
    window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QDialog

    from festival_app.gui.site_map.row_dialog import RowDialog
    from festival_app.gui.site_map.view import Tool

    widget = section(window, "C")
    widget.view.resetTransform()  # one scene unit to the pixel: 20 pixels a metre
    widget.view.set_tool(Tool.ROW)

    def answer(dialog: RowDialog) -> int:
        dialog.count.setValue(4)
        dialog.first.setValue(41)
        dialog.gas.setChecked(True)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(RowDialog, "exec", answer)
    viewport = widget.view.viewport()
    start = widget.view.mapFromScene(5 * 20, 60 * 20)
    end = start + QPoint(12 * 20, 0)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    drawn = {s.code: s for s in site_plan.spaces(window.service, widget.venue_id)}
    assert {"C-41", "C-42", "C-43", "C-44"} <= set(drawn)
    assert drawn["C-41"].gas and drawn["C-41"].y == pytest.approx(61.5, abs=0.2)
    window.undo_stack.undo()
    assert "C-41" not in {s.code for s in site_plan.spaces(window.service)}


def test_picture_and_north_from_the_section(
    window: MainWindow, tmp_path: Path, shown: list[str]
) -> None:
    widget = section(window, "M")
    text = tmp_path / "plan.png"
    text.write_text("not a picture")
    before = site_plan.site_map(window.service, widget.venue_id or 0)
    assert not widget.map_settings.set_picture(text)
    assert shown and tr("Validation", "This file is not a PNG or JPEG picture.") in shown[-1]
    assert site_plan.site_map(window.service, widget.venue_id or 0) == before
    assert widget.map_settings.set_north(-90)
    stored = site_plan.site_map(window.service, widget.venue_id or 0)
    assert stored is not None and stored.north == 270
    window.undo_stack.undo()
    assert site_plan.site_map(window.service, widget.venue_id or 0) == before


def test_a_hidden_section_draws_the_changes_when_shown_again(window: MainWindow) -> None:
    widget = section(window, "M")
    window.show_section("booths")
    thai = next(b for b in window.service.booths() if b.code == "M-01")
    site_plan.unplace(window.service, [thai])
    assert widget.panel.unplaced.count() == 0  # not drawn while hidden
    window.show_section(site_map_extension.SECTION)
    assert widget.panel.unplaced.count() == 1
    assert widget.scene.items_by_code["M-01"].booth is None


def test_a_booth_dropped_on_a_free_space_stands_there(window: MainWindow) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt
    from PySide6.QtGui import QDragMoveEvent, QDropEvent

    from festival_app.gui.site_map.view import BOOTH_MIME

    widget = section(window, "M")
    service = window.service
    thai = next(b for b in service.booths() if b.code == "M-01")
    widget.run(lambda: site_plan.unplace(service, [thai]), "Take off")
    widget.refresh()
    listed = widget.panel.unplaced.item(0)
    assert listed is not None
    mime = widget.panel.unplaced.mimeData([listed])
    assert isinstance(mime, QMimeData) and mime.hasFormat(BOOTH_MIME)
    target = widget.scene.items_by_code["M-50"]
    taken = widget.scene.items_by_code["M-02"]
    view = widget.view
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    on_taken = QPointF(view.mapFromScene(taken.scenePos()))
    move = QDragMoveEvent(on_taken.toPoint(), Qt.DropAction.MoveAction, mime, buttons, keys)
    view.dragMoveEvent(move)
    assert not move.isAccepted()  # M-02 has its booth: no drop there
    drop = QDropEvent(
        QPointF(view.mapFromScene(target.scenePos())), Qt.DropAction.MoveAction, mime, buttons, keys
    )
    view.dropEvent(drop)
    assert service.get(Booth, thai.id or 0).code == "M-50"  # type: ignore[union-attr]


def test_the_side_panel_changes_the_chosen_space_and_places_by_code(
    window: MainWindow, shown: list[str]
) -> None:
    widget = section(window, "M")
    service = window.service
    panel = widget.panel
    widget.scene.items_by_code["M-60"].setSelected(True)
    assert panel.details.isEnabled() and panel.details.code.text() == "M-60"
    panel.details.blocked.setChecked(True)
    panel.details.reason.setText(" Fire lane ")
    panel.details.apply_button.click()
    m60 = next(s for s in site_plan.spaces(service) if s.code == "M-60")
    assert m60.blocked and m60.blocked_reason == "Fire lane"
    window.undo_stack.undo()
    assert not next(s for s in site_plan.spaces(service) if s.code == "M-60").blocked

    thai = next(b for b in service.booths() if b.code == "M-01")
    widget.run(lambda: site_plan.unplace(service, [thai]), "Take off")
    widget.refresh()
    panel.unplaced.setCurrentRow(0)
    panel.code_input.setText("M-99")
    panel.place_button.click()
    assert shown == [said(tr("SiteMapWidget", "There is no space {0} on the map.").format("M-99"))]
    assert service.get(Booth, thai.id or 0).code == ""  # type: ignore[union-attr]
    panel.code_input.setText("m-60")
    panel.place_button.click()
    assert service.get(Booth, thai.id or 0).code == "M-60"  # type: ignore[union-attr]
    assert panel.code_input.text() == ""


def test_the_picture_is_decoded_once_per_version_of_the_map(window: MainWindow) -> None:
    import io

    from PIL import Image

    def png(colour: str) -> bytes:
        out = io.BytesIO()
        Image.new("RGB", (400, 100), colour).save(out, "PNG")
        return out.getvalue()

    widget = section(window)
    area = widget.venue_id or 0
    site_plan.set_picture(window.service, area, png("white"))
    widget.refresh()
    assert widget.scene.picture is not None
    first = widget.scene.picture.pixmap().cacheKey()
    space = site_plan.spaces(window.service, area)[0]
    window.service.save(replace(space, x=space.x + 1))  # an edit: the area is drawn again
    widget.refresh()
    assert widget.scene.picture is not None
    assert widget.scene.picture.pixmap().cacheKey() == first
    site_plan.set_picture(window.service, area, png("grey"))  # another picture: decoded
    widget.refresh()
    assert widget.scene.picture is not None
    assert widget.scene.picture.pixmap().cacheKey() != first
