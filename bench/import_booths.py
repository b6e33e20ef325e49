"""Importing a 12,000-row Booths sheet against a bare openpyxl read-only pass over the file.

    python bench/import_booths.py [--scale 100] [--repeat 3]

The Booths sheet is written from the generated festival's own booths (all 15 columns of
the import format). Two imports are timed, each from opening the workbook to the commit:

- "create": into a copy of the festival whose booths were deleted (12,000 new booths);
- "unchanged": into the full festival (every row matches; nothing is written).

The floor is openpyxl itself: load_workbook(read_only=True, data_only=True) and iterating
every row's values, with nothing done to them, in the same process. Best of --repeat.
Peak memory of an import is measured in a fresh subprocess (ru_maxrss) and with tracemalloc.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate
from festival_app.domain.booths import Booth
from festival_app.domain.countries import name as country_name
from festival_app.imports.apply import apply_plan
from festival_app.imports.format import BOOTHS, CATEGORIES
from festival_app.imports.workbook import preview_workbook
from festival_app.services import FestivalService


def festival_file(scale: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"festival-bench-{scale}x.sqlite3"
    if not path.exists():
        print(f"generating the {scale}x festival at {path} ...", flush=True)
        generate(path, scale)
    return path


def write_booths_sheet(db: Path, out: Path) -> int:
    """The festival's booths as a Booths sheet of the import format; returns the row count."""
    import openpyxl

    service = FestivalService.open(db, read_only=True)
    try:
        venues = {v.id: v.name_en for v in service.venues()}
        days = {d.id: d.date.isoformat() for d in service.days()}
        booths = service.booths()
    finally:
        service.close()
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet(BOOTHS.en)
    ws.append([c.en for c in BOOTHS.columns])
    for b in booths:
        ws.append(
            [
                b.code or "",
                venues[b.venue_id],
                CATEGORIES.en(b.category),
                country_name(b.country) if b.country else "",
                b.organization,
                b.exhibitor,
                b.contact,
                b.email,
                b.phone,
                b.staff,
                "yes" if b.power else "no",
                "yes" if b.water else "no",
                "yes" if b.gas else "no",
                ", ".join(days[d] for d in sorted(b.day_ids)) if b.day_ids else "all",
                b.notes,
            ]
        )
    wb.save(out)
    return len(booths)


def without_booths(db: Path, out: Path) -> Path:
    """A copy of the festival with every booth deleted (venues and days kept)."""
    out.unlink(missing_ok=True)
    shutil.copyfile(db, out)
    service = FestivalService.open(out)
    try:
        service.delete(Booth, [b.id for b in service.booths() if b.id is not None])
    finally:
        service.close()
    return out


def bare_read(workbook: Path) -> float:
    import openpyxl

    start = time.perf_counter()
    wb = openpyxl.load_workbook(workbook, read_only=True, data_only=True)
    for ws in wb.worksheets:
        for _row in ws.iter_rows(values_only=True):
            pass
    wb.close()
    return time.perf_counter() - start


def timed_import(db: Path, workbook: Path) -> dict[str, float]:
    """Preview (read + check) and apply, as the command line does; seconds of each."""
    service = FestivalService.open(db)
    try:
        start = time.perf_counter()
        plan = preview_workbook(service, workbook)
        previewed = time.perf_counter()
        assert not plan.has_errors, [p.message() for p in plan.problems[:3]]
        apply_plan(service, plan)
        done = time.perf_counter()
    finally:
        service.close()
    return {"preview": previewed - start, "apply": done - previewed, "total": done - start}


def memory_child(db: str, workbook: str) -> None:
    """Run one import and print its peak memory as JSON (in a fresh process)."""
    tracemalloc.start()
    timed_import(Path(db), Path(workbook))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"tracemalloc_mb": peak / 2**20, "maxrss_mb": rss_kb / 1024}))


def memory(db: Path, workbook: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(db), str(workbook)],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def bare_memory_child(workbook: str) -> None:
    bare_read(Path(workbook))
    print(json.dumps({"maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory-child", nargs=2, metavar=("DB", "XLSX"))
    parser.add_argument("--bare-memory-child", metavar="XLSX")
    args = parser.parse_args()
    if args.memory_child:
        memory_child(*args.memory_child)
        return 0
    if args.bare_memory_child:
        bare_memory_child(args.bare_memory_child)
        return 0

    db = festival_file(args.scale)
    folder = Path(tempfile.mkdtemp(prefix="import-bench-"))
    workbook = folder / "booths.xlsx"
    rows = write_booths_sheet(db, workbook)
    print(f"Booths sheet: {rows:,} rows, {workbook.stat().st_size / 2**20:.2f} MB ({workbook})")

    floors, creates, unchanged = [], [], []
    for _ in range(args.repeat):
        floors.append(bare_read(workbook))
        empty = without_booths(db, folder / "empty.sqlite3")
        creates.append(timed_import(empty, workbook))
        full = folder / "full.sqlite3"
        shutil.copyfile(db, full)
        unchanged.append(timed_import(full, workbook))
    floor = min(floors)
    best_create = min(creates, key=lambda r: r["total"])
    best_same = min(unchanged, key=lambda r: r["total"])
    print(f"bare openpyxl read-only pass (floor): {floor:.2f} s")
    for label, best in (("create 12,000", best_create), ("re-import, unchanged", best_same)):
        print(
            f"import, {label}: {best['total']:.2f} s "
            f"(read + check {best['preview']:.2f} s, write {best['apply']:.2f} s) "
            f"= {best['total'] / floor:.2f}x the floor"
        )
    empty = without_booths(db, folder / "empty.sqlite3")
    mem = memory(empty, workbook)
    bare = subprocess.run(
        [sys.executable, __file__, "--bare-memory-child", str(workbook)],
        check=True,
        capture_output=True,
        text=True,
    )
    bare_rss = json.loads(bare.stdout.strip().splitlines()[-1])["maxrss_mb"]
    print(
        f"peak memory of the import (create): {mem['maxrss_mb']:.0f} MB max RSS, "
        f"{mem['tracemalloc_mb']:.0f} MB traced Python allocations; "
        f"bare read-only pass: {bare_rss:.0f} MB max RSS"
    )
    verdict = "within" if best_create["total"] <= 2 * floor else "NOT within"
    print(f"target (import within 2x the bare read): {verdict}")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
