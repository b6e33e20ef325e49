"""Screenshots of every section and dialog at 1280 x 800, in Korean and English.

    python tools/screenshots.py           # both languages
    python tools/screenshots.py ko        # one language
    python tools/screenshots.py en --size 1024x768 --out /tmp/shots

Writes into docs/screenshots/ (or --out):

- section-<key>-<lang>.png for Festival, Venues, Troupes, Program, Booths and Timetable,
  the whole window as a person sees it at that size;
- dialog-<name>-<lang>.png for every dialog: the record editors (empty, and on the
  sample's longest record), venue columns, export, import, restore, about, the crash
  dialog, acknowledging a clash, a delete confirmation, an edit refused because the
  record was changed elsewhere (keep theirs or apply mine on top), a file in use, a file
  that is no festival file, the language notice;
- main-window.png, timetable.png, main-window-ko.png, timetable-ko.png (README).

Offscreen, on a fresh copy of the 2018 sample, with fresh settings (nothing remembered).
Each language runs in a process of its own. Hangul needs a Korean font (fonts-nanum on
Debian/Ubuntu); look at every picture before committing them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from festival_app.domain.booths import Booth

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
LANGUAGES = ("en", "ko")
README_SHOTS = {
    ("booths", "en"): "main-window.png",
    ("timetable", "en"): "timetable.png",
    ("site_map", "en"): "site-map.png",
}


def settle(seconds: float = 0.6) -> None:
    """Let timers (the clash check, the grid, a reading thread) run for a while."""
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


class Shooter:
    """Takes the pictures of one language into one folder."""

    def __init__(self, code: str, out: Path, size: tuple[int, int]) -> None:
        self.code = code
        self.out = out
        self.size = size
        self.written: list[Path] = []

    def save(self, widget: Any, name: str) -> None:
        target = self.out / f"{name}-{self.code}.png"
        widget.grab().save(str(target))
        self.written.append(target)

    def save_as(self, widget: Any, file_name: str) -> None:
        target = self.out / file_name
        widget.grab().save(str(target))
        self.written.append(target)

    def dialog(
        self, dialog: Any, name: str, prepare: Callable[[Any], object] | None = None
    ) -> None:
        """Show a dialog built here, take it, close it."""
        dialog.show()
        settle(0.3)
        if prepare is not None:
            prepare(dialog)
            settle(0.3)
        self.save(dialog, f"dialog-{name}")
        dialog.close()
        dialog.deleteLater()

    def modal(self, trigger: Callable[[], object], name: str) -> None:
        """Take the modal dialog or message box that `trigger` opens, then close it."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

        tries = [0]

        def grab() -> None:
            box = QApplication.activeModalWidget()
            if box is None:
                tries[0] += 1
                if tries[0] < 200:
                    QTimer.singleShot(20, grab)
                else:
                    print(f"dialog-{name}: nothing was shown", file=sys.stderr)
                return
            settle(0.3)
            self.save(box, f"dialog-{name}")
            if isinstance(box, QMessageBox):
                cancel = box.escapeButton() or box.button(QMessageBox.StandardButton.Cancel)
                (cancel or box.buttons()[-1]).click()
            elif isinstance(box, QDialog):
                box.reject()
            else:
                box.close()

        QTimer.singleShot(0, grab)
        trigger()
        settle(0.2)


