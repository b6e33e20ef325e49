"""The clash panel: every clash of the festival, grouped by severity, up to date after
every edit, undo and redo. Clicking a clash shows its items on the timetable."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from festival_app import clash_checks
from festival_app.domain.clashes import Clash
from festival_app.domain.errors import Severity, UserError
from festival_app.gui import settings as config
from festival_app.gui.commands import push
from festival_app.gui.listeners import subscribe_weakly
from festival_app.gui.models.base import language
from festival_app.gui.schedule_commands import AcknowledgeClashCommand, UnacknowledgeClashCommand
from festival_app.services import (
    BOOTHS,
    CLASHES,
    DAYS,
    FESTIVAL,
    PROGRAM,
    SPACES,
    TROUPES,
    VENUES,
    FestivalService,
)

KEY_ROLE = Qt.ItemDataRole.UserRole
ITEMS_ROLE = Qt.ItemDataRole.UserRole + 1
BOOTHS_ROLE = Qt.ItemDataRole.UserRole + 2
REFRESH_DELAY_MS = 150
WATCHED = frozenset({PROGRAM, VENUES, TROUPES, DAYS, FESTIVAL, CLASHES, BOOTHS, SPACES})
SEVERITY_COLOURS = {
    Severity.ERROR: "#c62828",
    Severity.WARNING: "#c06000",
    Severity.INFO: "#455a64",
}
# The panel's first width, as a share of the window's (a quarter left the timetable too
# little room at 1280 x 800); the user's own width is kept in the window's state.
DEFAULT_SHARE = 0.2
MIN_DEFAULT_WIDTH, MAX_DEFAULT_WIDTH = 220, 360
ACKNOWLEDGE_CHARS = 70  # the width of the acknowledging dialog, in average characters


class WrappedRows(QStyledItemDelegate):
    """Rows as tall as their text wrapped to the panel's width.

    A tree measures a row before it knows the width it gets, so a long message got one
    line and was cut with "…". Here the height is measured at the width the text gets,
    and the rows are measured again when the panel's width changes.
    """

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree
        tree.viewport().installEventFilter(self)
        self._width = -1
        self._focus_margin = -1

    def text_width(self, index: QModelIndex | QPersistentModelIndex) -> int:
        """The width a row's text is wrapped to."""
        depth = 1 if self.tree.rootIsDecorated() else 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        width = self.tree.header().sectionSize(0) or self.tree.viewport().width()
        return max(40, width - depth * self.tree.indentation() - self._margin())

    def _margin(self) -> int:
        """The focus frame's margins, asked of the style once (when the first row is
        measured: QStyle's 25 enums are made on its first use, not at start-up)."""
        if self._focus_margin < 0:
            from PySide6.QtWidgets import QStyle

            metric = QStyle.PixelMetric.PM_FocusFrameHMargin
            self._focus_margin = 2 * (self.tree.style().pixelMetric(metric) + 1)
        return self._focus_margin

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font) if isinstance(font, QFont) else option.fontMetrics
        width = self.text_width(index)
        wrapped = metrics.boundingRect(
            QRect(0, 0, width, 1_000_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(size.width(), max(size.height(), wrapped.height() + 4))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.tree.viewport().width() != self._width:
            self._width = self.tree.viewport().width()
            self.tree.doItemsLayout()  # the rows' heights for the new width
        return False


class ClashPanel(QDockWidget):
    """A dock listing the festival's clashes by severity, with their counts."""

    itemsActivated = Signal(list)  # program item ids to select and scroll to
    boothsActivated = Signal(list)  # booth ids of a site map's clash, to show on the map

    def __init__(
        self, service: FestivalService, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Clashes"), parent)
        self.setObjectName("clashPanel")
        self.service = service
        self.undo_stack = undo_stack
        self.language = language()
        self.clashes: list[Clash] = []

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)  # it would hold the panel as wide as its one line
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setItemDelegate(WrappedRows(self.tree))
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.acknowledge_button = QPushButton(self.tr("Acknowledge…"), self)
        self.acknowledge_button.setToolTip(
            self.tr("Accept this clash with a reason; it stays listed as acknowledged")
        )
        self.acknowledge_button.clicked.connect(self.acknowledge_current)
        self.unacknowledge_button = QPushButton(self.tr("Take back"), self)
        self.unacknowledge_button.setToolTip(self.tr("Make this clash count again"))
        self.unacknowledge_button.clicked.connect(self.unacknowledge_current)

        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(self.fontMetrics().height() * 3)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        buttons = QHBoxLayout()
        buttons.addWidget(self.acknowledge_button)
        buttons.addWidget(self.unacknowledge_button)
        buttons.addStretch(1)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self.setWidget(body)

        # A check of a big festival takes a while: after edits in quick succession (arrow
        # keys held down, undo pressed repeatedly) it runs once, when they pause.
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(REFRESH_DELAY_MS)
        self._pending.timeout.connect(self.refresh)
        # The first check waits until the panel is shown (after the window's first paint).
        self._stale = True
        self.summary.setText(self.tr("Checking the program…"))
        self._update_buttons()
        subscribe_weakly(service, self, "_service_changed")
        if isinstance(parent, QMainWindow):
            parent.installEventFilter(self)  # its first show sets the panel's share

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QMainWindow):
            watched.removeEventFilter(self)
            settings = getattr(watched, "settings", None)
            stored = (
                isinstance(settings, QSettings) and not config.WINDOW_STATE.get(settings).isEmpty()
            )
            if not stored:  # a width the user chose is in the stored state: kept
                watched.resizeDocks([self], [self.sizeHint().width()], Qt.Orientation.Horizontal)
        return False

    def sizeHint(self) -> QSize:
        """A fifth of the window's width at first (see DEFAULT_SHARE)."""
        hint = super().sizeHint()
        window = self.parentWidget()
        if window is None:
            return hint
        width = round(window.width() * DEFAULT_SHARE)
        width = min(
            max(width, MIN_DEFAULT_WIDTH, self.minimumSizeHint().width()), MAX_DEFAULT_WIDTH
        )
        return QSize(width, hint.height())

    # -- content ---------------------------------------------------------------------

    def _service_changed(self, topics: frozenset[str]) -> None:
        if topics & WATCHED:
            self._pending.start()

    def is_pending(self) -> bool:
        """True while a re-check is waiting to run (the list may be out of date)."""
        return self._pending.isActive()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._pending.start()

    def refresh(self, force: bool = False) -> None:
        """Check the whole festival again and show the result. A hidden panel only notes
        that it is out of date and checks when it is shown again (unless `force`)."""
        self._pending.stop()
        self._stale = not (force or self.isVisible())
        if self._stale:
            return
        current = self.current_clash()
        current_key = current.key if current else None
        collapsed = {g.data(0, KEY_ROLE) for g in self._groups() if not g.isExpanded()}
        self.clashes = clash_checks.check(self.service, None, self.language)
        groups: dict[Severity, list[Clash]] = {s: [] for s in Severity}
        for clash in self.clashes:
            groups[Severity(clash.severity)].append(clash)
        titles = {
            Severity.ERROR: self.tr("Errors ({count})"),
            Severity.WARNING: self.tr("Warnings ({count})"),
            Severity.INFO: self.tr("Information ({count})"),
        }
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        reselect: QTreeWidgetItem | None = None
        for severity, clashes in groups.items():
            group = QTreeWidgetItem([titles[severity].format(count=len(clashes))])
            group.setData(0, KEY_ROLE, f"severity:{severity}")
            font = QFont(self.tree.font())
            font.setBold(True)
            group.setFont(0, font)
            group.setForeground(0, QBrush(QColor(SEVERITY_COLOURS[severity])))
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            italic = QFont(self.tree.font())
            italic.setItalic(True)
            grey = QBrush(QColor("#707070"))
            rows = []
            for clash in clashes:
                text = self._text(clash)
                row = QTreeWidgetItem([text])
                row.setData(0, KEY_ROLE, clash.key)
                row.setData(0, ITEMS_ROLE, clash.item_ids)
                row.setData(0, BOOTHS_ROLE, clash.booth_ids)
                row.setToolTip(0, text)
                if clash.acknowledged:
                    row.setFont(0, italic)
                    row.setForeground(0, grey)
                rows.append(row)
                if clash.key == current_key:
                    reselect = row
            group.addChildren(rows)  # at once: one by one is slow for thousands
            group.setExpanded(f"severity:{severity}" not in collapsed)
        self.tree.setUpdatesEnabled(True)
        if reselect is not None:
            self.tree.setCurrentItem(reselect)
        counts = {s: len(c) for s, c in groups.items()}
        open_errors = sum(1 for c in groups[Severity.ERROR] if not c.acknowledged)
        self.summary.setText(
            self.tr(
                "Errors: {errors} ({open} not acknowledged) · warnings: {warnings} · notes: {infos}"
            ).format(
                errors=counts[Severity.ERROR],
                open=open_errors,
                warnings=counts[Severity.WARNING],
                infos=counts[Severity.INFO],
            )
        )
        self._update_buttons()

    def _text(self, clash: Clash) -> str:
        if clash.acknowledged:
            return self.tr("{message} — acknowledged: {reason}").format(
                message=clash.message(), reason=clash.reason
            )
        return clash.message()

    def group_counts(self) -> dict[str, int]:
        """Number of clashes per severity as shown ("error", "warning", "info")."""
        return {
            str(g.data(0, KEY_ROLE)).removeprefix("severity:"): g.childCount()
            for g in self._groups()
        }

    def _groups(self) -> list[QTreeWidgetItem]:
        groups = (self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount()))
        return [g for g in groups if g is not None]

    def rows(self) -> list[QTreeWidgetItem]:
        """Every clash row, in order."""
        out: list[QTreeWidgetItem] = []
        for group in self._groups():
            children = (group.child(c) for c in range(group.childCount()))
            out += [c for c in children if c is not None]
        return out

    def current_clash(self) -> Clash | None:
        row = self.tree.currentItem()
        key = row.data(0, KEY_ROLE) if row is not None else None
        return next((c for c in self.clashes if c.key == key), None)

    def _update_buttons(self, *_: object) -> None:
        clash = self.current_clash()
        self.details.setText(self._text(clash) if clash is not None else "")
        self.acknowledge_button.setEnabled(clash is not None and not self.service.read_only)
        self.unacknowledge_button.setEnabled(
            clash is not None and clash.acknowledged and not self.service.read_only
        )

    def _clicked(self, row: QTreeWidgetItem, column: int = 0) -> None:
        ids = row.data(0, ITEMS_ROLE)
        if ids:
            self.itemsActivated.emit(list(ids))
        booths = row.data(0, BOOTHS_ROLE)
        if booths:
            self.boothsActivated.emit(list(booths))

    # -- acknowledging -----------------------------------------------------------------

    def acknowledge_current(self) -> None:
        clash = self.current_clash()
        if clash is None:
            return
        dialog = self.acknowledge_dialog(clash)
        if dialog.exec():
            self.acknowledge(clash.key, dialog.textValue())

    def acknowledge_dialog(self, clash: Clash) -> QInputDialog:
        """The question for a reason, its clash's message wrapped: one line of a long
        message made the dialog wider than a 1024-pixel screen."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Acknowledge clash"))
        dialog.setLabelText(
            self.tr("Why is this clash acceptable?\n{message}").format(message=clash.message())
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(clash.reason)
        for label in dialog.findChildren(QLabel):
            label.setWordWrap(True)
        width = dialog.fontMetrics().averageCharWidth() * ACKNOWLEDGE_CHARS
        dialog.resize(max(width, dialog.minimumSizeHint().width()), dialog.sizeHint().height())
        return dialog

    def acknowledge(self, key: str, reason: str) -> bool:
        """Acknowledge the clash `key` for `reason` as one undoable step."""
        return self._push(
            AcknowledgeClashCommand(self.service, key, reason, self.tr("Acknowledge clash"))
        )

    def unacknowledge_current(self) -> None:
        clash = self.current_clash()
        if clash is not None and clash.acknowledged:
            self._push(
                UnacknowledgeClashCommand(
                    self.service, clash.key, self.tr("Take back acknowledgement")
                )
            )

    def _push(self, command: AcknowledgeClashCommand | UnacknowledgeClashCommand) -> bool:
        try:
            push(self.undo_stack, command)
        except UserError as exc:
            self.summary.setText(exc.message())
            return False
        return True


def connect_clash_panel(panel: ClashPanel, show_items: Callable[[list[int]], object]) -> None:
    """Clicking a clash shows its items: `show_items` selects them on the timetable
    (`TimetableWidget.show_items`, which switches day when needed)."""
    panel.itemsActivated.connect(lambda ids: show_items(_ints(ids)))


def _ints(ids: Sequence[object]) -> list[int]:
    return [int(i) for i in ids]  # type: ignore[call-overload]
