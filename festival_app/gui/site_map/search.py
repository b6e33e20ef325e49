"""Finding booths on the map: the spaces whose code or booth holds the typed text are
marked, and how many were found is said beside the box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from festival_app.gui.site_map.scene import SiteScene


def _tr(text: str) -> str:
    return QCoreApplication.translate("SiteMapWidget", text)


class SiteSearch(QWidget):
    """The search box over the map and the count of what it found."""

    def __init__(self, scene: SiteScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.line = QLineEdit()
        self.line.setPlaceholderText(_tr("Find a booth on the map (country, code…)"))
        self.line.setClearButtonEnabled(True)
        self.line.textChanged.connect(lambda *_: self.highlight())
        self.found = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.found)

    def highlight(self) -> None:
        """Mark the spaces that match the typed text (none when it is empty)."""
        needle = self.line.text().strip().casefold()
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
        self.found.setText(_tr("{0} found").format(count) if needle else "")