def take(code: str, out: Path, size: tuple[int, int]) -> list[Path]:
    """Every picture of one language (run in a process of its own)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = Path(tempfile.mkdtemp(prefix="festival-shots-"))
    os.environ["FESTIVAL_APP_DATA_DIR"] = str(data)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from festival_app import language
    from festival_app.app import window_extensions
    from festival_app.cli.commands.init import create_festival_file
    from festival_app.gui.main_window import MainWindow
    from festival_app.services import FestivalService

    app = QApplication([])
    language.install(app, code)
    path = data / "festival.sqlite3"
    create_festival_file(path, sample=True)
    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
    # The Timetable section and the Clashes dock.
    window = MainWindow(FestivalService.open(path), settings, window_extensions())
    window.resize(*size)
    window.show()
    settle(1.0)
    out.mkdir(parents=True, exist_ok=True)
    shots = Shooter(code, out, size)

    for key in ("festival", "venues", "troupes", "program", "booths", "timetable", "site_map"):
        window.show_section(key)
        settle(0.8)  # the clash check and the grid settle after a few event rounds
        shots.save(window, f"section-{key}")
        readme = README_SHOTS.get((key, "en"))
        if readme and size == (1280, 800):
            shots.save_as(window, readme if code == "en" else readme.replace(".png", "-ko.png"))

    _dialogs(shots, window, data)
    window.close()
    app.processEvents()
    return shots.written


def _longest(records: list[Any], text: Callable[[Any], str]) -> Any:
    return max(records, key=lambda r: len(text(r)))


def _dialogs(shots: Shooter, window: Any, data: Path) -> None:
    from festival_app.gui.dialogs import editors

    service = window.service
    lang = shots.code

    def submit(record: object) -> None:
        return None

    venues, troupes = service.venues(), service.troupes()
    items, booths = service.program(), service.booths()
    shots.dialog(editors.DayDialog(None, submit, window), "day")
    shots.dialog(editors.VenueDialog(None, submit, window), "venue")
    longest_venue = _longest(venues, lambda v: v.name_en + v.name_ko)
    shots.dialog(editors.VenueDialog(longest_venue, submit, window), "venue-edit")
    shots.dialog(editors.TroupeDialog(None, submit, lang, window), "troupe")
    longest_troupe = _longest(troupes, lambda t: t.name + t.name_ko)
    shots.dialog(editors.TroupeDialog(longest_troupe, submit, lang, window), "troupe-edit")
    shots.dialog(editors.ProgramItemDialog(None, submit, service, lang, window), "program-item")
    longest_item = _longest(items, lambda i: i.title_en + i.title_ko)
    shots.dialog(
        editors.ProgramItemDialog(longest_item, submit, service, lang, window),
        "program-item-edit",
    )
    shots.dialog(editors.BoothDialog(None, submit, service, lang, window), "booth")
    longest_booth = _longest(booths, lambda b: b.organization + b.exhibitor)
    shots.dialog(editors.BoothDialog(longest_booth, submit, service, lang, window), "booth-edit")

    from festival_app.gui.schedule.venue_columns import VenueColumnsDialog

    grid = window.section("timetable")
    shots.dialog(VenueColumnsDialog(venues, grid.columns, window), "venue-columns")

    from festival_app.gui.dialogs.export_dialog import ExportDialog

    shots.dialog(ExportDialog(service, window), "export")

    from festival_app.exports import export
    from festival_app.gui.dialogs.import_dialog import ImportDialog

    workbook = data / "booths.xlsx"
    export("booths", service, workbook)
    shots.dialog(
        ImportDialog(service, window.undo_stack, window, workbook),
        "import",
        prepare=lambda _: settle(1.5),  # the workbook is read off the GUI thread
    )

    from festival_app.gui.dialogs.restore_dialog import RestoreDialog
    from festival_app.store import backups

    backups.take_backup(service.db, backups.MANUAL)
    shots.dialog(RestoreDialog(service, window), "restore")

    try:
        from festival_app.gui.dialogs.about import AboutDialog
    except ImportError:
        window_about = window.about
        shots.modal(window_about, "about")
    else:
        shots.dialog(AboutDialog(window, window.settings), "about")

    from festival_app.gui.dialogs.crash import CrashDialog

    details = 'Traceback (most recent call last):\n  File "festival_app/...", line 1\nError'
    shots.dialog(
        CrashDialog("ValueError: example", details, data / "logs" / "festival-app.log", window),
        "crash",
    )

    from festival_app.gui.clash_panel import ClashPanel

    panel = window.findChild(ClashPanel)
    # A clash with a long message, for the acknowledging dialog.
    from dataclasses import replace

    pairs = [
        (a, b)
        for a in items
        for b in items
        if a.troupe_id is not None
        and b.troupe_id is not None
        and a.id != b.id
        and (a.day_id, a.start) == (b.day_id, b.start)
        and a.venue_id != b.venue_id
    ]
    if pairs:  # a troupe in two places at once
        service.save(replace(pairs[0][1], troupe_id=pairs[0][0].troupe_id))
    panel.refresh(force=True)
    rows = panel.rows()
    if rows:  # the longest message: the dialog must still fit
        panel.tree.setCurrentItem(max(rows, key=lambda row: len(row.text(0))))
        shots.modal(panel.acknowledge_current, "acknowledge-clash")

    window.show_section("booths")
    settle(0.3)
    section = window.record_section("booths")
    section.table.selectRow(0)
    shots.modal(section.delete_selected, "delete-booth")

    _changed_elsewhere(shots, window, booths[0])

    from festival_app.gui.dialogs.lock_dialog import ask_locked
    from festival_app.store.errors import LockedByOtherError

    class Holder:
        def who(self) -> str:
            return "kim@EVENT-PC-07"

        def since(self) -> str:
            return "2018-08-31 09:12"

    locked = LockedByOtherError(service.path, Holder(), stale=True)
    shots.modal(lambda: ask_locked(window, locked), "file-in-use")

    stranger = data / "notes.sqlite3"
    stranger.write_text("not a festival file", encoding="utf-8")
    shots.modal(lambda: window.open_path(stranger), "not-a-festival-file")

    other = "en" if lang == "ko" else "ko"
    shots.modal(lambda: window.languages.choose(other), "language-notice")


def _changed_elsewhere(shots: Shooter, window: Any, booth: Booth) -> None:
    """The question after an edit of a booth that another computer changed meanwhile."""
    from dataclasses import replace

    from festival_app.domain.booths import Booth
    from festival_app.gui.mine_on_top import offer_mine_on_top
    from festival_app.services import FestivalService
    from festival_app.store.errors import StaleRecordError

    service = window.service
    other = FestivalService.open(service.path)
    try:
        theirs = other.get(Booth, booth.id or 0)
        assert theirs is not None
        other.save(replace(theirs, phone="+82 2 2555 2099", staff=(booth.staff or 0) + 2))
    finally:
        other.close()
    mine = replace(booth, notes=booth.notes + " Bring the banner for the parade.")
    try:
        service.save(mine)
    except StaleRecordError as exc:
        refused = exc
    else:
        raise AssertionError("the booth was changed elsewhere: the save must be refused")
    shots.modal(lambda: offer_mine_on_top(window, service, mine, refused), "changed-elsewhere")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("language", nargs="?", choices=LANGUAGES, help="one language only")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--size", default="1280x800", help="window size, like 1024x768")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))
    if args.language is None:
        status = 0
        for code in LANGUAGES:  # a process each: translators and locale are per process
            command = [sys.executable, __file__, code, "--out", str(args.out), "--size", args.size]
            status |= subprocess.run(command, check=False).returncode
        return status
    for path in take(args.language, args.out, (width, height)):
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"{shown} written")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
