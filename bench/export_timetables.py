"""Every venue timetable of both days as one PDF (100x festival): pages per second, memory.

    python bench/export_timetables.py [--scale 100] [--repeat 2]

Also measures the same pages with reportlab alone as a floor: a bare canvas writing the
same number of pages with the same font and about the same amount of text per page, no
layout. Peak memory in a fresh subprocess (ru_maxrss) and with tracemalloc.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate
from festival_app.exports import export
from festival_app.services import FestivalService


def festival_file(scale: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"festival-bench-{scale}x.sqlite3"
    if not path.exists():
        print(f"generating the {scale}x festival at {path} ...", flush=True)
        generate(path, scale)
    return path


def pages_of(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def run_export(db: Path, out: Path) -> tuple[float, int]:
    service = FestivalService.open(db, read_only=True)
    try:
        start = time.perf_counter()
        export("timetable", service, out)
        seconds = time.perf_counter() - start
        return seconds, len(service.program())
    finally:
        service.close()


def bare_canvas(out: Path, pages: int, lines: int) -> float:
    """Reportlab alone: `pages` pages of `lines` lines of mixed Korean/English text."""
    from reportlab.pdfgen.canvas import Canvas

    from festival_app.exports.fonts import find_korean_font

    font = find_korean_font()
    start = time.perf_counter()
    canv = Canvas(str(out))
    for page in range(pages):
        canv.setFont(font.regular, 12)
        for line in range(lines):
            canv.drawString(
                40, 800 - line * 14, f"{page}:{line} 개막 공연 / Opening performance 12:00–12:30"
            )
        canv.showPage()
    canv.save()
    return time.perf_counter() - start


def child(mode: str, db: Path, out: Path) -> None:
    trace = mode.endswith("-trace")
    if trace:
        tracemalloc.start()
    seconds, _ = run_export(db, out)
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "rss_kb": rss_kb, "trace_peak": peak}))


def measure(mode: str, db: Path, out: Path) -> dict[str, float]:
    args = [sys.executable, __file__, "--child", mode, "--db", str(db), "--out", str(out)]
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.db, args.out)
        return 0

    db = festival_file(args.scale)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = folder / "timetables.pdf"
        times = []
        items = 0
        for _ in range(args.repeat):
            seconds, items = run_export(db, out)
            times.append(seconds)
        pages = pages_of(out)
        best = min(times)
        floor = bare_canvas(folder / "bare.pdf", pages, 45)
        mem = measure("export", db, folder / "m1.pdf")
        traced = measure("export-trace", db, folder / "m2.pdf")
        size_mb = out.stat().st_size / 1e6
        print(f"festival {args.scale}x: {items} program items")
        print(
            f"timetable PDF: {pages} pages, {size_mb:.1f} MB, best {best:.2f} s "
            f"(runs: {', '.join(f'{t:.2f}' for t in times)}) = {pages / best:.0f} pages/s"
        )
        print(
            f"bare reportlab canvas, same pages, 45 lines each: {floor:.2f} s = {pages / floor:.0f} pages/s"
        )
        print(
            f"peak memory: ru_maxrss {mem['rss_kb'] / 1024:.0f} MB, "
            f"tracemalloc {traced['trace_peak'] / 1e6:.1f} MB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
