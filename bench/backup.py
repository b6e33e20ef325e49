"""Backups: time and size of a backup and a restore of generated festivals (1x, 10x, 100x),
the cost of the checks made on every open, and a round trip that must give back the same
festival.

    python bench/backup.py [--scales 1 10 100] [--repeat 5]

The floor is a plain file copy of the same file (which is not safe on a live database,
but is the least any copy can cost).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate
from festival_app.store import backup_folder, backups
from festival_app.store.db import Database


def _ms(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of `action` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _content(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows: list[tuple[object, ...]] = []
        for (table,) in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'"):
            rows += sorted((table, *r) for r in conn.execute(f"SELECT * FROM {table}"))
        return rows
    finally:
        conn.close()


def bench(scale: int, repeat: int, work: Path) -> dict[str, float]:
    path = generate(work / f"festival-{scale}x.sqlite3", scale)
    size = path.stat().st_size
    counts_conn = sqlite3.connect(path)
    troupes, booths, items = (
        counts_conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("troupe", "booth", "program_item")
    )
    counts_conn.close()

    def check() -> None:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.execute("PRAGMA quick_check").fetchall()
        conn.execute("PRAGMA foreign_key_check").fetchall()
        conn.close()

    check_ms = _ms(check, repeat)
    open_ms = _ms(lambda: Database.open(path).close(), repeat)

    db = Database.open(path)
    original = _content(path)
    made: list[Path] = []
    backup_ms = _ms(lambda: made.append(backups.take_backup(db, backups.MANUAL)), repeat)
    backup = made[-1]
    backup_size = backup.stat().st_size
    copy_ms = _ms(lambda: shutil.copyfile(path, work / "plain-copy"), repeat)
    list_ms = _ms(lambda: backups.list_backups(path), repeat)

    # Round trip: change the festival, restore the backup, compare every row.
    db.conn.execute("DELETE FROM booth_day")
    db.conn.execute("DELETE FROM booth")
    start = time.perf_counter()
    before = backups.restore(db, backup)
    restore_ms = (time.perf_counter() - start) * 1000
    db.close()
    same = _content(path) == original
    undo_differs = _content(before) != original
    for leftover in backup_folder.folder_for(path).iterdir():
        leftover.unlink()
    return {
        "scale": scale,
        "troupes": troupes,
        "booths": booths,
        "items": items,
        "size_mb": size / 1e6,
        "backup_mb": backup_size / 1e6,
        "check_ms": check_ms,
        "open_ms": open_ms,
        "backup_ms": backup_ms,
        "copy_ms": copy_ms,
        "restore_ms": restore_ms,
        "list_ms": list_ms,
        "round_trip_ok": float(same and undo_differs),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        os.environ["FESTIVAL_APP_DATA_DIR"] = str(work / "userdata")
        print(
            f"{'scale':>5} {'troupes':>7} {'booths':>6} {'items':>5} {'file MB':>7} "
            f"{'backup MB':>9} {'backup ms':>9} {'copy ms':>7} {'restore ms':>10} "
            f"{'check ms':>8} {'open ms':>7} {'list ms':>7} round trip"
        )
        for scale in args.scales:
            r = bench(scale, args.repeat, work)
            print(
                f"{scale:>4}x {r['troupes']:>7.0f} {r['booths']:>6.0f} {r['items']:>5.0f} "
                f"{r['size_mb']:>7.2f} {r['backup_mb']:>9.2f} {r['backup_ms']:>9.1f} "
                f"{r['copy_ms']:>7.1f} {r['restore_ms']:>10.1f} {r['check_ms']:>8.1f} "
                f"{r['open_ms']:>7.1f} {r['list_ms']:>7.1f} "
                f"{'same festival' if r['round_trip_ok'] else 'DIFFERENT'}"
            )
    print(
        "\nbackup ms: take_backup (backup API into a partial file, rename, retention) - "
        "median;\ncopy ms: plain file copy of the same file, the floor;\n"
        "check ms: PRAGMA quick_check + foreign_key_check, run on every open;\n"
        "open ms: Database.open + close (header, checks, migration check);\n"
        "list ms: list_backups with content counts of every backup kept."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
