"""The Site map section: the map editor of one booth area at a time.

Draw spaces one by one or as a row along a line, move them (drag), turn them (R and
Shift+R), renumber, block and delete them; put a picture under the map and give it a
scale; drag an unplaced booth onto a space or type the code; place all the unplaced
booths at once. Every edit is one undo step. The view never writes: it asks `site_plan`
through undo commands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from festival_app import site_plan
from festival_app.domain.booths import BOOTH_CATEGORY_LABELS, Booth, BoothCategory
from festival_app.domain.category_colours import CATEGORY_COLOURS
from festival_app.domain.errors import ValidationError
from festival_app.domain.fill_rest import FillResult
from festival_app.domain.site_map import BoothSpace, numbered_codes, utility_words
from festival_app.domain.venues import Venue
from festival_app.gui.commands import BatchCommand, push
from festival_app.gui.dialogs.messages import show_error, show_info
from festival_app.gui.listeners import subscribe_weakly
from festival_app.gui.models.base import language
from festival_app.gui.site_map.commands import DeleteSpacesCommand
from festival_app.gui.site_map.scene import SiteScene, SpaceItem
from festival_app.gui.site_map.view import BOOTH_MIME, SiteView, Tool
from festival_app.i18n import translate
from festival_app.services import BOOTHS, CLASHES, SITE_MAPS, SPACES, VENUES, FestivalService
from festival_app.store.errors import StoreError

WATCHED = frozenset({BOOTHS, SPACES, SITE_MAPS, VENUES, CLASHES})


class UnplacedBooths(QListWidget):
    """The booths of the area without a space; drag one onto the map."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        if items:
            data.setData(BOOTH_MIME, str(items[0].data(Qt.ItemDataRole.UserRole)).encode())
            data.setText(items[0].text())
        return data

    def mimeTypes(self) -> list[str]:
        return [BOOTH_MIME]


