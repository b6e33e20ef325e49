"""The 12,000-booth workbook (100x festival) against a bare openpyxl write-only loop.

    python bench/export_booths.py [--scale 100] [--repeat 3]

The floor is openpyxl itself: a write-only workbook with the same sheets and the same
cell values (read back from the export), appended row by row with no checks, no widths,
no styles. Both run in the same process, best of --repeat. Peak memory of each is
measured in a fresh subprocess (ru_maxrss) and with tracemalloc.
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

Sheets = list[tuple[str, list[tuple[object, ...]]]]


def festival_file(scale: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"festival-bench-{scale}x.sqlite3"
    if not path.exists():
        print(f"generating the {scale}x festival at {path} ...", flush=True)
        generate(path, scale)
    return path


def run_export(db: Path, out: Path) -> float:
    service = FestivalService.open(db, read_only=True)
    try:
        start = time.perf_counter()
        export("booths", service, out)
        return time.perf_counter() - start
    finally:
        service.close()


def read_cells(path: Path) -> Sheets:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    sheets = [(ws.title, [tuple(row) for row in ws.iter_rows(values_only=True)]) for ws in wb]
    wb.close()
    return sheets


def bare_loop(sheets: Sheets, out: Path) -> float:
    from openpyxl import Workbook

    start = time.perf_counter()
    wb = Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(out)
    return time.perf_counter() - start


def child(mode: str, db: Path, out: Path, cells: Path | None) -> None:
    """Run once in a fresh process and print seconds, ru_maxrss and tracemalloc peak."""
    sheets = json.loads(cells.read_text()) if cells else None
    trace = mode.endswith("-trace")
    if trace:
        tracemalloc.start()
    if mode.startswith("export"):
        seconds = run_export(db, out)
    else:
        assert sheets is not None
        seconds = bare_loop([(t, [tuple(r) for r in rows]) for t, rows in sheets], out)
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "rss_kb": rss_kb, "trace_peak": peak}))


def measure(mode: str, db: Path, out: Path, cells: Path | None) -> dict[str, float]:
    args = [sys.executable, __file__, "--child", mode, "--db", str(db), "--out", str(out)]
    if cells:
        args += ["--cells", str(cells)]
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cells", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.db, args.out, args.cells)
        return 0

    db = festival_file(args.scale)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours, floor = folder / "booths.xlsx", folder / "bare.xlsx"
        run_export(db, ours)  # warm up: imports, fonts, caches
        sheets = read_cells(ours)
        cells = sum(len(rows) * max((len(r) for r in rows), default=0) for _, rows in sheets)
        export_times, bare_times = [], []
        for _ in range(args.repeat):
            # Interleaved, so that machine load hits both alike.
            export_times.append(run_export(db, ours))
            bare_times.append(bare_loop(sheets, floor))
        best_export, best_bare = min(export_times), min(bare_times)
        cells_file = folder / "cells.json"
        cells_file.write_text(json.dumps(sheets, default=str))
        mem_export = measure("export", db, folder / "m1.xlsx", None)
        mem_bare = measure("bare", db, folder / "m2.xlsx", cells_file)
        trace_export = measure("export-trace", db, folder / "m3.xlsx", None)
        trace_bare = measure("bare-trace", db, folder / "m4.xlsx", cells_file)
        booths = len(sheets[0][1]) - 1
        print(f"festival {args.scale}x: {booths} booths, {len(sheets)} sheets, {cells:,} cells")
        print(
            f"export('booths')      best {best_export:.3f} s  (runs: {', '.join(f'{t:.3f}' for t in export_times)})"
        )
        print(
            f"bare write-only loop  best {best_bare:.3f} s  (runs: {', '.join(f'{t:.3f}' for t in bare_times)})"
        )
        print(f"ratio export / floor  {best_export / best_bare:.2f}x  (target <= 1.5x)")
        print(
            f"peak memory export    ru_maxrss {mem_export['rss_kb'] / 1024:.0f} MB, "
            f"tracemalloc {trace_export['trace_peak'] / 1e6:.1f} MB"
        )
        print(
            f"peak memory floor     ru_maxrss {mem_bare['rss_kb'] / 1024:.0f} MB, "
            f"tracemalloc {trace_bare['trace_peak'] / 1e6:.1f} MB (cells held in memory)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
