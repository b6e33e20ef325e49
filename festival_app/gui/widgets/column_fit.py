"""Table columns that fit the table's width, and a header menu to show or hide them.

At 1280 x 800 the Venues and Troupes tables needed sideways scrolling, and the last
heading in sight ("Booth spaces") was cut. A table now opens with its secondary columns
hidden (the model's `hidden_columns`; right-click a heading to show them) and its columns
sized to their contents, then the columns of long text (names, titles, notes) narrowed,
the longest most, until they fit the table's width; short columns (times, dates,
numbers, codes) and every heading stay whole. The last column fills what is left. What the user changes afterwards is
kept in the window's settings.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

MAX_WIDTH = 280  # no column starts wider than this, however long its text
TEXT_FLOOR = 96  # a column of long text narrowed to fit keeps at least this much; a
# column that needs no more (a time, a date, a number, a code) is never narrowed
MEASURED_ROWS = 200  # measuring every row of 12,000 booths took 1.6 s


def natural_widths(table: QTableView, rows: int = MEASURED_ROWS) -> dict[int, int]:
    """Each column's width for its heading and its first rows' text (at most MAX_WIDTH)."""
    model = table.model()
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    count = min(model.rowCount(), rows)
    widths = {}
    for column in range(model.columnCount()):
        width = heading_width(header, column)
        for row in range(count):
            text = model.index(row, column).data()
            if text:
                width = max(width, metrics.horizontalAdvance(str(text)) + 14)
        widths[column] = min(max(width, 40), max(MAX_WIDTH, heading_width(header, column)))
    return widths


def heading_width(header: QHeaderView, column: int) -> int:
    """The width a heading needs to be read whole, with its sort arrow."""
    title = str(header.model().headerData(column, Qt.Orientation.Horizontal) or "")
    # The style's own measure (margins, sort arrow); the text's advance as a floor.
    return max(header.sectionSizeHint(column), header.fontMetrics().horizontalAdvance(title) + 28)


def squeezed(natural: dict[int, int], floors: dict[int, int], room: int) -> dict[int, int]:
    """Widths that add up to at most `room`: the columns with the most text above their
    floor give up the most; none goes below its floor (the sum may then exceed room)."""
    total = sum(natural.values())
    if total <= room:
        return dict(natural)
    spare = {c: natural[c] - floors[c] for c in natural}
    give = sum(spare.values())
    if give <= 0:
        return dict(floors)
    cut = min(total - room, give)
    widths = {c: natural[c] - int(cut * spare[c] / give + 0.999) for c in natural}
    return {c: max(floors[c], w) for c, w in widths.items()}


def fit_to_width(table: QTableView, room: int | None = None) -> None:
    """Size the visible columns to their contents, narrowed to fit `room` (the table's
    viewport width when not given). When even their headings do not fit, the model's
    `expendable_columns` are hidden, in their order, until they do."""
    header = table.horizontalHeader()
    room = table.viewport().width() if room is None else room
    widths = natural_widths(table)
    model = table.model()
    expendable = list(getattr(model, "expendable_columns", ()))
    # Dates and numbers are read whole or not at all: never narrowed.
    whole = set(getattr(model, "date_columns", ())) | set(getattr(model, "numeric", ()))
    while True:
        visible = sorted(
            (c for c in range(header.count()) if not header.isSectionHidden(c)),
            key=header.visualIndex,
        )
        floors = {
            c: max(
                heading_width(header, c), widths[c] if c in whole else min(widths[c], TEXT_FLOOR)
            )
            for c in visible
        }
        # The last column stretches over what is left: it asks only for its floor.
        natural = {c: widths[c] for c in visible}
        natural[visible[-1]] = floors[visible[-1]]
        spare = [c for c in expendable if c in visible]
        if sum(floors.values()) <= room or not spare or len(visible) == 1:
            break
        header.hideSection(spare[0])
    for column, width in squeezed(natural, floors, room).items():
        header.resizeSection(column, width)


class ColumnFitter(QObject):
    """Fits a table's columns once its viewport has its real width (a section is built
    before it is shown), hiding the model's `hidden_columns` first."""

    def __init__(self, table: QTableView, hidden: Iterable[int] = ()) -> None:
        super().__init__(table)
        self.table = table
        header = table.horizontalHeader()
        for column in hidden:
            header.hideSection(column)
        # Until shown, the contents' widths; within the width when it is known.
        for column, width in natural_widths(table).items():
            header.resizeSection(column, width)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.table.viewport().width() > 100:
            watched.removeEventFilter(self)
            fit_to_width(self.table)
        return False


def fit_columns(table: QTableView, hidden: Iterable[int] = ()) -> ColumnFitter:
    """Fit the table's columns to its width when it is first shown."""
    return ColumnFitter(table, hidden)


def add_column_menu(table: QTableView) -> None:
    """Right-click a heading: a menu of every column, ticked when shown."""
    header = table.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(
        lambda where: column_menu(table).exec(header.mapToGlobal(where))
    )


def column_menu(table: QTableView, where: QPoint | None = None) -> QMenu:
    """The menu of columns; the last column shown cannot be hidden."""
    header = table.horizontalHeader()
    model = table.model()
    menu = QMenu(table)
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    for column in sorted(range(header.count()), key=header.visualIndex):
        action = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
        action.setCheckable(True)
        action.setChecked(column in shown)
        action.setEnabled(not (column in shown and len(shown) == 1))
        action.toggled.connect(
            lambda on, c=column: _show_column(table, c) if on else header.hideSection(c)
        )
    return menu


def _show_column(table: QTableView, column: int) -> None:
    header = table.horizontalHeader()
    header.showSection(column)
    if header.sectionSize(column) < heading_width(header, column):
        header.resizeSection(column, natural_widths(table)[column])


__all__ = [
    "ColumnFitter",
    "add_column_menu",
    "column_menu",
    "fit_columns",
    "fit_to_width",
    "heading_width",
    "natural_widths",
    "squeezed",
]
