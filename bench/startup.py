"""Start-up to the shown main window, next to a bare PySide6 QMainWindow, in one run.

    python bench/startup.py [--runs 7]

Each start is a fresh process: `python main.py --db FILE --smoke-test` (open the file, show
the window, wait for its first paint, quit) on the 1x and 100x festival, and a tiny script
that shows an empty QMainWindow and quits on its first paint. Runs are interleaved so all
variants see the same machine load; the medians are compared. Target: 100x at most 1.5x
the bare window. A second floor shows the same kinds of widgets as the window's first
screen with no program behind them: what Qt's widgets alone cost. A third floor is that
same window after opening the 100x file through the program's service, in the program's
order (its imports; its check of the file started on a second core before Qt loads), with
no window code of the program: the least any start-up of this program can cost. A last
case opens the 100x file with the Booths section remembered as the last one shown, so
12,000 booths load before the first paint.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate

REPO = Path(__file__).resolve().parent.parent
TARGET = 1.5  # the 100x start-up at most this many times the bare window's
WIDGETS = "the window's widgets, no program"

BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False

watcher = FirstPaint()
window.installEventFilter(watcher)
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
"""


# The same kinds of widgets as the main window's first screen (menus of actions with
# shortcuts, a side list, a form, a table, a dock, a status bar) with no program behind
# them: what the window's Qt widgets alone cost, the floor under the program's start.
SAME_WIDGETS = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QFormLayout, QLineEdit, QListWidget, QMainWindow,
    QPlainTextEdit, QSplitter, QTableView, QTreeWidget, QWidget,
)

app = QApplication(sys.argv)
window = QMainWindow()
stack = QUndoStack(window)
for title in ("&File", "&Edit", "&View", "&Tools", "&Language", "&Help"):
    menu = window.menuBar().addMenu(title)
    for number in range(8):
        action = QAction(f"Action {number}…", window)
        action.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        menu.addAction(action)
sections = QListWidget()
sections.addItems(["Festival", "Venues", "Troupes", "Program", "Booths", "Timetable"])
form = QWidget()
layout = QFormLayout(form)
for number in range(8):
    layout.addRow(f"Field {number}", QLineEdit("text"))
layout.addRow("Notes", QPlainTextEdit())
layout.addRow("Days", QTableView())
splitter = QSplitter(Qt.Orientation.Horizontal)
splitter.addWidget(sections)
splitter.addWidget(form)
window.setCentralWidget(splitter)
dock = QDockWidget("Clashes")
dock.setWidget(QTreeWidget())
window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
window.statusBar().showMessage("Ready")

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False

watcher = FirstPaint()
window.installEventFilter(watcher)
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
"""

# The same window, with the program's service opening the file in the program's order:
# its check started on a second core before Qt loads (FestivalService.check_ahead), the
# file opened once the application exists. What the data layer adds under any window the
# program could show.
WIDGETS_AND_FILE = (
    "import sys\n"
    "from festival_app.services import FestivalService\n"
    "FestivalService.check_ahead(sys.argv[1])\n"
) + SAME_WIDGETS.replace(
    "app = QApplication(sys.argv)\n",
    "app = QApplication(sys.argv)\nservice = FestivalService.open(sys.argv[1])\n",
)


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process); CPU time is what a busy, shared
    machine disturbs least, so both are reported."""
    begin = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    stderr = process.stderr.read().decode() if process.stderr else ""
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - begin
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code
    if code != 0:
        raise SystemExit(f"{' '.join(command)} failed ({code}): {stderr}")
    return elapsed, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        files = {scale: generate(base / f"festival-{scale}x.sqlite3", scale) for scale in (1, 100)}
        bare = base / "bare.py"
        bare.write_text(BARE, encoding="utf-8")
        same_widgets = base / "same_widgets.py"
        same_widgets.write_text(SAME_WIDGETS, encoding="utf-8")
        widgets_and_file = base / "widgets_and_file.py"
        widgets_and_file.write_text(WIDGETS_AND_FILE, encoding="utf-8")
        # Installed programs run from compiled bytecode (.pyc); where the environment
        # forbids writing it (PYTHONDONTWRITEBYTECODE), every start would compile the
        # program's sources again. Keep the .pyc files in the temporary folder instead.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(base / "pycache"))
        fresh = dict(env, FESTIVAL_APP_DATA_DIR=str(base / "fresh"))
        booths_dir = base / "booths"
        booths_dir.mkdir()
        (booths_dir / "settings.ini").write_text(
            "[settings]\nversion=1\n\n[window]\nsection=booths\n", encoding="utf-8"
        )
        booths = dict(env, FESTIVAL_APP_DATA_DIR=str(booths_dir))
        main_py = str(REPO / "main.py")
        cases = {
            "bare QMainWindow": ([sys.executable, str(bare)], env),
            WIDGETS: ([sys.executable, str(same_widgets)], env),
            "those widgets + opening 100x": (
                [sys.executable, str(widgets_and_file), str(files[100])],
                fresh,
            ),
            "festival 1x": (
                [sys.executable, main_py, "--db", str(files[1]), "--smoke-test"],
                fresh,
            ),
            "festival 100x": (
                [sys.executable, main_py, "--db", str(files[100]), "--smoke-test"],
                fresh,
            ),
            "festival 100x, Booths shown first": (
                [sys.executable, main_py, "--db", str(files[100]), "--smoke-test"],
                booths,
            ),
        }
        for command, case_env in cases.values():  # warm caches (.pyc, fonts) once
            timed(command, case_env)
        times: dict[str, list[float]] = {name: [] for name in cases}
        cpu: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, (command, case_env) in cases.items():
                wall, used = timed(command, case_env)
                times[name].append(wall)
                cpu[name].append(used)
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"median of {args.runs} runs each (interleaved), to first paint and exit:")
    bare_wall = statistics.median(times["bare QMainWindow"])
    bare_cpu = statistics.median(cpu["bare QMainWindow"])
    for name in cases:
        wall = statistics.median(times[name])
        used = statistics.median(cpu[name])
        print(
            f"  {name:<34} wall {wall:.3f} s ({wall / bare_wall:.2f}x bare, min "
            f"{min(times[name]):.3f})   CPU {used:.3f} s ({used / bare_cpu:.2f}x bare)"
        )
    ratio = statistics.median(times["festival 100x"]) / bare_wall
    cpu_ratio = statistics.median(cpu["festival 100x"]) / bare_cpu
    verdict = "met" if ratio <= TARGET else "NOT met"
    print(
        f"100x start-up / bare QMainWindow: wall {ratio:.2f}, CPU {cpu_ratio:.2f} "
        f"(target <= {TARGET:.2f} wall: {verdict})"
    )
    floor = statistics.median(times["those widgets + opening 100x"])
    print(
        f"floors / bare QMainWindow: widgets {statistics.median(times[WIDGETS]) / bare_wall:.2f}, "
        f"widgets + opening the file {floor / bare_wall:.2f}; 100x start-up / the latter: "
        f"{statistics.median(times['festival 100x']) / floor:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
