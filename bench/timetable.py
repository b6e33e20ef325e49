"""Timetable grid benchmark: one day of a generated festival drawn, one block dragged.

    python bench/timetable.py [--scale 100] [--repeat 7]

Figures (median of --repeat runs, offscreen Qt, 1400x900 window):

- draw: the day's scene built (blocks for every item) and the first frame rendered into
  an image, from data already read; floor 200 ms at 100x.
- open: the whole widget made on the file (reading days, venues, troupes and the day's
  program, the clash check of the day, the unscheduled troupes) and its first frame.
- drag: a block dragged with mouse press, moves and release through the view, saved to the
  file (one transaction), the grid brought up to date, the day re-checked for clashes and
  the view repainted; floor 30 ms at 100x. The share spent committing to disk is shown
  apart, since it depends on the drive (synchronous=FULL).
- drag + panel: the same with the clash panel open; the panel re-checks the whole
  festival once edits pause (150 ms), timed on its own.

Each figure is given as wall-clock time and as the process's CPU time: on a machine shared
with other work the wall clock also counts time spent waiting for a core.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shiboken6
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QImage, QPainter, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow

from bench.generate import generate
from festival_app import clash_checks
from festival_app.gui.clash_panel import ClashPanel, connect_clash_panel
from festival_app.gui.schedule.blocks import ProgramBlock
from festival_app.gui.schedule.widget import TimetableWidget
from festival_app.services import FestivalService

DRAW_FLOOR_MS = 200.0
DRAG_FLOOR_MS = 30.0


def ms(seconds: float) -> float:
    return seconds * 1000.0


Time = tuple[float, float]  # wall-clock and CPU seconds


def now() -> Time:
    return time.perf_counter(), time.process_time()


def since(began: Time) -> Time:
    wall, cpu = now()
    return wall - began[0], cpu - began[1]


def median_ms(runs: list[Time]) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds (CPU time shows the cost on a busy machine)."""
    return ms(statistics.median(r[0] for r in runs)), ms(statistics.median(r[1] for r in runs))


