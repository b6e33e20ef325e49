"""Team mode on a local PostgreSQL server, next to the SQLite festival file, in one run.

    python bench/team_server.py [--scales 1 10 100] [--runs 5] [--edits 50]

Starts its own PostgreSQL server (as the tests do: tests/helpers/postgres.py; skipped
with a message where no server binaries are installed), then for each scale:

- open: open the festival and read what the window's first screen needs (days, venues,
  troupes, the whole program, all booths) from the SQLite file and from the server;
  median of --runs, compared against the file (goal: the server at most 2x);
- init --from and pull: the festival file copied to the server and pulled back into a new
  file, which must equal the original in every record and acknowledgement;
- edit arrival: another connection saves a program item; the time until this one's
  change feed (LISTEN/NOTIFY on its own connection, in its own thread) hears it; p50 and
  p95 of --edits edits (goal: p95 under 1 s).
"""

from __future__ import annotations

import argparse
import os
import queue
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate
from festival_app import clash_checks
from festival_app.services import FestivalService
from festival_app.store.db import Database
from festival_app.store.postgres import ServerDatabase
from festival_app.store.server_copy import copy_to_server, pull_to_file
from festival_app.team import TeamLink
from tests.helpers import postgres as pg


def first_screen(service: FestivalService) -> int:
    """What the window reads before its first paint (and a little more)."""
    return sum(
        len(x)
        for x in (
            service.days(),
            service.venues(),
            service.troupes(),
            service.program(),
            service.booths(),
        )
    )


def median_s(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def content(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows: list[tuple[object, ...]] = []
        for (table,) in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'"):
            rows += sorted((table, *r) for r in conn.execute(f"SELECT * FROM {table}"))
        return rows
    finally:
        conn.close()


def bench_scale(server: pg.PostgresServer, scale: int, runs: int, edits: int, work: Path) -> None:
    path = generate(work / f"festival-{scale}x.sqlite3", scale)
    url = server.create_database(f"bench_{scale}x_{os.getpid()}")

    start = time.perf_counter()
    source = Database.open(path, read_only=True)
    ServerDatabase.init(url, fill=lambda db: copy_to_server(source, db)).close()
    source.close()
    init_s = time.perf_counter() - start

    pulled = work / f"pulled-{scale}x.sqlite3"
    start = time.perf_counter()
    server_db = ServerDatabase.open(url, read_only=True)
    pull_to_file(server_db, pulled)
    server_db.close()
    pull_s = time.perf_counter() - start
    equal = content(pulled) == content(path)

    def open_file() -> None:
        service = FestivalService.open(path, read_only=True)
        first_screen(service)
        service.close()

    def open_server() -> None:
        service = FestivalService.open_server(url, read_only=True)
        first_screen(service)
        service.close()

    on_file = FestivalService.open(path, read_only=True)
    on_server = FestivalService.open_server(url, read_only=True)
    same_clashes = [c.key for c in clash_checks.check(on_file, None, "en")] == [
        c.key for c in clash_checks.check(on_server, None, "en")
    ]
    on_file.close()
    on_server.close()

    # warm both caches alike
    open_file()
    open_server()
    file_s = median_s(open_file, runs)
    server_s = median_s(open_server, runs)

    ours = FestivalService.open_server(url)
    theirs = FestivalService.open_server(url)
    heard: queue.Queue[float] = queue.Queue()
    link = TeamLink(ours, lambda kinds: heard.put(time.perf_counter())).start()
    arrivals = []
    items = theirs.program()[:edits]
    for n, item in enumerate(items):
        sent = time.perf_counter()
        theirs.save(replace(item, notes=f"edit {n}"))
        arrivals.append(heard.get(timeout=10) - sent)
    link.stop()
    ours.close()
    theirs.close()
    p50 = statistics.median(arrivals)
    p95 = statistics.quantiles(arrivals, n=20)[18] if len(arrivals) >= 20 else max(arrivals)

    print(f"{scale}x ({path.stat().st_size / 1e6:.1f} MB file):")
    print(
        f"  open + first screen   file {file_s * 1000:7.1f} ms   server {server_s * 1000:7.1f} ms"
        f"   ratio {server_s / file_s:.2f}x (goal <= 2.00x: {'met' if server_s <= 2 * file_s else 'NOT met'})"
    )
    print(
        f"  server init --from    {init_s * 1000:7.1f} ms   same clashes on file and server: {same_clashes}"
    )
    print(
        f"  server pull           {pull_s * 1000:7.1f} ms   pulled file equal in every record: {equal}"
    )
    print(
        f"  edit arrival          p50 {p50 * 1000:6.1f} ms   p95 {p95 * 1000:6.1f} ms over {len(arrivals)} edits"
        f" (goal p95 < 1000 ms: {'met' if p95 < 1.0 else 'NOT met'})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--edits", type=int, default=50)
    args = parser.parse_args()
    bin_dir = pg.find_bin_dir()
    if bin_dir is None:
        print("no PostgreSQL server binaries found (Debian: apt-get install postgresql)")
        return 1
    root = Path(tempfile.mkdtemp(prefix="festival-pg-bench-"))
    os.chmod(root, 0o700)
    server = pg.PostgresServer(bin_dir, root, pg.free_port(), pg.server_user())
    server.initdb()
    server.start()
    os.environ["PGPASSWORD"] = pg.ADMIN_PASSWORD
    try:
        print(f"load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        with tempfile.TemporaryDirectory() as work:
            for scale in args.scales:
                bench_scale(server, scale, args.runs, args.edits, Path(work))
    finally:
        server.stop("fast")
        import shutil

        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
