"""Screenshots of the window in one language, for the documentation.

    python tools/screenshots.py ko   # docs/screenshots/main-window-ko.png, timetable-ko.png

Offscreen at 1400x900 on a fresh copy of the 2018 sample. Hangul needs a Korean font
(fonts-nanum on Debian/Ubuntu); look at the pictures before committing them.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    code = argv[0] if argv else "ko"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = Path(tempfile.mkdtemp())
    os.environ["FESTIVAL_APP_DATA_DIR"] = str(data)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from festival_app import language
    from festival_app.cli.commands.init import create_festival_file
    from festival_app.gui.main_window import MainWindow
    from festival_app.gui.schedule import extension as timetable
    from festival_app.services import FestivalService

    app = QApplication([])
    language.install(app, code)
    path = data / "festival.sqlite3"
    create_festival_file(path, sample=True)
    timetable.register()
    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(FestivalService.open(path), settings)
    window.resize(1400, 900)
    window.show()
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    for section, name in (("booths", "main-window"), ("timetable", "timetable")):
        window.show_section(section)
        for _ in range(3):  # the clash check and the grid settle after a few event rounds
            app.processEvents()
            time.sleep(0.2)
        target = out / f"{name}-{code}.png"
        window.grab().save(str(target))
        print(f"{target.relative_to(ROOT)} written")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
