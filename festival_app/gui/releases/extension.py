"""Releases in the main window (a main-window extension, handed to `MainWindow`):
Tools > Release this version…, the Changes section, and the timetable's marks on the
items changed since the printed baseline (View > Mark changes since the printed release).

Releasing is not on the undo stack: a release can never be changed or removed (the file
refuses), so the dialog says so before it releases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from festival_app.gui.listeners import subscribe_weakly
from festival_app.services import DAYS, PROGRAM, RELEASES, VENUES

if TYPE_CHECKING:
    from festival_app.domain.releases import Snapshot
    from festival_app.gui.host import WindowHost

SECTION = "changes"
TIMETABLE = "timetable"
MARKS_SETTING = "timetable/mark_changes"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Releases", text)


class ChangeMarks(QObject):
    """Keeps the timetable's marks of the items changed since the printed baseline."""

    def __init__(self, window: WindowHost) -> None:
        assert isinstance(window, QObject)
        super().__init__(window)  # lives as long as the window
        self.window = window
        self.enabled = str(window.settings.value(MARKS_SETTING, "true")).lower() in ("true", "1")
        # The baseline's snapshot, read once: a release never changes (keyed by its hash
        # too: a restored backup may hold another release of the same id).
        self._baseline: tuple[tuple[int, str], Snapshot] | None = None

    def changed_ids(self) -> set[int]:
        service = self.window.service
        # The releases' modules load with the first marks, not at start-up.
        from festival_app import releasing
        from festival_app.domain.changes import changed_item_ids, compare
        from festival_app.domain.releases import Snapshot

        base = releasing.baseline(service)
        if base is None or base.id is None:
            return set()
        key = (base.id, base.content_hash)
        if self._baseline is None or self._baseline[0] != key:
            self._baseline = (key, releasing.repository(service).snapshot(base.id))
        now = Snapshot.of(
            service.festival(), service.days(), service.venues(), (), service.program(), ()
        )
        return changed_item_ids(compare(self._baseline[1], now).changes)

    def apply(self) -> None:
        timetable = self.window.section_stack.sections.get(TIMETABLE)  # once it is built
        scene = getattr(timetable, "scene", None)
        if scene is None or not hasattr(scene, "set_changed_marks"):
            return
        scene.set_changed_marks(self.changed_ids() if self.enabled else ())

    def toggle(self, on: bool) -> None:
        self.enabled = on
        self.window.settings.setValue(MARKS_SETTING, on)
        self.apply()

    def on_change(self, topics: frozenset[str]) -> None:
        if topics & {RELEASES, PROGRAM, DAYS, VENUES}:
            self.apply()


def install(window: WindowHost) -> None:
    """Add the Changes section, Tools > Release this version… and the timetable marks."""

    def build() -> QWidget:
        from festival_app.gui.releases.changes_view import ChangesView

        assert isinstance(window, QWidget)
        view = ChangesView(window.service, window.undo_stack, window.language, window)
        view.setObjectName("changes_view")
        view.itemActivated.connect(lambda item_id: show_item(window, item_id))
        return view

    window.add_section(SECTION, _tr("Changes"), build)

    def release() -> None:
        from festival_app.gui.releases.release_dialog import ReleaseDialog

        window.finish_editing()
        assert isinstance(window, QWidget)
        dialog = ReleaseDialog(window.service, window)
        if dialog.exec() and dialog.made is not None:
            window.statusBar().showMessage(
                _tr("Released {0}: printouts now name it in their footer.").format(
                    dialog.made.name
                ),
                10_000,
            )

    assert isinstance(window, QObject)
    action = QAction(_tr("&Release this version…"), window)
    action.setObjectName("release_version")
    action.setEnabled(not window.service.read_only)
    action.triggered.connect(lambda *_: release())
    window.tools_menu.addAction(action)

    marks = ChangeMarks(window)
    toggle = QAction(_tr("&Mark changes since the printed release"), window)
    toggle.setObjectName("mark_changes")
    toggle.setCheckable(True)
    toggle.setChecked(marks.enabled)
    toggle.toggled.connect(marks.toggle)
    window.view_menu.addAction(toggle)
    subscribe_weakly(window.service, marks, "on_change")
    # The timetable is built when first shown: mark it then.
    window.section_stack.built.connect(lambda *_: marks.apply())


def show_item(window: WindowHost, item_id: int) -> None:
    """Show a changed item on the timetable."""
    from festival_app.gui.schedule.widget import TimetableWidget

    window.show_section(TIMETABLE)
    timetable = window.section(TIMETABLE)
    if isinstance(timetable, TimetableWidget):
        timetable.show_items([item_id])
