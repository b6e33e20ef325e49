"""Clash check speed: generated festivals (1x, 10x, 100x) and synthetic programs.

    python bench/clashes.py [--runs 5] [--sizes 10000 100000]

Floors from the issue: 100,000 items checked in under 0.5 s, and the time for 100,000 at
most 15 times the time for 10,000 (so no quadratic pass). Times are the best of `--runs`;
the synthetic sizes take turns in each round.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time as clock
from collections import Counter
from collections.abc import Callable
from datetime import date, time, timedelta
from functools import partial
from operator import itemgetter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate
from festival_app import clash_checks
from festival_app.domain.clash_finder import find_clashes
from festival_app.domain.clashes import Clash
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ItemKind, ItemStatus, ProgramItem
from festival_app.domain.times import from_minutes
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue, VenueKind
from festival_app.services import FestivalService

LIMIT_100K_S = 0.5
LIMIT_RATIO = 15.0


def best(runs: int, work: Callable[[], object]) -> tuple[float, float, object]:
    """Best wall time and best CPU time of `runs` calls, and the last result.

    The CPU time shows the cost of the check itself when the machine is shared.
    """
    walls = []
    cpus = []
    result: object = None
    for _ in range(runs):
        started, cpu = clock.perf_counter(), clock.process_time()
        result = work()
        walls.append(clock.perf_counter() - started)
        cpus.append(clock.process_time() - cpu)
    return min(walls), min(cpus), result


def summary(clashes: list[Clash]) -> str:
    counts = Counter(c.severity.value for c in clashes)
    return (
        f"{len(clashes):>6} clashes "
        f"({counts['error']} errors, {counts['warning']} warnings, {counts['info']} infos)"
    )


def synthetic(
    n: int, seed: int = 1
) -> tuple[Festival, list[FestivalDay], list[Venue], list[Troupe], list[ProgramItem]]:
    """A program of `n` items shaped like a big festival in planning.

    Four days; every (day, venue) a column of 16 items with 15 to 30 minutes between them
    (venues need 0, 5 or 10 minutes of changeover), 2% pushed 10 minutes into the previous
    item, 3% cancelled, 1% performances without a troupe. Each troupe plays once a day,
    except 0.5% of items given to a random troupe. So clashes grow with n, as in life.
    """
    rng = random.Random(seed)
    per_column = 16
    days = [
        FestivalDay(date(2018, 9, 1) + timedelta(days=d), time(8), time(23, 55), id=d + 1)
        for d in range(4)
    ]
    columns = max(1, -(-n // per_column))
    venue_count = max(1, -(-columns // len(days)))
    venues = [
        Venue(f"Stage {v}", kind=VenueKind.STAGE, changeover_min=rng.choice([0, 5, 10]), id=v + 1)
        for v in range(venue_count)
    ]
    troupe_count = max(1, -(-n // len(days)))
    troupes = [Troupe(f"Troupe {t}", id=t + 1) for t in range(troupe_count)]
    rows: list[dict[str, Any]] = []
    for column in range(columns):
        day = days[column % len(days)]
        venue = venues[column // len(days)]
        minute = 8 * 60
        for position in range(per_column):
            if len(rows) >= n:
                break
            length = rng.choice([15, 20, 30])
            start = minute - (10 if position and rng.random() < 0.02 else 0)
            end = start + length
            # The n-th item of a day goes to troupe n: one item per troupe and day.
            troupe: int | None = (column // len(days) * per_column + position) % troupe_count + 1
            if rng.random() < 0.005:
                troupe = rng.randint(1, troupe_count)
            elif rng.random() < 0.01:
                troupe = None
            rows.append(
                {
                    "day_id": day.id or 1,
                    "venue_id": venue.id or 1,
                    # shared time objects, one per clock time, as the file's reader gives
                    "start": from_minutes(start),
                    "end": from_minutes(end),
                    "title_en": f"Item {len(rows) + 1}",
                    "kind": ItemKind.PERFORMANCE,
                    "troupe_id": troupe,
                    "setup_min": rng.choice([0, 0, 5]),
                    "teardown_min": rng.choice([0, 0, 5]),
                    "status": ItemStatus.CANCELLED if rng.random() < 0.03 else ItemStatus.CONFIRMED,
                    "id": len(rows) + 1,
                }
            )
            minute = end + rng.choice([15, 20, 30])
    # In the order the festival file returns them (day, start, venue, id), made in that
    # order as when they are read, so memory order is what the check meets in real use.
    rows.sort(key=itemgetter("day_id", "start", "venue_id", "id"))
    items = [ProgramItem(**row) for row in rows]
    return Festival("Synthetic", min_changeover=30), days, venues, troupes, items


def bench_generated(scales: list[int], runs: int, folder: Path) -> None:
    for scale in scales:
        path = folder / f"festival-{scale}x.sqlite3"
        generate(path, scale)
        service = FestivalService.open(path, read_only=True)
        try:
            items = service.program()
            program = (
                service.festival(),
                service.days(),
                service.venues(),
                service.troupes(),
                items,
                service.acknowledgements(),
            )
            wall, cpu, found = best(runs, partial(find_clashes, *program))
            full, _, _ = best(runs, partial(clash_checks.check, service))
            day_id = service.days()[0].id
            day, _, _ = best(runs, partial(clash_checks.check, service, day_id))
        finally:
            service.close()
        assert isinstance(found, list)
        print(
            f"{scale:>4}x festival {len(items):>7} items: find_clashes {wall * 1000:7.1f} ms "
            f"(CPU {cpu * 1000:6.1f} ms); check with reading the file {full * 1000:7.1f} ms; "
            f"one day {day * 1000:6.1f} ms; {summary(found)}",
            flush=True,
        )


def bench_synthetic(sizes: list[int], runs: int) -> dict[int, tuple[float, float]]:
    """Best wall and CPU time per size. The sizes take turns in every round, so that all
    of them meet the same machine: its speed drifts over minutes here, which would
    otherwise move the ratio between two sizes."""
    programs = {n: synthetic(n) for n in sizes}
    walls: dict[int, list[float]] = {n: [] for n in sizes}
    cpus: dict[int, list[float]] = {n: [] for n in sizes}
    found: dict[int, list[Clash]] = {}
    for _ in range(runs):
        for n, program in programs.items():
            wall, cpu, result = best(1, partial(find_clashes, *program))
            assert isinstance(result, list)
            walls[n].append(wall)
            cpus[n].append(cpu)
            found[n] = result
    times: dict[int, tuple[float, float]] = {}
    for n in sizes:
        times[n] = (min(walls[n]), min(cpus[n]))
        print(
            f"synthetic     {n:>7} items: find_clashes {times[n][0] * 1000:7.1f} ms "
            f"(CPU {times[n][1] * 1000:6.1f} ms); {summary(found[n])}",
            flush=True,
        )
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="festival-bench-") as folder:
        bench_generated(args.scales, args.runs, Path(folder))
    times = bench_synthetic(args.sizes, args.runs)
    ok = True
    if 100_000 in times:
        wall, cpu = times[100_000]
        fast = wall < LIMIT_100K_S
        ok &= fast
        print(
            f"floor: 100,000 items in {wall:.3f} s wall, {cpu:.3f} s CPU "
            f"(limit {LIMIT_100K_S} s): {'ok' if fast else 'TOO SLOW'}"
        )
    if 100_000 in times and 10_000 in times:
        ratio = times[100_000][0] / times[10_000][0]
        linear = ratio <= LIMIT_RATIO
        ok &= linear
        print(
            f"floor: time(100,000) / time(10,000) = {ratio:.1f} "
            f"(CPU {times[100_000][1] / times[10_000][1]:.1f}; limit {LIMIT_RATIO:.0f}): "
            f"{'ok' if linear else 'TOO STEEP'}"
        )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
