"""The site map's own settings: the picture under it, the scale of that picture (two
points of known distance) and where north is for the printed arrow. Each is one undo
step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QPointF
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from festival_app import site_plan
from festival_app.gui.dialogs.messages import show_error, show_info
from festival_app.gui.site_map.host import SiteMapHost


def _tr(text: str) -> str:
    return QCoreApplication.translate("SiteMapWidget", text)


class MapSettings(QObject):
    """Picture, scale and north of the area shown in one section (`widget`, also the
    parent of their dialogs)."""

    def __init__(self, host: SiteMapHost, widget: QWidget) -> None:
        super().__init__(widget)
        self.host = host
        self.widget = widget

    def set_scale(self, start: QPointF, end: QPointF) -> None:
        """A line drawn with the Scale tool: ask how many metres it is."""
        service = self.host.service
        area = self.host.current_area()
        current = site_plan.site_map(service, self.host.venue_id or 0)
        if area is None or area.id is None or current is None or not current.image:
            show_info(
                self.widget,
                _tr("Site map"),
                _tr("Put a picture under the map first; the scale belongs to the picture."),
            )
            return
        per = current.metres_per_pixel
        pixels = [(p.x() / per, p.y() / per) for p in (start, end)]
        shown = ((end.x() - start.x()) ** 2 + (end.y() - start.y()) ** 2) ** 0.5
        metres, ok = QInputDialog.getDouble(
            self.widget,
            _tr("Scale"),
            _tr("How many metres apart are the two points?"),
            round(shown, 1),
            0.1,
            100000,
            1,
        )
        if ok:
            venue_id = area.id
            self.host.run(
                lambda: site_plan.set_scale(service, venue_id, pixels[0], pixels[1], metres),
                _tr("Set the scale of {0}").format(area.name(self.host.language)),
            )

    def choose_north(self) -> None:
        area = self.host.current_area()
        if area is None or area.id is None:
            return
        current = site_plan.site_map(self.host.service, area.id)
        degrees, ok = QInputDialog.getDouble(
            self.widget,
            _tr("North"),
            _tr("Degrees from the map's up to north, clockwise:"),
            current.north if current else 0.0,
            -360,
            360,
            0,
        )
        if ok:
            self.set_north(degrees)

    def set_north(self, degrees: float) -> bool:
        service = self.host.service
        area = self.host.current_area()
        if area is None or area.id is None:
            return False
        venue_id = area.id
        return self.host.run(
            lambda: site_plan.set_north(service, venue_id, degrees),
            _tr("Set north on {0}").format(area.name(self.host.language)),
        )

    def choose_picture(self) -> None:
        area = self.host.current_area()
        if area is None or area.id is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self.widget, _tr("Picture under the map"), "", _tr("Pictures (*.png *.jpg *.jpeg)")
        )
        if name:
            self.set_picture(Path(name))

    def set_picture(self, path: Path) -> bool:
        service = self.host.service
        area = self.host.current_area()
        if area is None or area.id is None:
            return False
        try:
            data = path.read_bytes()
        except OSError as exc:
            show_error(
                self.widget,
                _tr("Site map"),
                _tr("{0} cannot be read: {1}").format(path.name, exc.strerror or exc),
            )
            return False
        venue_id = area.id
        return self.host.run(
            lambda: site_plan.set_picture(service, venue_id, data),
            _tr("Picture under {0}").format(area.name(self.host.language)),
        )
