"""The edits of the spaces on the map: draw one or a row along a line, move, turn,
renumber, change and delete them. Each is one undo step; a refused one is told in a
dialog and changes nothing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QPointF
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QWidget

from festival_app import site_plan
from festival_app.domain.errors import ValidationError
from festival_app.domain.site_map import BoothSpace, numbered_codes
from festival_app.domain.venues import Venue
from festival_app.gui.commands import push
from festival_app.gui.dialogs.messages import show_error
from festival_app.gui.site_map.commands import DeleteSpacesCommand
from festival_app.gui.site_map.host import SiteMapHost
from festival_app.gui.site_map.row_dialog import RowDialog
from festival_app.gui.site_map.scene import SpaceItem
from festival_app.gui.site_map.space_details import SpaceDetails
from festival_app.store.errors import StoreError


def _tr(text: str) -> str:
    return QCoreApplication.translate("SiteMapWidget", text)


class SpaceEdits(QObject):
    """The space edits of one section (`widget`, also the parent of their dialogs)."""

    def __init__(
        self, host: SiteMapHost, undo_stack: QUndoStack, details: SpaceDetails, widget: QWidget
    ) -> None:
        super().__init__(widget)
        self.host = host
        self.undo_stack = undo_stack
        self.details = details
        self.widget = widget

    def moved(self, items: list[SpaceItem], dx: float, dy: float) -> None:
        """Spaces dragged by (dx, dy) metres on the map."""
        service = self.host.service
        spaces = [i.space for i in items]
        text = (
            _tr("Move {0} spaces").format(len(spaces))
            if len(spaces) > 1
            else _tr("Move space {0}").format(spaces[0].code)
        )
        self.host.run(
            lambda: site_plan.move_spaces(service, spaces, round(dx, 2), round(dy, 2)), text
        )

    def rotate_selected(self, degrees: float) -> None:
        service = self.host.service
        spaces = [i.space for i in self.host.scene.selected_spaces()]
        if spaces:
            self.host.run(
                lambda: site_plan.rotate_spaces(service, spaces, degrees),
                _tr("Turn {0} spaces").format(len(spaces)),
            )

    def delete_selected(self) -> None:
        spaces = [i.space for i in self.host.scene.selected_spaces()]
        if not spaces:
            return
        text = _tr("Delete {0} spaces").format(len(spaces))
        try:
            push(self.undo_stack, DeleteSpacesCommand(self.host.service, spaces, text))
        except (ValidationError, StoreError) as exc:
            show_error(self.widget, _tr("Site map"), str(exc))

    def renumber_selected(self) -> None:
        service = self.host.service
        area = self.host.current_area()
        items = sorted(self.host.scene.selected_spaces(), key=lambda i: (i.space.y, i.space.x))
        if area is None or not items:
            return
        first, ok = QInputDialog.getInt(
            self.widget,
            _tr("Renumber spaces"),
            _tr("Number the {0} chosen spaces from:").format(len(items)),
            1,
            1,
            99999,
        )
        if not ok:
            return
        codes = numbered_codes(area.code_prefix, first, len(items))
        spaces = [i.space for i in items]
        self.host.run(
            lambda: site_plan.renumber(service, spaces, codes),
            _tr("Renumber {0} spaces").format(len(items)),
        )

    def apply_details(self) -> None:
        """The chosen space as its details form says."""
        service = self.host.service
        chosen = self.host.scene.selected_spaces()
        if len(chosen) != 1:
            return
        space = chosen[0].space
        changed = self.details.edited(space)
        if changed != space:
            self.host.run(
                lambda: site_plan.change_spaces(service, [changed]),
                _tr("Change space {0}").format(space.code),
            )

    def _next_number(self, area: Venue) -> int:
        spaces = site_plan.spaces(self.host.service, area.id)
        numbers = [area.space_number(s.code) or 0 for s in spaces]
        return max(numbers, default=0) + 1

    def add_space_at(self, point: QPointF) -> None:
        """One space drawn where the Space tool clicked, numbered after the area's last."""
        service = self.host.service
        area = self.host.current_area()
        if area is None or area.id is None:
            return
        code = numbered_codes(area.code_prefix, self._next_number(area), 1)[0]
        space = BoothSpace(area.id, code, x=round(point.x(), 2), y=round(point.y(), 2))
        self.host.run(
            lambda: site_plan.add_spaces(service, [space]),
            _tr("Draw space {0}").format(code),
        )

    def row_drawn(self, area: Venue, start: QPointF, end: QPointF) -> None:
        """A line drawn with the Row tool on `area`: the row the dialog asks for, along it."""
        length = ((end.x() - start.x()) ** 2 + (end.y() - start.y()) ** 2) ** 0.5
        dialog = RowDialog(area, length, self._next_number(area), self.widget)
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
        service = self.host.service
        area = self.host.current_area()
        if area is None or area.id is None:
            return False
        venue_id = area.id
        return self.host.run(
            lambda: site_plan.add_row(
                service,
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
            _tr("Draw a row of {0} spaces").format(count),
        )