def render(timetable: TimetableWidget) -> QImage:
    """Paint what the user sees of the grid into an image (the first frame)."""
    view = timetable.view
    image = QImage(view.size(), QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    view.render(painter)
    painter.end()
    return image


def make_window(
    service: FestivalService, settings: QSettings, with_panel: bool
) -> tuple[QMainWindow, TimetableWidget]:
    window = QMainWindow()
    stack = QUndoStack(window)
    timetable = TimetableWidget(service, stack, settings)
    window.setCentralWidget(timetable)
    if with_panel:
        panel = ClashPanel(service, stack)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
        connect_clash_panel(panel, timetable.show_items)
    window.resize(1400, 900)
    window.show()
    QApplication.processEvents()
    return window, timetable


def dispose(window: QMainWindow) -> None:
    """Close and delete the window now, so that it no longer follows the file."""
    window.close()
    shiboken6.delete(window)


def drag_once(timetable: TimetableWidget, block: ProgramBlock, minutes: int) -> None:
    """Drag `block` by `minutes` with real mouse events, then let the view repaint what
    changed (as the event loop does after a drop)."""
    view = timetable.view
    g = timetable.scene.geometry
    body = block.body_rect()
    start = block.mapToScene(body.center())
    a = view.mapFromScene(start)
    b = view.mapFromScene(QPointF(start.x(), start.y() + minutes * g.ppm))
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(viewport, QPoint(a.x(), (a.y() + b.y()) // 2))
    QTest.mouseMove(viewport, b)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    QApplication.processEvents()


def pick_block(timetable: TimetableWidget) -> ProgramBlock:
    """A block in sight, on top of any other there (so the press lands on it)."""
    view = timetable.view
    seen = view.visible_scene_rect().adjusted(0, 60, 0, -60)
    for block in sorted(timetable.scene.blocks.values(), key=lambda b: b.pos().y()):
        centre = block.mapToScene(block.body_rect().center())
        if (
            seen.contains(block.sceneBoundingRect())
            and view.block_at(view.mapFromScene(centre)) is block
        ):
            return block
    raise RuntimeError("no block in sight")


def timed(work: Callable[[], object]) -> Time:
    began = now()
    work()
    return since(began)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"festival-{args.scale}x.sqlite3"
        generate(path, args.scale)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        service = FestivalService.open(path)
        day = service.days()[0]
        day_items = service.program(day.id)
        print(f"{args.scale}x festival: {len(service.program())} items, day 1 has {len(day_items)}")

        # -- open: the whole widget on the file, first frame -----------------------------
        opens = []
        for _ in range(args.repeat):
            began = now()
            window, timetable = make_window(service, settings, with_panel=False)
            render(timetable)
            opens.append(since(began))
            dispose(window)

        # -- draw: scene build from data in hand, first frame ----------------------------
        window, timetable = make_window(service, settings, with_panel=False)
        scene = timetable.scene
        venues = list(scene.venues)
        names = {t.id: t.display_name() for t in service.troupes() if t.id is not None}
        draws = []
        for _ in range(args.repeat):
            began = now()
            scene.load(day, venues, day_items, names, scene.geometry.ppm)
            timetable.view.materialize()
            render(timetable)
            draws.append(since(began))
        blocks = len(scene.blocks)
        seen = timetable.view.visible_scene_rect()
        in_sight = sum(1 for b in scene.blocks.values() if seen.intersects(b.sceneBoundingRect()))
        columns = len(scene.geometry.venue_ids)

        # -- drag: move, save, update, re-check, repaint ------------------------------
        check_runs = [
            timed(lambda: clash_checks.check(service, day.id)) for _ in range(args.repeat)
        ]
        moved = []
        drags = []
        for n in range(args.repeat):
            block = pick_block(timetable)
            item_id = block.item_id
            before = service.get(type(block.item), item_id)
            minutes = 5 if n % 2 == 0 else -5
            began = now()
            drag_once(timetable, block, minutes)
            drags.append(since(began))
            after = service.get(type(block.item), item_id)
            assert before is not None and after is not None
            assert after.start_min == before.start_min + minutes, "the drag was not saved"
            moved.append(after)
        dispose(window)
        # The same saves with no window listening: the file's share of a drag.
        commit_runs = [timed(partial(service.save, item)) for item in moved]

        window, timetable = make_window(service, settings, with_panel=True)
        panel = window.findChild(ClashPanel)
        assert isinstance(panel, ClashPanel)
        panel_drags = []
        panel_checks = []
        for n in range(min(3, args.repeat)):
            block = pick_block(timetable)
            minutes = 5 if n % 2 == 0 else -5
            panel_drags.append(timed(partial(drag_once, timetable, block, minutes)))
            assert panel.is_pending()
            panel_checks.append(timed(panel.refresh))  # what runs once the edits pause
        rows_shown = len(panel.rows())
        dispose(window)
        service.close()

    draw, open_, drag = median_ms(draws), median_ms(opens), median_ms(drags)
    commit, check = median_ms(commit_runs), median_ms(check_runs)
    panel_drag, panel_check = median_ms(panel_drags), median_ms(panel_checks)
    rows: list[tuple[str, tuple[float, float], float | None]] = [
        ("draw: scene build + first frame", draw, DRAW_FLOOR_MS),
        ("open: read, check the day, build, draw", open_, None),
        ("drag: save, update, re-check, repaint", drag, DRAG_FLOOR_MS),
        ("  of which the save's commit to disk", commit, None),
        (
            "  the rest (the grid's share)",
            (drag[0] - commit[0], drag[1] - commit[1]),
            DRAG_FLOOR_MS,
        ),
        ("full clash check of the day (not per drag)", check, None),
        ("drag with the clash panel open", panel_drag, DRAG_FLOOR_MS),
        (f"clash panel re-check ({rows_shown} rows), after edits", panel_check, None),
    ]
    print(
        f"day 1 on the grid: {len(day_items)} items in {columns} venue columns; "
        f"{blocks} blocks made (in sight and half a screen around), {in_sight} in sight"
    )
    print(f"{'median of ' + str(args.repeat) + ' runs':<44} {'wall':>8}      {'CPU':>8}")
    for label, (wall, cpu), floor in rows:
        verdict = ""
        if floor is not None:
            verdict = f"floor {floor:.0f} ms: wall {'OK' if wall < floor else 'OVER'}"
            verdict += f", CPU {'OK' if cpu < floor else 'OVER'}"
        print(f"{label:<44} {wall:8.1f} ms {cpu:8.1f} ms   {verdict}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
