"""Eight computers making 500 random edits each on one server festival (the real
PostgreSQL server; each computer its own process, tests/helpers/stress_worker.py).

No lost update: the accepted writes of each record carry every row version from the
start to the end exactly once (each was made on the version before it, so none
overwrote another unseen), and the record ends as its last accepted write left it. No
rule broken: the festival, pulled into a file, passes the file's own checks. `check` on
the server agrees with a check of a fresh read.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import psycopg
import pytest

from festival_app import clash_checks
from festival_app.cli import main
from festival_app.services import FestivalService
from festival_app.store.db import Database
from festival_app.store.postgres import ServerDatabase
from festival_app.store.server_copy import pull_to_file
from tests.helpers.engines import push

WORKER = Path(__file__).resolve().parent.parent / "helpers" / "stress_worker.py"
COMPUTERS = int(os.environ.get("FESTIVAL_STRESS_COMPUTERS", "8"))
EDITS = int(os.environ.get("FESTIVAL_STRESS_EDITS", "500"))


def test_eight_computers_editing_at_once_lose_no_update(
    sample_file: Path, server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    push(sample_file, server_url)
    with psycopg.connect(server_url, autocommit=True) as conn:
        start = {
            (table, rid): version
            for table in ("troupe", "program_item", "booth")
            for rid, version in conn.execute(f"SELECT id, row_version FROM {table}")
        }
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                str(WORKER),
                server_url,
                str(seed),
                str(EDITS),
                str(tmp_path / f"{seed}.json"),
            ]
        )
        for seed in range(COMPUTERS)
    ]
    for worker in workers:
        assert worker.wait(timeout=600) == 0
    writes: dict[tuple[str, int], list[tuple[int, dict[str, str]]]] = defaultdict(list)
    refused = {"stale": 0, "rule": 0}
    for seed in range(COMPUTERS):
        result = json.loads((tmp_path / f"{seed}.json").read_text())
        for table, rid, version, values in result["accepted"]:
            writes[(table, rid)].append((version, values))
        for key, count in result["refused"].items():
            refused[key] += count
    total = sum(len(w) for w in writes.values())
    assert total + refused["stale"] + refused["rule"] == COMPUTERS * EDITS
    assert total > COMPUTERS * EDITS // 4 and refused["stale"] > 0  # real contention

    with psycopg.connect(server_url, autocommit=True) as conn:
        for (table, rid), accepted in writes.items():
            columns = sorted(accepted[0][1])
            row = conn.execute(
                f"SELECT row_version, {', '.join(columns)} FROM {table} WHERE id = %s", (rid,)
            ).fetchone()
            assert row is not None, (table, rid)
            versions = sorted(v for v, _ in accepted)
            # Every version from the start to the end written once: nothing overwritten.
            assert versions == list(range(start[(table, rid)] + 1, row[0] + 1)), (table, rid)
            last = max(accepted, key=lambda w: w[0])[1]
            assert dict(zip(columns, row[1:], strict=True)) == last, (table, rid)

    # No rule broken: the whole festival passes the festival file's own checks.
    pulled = tmp_path / "pulled.sqlite3"
    server = ServerDatabase.open(server_url, read_only=True)
    pull_to_file(server, pulled)
    server.close()
    Database.open(pulled, read_only=True).close()  # quick_check, foreign keys, values
    # `check` on the server agrees with a check of a fresh read.
    capsys.readouterr()
    main(["check", "--server", server_url, "--json"])
    on_server = json.loads(capsys.readouterr().out)
    fresh = FestivalService.open(pulled, read_only=True)
    expected = [c.key for c in clash_checks.check(fresh, None, "en")]
    fresh.close()
    assert [c["key"] for c in on_server] == expected
