"""Two computers on one server festival, each its own process (tests/helpers/
festival_worker.py), on the real PostgreSQL server: the later of two saves of one booth
is refused and names the first; two taking one booth code at the same moment: one wins,
the other is told plainly who has it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from festival_app.store.postgres import WRITE_LOCK, role_names
from tests.helpers.computers import Computer
from tests.helpers.engines import push
from tests.helpers.postgres import PostgresServer


def _wait_until_both_wait(url: str) -> None:
    """Until both computers wait for the lock the test holds (not a timing: a generous
    bound on a busy machine, for a hang to end as a failure)."""
    with psycopg.connect(url, autocommit=True) as watcher:
        deadline = time.monotonic() + 30
        waiting = 0
        while waiting != 2 and time.monotonic() < deadline:
            time.sleep(0.05)
            row = watcher.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND (usename LIKE 'alice_%' OR usename LIKE 'bob_%')"
            ).fetchone()
            waiting = row[0] if row is not None else 0
    assert waiting == 2, "both computers should be waiting to write"


@pytest.fixture
def computers(
    sample_file: Path, server_url: str, postgres_server: PostgresServer
) -> Iterator[tuple[Computer, Computer, str]]:
    push(sample_file, server_url)
    database = server_url.rsplit("/", 1)[1]
    editors, _ = role_names(database)
    postgres_server.create_login(f"alice_{database}", "alice-pw", member_of=editors)
    postgres_server.create_login(f"bob_{database}", "bob-pw", member_of=editors)
    a = Computer(postgres_server.url(database, f"alice_{database}"), "alice-pw")
    b = Computer(postgres_server.url(database, f"bob_{database}"), "bob-pw")
    yield a, b, server_url
    a.close()
    b.close()


def test_the_later_save_of_one_booth_is_refused_and_names_the_first(
    computers: tuple[Computer, Computer, str],
) -> None:
    a, b, url = computers
    assert a.ask(op="read_booth", id=1)["ok"] and b.ask(op="read_booth", id=1)["ok"]
    assert a.ask(op="save_booth", changes={"phone": "+82 2 111"})["ok"] == 2
    refused = b.ask(op="save_booth", changes={"phone": "+82 2 222"})
    assert refused["kind"] == "StaleRecordError"
    assert a.who in refused["error"] and "alice_" in a.who
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute("SELECT phone, row_version, changed_by FROM booth WHERE id = 1")
        assert row.fetchone() == ("+82 2 111", 2, a.who)  # A's write stands


def test_two_computers_taking_one_booth_code_at_once_one_wins(
    computers: tuple[Computer, Computer, str],
) -> None:
    a, b, url = computers
    with psycopg.connect(url, autocommit=True) as conn:
        first = conn.execute("SELECT venue_id, code FROM booth WHERE id = 1").fetchone()
        assert first is not None
        venue_id, code = first
        # A space of the first booth's area that nobody has yet.
        taken = {r[0] for r in conn.execute("SELECT code FROM booth WHERE code IS NOT NULL")}
        spaces = (f"{code[:-2]}{n:02d}" for n in range(1, 61))
        free = next(space for space in spaces if space not in taken)
    # Hold the booths so that both pass their checks and then wait at the same write.
    blocker = psycopg.connect(url)
    blocker.execute("LOCK TABLE booth IN SHARE ROW EXCLUSIVE MODE")
    a.send(op="add_booth", code=free, venue_id=venue_id)
    b.send(op="add_booth", code=free, venue_id=venue_id)
    _wait_until_both_wait(url)
    blocker.commit()
    blocker.close()
    answers = [a.answer(), b.answer()]
    won = [x for x in answers if "ok" in x]
    lost = [x for x in answers if "error" in x]
    assert len(won) == 1 and len(lost) == 1, answers
    assert lost[0]["kind"] == "validation"
    assert f"Code {free} is already given to" in lost[0]["error"]  # the plain message
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM booth WHERE code = %s", (free,)).fetchone() == (
            1,
        )


def test_two_computers_adding_one_troupe_at_once_one_wins(
    computers: tuple[Computer, Computer, str],
) -> None:
    """A troupe's name and city are unique by the program's check: the check runs again
    inside the write transaction, so the second computer sees the first one's troupe."""
    a, b, url = computers
    # Hold the festival's write lock, so that both pass their first check and then wait.
    blocker = psycopg.connect(url)
    blocker.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
    a.send(op="add_troupe", name="Jeju Dancers", city="Jeju")
    b.send(op="add_troupe", name="JEJU dancers", city="jeju")
    _wait_until_both_wait(url)
    blocker.commit()
    blocker.close()
    answers = [a.answer(), b.answer()]
    won = [x for x in answers if "ok" in x]
    lost = [x for x in answers if "error" in x]
    assert len(won) == 1 and len(lost) == 1, answers
    assert lost[0]["kind"] == "validation" and "already exists" in lost[0]["error"]
    with psycopg.connect(url, autocommit=True) as conn:
        count = conn.execute("SELECT count(*) FROM troupe WHERE lower(name) = 'jeju dancers'")
        assert count.fetchone() == (1,)
