"""How the store reaches two engines: a thin layer of its own over sqlite3 and psycopg 3,
or SQLAlchemy Core 2. Measured in one run (the reasoning is in docs/TEAM_MODE.md).

    python bench/engine_choice.py [--scale 100] [--runs 7]

- import: a fresh interpreter importing the driver layer (what start-up pays);
- read: every row of the 100x program and booths, through sqlite3 directly and through
  SQLAlchemy Core's `text()` on the same file (the per-row cost an abstraction adds).
SQLAlchemy must be installed for the comparison (pip install sqlalchemy); it is not a
dependency of the program.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate

QUERIES = ("SELECT * FROM program_item ORDER BY id", "SELECT * FROM booth ORDER BY id")


def import_ms(module: str, runs: int) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(times) * 1000


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for module in ("sqlite3", "psycopg", "sqlalchemy", "sqlalchemy.dialects.postgresql.psycopg"):
        try:
            print(f"import {module:40s} {import_ms(module, args.runs):6.1f} ms")
        except subprocess.CalledProcessError:
            print(f"import {module:40s} (not installed)")
    with tempfile.TemporaryDirectory() as work:
        path = generate(Path(work) / "f.sqlite3", args.scale)
        conn = sqlite3.connect(path)
        rows = sum(len(conn.execute(q).fetchall()) for q in QUERIES)
        raw = median_ms(lambda: [conn.execute(q).fetchall() for q in QUERIES], args.runs)
        print(f"read {rows} rows, sqlite3 directly        {raw:6.1f} ms")
        try:
            import sqlalchemy
        except ImportError:
            print("read through SQLAlchemy Core: not installed")
            return 0
        engine = sqlalchemy.create_engine(f"sqlite:///{path}")
        with engine.connect() as sa:
            core = median_ms(
                lambda: [sa.execute(sqlalchemy.text(q)).fetchall() for q in QUERIES], args.runs
            )
        print(f"read {rows} rows, SQLAlchemy Core text()  {core:6.1f} ms ({core / raw:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
