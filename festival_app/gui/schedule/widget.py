"""The timetable editor: day tabs, the grid, the unscheduled troupes and the edits on them.

Every edit is an undo command pushed on the shared stack; the grid follows the festival
file through the service's change notifications, so it shows what the file holds after
every edit, undo and redo.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, QRectF, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from festival_app.domain.clashes import Clash
from festival_app.domain.festival import FestivalDay
from festival_app.domain.korean import attach_particles
from festival_app.domain.program import ProgramItem
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue
from festival_app.gui.dates import format_date
from festival_app.gui.listeners import subscribe_weakly
from festival_app.gui.models.base import language
from festival_app.gui.schedule.edits import TimetableEdits
from festival_app.gui.schedule.scene import ClashMark, TimetableScene
from festival_app.gui.schedule.troupes_list import UnscheduledTroupesList
from festival_app.gui.schedule.venue_columns import VenueColumns, VenueColumnsDialog
from festival_app.gui.schedule.view import TimetableView
from festival_app.gui.settings import Setting
from festival_app.services import (
    CLASHES,
    DAYS,
    FESTIVAL,
    PROGRAM,
    TROUPES,
    VENUES,
    FestivalService,
)
from festival_app.timetable.day_clashes import DayClashes, FullCheckNeeded
from festival_app.timetable.layout import DEFAULT_ZOOM, ZOOM_LEVELS

logger = logging.getLogger(__name__)

# The timetable: its zoom (an index into ZOOM_LEVELS) and whether cancelled items show;
# read with the section, not at start-up.
TIMETABLE_ZOOM = Setting("timetable/zoom", int, DEFAULT_ZOOM)
TIMETABLE_SHOW_CANCELLED = Setting("timetable/show_cancelled", bool, True)

RELOAD_TOPICS = frozenset({DAYS, VENUES, TROUPES, FESTIVAL})
CHECK_TOPICS = RELOAD_TOPICS | {PROGRAM, CLASHES}
_RANK = {"error": 2, "warning": 1}  # severities outlined on the grid


class TimetableWidget(QWidget):
    """One festival day at a time as venues by time, edited with the mouse and keyboard."""

    editRequested = Signal(int)  # item id: open the program item's editor
    message = Signal(str)  # something the user should read (a refused drop, a failed save)
    daysChanged = Signal()

    def __init__(
        self,
        service: FestivalService,
        undo_stack: QUndoStack,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.undo_stack = undo_stack
        self.settings = settings if settings is not None else QSettings()
        self.language = language()
        self.columns = VenueColumns(self.settings, str(service.path.resolve()))
        self._zoom = min(max(TIMETABLE_ZOOM.get(self.settings), 0), len(ZOOM_LEVELS) - 1)
        self._days: list[FestivalDay] = []
        self._venues: dict[int, Venue] = {}
        self._troupes: dict[int, Troupe] = {}
        self._troupe_names: dict[int, str] = {}
        self.day_clashes = DayClashes()
        self._marks: dict[int, ClashMark] = {}
        # The items selected by clicking a clash in the panel: their selection outlines
        # the clash, so it ends with the clash (an undo, a fix elsewhere).
        self._clash_selection: frozenset[int] = frozenset()
        # (before, after) of the one item a move command of this widget is saving right now
        self._expected: tuple[ProgramItem, ProgramItem] | None = None

        self.scene = TimetableScene(self)
        self.edits = TimetableEdits(self, self)
        self.scene.language = self.language
        self.scene.read_only = service.read_only
        self.scene.show_cancelled = TIMETABLE_SHOW_CANCELLED.get(self.settings)
        self.view = TimetableView(self.scene, self)
        self.day_tabs = QTabBar(self)
        self.day_tabs.setExpanding(False)
        self.day_tabs.setDocumentMode(True)
        self.troupes_list = UnscheduledTroupesList(self)
        self.troupes_list.setDragEnabled(not service.read_only)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #a11; font-weight: bold;")
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(10_000)
        self._message_timer.timeout.connect(self.message_label.clear)

        self._build_actions()
        self._build_layout()

        self.day_tabs.currentChanged.connect(self._day_changed)
        self.scene.changeRequested.connect(self.edits.change_requested)
        self.scene.refused.connect(self.show_message)
        self.view.zoomRequested.connect(self.zoom_by)
        self.view.nudgeRequested.connect(self.edits.nudge_selected)
        self.view.deleteRequested.connect(self.edits.delete_selected)
        self.view.editRequested.connect(self.editRequested)
        self.view.troupeDropped.connect(self.edits.drop_troupe)
        self.view.contextMenuRequested.connect(self._context_menu)
        subscribe_weakly(service, self, "_service_changed")
        self.reload()

    # -- building ------------------------------------------------------------------

    def _action(
        self, text: str, slot: Callable[[], object], keys: Sequence[QKeySequence | str] = ()
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        zoom_in_keys: list[QKeySequence | str] = [
            QKeySequence(QKeySequence.StandardKey.ZoomIn),
            "Ctrl+=",
        ]
        zoom_out_keys: list[QKeySequence | str] = [QKeySequence(QKeySequence.StandardKey.ZoomOut)]
        self.zoom_in_action = self._action(
            self.tr("Zoom in"), lambda: self.zoom_by(1), zoom_in_keys
        )
        self.zoom_out_action = self._action(
            self.tr("Zoom out"), lambda: self.zoom_by(-1), zoom_out_keys
        )
        self.copy_action = self._action(
            self.tr("Copy"), self.edits.copy_selected, [QKeySequence(QKeySequence.StandardKey.Copy)]
        )
        self.paste_action = self._action(
            self.tr("Paste"), self.edits.paste, [QKeySequence(QKeySequence.StandardKey.Paste)]
        )
        self.duplicate_action = self._action(
            self.tr("Duplicate"), lambda: self.edits.duplicate_selected(None), ["Ctrl+D"]
        )
        self.delete_action = self._action(self.tr("Delete"), self.edits.delete_selected)
        self.edit_action = self._action(self.tr("Edit…"), self._edit_selected, ["Return"])

    def _build_layout(self) -> None:
        self.cancelled_box = QCheckBox(self.tr("Show cancelled"), self)
        self.cancelled_box.setChecked(self.scene.show_cancelled)
        self.cancelled_box.setToolTip(self.tr("Show cancelled items greyed out, or hide them"))
        self.cancelled_box.toggled.connect(self.set_show_cancelled)
        venues_button = QToolButton(self)
        venues_button.setText(self.tr("Venues…"))
        venues_button.setToolTip(self.tr("Choose, hide and reorder the venue columns"))
        venues_button.clicked.connect(self.choose_venues)
        zoom_out = QToolButton(self)
        zoom_out.setDefaultAction(self.zoom_out_action)
        zoom_out.setText("−")
        zoom_out.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        zoom_in = QToolButton(self)
        zoom_in.setDefaultAction(self.zoom_in_action)
        zoom_in.setText("+")
        zoom_in.setToolTip(self.tr("Zoom in (Ctrl++)"))
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.day_tabs, 1)
        bar.addWidget(self.cancelled_box)
        bar.addWidget(venues_button)
        bar.addWidget(QLabel(self.tr("Zoom:"), self))
        bar.addWidget(zoom_out)
        bar.addWidget(zoom_in)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Unscheduled troupes"), side)
        title.setStyleSheet("font-weight: bold;")
        side_layout.addWidget(title)
        side_layout.addWidget(self.troupes_list, 1)
        hint = QLabel(self.tr("Drag a troupe onto the grid to schedule it."), side)
        hint.setWordWrap(True)
        side_layout.addWidget(hint)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(side)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([170, 1000])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)

    # -- following the festival file -------------------------------------------------

    def troupe(self, troupe_id: int) -> Troupe | None:
        return self._troupes.get(troupe_id)

    def current_day(self) -> FestivalDay | None:
        index = self.day_tabs.currentIndex()
        return self._days[index] if 0 <= index < len(self._days) else None

    def set_day(self, day_id: int) -> None:
        for index, day in enumerate(self._days):
            if day.id == day_id:
                self.day_tabs.setCurrentIndex(index)
                return

    def reload(self) -> None:
        """Read days, venues and troupes again and rebuild the grid."""
        current = self.current_day()
        self._days = self.service.days()
        self._venues = {v.id: v for v in self.service.venues() if v.id is not None}
        self._troupes = {t.id: t for t in self.service.troupes() if t.id is not None}
        self._troupe_names = {i: t.display_name(self.language) for i, t in self._troupes.items()}
        self.day_tabs.blockSignals(True)
        while self.day_tabs.count():
            self.day_tabs.removeTab(0)
        for day in self._days:
            self.day_tabs.addTab(format_date(day.date))
        index = next((n for n, d in enumerate(self._days) if current and d.id == current.id), 0)
        if self._days:
            self.day_tabs.setCurrentIndex(index)
        self.day_tabs.blockSignals(False)
        self._load_day()
        self.daysChanged.emit()

    def _load_day(self) -> None:
        day = self.current_day()
        venues = self.columns.visible(list(self._venues.values()))
        items = self.service.program(day.id) if day is not None and day.id is not None else []
        self.scene.load(day, venues, items, self._troupe_names, ZOOM_LEVELS[self._zoom])
        self.view.fit_columns()
        self.view.materialize()
        self._refresh_troupes()
        self.recheck()

    def _refresh_troupes(self) -> None:
        confirmed = self.service.confirmed_troupe_ids()
        troupes = [t for t in self._troupes.values() if t.id not in confirmed]
        if [t.id for t in troupes] != self.troupes_list.troupe_ids() or not troupes:
            self.troupes_list.set_troupes(troupes, self.language)

    def refresh_program(self) -> None:
        day = self.current_day()
        items = self.service.program(day.id) if day is not None and day.id is not None else []
        self.scene.update_program(items, self._troupe_names)
        self._refresh_troupes()

    def _service_changed(self, topics: frozenset[str]) -> None:
        expected, self._expected = self._expected, None
        if topics == {PROGRAM} and expected is not None and self._apply_known(*expected):
            return
        if topics & RELOAD_TOPICS:
            self.reload()
            return
        if "program" in topics:
            self.refresh_program()
        if topics & CHECK_TOPICS:
            self.recheck()

    def _apply_known(self, before: ProgramItem, after: ProgramItem) -> bool:
        """Show a change this widget itself just saved, without reading the day again.

        Only for an update of one item on the shown day; returns False otherwise.
        """
        day = self.current_day()
        if day is None or before.day_id != day.id or after.day_id != day.id:
            return False
        # One row read to be sure the file holds what was announced (and the grid the rest).
        stored = self.service.get(ProgramItem, after.id) if after.id is not None else None
        if stored is None or stored != after:
            return False
        if self.scene.item(stored.id or 0) != before:
            return False
        # The item as read, with the row version this write gave it: the next edit of
        # the item starts from it (`after` still has the version before the write).
        self.scene.update_item(stored)
        items = self.scene.items_of_day()
        if (before.troupe_id, before.status) != (after.troupe_id, after.status):
            self._refresh_troupes()
        try:
            touched = self.day_clashes.item_changed(before, after, items)
        except FullCheckNeeded:
            self.recheck()
            return True
        self._show_clashes(touched)
        return True

    def _day_changed(self, index: int) -> None:
        self._load_day()

    def recheck(self) -> None:
        """Run the clash check for the day and outline the blocks in an error or warning."""
        day = self.current_day()
        self.day_clashes.check(
            self.service,
            day.id if day is not None else None,
            self.scene.items_of_day(),
            list(self._venues.values()),
            list(self._troupes.values()),
            self.language,
        )
        self._marks = {}
        self._show_clashes(self.day_clashes.item_ids(), everything=True)

    @property
    def clashes(self) -> list[Clash]:
        """The shown day's clashes, as last checked."""
        return self.day_clashes.clashes

    def _show_clashes(self, item_ids: set[int], everything: bool = False) -> None:
        """Bring the outlines of these items (or of all) up to date with their clashes."""
        for item_id in item_ids:
            clashes = [c for c in self.day_clashes.of_item(item_id) if c.severity in _RANK]
            if not clashes:
                self._marks.pop(item_id, None)
                continue
            worst = max(_RANK[c.severity] for c in clashes)
            top = [c for c in clashes if _RANK[c.severity] == worst]
            self._marks[item_id] = ClashMark(
                str(top[0].severity),
                all(c.acknowledged for c in top),
                lambda cs=tuple(clashes): [self._clash_text(c) for c in cs],  # type: ignore[misc]
            )
        self.scene.set_clash_marks(self._marks, None if everything else item_ids)
        self._end_clash_selection()

    def _end_clash_selection(self) -> None:
        """Deselect the items a clicked clash selected once that clash is gone, so that no
        outline is left of a clash that no longer is (unless the selection changed since)."""
        chosen = self._clash_selection
        if not chosen:
            return
        if set(self.scene.selected_ids()) != chosen:
            self._clash_selection = frozenset()  # the user has selected something else
            return
        if not any(chosen <= set(c.item_ids) for c in self.day_clashes.clashes):
            self._clash_selection = frozenset()
            self.scene.clearSelection()

    def _clash_text(self, clash: Clash) -> str:
        if clash.acknowledged:
            return self.tr("{message} (acknowledged: {reason})").format(
                message=clash.message(), reason=clash.reason
            )
        return clash.message()

    # -- view settings ---------------------------------------------------------------

    def zoom_by(self, steps: int) -> None:
        new = min(max(self._zoom + steps, 0), len(ZOOM_LEVELS) - 1)
        if new == self._zoom:
            return
        seen = self.view.visible_scene_rect()
        minute = self.scene.geometry.minute_at(seen.center().y())
        self._zoom = new
        TIMETABLE_ZOOM.set(self.settings, new)
        self.scene.set_zoom(ZOOM_LEVELS[new])
        self.view.centerOn(seen.center().x(), self.scene.geometry.y(minute))
        self.view.materialize()
        self.view.viewport().update()

    def zoom_level(self) -> float:
        return ZOOM_LEVELS[self._zoom]

    def set_show_cancelled(self, show: bool) -> None:
        TIMETABLE_SHOW_CANCELLED.set(self.settings, show)
        if self.cancelled_box.isChecked() != show:
            self.cancelled_box.setChecked(show)
        self.scene.show_cancelled = show
        self.refresh_program()  # clashes do not depend on what is shown: no re-check

    def choose_venues(self) -> None:
        dialog = VenueColumnsDialog(list(self._venues.values()), self.columns, self)
        if dialog.exec():
            self._load_day()

    # -- messages --------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        """Tell the user, without a blocking dialog, why something was not done."""
        text = attach_particles(text)  # a Korean text's 이(가) fits the names in it
        self.message_label.setText(text)
        self.view.setStatusTip(text)
        self._message_timer.start()
        self.message.emit(text)

    def expect(self, change: tuple[ProgramItem, ProgramItem] | None) -> None:
        """The next change heard is this move of one item (before, after), written here."""
        self._expected = change

    def _edit_selected(self) -> None:
        ids = self.scene.selected_ids()
        if len(ids) == 1:
            self.editRequested.emit(ids[0])

    def _context_menu(self, item_id: int | None, where: QPoint) -> None:
        menu = QMenu(self)
        if item_id is not None:
            menu.addAction(self.edit_action)
            menu.addAction(self.copy_action)
            menu.addAction(self.duplicate_action)
            day = self.current_day()
            for other in self._days:
                if day is not None and other.id != day.id and other.id is not None:
                    label = attach_particles(
                        self.tr("Duplicate to {day}").format(day=format_date(other.date))
                    )
                    action = menu.addAction(label)
                    action.triggered.connect(
                        lambda _=False, d=other.id: self.edits.duplicate_selected(d)
                    )
            menu.addSeparator()
            menu.addAction(self.delete_action)
        menu.addAction(self.paste_action)
        self.paste_action.setEnabled(bool(self.edits.clipboard))
        menu.exec(where)

    # -- selection from outside (the clash panel) --------------------------------------

    def show_items(self, item_ids: Sequence[int]) -> None:
        """Switch to the items' day, select them and scroll them into view."""
        items = [i for i in (self.service.get(ProgramItem, n) for n in item_ids) if i is not None]
        if not items:
            return
        day = self.current_day()
        if day is None or all(i.day_id != day.id for i in items):
            self.set_day(items[0].day_id)
        blocks = self.scene.select_ids([i.id for i in items if i.id is not None])
        self._clash_selection = frozenset(b.item_id for b in blocks)
        if not blocks:
            hidden = [i for i in items if i.venue_id not in self.scene.geometry.venue_ids]
            if hidden:
                venue = self._venues.get(hidden[0].venue_id)
                self.show_message(
                    self.tr("{venue} is hidden on the timetable; show it with Venues….").format(
                        venue=venue.name(self.language) if venue else "?"
                    )
                )
            return
        area = QRectF()
        for block in blocks:
            area = area.united(block.sceneBoundingRect())
        self.view.ensureVisible(area, 60, 60)
        self.view.setFocus()
