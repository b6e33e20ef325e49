"""Placing booths on spaces: a booth dragged onto a space, a booth chosen in the list
with a space's code typed, and all the unplaced booths of the area at once. Each is one
undo step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from festival_app import site_plan
from festival_app.domain.booths import Booth
from festival_app.domain.fill_rest import FillResult
from festival_app.domain.site_map import BoothSpace, utility_words
from festival_app.gui.dialogs.messages import show_error, show_info
from festival_app.gui.site_map.host import SiteMapHost
from festival_app.gui.site_map.scene import SpaceItem
from festival_app.gui.site_map.side_panel import SitePanel
from festival_app.i18n import translate


def _tr(text: str) -> str:
    return QCoreApplication.translate("SiteMapWidget", text)


class BoothPlacing(QObject):
    """The placing of one section (`widget`, also the parent of its dialogs); `panel`
    holds the unplaced booths and the typed code."""

    def __init__(self, host: SiteMapHost, panel: SitePanel, widget: QWidget) -> None:
        super().__init__(widget)
        self.host = host
        self.panel = panel
        self.widget = widget

    def booth_dropped(self, booth_id: int, item: SpaceItem) -> None:
        booth = self.host.service.get(Booth, booth_id)
        if booth is not None:
            self.place(booth, item.space)

    def place(self, booth: Booth, space: BoothSpace) -> bool:
        service = self.host.service
        text = _tr("Place {0} on {1}").format(booth.label(self.host.language), space.code)
        return self.host.run(lambda: site_plan.place(service, booth, space), text)

    def place_by_code(self) -> None:
        """The booth chosen in the list onto the space whose code is typed."""
        service = self.host.service
        booth_id = self.panel.chosen_booth_id()
        code = self.panel.code_input.text().strip().upper()
        if booth_id is None or not code:
            show_info(
                self.widget,
                _tr("Site map"),
                _tr("Choose a booth in the list and type the code of a space."),
            )
            return
        booth = service.get(Booth, booth_id)
        found = service.spaces(codes=[code])
        if booth is None:
            return
        if not found:
            show_error(
                self.widget, _tr("Site map"), _tr("There is no space {0} on the map.").format(code)
            )
            return
        if self.place(booth, found[0]):
            self.panel.code_input.clear()

    def fill_rest(self) -> None:
        """Every unplaced booth of the area on a free space that offers what it needs;
        what could not be placed is told, with why."""
        service = self.host.service
        language = self.host.language
        if self.host.venue_id is None:
            return
        venue_id = self.host.venue_id
        results: list[FillResult] = []

        def work() -> None:
            _, result = site_plan.fill(service, [venue_id])
            results.append(result)

        if not self.host.run(work, _tr("Place the unplaced booths")):
            return
        result = results[0]
        lines = [_tr("{0} booths placed.").format(len(result.placed))]
        if result.unplaced:
            lines.append(_tr("{0} booths could not be placed:").format(len(result.unplaced)))
            area = self.host.current_area()
            for left in result.unplaced[:15]:
                needs = ", ".join(translate("SiteMap", w) for w in utility_words(left.needs)) or "-"
                reason = translate("SiteMap", left.reason).format(
                    area=area.name(language) if area else "", needs=needs
                )
                lines.append(f"• {left.booth.label(language)}: {reason}")
            if len(result.unplaced) > 15:
                lines.append(_tr("… and {0} more").format(len(result.unplaced) - 15))
        show_info(self.widget, _tr("Place the unplaced booths"), "\n".join(lines))
