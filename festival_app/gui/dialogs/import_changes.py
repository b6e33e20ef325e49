"""The changes an import would make, each a ticked line that opens on its fields
(before, after); the user unticks those not wanted."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from festival_app.imports import describe
from festival_app.imports.plan import Change, FestivalChange, ImportPlan, RowKey

_OPENED_UPDATES = 200  # up to this many updates open on their fields at once
_CHANGE_ROLE = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


class ChangesView(QWidget):
    """The list of changes of one import plan, with Tick all and Untick all."""

    ticks_changed = Signal()  # a change was ticked or unticked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: ImportPlan | None = None
        self.shown: list[Change | FestivalChange] = []  # the changes listed, in order
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(_tr("Changes"))
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([_tr("Record or field"), _tr("Before"), _tr("After")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemChanged.connect(self._ticked)
        self.tree.itemExpanded.connect(self._fill_fields)
        layout.addWidget(self.tree, 1)
        ticks = QHBoxLayout()
        self.tick_all_button = QPushButton(_tr("Tick all"))
        self.untick_all_button = QPushButton(_tr("Untick all"))
        for button, state in (
            (self.tick_all_button, Qt.CheckState.Checked),
            (self.untick_all_button, Qt.CheckState.Unchecked),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, s=state: self._tick_all(s))
            ticks.addWidget(button)
        ticks.addStretch(1)
        layout.addLayout(ticks)
        self.set_ticks_enabled(False)

    def clear(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        self.tree.blockSignals(False)
        self.shown = []
        self.label.setText(_tr("Changes"))
        self.set_ticks_enabled(False)

    def set_ticks_enabled(self, enabled: bool) -> None:
        self.tick_all_button.setEnabled(enabled)
        self.untick_all_button.setEnabled(enabled)

    def show_plan(self, plan: ImportPlan) -> None:
        """Every change as a ticked line; an update opened on its fields (before, after),
        a new record's fields shown when it is opened."""
        from festival_app.gui.models.base import language

        self.clear()
        self.plan = plan
        if plan.has_errors:
            self.label.setText(_tr("Changes: none can be imported until every row is right."))
            return
        self.shown = plan.shown()
        lang = language()
        updates = sum(1 for c in self.shown if c.before is not None)
        self.tree.blockSignals(True)
        self.tree.setUpdatesEnabled(False)
        try:
            items = []
            for index, change in enumerate(self.shown):
                item = QTreeWidgetItem([describe.heading(change, plan.names, lang), "", ""])
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked)
                item.setData(0, _CHANGE_ROLE, index)
                item.setToolTip(0, item.text(0))
                item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
                items.append(item)
            self.tree.addTopLevelItems(items)
            if updates <= _OPENED_UPDATES:
                for item, change in zip(items, self.shown, strict=True):
                    if change.before is not None:
                        self._fill_fields(item)
                        item.setExpanded(True)
        finally:
            self.tree.setUpdatesEnabled(True)
            self.tree.blockSignals(False)
        # The records' names as wide as they need (up to three fifths of the view), the
        # values in what is left; a cut text shows whole in its tooltip.
        for column in (0, 1):
            self.tree.resizeColumnToContents(column)
        room = self.tree.viewport().width()
        self.tree.setColumnWidth(0, max(300, min(self.tree.columnWidth(0), room * 3 // 5)))
        self.tree.setColumnWidth(1, max(120, min(self.tree.columnWidth(1), room // 4)))
        self.label.setText(_tr("Changes: untick any you do not want; each opens on its fields."))
        self.set_ticks_enabled(bool(self.shown))

    def _fill_fields(self, item: QTreeWidgetItem) -> None:
        """The fields of one change (once, when first opened)."""
        from festival_app.gui.models.base import language

        if item.parent() is not None or item.childCount() or self.plan is None:
            return
        index = item.data(0, _CHANGE_ROLE)
        if index is None:
            return
        change = self.shown[index]
        empty = _tr("(empty)")
        fields = describe.field_changes(change.before, change.after, self.plan.names, language())
        blocked = self.tree.blockSignals(True)
        for field in fields:
            before = (field.before or empty) if change.before is not None else ""
            child = QTreeWidgetItem([field.header(), before, field.after or empty])
            for column in (1, 2):
                child.setToolTip(column, child.text(column))
            item.addChild(child)
        if not fields:
            item.setChildIndicatorPolicy(
                QTreeWidgetItem.ChildIndicatorPolicy.DontShowIndicatorWhenChildless
            )
        self.tree.blockSignals(blocked)

    def _ticked(self, item: QTreeWidgetItem, column: int) -> None:
        if item.parent() is None and column == 0:
            self.ticks_changed.emit()

    def _tick_all(self, state: Qt.CheckState) -> None:
        self.tree.blockSignals(True)
        for row in range(self.tree.topLevelItemCount()):
            self.change_item(row).setCheckState(0, state)
        self.tree.blockSignals(False)
        self.ticks_changed.emit()

    def change_item(self, index: int) -> QTreeWidgetItem:
        """The line of the `index`th change (as `shown` lists them)."""
        item = self.tree.topLevelItem(index)
        assert item is not None
        return item

    def unticked(self) -> list[RowKey]:
        """The rows whose changes the user unticked."""
        out = []
        for row in range(self.tree.topLevelItemCount()):
            item = self.change_item(row)
            if item.checkState(0) != Qt.CheckState.Checked:
                out.append(self.shown[item.data(0, _CHANGE_ROLE)].key)
        return out


__all__ = ["ChangesView"]
