"""The timetable and the clash panel in the main window.

`install(window)` is a main-window extension (handed to `MainWindow`): it adds the
Timetable section (built when first shown) and the Clashes dock, shows a clash's items on
the timetable when one is clicked, and opens the program item editor on a double-click.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from festival_app.domain.program import ProgramItem
from festival_app.gui.clash_panel import ClashPanel, connect_clash_panel
from festival_app.gui.mine_on_top import save_record

if TYPE_CHECKING:
    from festival_app.gui.host import WindowHost
    from festival_app.gui.schedule.widget import TimetableWidget

SECTION = "timetable"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Timetable", text)


def install(window: WindowHost) -> None:
    """Add the Timetable section and the Clashes dock to `window`."""
    assert isinstance(window, QMainWindow)

    def build() -> TimetableWidget:
        # The grid's modules load with the section, not with the window.
        from festival_app.gui.schedule.widget import TimetableWidget

        timetable = TimetableWidget(window.service, window.undo_stack, window.settings, window)
        timetable.setObjectName("timetable")
        timetable.editRequested.connect(lambda item_id: edit_item(window, item_id))
        timetable.message.connect(lambda text: window.statusBar().showMessage(text, 10_000))
        return timetable

    window.add_section(SECTION, _tr("Timetable"), build)
    panel = ClashPanel(window.service, window.undo_stack, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    window.view_menu.addAction(panel.toggleViewAction())

    def check_clashes() -> None:
        """Tools > Check clashes: show the clash panel (also when closed) and check now."""
        window.finish_editing()
        panel.show()
        panel.raise_()
        panel.refresh(force=True)
        window.statusBar().showMessage(panel.summary.text(), 10_000)

    check = QAction(_tr("&Check clashes"), window)
    check.setObjectName("check_clashes")
    check.triggered.connect(lambda *_: check_clashes())
    tools = window.tools_menu.actions()
    if tools:  # first in the menu, before the window's own Back up now
        window.tools_menu.insertAction(tools[0], check)
    else:
        window.tools_menu.addAction(check)

    def show_items(ids: list[int]) -> None:
        window.show_section(SECTION)
        from festival_app.gui.schedule.widget import TimetableWidget

        timetable = window.section(SECTION)
        assert isinstance(timetable, TimetableWidget)
        timetable.show_items(ids)

    connect_clash_panel(panel, show_items)


def edit_item(window: WindowHost, item_id: int) -> None:
    """Open the program item editor; OK saves the item as one undo step."""
    item = window.service.get(ProgramItem, item_id)
    if item is None or window.service.read_only:
        return
    from festival_app.gui.dialogs.editors import ProgramItemDialog

    def submit(record: ProgramItem) -> None:
        # Theirs kept: the refusal is shown in the dialog, which keeps what was typed.
        text = _tr("Edit '{0}'").format(record.title(window.language))
        save_record(dialog, window.service, window.push, record, text, raise_kept=True)

    assert isinstance(window, QMainWindow)
    dialog = ProgramItemDialog(item, submit, window.service, window.language, window)
    dialog.exec()
