"""The Site map section: the map editor of one booth area at a time.

Draw spaces one by one or as a row along a line, move them (drag), turn them (R and
Shift+R), renumber, block and delete them; put a picture under the map and give it a
scale; drag an unplaced booth onto a space or type the code; place all the unplaced
booths at once. Every edit is one undo step. The view never writes: it asks `site_plan`
through undo commands.

The section composes its parts: the search over the map (`search`), the column beside it
(`side_panel`), the space edits (`edits`), the map's picture, scale and north
(`map_settings`) and the placing of booths (`placing`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from festival_app import site_plan
from festival_app.domain.booths import Booth
from festival_app.domain.errors import ValidationError
from festival_app.domain.venues import Venue
from festival_app.gui.commands import BatchCommand, push
from festival_app.gui.dialogs.messages import show_error
from festival_app.gui.listeners import subscribe_weakly
from festival_app.gui.models.base import language
from festival_app.gui.site_map.edits import SpaceEdits
from festival_app.gui.site_map.map_settings import MapSettings
from festival_app.gui.site_map.placing import BoothPlacing
from festival_app.gui.site_map.scene import SiteScene
from festival_app.gui.site_map.search import SiteSearch
from festival_app.gui.site_map.side_panel import SitePanel
from festival_app.gui.site_map.view import SiteView, Tool
from festival_app.services import BOOTHS, CLASHES, SITE_MAPS, SPACES, VENUES, FestivalService
from festival_app.store.errors import StoreError

WATCHED = frozenset({BOOTHS, SPACES, SITE_MAPS, VENUES, CLASHES})


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
        self.search = SiteSearch(self.scene)
        self.panel = SitePanel(self.language)
        self.edits = SpaceEdits(self, undo_stack, self.panel.details, self)
        self.map_settings = MapSettings(self, self)
        self.placing = BoothPlacing(self, self.panel, self)
        self.view.spacesMoved.connect(self.edits.moved)
        self.view.lineDrawn.connect(self._line_drawn)
        self.view.pointClicked.connect(self.edits.add_space_at)
        self.view.boothDropped.connect(self.placing.booth_dropped)
        self.view.rotateRequested.connect(self.edits.rotate_selected)
        self.view.deleteRequested.connect(self.edits.delete_selected)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.panel.code_input.returnPressed.connect(self.placing.place_by_code)
        self.panel.place_button.clicked.connect(lambda *_: self.placing.place_by_code())
        self.panel.details.apply_button.clicked.connect(lambda *_: self.edits.apply_details())

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
        self.picture_button = self._button(self.tr("Picture…"), self.map_settings.choose_picture)
        self.picture_button.setToolTip(
            self.tr("Put a street plan or aerial photo (PNG, JPEG) under the map")
        )
        self.north_button = self._button(self.tr("North…"), self.map_settings.choose_north)
        self.north_button.setToolTip(self.tr("Where north is on this map, for the printed arrow"))
        self.delete_button = self._button(self.tr("Delete"), self.edits.delete_selected)
        self.renumber_button = self._button(self.tr("Renumber…"), self.edits.renumber_selected)
        self.fill_button = self._button(
            self.tr("Place the unplaced booths"), self.placing.fill_rest
        )
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
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.fill_button)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.panel)
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

    def current_area(self) -> Venue | None:
        """The booth area shown, read from the file."""
        return self.service.get(Venue, self.venue_id) if self.venue_id is not None else None

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
            self.panel.unplaced.clear()
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
        self.panel.fill_unplaced([b for b in booths if not b.code])
        self.panel.fill_legend({b.category for b in booths})
        self.search.highlight()
        self._selection_changed()

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
        self.panel.details.show_chosen([i.space for i in chosen], not self.service.read_only)
        self.delete_button.setEnabled(bool(chosen))
        self.renumber_button.setEnabled(bool(chosen))

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

    def _line_drawn(self, tool: Tool, start: QPointF, end: QPointF) -> None:
        area = self.current_area()
        if area is None or area.id is None:
            return
        if tool == Tool.ROW:
            self.edits.row_drawn(area, start, end)
        elif tool == Tool.SCALE:
            self.map_settings.set_scale(start, end)
