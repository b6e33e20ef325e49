"""Pictures of releases and publishing, for docs/ (look at every one before committing).

    python tools/release_screenshots.py

On a fresh copy of the 2018 sample, released as v1 (printed) and then changed (an item
an hour later, one on another venue, one retitled, one cancelled, one added):

- docs/screenshots/section-changes-<lang>.png, dialog-release-<lang>.png,
  timetable-changes-<lang>.png: the window in Korean and English (offscreen);
- docs/printouts/changes-report.png, changes-notice.png: pages of the change report
  and of a troupe notice (pdftoppm -r 60);
- docs/screenshots/web-<phone|desktop>-<ko|en>.png: the published page in Debian's
  chromium (headless), at 390 and 1280 pixels wide.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "docs" / "screenshots"
PRINTOUTS = ROOT / "docs" / "printouts"


def settle(seconds: float = 0.6) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def changed_sample(folder: Path) -> Path:
    from festival_app.cli.commands.init import create_festival_file
    from tests.helpers.releases import edit_after_release

    path = folder / "festival.sqlite3"
    create_festival_file(path, sample=True)
    edit_after_release(path)
    return path


def window_shots(code: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = Path(tempfile.mkdtemp(prefix="festival-release-shots-"))
    os.environ["FESTIVAL_APP_DATA_DIR"] = str(data)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from festival_app import language
    from festival_app.gui.main_window import MainWindow
    from festival_app.gui.releases import extension as releases
    from festival_app.gui.releases.release_dialog import ReleaseDialog
    from festival_app.gui.schedule import extension as timetable
    from festival_app.services import FestivalService

    app = QApplication([])
    language.install(app, code)
    path = changed_sample(data)
    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
    extensions = (timetable.install, releases.install)
    window = MainWindow(FestivalService.open(path), settings, extensions)
    window.resize(1280, 800)
    window.show()
    settle(1.0)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.show_section(releases.SECTION)
    settle(0.8)
    window.grab().save(str(SHOTS / f"section-changes-{code}.png"))
    window.show_section(timetable.SECTION)
    settle(1.0)
    window.grab().save(str(SHOTS / f"timetable-changes-{code}.png"))
    dialog = ReleaseDialog(window.service, window)
    dialog.show()
    settle(0.4)
    dialog.grab().save(str(SHOTS / f"dialog-release-{code}.png"))
    dialog.close()
    window.close()
    app.processEvents()


def printouts_and_web() -> None:
    from festival_app import language, releasing
    from festival_app.cli import main
    from festival_app.publishing.publish import publish
    from festival_app.services import FestivalService

    language.korean_labels()
    data = Path(tempfile.mkdtemp(prefix="festival-release-docs-"))
    path = changed_sample(data)
    PRINTOUTS.mkdir(parents=True, exist_ok=True)
    for name, extra in (("changes-report", []), ("changes-notice", ["--per-troupe"])):
        pdf = data / f"{name}.pdf"
        main(["changes", "--db", str(path), "--from", "v1", "--out", str(pdf), *extra])
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(PRINTOUTS / name),
            ],
            check=True,
        )
    service = FestivalService.open(path)
    try:
        releasing.release(service, "v2", "무대 변경 반영", "Stage changes")
        site = publish(service, data / "site", base_url="https://festival.example/program/")
    finally:
        service.close()
    chromium = shutil.which("chromium")
    if chromium is None:
        print("chromium is not installed: no pictures of the web page")
        return
    for width, height, device in ((390, 844, "phone"), (1280, 900, "desktop")):
        for code in ("ko", "en"):
            target = SHOTS / f"web-{device}-{code}.png"
            profile = data / f"profile-{device}-{code}"
            subprocess.run(
                [
                    chromium,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--hide-scrollbars",
                    f"--user-data-dir={profile}",
                    f"--window-size={width},{height}",
                    f"--screenshot={target}",
                    f"{site.as_uri()}/index.html?lang={code}",
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )


def main_(argv: list[str]) -> int:
    if argv:
        window_shots(argv[0])
        return 0
    for code in ("en", "ko"):  # a process each: translators and locale are per process
        subprocess.run([sys.executable, __file__, code], check=True)
    printouts_and_web()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main_(sys.argv[1:]))