class RowDialog(QDialog):
    """How many spaces along the drawn line, how big, numbered from where, offering what."""

    def __init__(
        self, venue: Venue, length: float, first: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Row of spaces"))
        self.venue = venue
        self.count = QSpinBox()
        self.count.setRange(1, 2000)
        self.width_m = QDoubleSpinBox()
        self.width_m.setRange(0.5, 100)
        self.width_m.setValue(3.0)
        self.width_m.setSuffix(self.tr(" m"))
        self.depth_m = QDoubleSpinBox()
        self.depth_m.setRange(0.5, 100)
        self.depth_m.setValue(3.0)
        self.depth_m.setSuffix(self.tr(" m"))
        self.count.setValue(max(1, int(length // 3.0)))
        self.first = QSpinBox()
        self.first.setRange(1, 99999)
        self.first.setValue(first)
        self.power = QCheckBox(self.tr("Power"))
        self.water = QCheckBox(self.tr("Water"))
        self.gas = QCheckBox(self.tr("Gas"))
        self.preview = QLabel()
        offers = QHBoxLayout()
        for box in (self.power, self.water, self.gas):
            offers.addWidget(box)
        form = QFormLayout(self)
        form.addRow(self.tr("Line length"), QLabel(self.tr("{0} m").format(f"{length:.1f}")))
        form.addRow(self.tr("Spaces"), self.count)
        form.addRow(self.tr("Width"), self.width_m)
        form.addRow(self.tr("Depth"), self.depth_m)
        form.addRow(self.tr("First number"), self.first)
        form.addRow(self.tr("Offers"), offers)
        form.addRow(self.preview)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for spin in (self.count, self.first):
            spin.valueChanged.connect(self._update_preview)
        self._update_preview()

    def _update_preview(self) -> None:
        codes = numbered_codes(self.venue.code_prefix, self.first.value(), self.count.value())
        self.preview.setText(
            self.tr("{count} spaces, {first} to {last}").format(
                count=len(codes), first=codes[0], last=codes[-1]
            )
        )


class SiteMapWidget(QWidget):
    """The section: a toolbar, the map, and beside it the unplaced booths, the legend and
    the chosen space's details."""

    def __init__(
        self, service: FestivalService, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("siteMap")
        self.service = service
        self.undo_stack = undo_stack
        self.language = language()
        self.venue_id: int | None = None
        self._fitted_area: int | None = None

        self.area = QComboBox()
        self.area.setMinimumContentsLength(14)
        self.area.currentIndexChanged.connect(lambda *_: self._area_chosen())
        self.scene = SiteScene(self)
        self.view = SiteView(self.scene, self)
        self.view.spacesMoved.connect(self._moved)
        self.view.lineDrawn.connect(self._line_drawn)
        self.view.pointClicked.connect(self._add_space_at)
        self.view.boothDropped.connect(self._booth_dropped)
        self.view.rotateRequested.connect(self.rotate_selected)
        self.view.deleteRequested.connect(self.delete_selected)
        self.scene.selectionChanged.connect(self._selection_changed)

        # The tools.
        self.tools = QButtonGroup(self)
        tool_row = QHBoxLayout()
        tool_row.addWidget(QLabel(self.tr("Area:")))
        tool_row.addWidget(self.area)
        for tool, text, tip in (
            (Tool.SELECT, self.tr("Select"), self.tr("Select and drag spaces; R turns them")),
            (Tool.SPACE, self.tr("Space"), self.tr("Click on the map to draw one space")),
            (Tool.ROW, self.tr("Row"), self.tr("Drag a line along the street: a row of spaces")),
            (Tool.SCALE, self.tr("Scale"), self.tr("Drag between two points of known distance")),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setCheckable(True)
            button.setObjectName(f"tool_{tool.value}")
            button.clicked.connect(lambda _=False, t=tool: self.view.set_tool(t))
            self.tools.addButton(button)
            tool_row.addWidget(button)
            if tool == Tool.SELECT:
                button.setChecked(True)
        self.picture_button = self._button(self.tr("Picture…"), self.choose_picture)
        self.picture_button.setToolTip(
            self.tr("Put a street plan or aerial photo (PNG, JPEG) under the map")
        )
        self.north_button = self._button(self.tr("North…"), self.choose_north)
        self.north_button.setToolTip(self.tr("Where north is on this map, for the printed arrow"))
        self.delete_button = self._button(self.tr("Delete"), self.delete_selected)
        self.renumber_button = self._button(self.tr("Renumber…"), self.renumber_selected)
        self.fill_button = self._button(self.tr("Place the unplaced booths"), self.fill_rest)
        self.fill_button.setObjectName("fill_rest")
        fit = self._button(self.tr("Fit"), self.view.fit_all)
        fit.setToolTip(self.tr("Show the whole area (Ctrl+wheel zooms)"))
        for widget in (
            self.picture_button,
            self.north_button,
            self.delete_button,
            self.renumber_button,
        ):
            tool_row.addWidget(widget)
        tool_row.addStretch(1)
        tool_row.addWidget(fit)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a booth on the map (country, code…)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda *_: self._highlight())
        self.found = QLabel()
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.found)
        search_row.addWidget(self.fill_button)

        # Beside the map.
        self.unplaced = UnplacedBooths()
        self.unplaced.setObjectName("unplacedBooths")
        self.unplaced_title = QLabel()
        self.code_input = QLineEdit()
        self.code_input.setPlaceholderText(self.tr("Code, like M-07"))
        self.code_input.returnPressed.connect(self.place_by_code)
        place = self._button(self.tr("Place"), self.place_by_code)
        place.setToolTip(self.tr("Put the chosen booth on the space with this code"))
        typed = QHBoxLayout()
        typed.addWidget(self.code_input, 1)
        typed.addWidget(place)
        self.legend = QVBoxLayout()
        self.legend_box: QWidget | None = None
        self.details = self._details_form()
        side = QWidget()
        side.setMaximumWidth(300)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 0, 0, 0)
        side_layout.addWidget(self.unplaced_title)
        side_layout.addWidget(self.unplaced, 1)
        side_layout.addLayout(typed)
        legend_title = QLabel(self.tr("Legend"))
        legend_title.setStyleSheet("font-weight: bold;")
        side_layout.addWidget(legend_title)
        side_layout.addLayout(self.legend)
        side_layout.addWidget(self.details, 0)
        side_layout.addStretch(0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([700, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tool_row)
        layout.addLayout(search_row)
        layout.addWidget(splitter, 1)

        self._stale = False  # the file changed while the section was hidden
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.refresh)
        subscribe_weakly(service, self, "_service_changed")
        self._fill_areas()

    # -- building -----------------------------------------------------------------------

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda *_: slot())
        return button

    def _details_form(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 6, 0, 0)
        self.detail_code = QLineEdit()
        self.detail_width = QDoubleSpinBox()
        self.detail_depth = QDoubleSpinBox()
        for spin in (self.detail_width, self.detail_depth):
            spin.setRange(0.5, 100)
            spin.setValue(3.0)
            spin.setSuffix(self.tr(" m"))
        self.detail_rotation = QDoubleSpinBox()
        self.detail_rotation.setRange(0, 359.9)
        self.detail_rotation.setSuffix(" °")
        self.detail_power = QCheckBox(self.tr("Power"))
        self.detail_water = QCheckBox(self.tr("Water"))
        self.detail_gas = QCheckBox(self.tr("Gas"))
        self.detail_blocked = QCheckBox(self.tr("Blocked"))
        self.detail_reason = QLineEdit()
        self.detail_reason.setPlaceholderText(self.tr("Why (fire lane, tree…)"))
        offers = QHBoxLayout()
        for check in (self.detail_power, self.detail_water, self.detail_gas):
            offers.addWidget(check)
        size = QHBoxLayout()
        size.addWidget(self.detail_width)
        size.addWidget(QLabel("×"))
        size.addWidget(self.detail_depth)
        self.detail_apply = self._button(self.tr("Apply"), self.apply_details)
        self.detail_title = QLabel(self.tr("Chosen space"))
        self.detail_title.setStyleSheet("font-weight: bold;")
        form.addRow(self.detail_title)
        form.addRow(self.tr("Code"), self.detail_code)
        form.addRow(self.tr("Size"), size)
        form.addRow(self.tr("Rotation"), self.detail_rotation)
        form.addRow(self.tr("Offers"), offers)
        form.addRow(self.detail_blocked, self.detail_reason)
        form.addRow(self.detail_apply)
        box.setEnabled(False)
        return box

    def _fill_areas(self) -> None:
        current = self.venue_id
        self.area.blockSignals(True)
        self.area.clear()
        for venue in site_plan.booth_areas(self.service):
            self.area.addItem(venue.name(self.language), venue.id)
        index = self.area.findData(current) if current is not None else 0
        self.area.setCurrentIndex(max(0, index))
        self.area.blockSignals(False)
        self._area_chosen()

    def _area_chosen(self) -> None:
        data = self.area.currentData()
        self.venue_id = int(data) if data is not None else None
        self.refresh()

    def show_area(self, venue_id: int) -> None:
        index = self.area.findData(venue_id)
        if index >= 0:
            self.area.setCurrentIndex(index)

    # -- showing the file -----------------------------------------------------------------

    def _service_changed(self, kinds: frozenset[str]) -> None:
        if not kinds & WATCHED:
            return
        if not self.isVisible():  # drawn again when shown: a booth edit elsewhere stays quick
            self._stale = True
        elif VENUES in kinds:
            self._fill_areas()
        else:
            self._pending.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._fill_areas()

    def refresh(self) -> None:
        """Read the area from the file and draw it again (keeping the selection)."""
        self._pending.stop()
        chosen = {i.space.id for i in self.scene.selected_spaces()}
        if self.venue_id is None:
            self.scene.show_area(None, [], {}, {})
            self.unplaced.clear()
            return
        venue_id = self.venue_id
        spaces = site_plan.spaces(self.service, venue_id)
        booths = self.service.booths_in(venue_id)
        placed = {b.code: b for b in booths if b.code}
        labels = {code: b.label(self.language) for code, b in placed.items()}
        clashes = site_plan.site_clashes(self.service, self.language, venue_id)
        booth_codes = {b.id: b.code for b in booths}
        clashing = {
            booth_codes[i]
            for c in clashes
            if not c.acknowledged
            for i in c.booth_ids
            if i in booth_codes
        }
        self.scene.show_area(
            site_plan.site_map(self.service, venue_id), spaces, placed, labels, clashing
        )
        for item in self.scene.space_items():
            if item.space.id in chosen:
                item.setSelected(True)
        if self._fitted_area != venue_id:
            self._fitted_area = venue_id
            QTimer.singleShot(0, self.view.fit_all)
        self._fill_unplaced([b for b in booths if not b.code])
        self._fill_legend({b.category for b in booths})
        self._highlight()
        self._selection_changed()

    def _fill_unplaced(self, booths: list[Booth]) -> None:
        current = self.unplaced.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.unplaced.clear()
        for booth in sorted(
            booths, key=lambda b: (list(BoothCategory).index(b.category), b.label(self.language))
        ):
            item = QListWidgetItem(booth.label(self.language))
            item.setData(Qt.ItemDataRole.UserRole, booth.id)
            needs = ", ".join(translate("SiteMap", w) for w in utility_words(_needs(booth)))
            category = translate("BoothCategory", BOOTH_CATEGORY_LABELS[booth.category])
            tip = self.tr("{category} · needs {needs}") if needs else "{category}"
            item.setToolTip(tip.format(category=category, needs=needs))
            item.setIcon(_swatch(CATEGORY_COLOURS[booth.category]))
            self.unplaced.addItem(item)
            if booth.id == keep:
                self.unplaced.setCurrentItem(item)
        self.unplaced_title.setText(self.tr("Unplaced booths ({0})").format(len(booths)))

    def _fill_legend(self, categories: set[BoothCategory]) -> None:
        """The colours of the area's categories, in a grid made anew (a grid keeps the
        rows and columns of what it held before)."""
        if self.legend_box is not None:
            self.legend_box.hide()  # at once: deleteLater() leaves it drawn a moment
            self.legend_box.deleteLater()
        self.legend_box = QWidget()
        grid = QGridLayout(self.legend_box)
        grid.setContentsMargins(0, 0, 0, 0)
        shown = [c for c in BoothCategory if c in categories]
        for index, category in enumerate(shown):
            swatch = QLabel()
            swatch.setPixmap(_swatch(CATEGORY_COLOURS[category]).pixmap(QSize(14, 14)))
            text = QLabel(translate("BoothCategory", BOOTH_CATEGORY_LABELS[category]))
            grid.addWidget(swatch, index, 0)
            grid.addWidget(text, index, 1, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(1, 1)
        self.legend.addWidget(self.legend_box)

    def _highlight(self) -> None:
        needle = self.search.text().strip().casefold()
        count = 0
        for item in self.scene.space_items():
            haystack = item.space.code.casefold()
            if item.booth is not None:
                b = item.booth
                haystack += " " + " ".join(
                    x.casefold()
                    for x in (b.label("en"), b.label("ko"), b.organization, b.exhibitor, b.country)
                )
            on = bool(needle) and needle in haystack
            item.set_highlighted(on)
            count += on
        self.found.setText(self.tr("{0} found").format(count) if needle else "")

    def highlight_booths(self, booth_ids: list[int]) -> None:
        """Show the area of these booths with their spaces chosen (a clash clicked)."""
        booths = [b for b in (self.service.get(Booth, i) for i in booth_ids) if b is not None]
        if not booths:
            return
        self.show_area(booths[0].venue_id)
        self.refresh()
        self.scene.clearSelection()
        for booth in booths:
            item = self.scene.items_by_code.get(booth.code)
            if item is not None:
                item.setSelected(True)
                self.view.centerOn(item)

    def _selection_changed(self) -> None:
        chosen = self.scene.selected_spaces()
        one = chosen[0].space if len(chosen) == 1 else None
        self.details.setEnabled(one is not None and not self.service.read_only)
        self.delete_button.setEnabled(bool(chosen))
        self.renumber_button.setEnabled(bool(chosen))
        if one is None:
            self.detail_title.setText(
                self.tr("{0} spaces chosen").format(len(chosen))
                if chosen
                else self.tr("Chosen space")
            )
            return
        self.detail_title.setText(self.tr("Space {0}").format(one.code))
        self.detail_code.setText(one.code)
        self.detail_width.setValue(one.width)
        self.detail_depth.setValue(one.depth)
        self.detail_rotation.setValue(one.rotation)
        self.detail_power.setChecked(one.power)
        self.detail_water.setChecked(one.water)
        self.detail_gas.setChecked(one.gas)
        self.detail_blocked.setChecked(one.blocked)
        self.detail_reason.setText(one.blocked_reason)

    # -- editing ------------------------------------------------------------------------

    def run(self, work: Callable[[], object], text: str) -> bool:
        """One undo step; a refused edit is told in a dialog and changes nothing."""
        try:
            push(self.undo_stack, BatchCommand(self.service, work, text))
        except (ValidationError, StoreError) as exc:
            show_error(
                self,
                self.tr("Site map"),
                str(exc) if isinstance(exc, ValidationError) else exc.message(),
            )
            self.refresh()
            return False
        return True

    def _area(self) -> Venue | None:
        return self.service.get(Venue, self.venue_id) if self.venue_id is not None else None

    def _moved(self, items: list[SpaceItem], dx: float, dy: float) -> None:
        spaces = [i.space for i in items]
        text = (
            self.tr("Move {0} spaces").format(len(spaces))
            if len(spaces) > 1
            else self.tr("Move space {0}").format(spaces[0].code)
        )
        if not self.run(
            lambda: site_plan.move_spaces(self.service, spaces, round(dx, 2), round(dy, 2)), text
        ):
            return

    def rotate_selected(self, degrees: float) -> None:
        spaces = [i.space for i in self.scene.selected_spaces()]
        if spaces:
            self.run(
                lambda: site_plan.rotate_spaces(self.service, spaces, degrees),
                self.tr("Turn {0} spaces").format(len(spaces)),
            )

    def delete_selected(self) -> None:
        spaces = [i.space for i in self.scene.selected_spaces()]
        if not spaces:
            return
        text = self.tr("Delete {0} spaces").format(len(spaces))
        try:
            push(self.undo_stack, DeleteSpacesCommand(self.service, spaces, text))
        except (ValidationError, StoreError) as exc:
            show_error(self, self.tr("Site map"), str(exc))

    def renumber_selected(self) -> None:
        area = self._area()
        items = sorted(self.scene.selected_spaces(), key=lambda i: (i.space.y, i.space.x))
        if area is None or not items:
            return
        first, ok = QInputDialog.getInt(
            self,
            self.tr("Renumber spaces"),
            self.tr("Number the {0} chosen spaces from:").format(len(items)),
            1,
            1,
            99999,
        )
        if not ok:
            return
        codes = numbered_codes(area.code_prefix, first, len(items))
        spaces = [i.space for i in items]
        self.run(
            lambda: site_plan.renumber(self.service, spaces, codes),
            self.tr("Renumber {0} spaces").format(len(items)),
        )

    def apply_details(self) -> None:
        chosen = self.scene.selected_spaces()
        if len(chosen) != 1:
            return
        space = chosen[0].space
        changed = replace(
            space,
            code=self.detail_code.text().strip(),
            width=self.detail_width.value(),
            depth=self.detail_depth.value(),
            rotation=self.detail_rotation.value(),
            power=self.detail_power.isChecked(),
            water=self.detail_water.isChecked(),
            gas=self.detail_gas.isChecked(),
            blocked=self.detail_blocked.isChecked(),
            blocked_reason=self.detail_reason.text().strip()
            if self.detail_blocked.isChecked()
            else "",
        )
        if changed != space:
            self.run(
                lambda: site_plan.change_spaces(self.service, [changed]),
                self.tr("Change space {0}").format(space.code),
            )

    def _next_number(self, area: Venue) -> int:
        numbers = [area.space_number(s.code) or 0 for s in site_plan.spaces(self.service, area.id)]
        return max(numbers, default=0) + 1

    def _add_space_at(self, point: QPointF) -> None:
        area = self._area()
        if area is None or area.id is None:
            return
        code = numbered_codes(area.code_prefix, self._next_number(area), 1)[0]
        space = BoothSpace(area.id, code, x=round(point.x(), 2), y=round(point.y(), 2))
        self.run(
            lambda: site_plan.add_spaces(self.service, [space]),
            self.tr("Draw space {0}").format(code),
        )

    def _line_drawn(self, tool: Tool, start: QPointF, end: QPointF) -> None:
        area = self._area()
        if area is None or area.id is None:
            return
        length = ((end.x() - start.x()) ** 2 + (end.y() - start.y()) ** 2) ** 0.5
        if tool == Tool.ROW:
            dialog = RowDialog(area, length, self._next_number(area), self)
            if not dialog.exec():
                return
            self.add_row(
                (start.x(), start.y()),
                (end.x(), end.y()),
                dialog.count.value(),
                first=dialog.first.value(),
                width=dialog.width_m.value(),
                depth=dialog.depth_m.value(),
                power=dialog.power.isChecked(),
                water=dialog.water.isChecked(),
                gas=dialog.gas.isChecked(),
            )
        elif tool == Tool.SCALE:
            self._set_scale(start, end)

    def add_row(
        self,
        start: tuple[float, float],
        end: tuple[float, float],
        count: int,
        *,
        first: int = 1,
        width: float = 3.0,
        depth: float = 3.0,
        power: bool = False,
        water: bool = False,
        gas: bool = False,
    ) -> bool:
        area = self._area()
        if area is None or area.id is None:
            return False
        venue_id = area.id
        return self.run(
            lambda: site_plan.add_row(
                self.service,
                venue_id,
                start,
                end,
                count,
                first_number=first,
                width=width,
                depth=depth,
                power=power,
                water=water,
                gas=gas,
            ),
            self.tr("Draw a row of {0} spaces").format(count),
        )

    def _set_scale(self, start: QPointF, end: QPointF) -> None:
        area = self._area()
        current = site_plan.site_map(self.service, self.venue_id or 0)
        if area is None or area.id is None or current is None or not current.image:
            show_info(
                self,
                self.tr("Site map"),
                self.tr("Put a picture under the map first; the scale belongs to the picture."),
            )
            return
        per = current.metres_per_pixel
        pixels = [(p.x() / per, p.y() / per) for p in (start, end)]
        shown = ((end.x() - start.x()) ** 2 + (end.y() - start.y()) ** 2) ** 0.5
        metres, ok = QInputDialog.getDouble(
            self,
            self.tr("Scale"),
            self.tr("How many metres apart are the two points?"),
            round(shown, 1),
            0.1,
            100000,
            1,
        )
        if ok:
            venue_id = area.id
            self.run(
                lambda: site_plan.set_scale(self.service, venue_id, pixels[0], pixels[1], metres),
                self.tr("Set the scale of {0}").format(area.name(self.language)),
            )

    def choose_north(self) -> None:
        area = self._area()
        if area is None or area.id is None:
            return
        current = site_plan.site_map(self.service, area.id)
        degrees, ok = QInputDialog.getDouble(
            self,
            self.tr("North"),
            self.tr("Degrees from the map's up to north, clockwise:"),
            current.north if current else 0.0,
            -360,
            360,
            0,
        )
        if ok:
            self.set_north(degrees)

    def set_north(self, degrees: float) -> bool:
        area = self._area()
        if area is None or area.id is None:
            return False
        venue_id = area.id
        return self.run(
            lambda: site_plan.set_north(self.service, venue_id, degrees),
            self.tr("Set north on {0}").format(area.name(self.language)),
        )

    def choose_picture(self) -> None:
        area = self._area()
        if area is None or area.id is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Picture under the map"), "", self.tr("Pictures (*.png *.jpg *.jpeg)")
        )
        if name:
            self.set_picture(Path(name))

    def set_picture(self, path: Path) -> bool:
        area = self._area()
        if area is None or area.id is None:
            return False
        try:
            data = path.read_bytes()
        except OSError as exc:
            show_error(
                self,
                self.tr("Site map"),
                self.tr("{0} cannot be read: {1}").format(path.name, exc.strerror or exc),
            )
            return False
        venue_id = area.id
        return self.run(
            lambda: site_plan.set_picture(self.service, venue_id, data),
            self.tr("Picture under {0}").format(area.name(self.language)),
        )

    # -- placing booths ---------------------------------------------------------------

    def _booth_dropped(self, booth_id: int, item: SpaceItem) -> None:
        booth = self.service.get(Booth, booth_id)
        if booth is not None:
            self.place(booth, item.space)

    def place(self, booth: Booth, space: BoothSpace) -> bool:
        text = self.tr("Place {0} on {1}").format(booth.label(self.language), space.code)
        return self.run(lambda: site_plan.place(self.service, booth, space), text)

    def place_by_code(self) -> None:
        current = self.unplaced.currentItem()
        code = self.code_input.text().strip().upper()
        if current is None or not code:
            show_info(
                self,
                self.tr("Site map"),
                self.tr("Choose a booth in the list and type the code of a space."),
            )
            return
        booth = self.service.get(Booth, int(current.data(Qt.ItemDataRole.UserRole)))
        found = self.service.spaces(codes=[code])
        if booth is None:
            return
        if not found:
            show_error(
                self, self.tr("Site map"), self.tr("There is no space {0} on the map.").format(code)
            )
            return
        if self.place(booth, found[0]):
            self.code_input.clear()

    def fill_rest(self) -> None:
        if self.venue_id is None:
            return
        venue_id = self.venue_id
        results: list[FillResult] = []

        def work() -> None:
            _, result = site_plan.fill(self.service, [venue_id])
            results.append(result)

        if not self.run(work, self.tr("Place the unplaced booths")):
            return
        result = results[0]
        lines = [self.tr("{0} booths placed.").format(len(result.placed))]
        if result.unplaced:
            lines.append(self.tr("{0} booths could not be placed:").format(len(result.unplaced)))
            area = self._area()
            for left in result.unplaced[:15]:
                needs = ", ".join(translate("SiteMap", w) for w in utility_words(left.needs)) or "-"
                reason = translate("SiteMap", left.reason).format(
                    area=area.name(self.language) if area else "", needs=needs
                )
                lines.append(f"• {left.booth.label(self.language)}: {reason}")
            if len(result.unplaced) > 15:
                lines.append(self.tr("… and {0} more").format(len(result.unplaced) - 15))
        show_info(self, self.tr("Place the unplaced booths"), "\n".join(lines))


def _needs(booth: Booth) -> int:
    from festival_app.domain.site_map import needs_of

    return needs_of(booth)


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)
