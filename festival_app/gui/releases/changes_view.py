"""The Changes section: what changed between two versions of the program (two
releases, or a release and now), filtered by venue or troupe."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from festival_app import releasing
from festival_app.domain.changes import compare
from festival_app.domain.errors import UserError
from festival_app.domain.releases import Snapshot
from festival_app.gui import commands
from festival_app.gui.dialogs.messages import show_error
from festival_app.gui.listeners import subscribe_weakly
from festival_app.gui.releases.changes_model import ChangesModel
from festival_app.gui.releases.commands import MarkPrintedCommand
from festival_app.services import PROGRAM, RELEASES, TROUPES, VENUES, FestivalService

NOW = ""  # the combo data of "Now"


class ChangesView(QWidget):
    """Two versions to compare, filters, and the list of changes."""

    itemActivated = Signal(int)  # the id of an item still in the program

    def __init__(
        self,
        service: FestivalService,
        undo_stack: QUndoStack,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.undo_stack = undo_stack
        self.language = language
        self._snapshots: dict[int, Snapshot] = {}  # releases never change: read once
        layout = QVBoxLayout(self)
        choose = QHBoxLayout()
        self.from_combo = QComboBox()
        self.from_combo.setObjectName("changes_from")
        self.to_combo = QComboBox()
        self.to_combo.setObjectName("changes_to")
        from_label = QLabel(self.tr("&From:"))
        from_label.setBuddy(self.from_combo)
        to_label = QLabel(self.tr("&To:"))
        to_label.setBuddy(self.to_combo)
        choose.addWidget(from_label)
        choose.addWidget(self.from_combo, 1)
        choose.addWidget(to_label)
        choose.addWidget(self.to_combo, 1)
        self.printed_button = QPushButton(self.tr("Mark as &printed"))
        self.printed_button.setToolTip(
            self.tr("Make the release chosen under From the printed baseline")
        )
        self.printed_button.clicked.connect(self.mark_printed)
        choose.addWidget(self.printed_button)
        layout.addLayout(choose)
        filters = QHBoxLayout()
        self.venue_combo = QComboBox()
        self.venue_combo.setObjectName("changes_venue")
        self.troupe_combo = QComboBox()
        self.troupe_combo.setObjectName("changes_troupe")
        venue_label = QLabel(self.tr("&Venue:"))
        venue_label.setBuddy(self.venue_combo)
        troupe_label = QLabel(self.tr("T&roupe:"))
        troupe_label.setBuddy(self.troupe_combo)
        filters.addWidget(venue_label)
        filters.addWidget(self.venue_combo, 1)
        filters.addWidget(troupe_label)
        filters.addWidget(self.troupe_combo, 1)
        layout.addLayout(filters)
        self.summary = QLabel()
        self.summary.setObjectName("changes_summary")
        layout.addWidget(self.summary)
        self.model = ChangesModel(language, self)
        self.table = QTableView()
        self.table.setObjectName("changes_table")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self._activated)
        layout.addWidget(self.table, 1)
        for combo in (self.from_combo, self.to_combo, self.venue_combo, self.troupe_combo):
            combo.currentIndexChanged.connect(self.refresh)
        subscribe_weakly(service, self, "_on_change")
        self.reload()

    # -- choices -------------------------------------------------------------------------

    def reload(self) -> None:
        """Fill the choices again (releases, venues, troupes), keeping what was chosen."""
        combos = (self.from_combo, self.to_combo, self.venue_combo, self.troupe_combo)
        kept = [c.currentData() for c in combos]
        self._snapshots.clear()  # a restored backup may hold other releases of the same ids
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        found = releasing.releases(self.service)
        for release in found:
            mark = self.tr(" (printed)") if release.printed else ""
            label = f"{release.name}{mark} · {releasing.release_date(release)}"
            self.from_combo.addItem(label, release.id)
            self.to_combo.addItem(label, release.id)
        self.to_combo.addItem(self.tr("Now (not released)"), NOW)
        self.venue_combo.addItem(self.tr("All venues"), None)
        for venue in self.service.venues():
            self.venue_combo.addItem(venue.name(self.language), venue.id)
        self.troupe_combo.addItem(self.tr("All troupes"), None)
        for troupe in self.service.troupes():
            self.troupe_combo.addItem(troupe.display_name(self.language), troupe.id)
        base = releasing.baseline(self.service)
        defaults = [base.id if base else (found[-1].id if found else None), NOW, None, None]
        for combo, value, default in zip(combos, kept, defaults, strict=True):
            index = combo.findData(value) if value is not None else -1
            if index < 0:
                index = max(0, combo.findData(default)) if default is not None else 0
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self.printed_button.setEnabled(bool(found) and not self.service.read_only)
        self.refresh()

    def _snapshot(self, data: object) -> Snapshot:
        if data == NOW or data is None:
            return releasing.current_snapshot(self.service)
        assert isinstance(data, int)  # the combos hold release ids, and NOW
        release_id = data
        if release_id not in self._snapshots:
            self._snapshots[release_id] = releasing.repository(self.service).snapshot(release_id)
        return self._snapshots[release_id]

    def refresh(self) -> None:
        if self.from_combo.count() == 0:
            self.model.set_changes(None)
            self.summary.setText(
                self.tr(
                    "There is no release yet. Tools > Release this version… freezes the "
                    "program; changes are shown against it."
                )
            )
            return
        changes = compare(
            self._snapshot(self.from_combo.currentData()),
            self._snapshot(self.to_combo.currentData()),
        )
        changes = changes.filtered(
            venue_id=self.venue_combo.currentData(), troupe_id=self.troupe_combo.currentData()
        )
        self.model.set_changes(changes)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))
        self.table.resizeRowsToContents()
        self.summary.setText(
            self.tr("{0} changes").format(len(changes)) if changes else self.tr("Nothing changed.")
        )

    def mark_printed(self) -> None:
        data = self.from_combo.currentData()
        if data is None or data == NOW:
            return
        found = next(r for r in releasing.releases(self.service) if r.id == data)
        text = self.tr("Mark {0} as printed").format(found.name)
        command = MarkPrintedCommand(self.service, found.name, text)
        try:
            commands.push(self.undo_stack, command)  # undoable like every edit
        except UserError as exc:  # a full disk, a busy file, a lost server: told
            show_error(self, self.tr("Not marked as printed"), exc.message())

    def _activated(self, index: object) -> None:
        row = getattr(index, "row", lambda: -1)()
        if row < 0:
            return
        change = self.model.change_at(row)
        if change.after is not None and change.after.id is not None:
            self.itemActivated.emit(change.after.id)

    def _on_change(self, kinds: frozenset[str]) -> None:
        if kinds & {RELEASES, VENUES, TROUPES}:
            self.reload()
        elif PROGRAM in kinds and self.to_combo.currentData() == NOW:
            self.refresh()
