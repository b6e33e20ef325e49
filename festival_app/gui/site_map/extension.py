"""The Site map section in the main window.

`install(window)` is a main-window extension (handed to `MainWindow`): it adds the Site map section (built when first shown), and a clash of the
booths on the maps, clicked in the clash panel, shows those booths on their area's map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from festival_app.gui.clash_panel import ClashPanel

if TYPE_CHECKING:
    from festival_app.gui.host import WindowHost
    from festival_app.gui.site_map.widget import SiteMapWidget

SECTION = "site_map"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SiteMapSection", text)


def install(window: WindowHost) -> None:
    """Add the Site map section to `window`; clashes of booths on maps lead to it."""
    assert isinstance(window, QMainWindow)

    def build() -> SiteMapWidget:
        from festival_app.gui.site_map.widget import SiteMapWidget

        return SiteMapWidget(window.service, window.undo_stack, window)

    window.add_section(SECTION, _tr("Site map"), build)

    def show_booths(ids: list[object]) -> None:
        window.show_section(SECTION)
        from festival_app.gui.site_map.widget import SiteMapWidget

        widget = window.section(SECTION)
        assert isinstance(widget, SiteMapWidget)
        widget.highlight_booths([int(i) for i in ids])  # type: ignore[call-overload]

    panel = window.findChild(ClashPanel)
    if panel is not None:
        panel.boothsActivated.connect(show_booths)
