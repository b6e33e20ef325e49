"""Releasing, comparing and publishing on generated festivals of 1x, 10x and 100x.

    python bench/releases.py [--scales 1 10 100] [--repeat 3]

For each scale, on a copy of the generated festival (bench/generate.py), best of
--repeat, each against a floor measured in the same run:

- release: freezing the program (read every record, canonical JSON, insert) against the
  floor of reading the same rows with one bare SELECT per table and json.dumps of them;
- changes: comparing the release with the program now (after moving 1% of the items)
  against the floor of a bare set difference of the items' row tuples;
- publish: writing schedule.xml, schedule.json, index.html and changes.xml into a folder
  swapped in whole, against the floor of writing the same bytes to plain files.

Peak memory of publishing (ru_maxrss and tracemalloc) is measured in a fresh process.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from datetime import time as clock
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate
from festival_app import language, releasing
from festival_app.domain.changes import compare
from festival_app.publishing.publish import publish
from festival_app.services import FestivalService

TABLES = ("festival", "festival_day", "venue", "troupe", "program_item", "booth")


def festival_file(scale: int, work: Path) -> Path:
    """A freshly generated festival (a cached one in the shared temp folder may be of
    another schema)."""
    path = work / f"festival-{scale}x.sqlite3"
    if not path.exists():
        generate(path, scale)
    return path


def best(runs: list[float]) -> float:
    return min(runs)


def bare_release(db: Path) -> float:
    conn = sqlite3.connect(db)
    try:
        start = time.perf_counter()
        data = {t: conn.execute(f"SELECT * FROM {t}").fetchall() for t in TABLES}
        json.dumps(data, ensure_ascii=False)
        return time.perf_counter() - start
    finally:
        conn.close()


def move_some(service: FestivalService) -> None:
    """Move 1% of the items by five minutes (as a day of late changes would)."""
    items = sorted(service.program(), key=lambda i: i.id or 0)
    with service.db.transaction():
        for item in items[:: max(1, len(items) // max(1, len(items) // 100))][
            : max(1, len(items) // 100)
        ]:
            if item.end_min + 5 < 24 * 60 and item.busy_until + 5 <= 24 * 60:
                service.repos.program.update(
                    replace(
                        item,
                        start=clock(*divmod(item.start_min + 5, 60)),
                        end=clock(*divmod(item.end_min + 5, 60)),
                    )
                )


def measure_scale(scale: int, repeat: int, work: Path) -> dict[str, float]:
    source = festival_file(scale, work)
    release_runs, bare_release_runs = [], []
    for n in range(repeat):
        copy = work / f"release-{scale}-{n}.sqlite3"
        shutil.copyfile(source, copy)
        service = FestivalService.open(copy)
        try:
            start = time.perf_counter()
            releasing.release(service, "v1")
            release_runs.append(time.perf_counter() - start)
        finally:
            service.close()
        bare_release_runs.append(bare_release(copy))
    db = work / f"release-{scale}-0.sqlite3"
    service = FestivalService.open(db)
    try:
        move_some(service)
        changes_runs, bare_changes_runs, count = [], [], 0
        for _ in range(repeat):
            start = time.perf_counter()
            found = compare(
                releasing.version(service, "v1").snapshot, releasing.current_snapshot(service)
            )
            changes_runs.append(time.perf_counter() - start)
            count = len(found)
        conn = sqlite3.connect(db)
        frozen = json.loads(
            conn.execute("SELECT snapshot FROM release WHERE name = 'v1'").fetchone()[0]
        )
        for _ in range(repeat):
            start = time.perf_counter()
            old = {tuple(sorted(i.items())) for i in json.loads(json.dumps(frozen["items"]))}
            now = set(conn.execute("SELECT * FROM program_item").fetchall())
            _ = len(old) + len(now)  # a bare pass over both sides
            bare_changes_runs.append(time.perf_counter() - start)
        conn.close()
        publish_runs, floor_runs = [], []
        for n in range(repeat):
            out = work / f"site-{scale}"
            start = time.perf_counter()
            publish(service, out)
            publish_runs.append(time.perf_counter() - start)
            contents = {p.name: p.read_bytes() for p in out.iterdir()}
            plain = work / f"plain-{scale}-{n}"
            plain.mkdir()
            start = time.perf_counter()
            for name, data in contents.items():
                (plain / name).write_bytes(data)
            floor_runs.append(time.perf_counter() - start)
        size = sum(p.stat().st_size for p in (work / f"site-{scale}").iterdir())
        items = len(service.program())
    finally:
        service.close()
    return {
        "scale": scale,
        "items": items,
        "release_s": best(release_runs),
        "release_floor_s": best(bare_release_runs),
        "changes_s": best(changes_runs),
        "changes_floor_s": best(bare_changes_runs),
        "changes": count,
        "publish_s": best(publish_runs),
        "publish_floor_s": best(floor_runs),
        "published_mb": size / 1e6,
    }


def child_publish(db: Path, out: Path, trace: bool) -> None:
    language.korean_labels()
    if trace:
        tracemalloc.start()
    service = FestivalService.open(db, read_only=True)
    try:
        start = time.perf_counter()
        publish(service, out)
        seconds = time.perf_counter() - start
    finally:
        service.close()
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "trace_peak": peak, "rss_kb": rss_kb}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_publish(args.child, args.out, args.trace)
        return 0
    language.korean_labels()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print(
            f"{'scale':>5} {'items':>6} | {'release':>8} {'floor':>7} | {'changes':>8} "
            f"{'floor':>7} {'found':>5} | {'publish':>8} {'floor':>7} {'MB':>6}"
        )
        last_db = None
        for scale in args.scales:
            r = measure_scale(scale, args.repeat, work)
            print(
                f"{r['scale']:>4}x {r['items']:>6} | {r['release_s']:>7.3f}s "
                f"{r['release_floor_s']:>6.3f}s | {r['changes_s']:>7.3f}s "
                f"{r['changes_floor_s']:>6.3f}s {r['changes']:>5} | {r['publish_s']:>7.3f}s "
                f"{r['publish_floor_s']:>6.3f}s {r['published_mb']:>6.2f}",
                flush=True,
            )
            last_db = work / f"release-{scale}-0.sqlite3"
        assert last_db is not None
        runs = {}
        for trace in (False, True):
            done = subprocess.run(
                [sys.executable, __file__, "--child", str(last_db), "--out", str(work / "mem")]
                + (["--trace"] if trace else []),
                capture_output=True,
                text=True,
                check=True,
            )
            runs[trace] = json.loads(done.stdout.strip().splitlines()[-1])
        plain, traced = runs[False], runs[True]
        print(
            f"publishing the {args.scales[-1]}x festival in a fresh process: "
            f"{plain['seconds']:.2f} s, {plain['rss_kb'] / 1024:.0f} MB resident at most "
            f"(ru_maxrss, whole process); {traced['trace_peak'] / 1e6:.0f} MB allocated at "
            f"the peak (tracemalloc, a run of its own: {traced['seconds']:.1f} s traced)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
