"""The chosen space's details beside the map: code, size, rotation, what it offers and
whether it is blocked; Apply hands the changed space to the edits."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from festival_app.domain.site_map import BoothSpace


def _tr(text: str) -> str:
    return QCoreApplication.translate("SiteMapWidget", text)


class SpaceDetails(QWidget):
    """The form of one chosen space (disabled unless exactly one is chosen)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 6, 0, 0)
        self.code = QLineEdit()
        self.width_m = QDoubleSpinBox()
        self.depth_m = QDoubleSpinBox()
        for spin in (self.width_m, self.depth_m):
            spin.setRange(0.5, 100)
            spin.setValue(3.0)
            spin.setSuffix(_tr(" m"))
        self.rotation = QDoubleSpinBox()
        self.rotation.setRange(0, 359.9)
        self.rotation.setSuffix(" °")
        self.power = QCheckBox(_tr("Power"))
        self.water = QCheckBox(_tr("Water"))
        self.gas = QCheckBox(_tr("Gas"))
        self.blocked = QCheckBox(_tr("Blocked"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_tr("Why (fire lane, tree…)"))
        offers = QHBoxLayout()
        for check in (self.power, self.water, self.gas):
            offers.addWidget(check)
        size = QHBoxLayout()
        size.addWidget(self.width_m)
        size.addWidget(QLabel("×"))
        size.addWidget(self.depth_m)
        self.apply_button = QPushButton(_tr("Apply"))
        self.title = QLabel(_tr("Chosen space"))
        self.title.setStyleSheet("font-weight: bold;")
        form.addRow(self.title)
        form.addRow(_tr("Code"), self.code)
        form.addRow(_tr("Size"), size)
        form.addRow(_tr("Rotation"), self.rotation)
        form.addRow(_tr("Offers"), offers)
        form.addRow(self.blocked, self.reason)
        form.addRow(self.apply_button)
        self.setEnabled(False)

    def show_chosen(self, chosen: list[BoothSpace], editable: bool) -> None:
        """The one chosen space in the form, or how many are chosen."""
        one = chosen[0] if len(chosen) == 1 else None
        self.setEnabled(one is not None and editable)
        if one is None:
            self.title.setText(
                _tr("{0} spaces chosen").format(len(chosen)) if chosen else _tr("Chosen space")
            )
            return
        self.title.setText(_tr("Space {0}").format(one.code))
        self.code.setText(one.code)
        self.width_m.setValue(one.width)
        self.depth_m.setValue(one.depth)
        self.rotation.setValue(one.rotation)
        self.power.setChecked(one.power)
        self.water.setChecked(one.water)
        self.gas.setChecked(one.gas)
        self.blocked.setChecked(one.blocked)
        self.reason.setText(one.blocked_reason)

    def edited(self, space: BoothSpace) -> BoothSpace:
        """`space` as the form now says it is."""
        return replace(
            space,
            code=self.code.text().strip(),
            width=self.width_m.value(),
            depth=self.depth_m.value(),
            rotation=self.rotation.value(),
            power=self.power.isChecked(),
            water=self.water.isChecked(),
            gas=self.gas.isChecked(),
            blocked=self.blocked.isChecked(),
            blocked_reason=self.reason.text().strip() if self.blocked.isChecked() else "",
        )
