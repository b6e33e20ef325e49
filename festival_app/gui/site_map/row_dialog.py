"""The dialog after a line is drawn with the Row tool: how many spaces along it, how big,
numbered from where, offering what."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from festival_app.domain.site_map import MAX_ROW, numbered_codes
from festival_app.domain.venues import Venue


class RowDialog(QDialog):
    """How many spaces along the drawn line, how big, numbered from where, offering what."""

    def __init__(
        self, venue: Venue, length: float, first: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Row of spaces"))
        self.venue = venue
        self.count = QSpinBox()
        self.count.setRange(1, MAX_ROW)
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
