"""Beside the map: the area's unplaced booths (drag one onto a space, or choose one and
type a space's code), the legend of the area's booth categories and the chosen space's
details."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMimeData, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from festival_app.domain.booths import BOOTH_CATEGORY_LABELS, Booth, BoothCategory
from festival_app.domain.category_colours import CATEGORY_COLOURS
from festival_app.domain.site_map import needs_of, utility_words
from festival_app.gui.site_map.space_details import SpaceDetails
from festival_app.gui.site_map.view import BOOTH_MIME
from festival_app.i18n import translate


def _tr(text: str) -> str:
    return QCoreApplication.translate("SiteMapWidget", text)


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


class SitePanel(QWidget):
    """The column beside the map; the section fills it when it reads the area."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.setMaximumWidth(300)
        self.unplaced = UnplacedBooths()
        self.unplaced.setObjectName("unplacedBooths")
        self.unplaced_title = QLabel()
        self.code_input = QLineEdit()
        self.code_input.setPlaceholderText(_tr("Code, like M-07"))
        self.place_button = QPushButton(_tr("Place"))
        self.place_button.setToolTip(_tr("Put the chosen booth on the space with this code"))
        typed = QHBoxLayout()
        typed.addWidget(self.code_input, 1)
        typed.addWidget(self.place_button)
        self.legend = QVBoxLayout()
        self.legend_box: QWidget | None = None
        self.details = SpaceDetails()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.unplaced_title)
        layout.addWidget(self.unplaced, 1)
        layout.addLayout(typed)
        legend_title = QLabel(_tr("Legend"))
        legend_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(legend_title)
        layout.addLayout(self.legend)
        layout.addWidget(self.details, 0)
        layout.addStretch(0)

    def chosen_booth_id(self) -> int | None:
        """The booth chosen in the unplaced list."""
        current = self.unplaced.currentItem()
        return int(current.data(Qt.ItemDataRole.UserRole)) if current is not None else None

    def fill_unplaced(self, booths: list[Booth]) -> None:
        """The list of `booths`, by category and name, keeping the chosen one."""
        keep = self.chosen_booth_id()
        self.unplaced.clear()
        for booth in sorted(
            booths, key=lambda b: (list(BoothCategory).index(b.category), b.label(self.language))
        ):
            item = QListWidgetItem(booth.label(self.language))
            item.setData(Qt.ItemDataRole.UserRole, booth.id)
            needs = ", ".join(translate("SiteMap", w) for w in utility_words(needs_of(booth)))
            category = translate("BoothCategory", BOOTH_CATEGORY_LABELS[booth.category])
            tip = _tr("{category} · needs {needs}") if needs else "{category}"
            item.setToolTip(tip.format(category=category, needs=needs))
            item.setIcon(_swatch(CATEGORY_COLOURS[booth.category]))
            self.unplaced.addItem(item)
            if booth.id == keep:
                self.unplaced.setCurrentItem(item)
        self.unplaced_title.setText(_tr("Unplaced booths ({0})").format(len(booths)))

    def fill_legend(self, categories: set[BoothCategory]) -> None:
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


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)
