"""Site maps on generated festivals (1x, 10x, 100x), each against a floor in the same run.

    python bench/site_map.py [--scales 1 10 100] [--repeat 3]

Each area of the generated festival gets its spaces drawn (rows of 3 x 3 m spaces, one per
booth plus a tenth spare; every space offers power and water, every other one gas), then:

- fill: half of the booths are taken off their spaces, and "place the unplaced booths"
  puts them back (site_plan.fill: the search and the writes, one transaction). Floor: the
  same codes written with one executemany UPDATE in one transaction (no search, no
  checks, no undo log).
- drag: one booth moved to a free space and its area checked (site_plan.place, then
  site_plan.site_clashes of the area), as a drag on the map does. Floor: one UPDATE of
  that booth's code in its own transaction (the commit's fsync is most of it).
- scene: the largest area's map built as graphics items and painted into a 1280 x 800
  image (what the section shows). Floor: QPainter drawing the same number of rectangles
  with their codes into the same image, no items.
- map PDF: every area's map as a PDF (A3). Floor: a bare reportlab canvas drawing the
  same rectangles and codes, page per area, no layout.

Times are the best of --repeat runs, in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate
from festival_app import site_plan
from festival_app.domain.site_map import BoothSpace, code_order, numbered_codes, space_row
from festival_app.services import FestivalService

ROW = 60  # spaces per row


def festival_file(scale: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"festival-bench-{scale}x.sqlite3"
    if not path.exists():
        print(f"generating the {scale}x festival at {path} ...", flush=True)
        generate(path, scale)
    return path


def draw_spaces(service: FestivalService) -> int:
    """Rows of spaces in every area, one per booth and a tenth spare, numbered like the
    booths' codes. Returns how many."""
    total = 0
    for area in site_plan.booth_areas(service):
        count = (area.booth_spaces or 0) + (area.booth_spaces or 0) // 10
        codes = numbered_codes(area.code_prefix, 1, count, len(str(area.booth_spaces or 0)))
        spaces: list[BoothSpace] = []
        for row_index in range(0, count, ROW):
            y = (row_index // ROW) * 8.0
            row = space_row(
                area.id or 0,
                (0.0, y),
                (ROW * 3.0, y),
                codes[row_index : row_index + ROW],
                power=True,
                water=True,
            )
            spaces += [replace(s, gas=n % 2 == 0) for n, s in enumerate(row)]
        site_plan.add_spaces(service, spaces)
        total += len(spaces)
    return total


def best(repeat: int, prepare: Callable[[], object], work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        prepare()
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def bench_scale(scale: int, repeat: int, folder: Path) -> dict[str, float]:
    path = folder / f"site-{scale}x.sqlite3"
    shutil.copyfile(festival_file(scale), path)
    service = FestivalService.open(path)  # brought up to the site map's schema here
    out: dict[str, float] = {}
    try:
        out["spaces"] = draw_spaces(service)
        booths = service.booths()
        out["booths"] = len(booths)
        taken = sorted((b for b in booths if b.code), key=lambda b: b.id or 0)[::2]
        out["unplaced"] = len(taken)
        codes = {b.id: b.code for b in taken}

        def take_off() -> None:
            with service.db.transaction():
                service.db.conn.executemany(
                    "UPDATE booth SET code = NULL, row_version = row_version + 1 WHERE id = ?",
                    [(b.id,) for b in taken],
                )

        placed: list[int] = []

        def fill() -> None:
            _, result = site_plan.fill(service)
            placed.append(len(result.placed))

        out["fill_ms"] = best(repeat, take_off, fill)
        out["placed"] = placed[-1]

        def write_floor() -> None:
            with service.db.transaction():
                service.db.conn.executemany(
                    "UPDATE booth SET code = ? WHERE id = ?",
                    [(code, booth_id) for booth_id, code in codes.items()],
                )

        out["fill_floor_ms"] = best(repeat, take_off, write_floor)

        # A drag: a booth to a free space of its area, saved and the area checked.
        area = max(site_plan.booth_areas(service), key=lambda v: v.booth_spaces or 0)
        area_id = area.id or 0
        free = [s for s in site_plan.spaces(service, area_id)]
        used = {b.code for b in service.booths() if b.code}
        free = [s for s in free if s.code not in used]
        mover = next(b for b in service.booths() if b.venue_id == area_id and b.code)
        targets = iter(free)

        def drag() -> None:
            booth = service.get(type(mover), mover.id or 0)
            assert booth is not None
            site_plan.place(service, booth, next(targets))
            site_plan.site_clashes(service, "en", area_id)

        out["drag_ms"] = best(repeat, lambda: None, drag)

        def drag_floor() -> None:
            with service.db.transaction():
                service.db.conn.execute("UPDATE booth SET code = code WHERE id = ?", (mover.id,))

        out["drag_floor_ms"] = best(repeat, lambda: None, drag_floor)
        out.update(bench_scene(service, area_id, repeat))
        out.update(bench_pdf(service, folder, repeat))
    finally:
        service.close()
    return out


def bench_scene(service: FestivalService, area_id: int, repeat: int) -> dict[str, float]:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from festival_app.gui.site_map.scene import SCALE, SiteScene

    app = QApplication.instance() or QApplication([])
    spaces = site_plan.spaces(service, area_id)
    booths = {b.code: b for b in service.booths() if b.venue_id == area_id and b.code}
    labels = {code: b.label() for code, b in booths.items()}
    site_map = site_plan.site_map(service, area_id)
    image = QImage(1280, 800, QImage.Format.Format_ARGB32_Premultiplied)
    scene = SiteScene()

    def draw_scene() -> None:
        fresh = site_plan.spaces(service, area_id)  # read, as the section does
        scene.show_area(site_map, fresh, booths, labels)
        painter = QPainter(image)
        scene.render(painter, QRectF(0, 0, 1280, 800), scene.sceneRect())
        painter.end()

    def draw_floor() -> None:
        painter = QPainter(image)
        rect = QRectF()
        scale = 1280 / max(1.0, max(s.x for s in spaces) * SCALE)
        for space in spaces:
            rect.setRect(space.x * SCALE * scale, space.y * SCALE * scale, 60 * scale, 60 * scale)
            painter.fillRect(rect, Qt.GlobalColor.white)
            painter.drawRect(rect)
            painter.drawText(rect, space.code)
        painter.end()

    out = {
        "area_spaces": float(len(spaces)),
        "scene_ms": best(repeat, lambda: None, draw_scene),
        "scene_floor_ms": best(repeat, lambda: None, draw_floor),
    }
    del app
    return out


def bench_pdf(service: FestivalService, folder: Path, repeat: int) -> dict[str, float]:
    from reportlab.lib.pagesizes import A3, landscape
    from reportlab.pdfgen.canvas import Canvas

    from festival_app.exports import export
    from festival_app.exports.fonts import find_korean_font

    target = folder / "map.pdf"
    every = sorted(site_plan.spaces(service), key=lambda s: (s.venue_id, code_order(s.code)))
    font = find_korean_font(None)

    def ours() -> None:
        export("map", service, target, lang="both")

    def floor() -> None:
        name = font.regular
        canvas = Canvas(str(folder / "floor.pdf"), pagesize=landscape(A3))
        current = None
        for space in every:
            if space.venue_id != current:
                if current is not None:
                    canvas.showPage()
                current = space.venue_id
                canvas.setFont(name, 4)
            x, y = 20 + space.x * 5, 800 - space.y * 5
            canvas.rect(x, y, 14, 14, stroke=1, fill=0)
            canvas.drawString(x + 1, y + 5, space.code)
        canvas.showPage()
        canvas.save()

    return {
        "pdf_ms": best(repeat, lambda: None, ours),
        "pdf_floor_ms": best(repeat, lambda: None, floor),
        "pdf_kb": target.stat().st_size / 1024,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="site-bench-") as tmp:
        folder = Path(tmp)
        rows = []
        for scale in args.scales:
            figures = bench_scale(scale, args.repeat, folder)
            rows.append((scale, figures))
            print(f"{scale}x: " + ", ".join(f"{k} {v:.1f}" for k, v in figures.items()), flush=True)
    print()
    print(
        "| scale | booths | spaces | unplaced | fill ms (floor) | drag ms (floor) "
        "| area spaces | scene ms (floor) | map PDF ms (floor) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for scale, f in rows:
        print(
            f"| {scale}x | {f['booths']:.0f} | {f['spaces']:.0f} | {f['unplaced']:.0f} "
            f"| {f['fill_ms']:.0f} ({f['fill_floor_ms']:.0f}) "
            f"| {f['drag_ms']:.1f} ({f['drag_floor_ms']:.1f}) "
            f"| {f['area_spaces']:.0f} | {f['scene_ms']:.0f} ({f['scene_floor_ms']:.0f}) "
            f"| {f['pdf_ms']:.0f} ({f['pdf_floor_ms']:.0f}) |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
