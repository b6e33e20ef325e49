"""Live team mode on the real PostgreSQL server: another computer's edit reaches this
one's listeners within a second; a server stopped in the middle of an import leaves
nothing half-applied, the loss is told at once and the link recovers by itself.
"""

from __future__ import annotations

import platform
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from festival_app import releasing
from festival_app.domain.troupes import Troupe
from festival_app.services import (
    BOOTHS,
    PROGRAM,
    RELEASES,
    SITE_MAPS,
    SPACES,
    TROUPES,
    FestivalService,
)
from festival_app.store.live import ChangeFeed
from festival_app.store.postgres import role_names
from festival_app.store.server_errors import ConnectionLostError
from festival_app.team import TeamLink
from tests.helpers.engines import push, table_rows
from tests.helpers.postgres import PostgresServer


@pytest.fixture
def festival(sample_file: Path, server_url: str) -> str:
    push(sample_file, server_url)
    return server_url


@pytest.fixture
def ours(festival: str) -> Iterator[FestivalService]:
    service = FestivalService.open_server(festival)
    yield service
    service.close()


def test_an_edit_elsewhere_reaches_this_window_within_a_second(
    festival: str, ours: FestivalService
) -> None:
    heard: queue.Queue[tuple[float, frozenset[str]]] = queue.Queue()
    link = TeamLink(ours, lambda kinds: heard.put((time.monotonic(), kinds))).start()
    theirs = FestivalService.open_server(festival)
    try:
        item = theirs.program()[0]
        sent = time.monotonic()
        theirs.save(replace(item, notes="moved by the program team"))
        arrived, kinds = heard.get(timeout=10)  # how fast is bench/team_server.py's to say
        assert kinds == {PROGRAM} and arrived >= sent
        # A batch of two kinds arrives as one notice; our own writes are not echoed.
        with theirs.batch():
            theirs.save(replace(theirs.troupes()[0], phone="+82 2 120"))
            theirs.save(replace(theirs.booths()[0], phone="+82 2 121"))
        _, kinds = heard.get(timeout=5)
        assert kinds == {TROUPES, BOOTHS}
        ours.save(replace(ours.troupes()[1], phone="+82 2 122"))
        with pytest.raises(queue.Empty):
            heard.get(timeout=0.5)
    finally:
        theirs.close()
        link.stop()


def test_the_feed_names_who_else_is_connected_in_its_own_thread(
    festival: str, ours: FestivalService
) -> None:
    told: queue.Queue[tuple[list[str], str]] = queue.Queue()

    def others(names: list[str]) -> None:
        told.put((names, threading.current_thread().name))

    db = ours.server()
    # Asked when the feed starts listening and after each change heard; the hourly asks
    # never come in this test.
    feed = ChangeFeed(
        db.address,
        lambda tables: None,
        own_pids={db.backend_pid},
        password=db.password,
        on_others=others,
        others_every_s=3600,
    ).start()
    try:
        names, thread = told.get(timeout=10)  # asked as soon as the feed listens
        assert names == [] and thread == "festival-changes"  # this window is not "else"
        theirs = FestivalService.open_server(festival)
        try:
            assert told.empty()
            theirs.save(replace(theirs.troupes()[0], phone="+82 2 120"))
            names, thread = told.get(timeout=30)  # asked again once their change is heard
            assert names == [f"{platform.node()} (festival_admin)"]
            assert thread == "festival-changes"
        finally:
            theirs.close()
    finally:
        feed.stop()


def test_a_server_that_will_not_say_who_is_connected_is_not_a_lost_connection(
    festival: str, ours: FestivalService, postgres_server: PostgresServer
) -> None:
    """A database whose pg_stat_activity its accounts may not read: the feed goes on
    hearing changes, and nobody is told the connection is lost."""
    database = festival.rsplit("/", 1)[1]
    login = f"lee_{database}"
    postgres_server.create_login(login, "lee-pw", member_of=role_names(database)[0])
    with postgres_server.admin(database) as admin:
        admin.execute("REVOKE SELECT ON pg_catalog.pg_stat_activity FROM PUBLIC")
    lee = FestivalService.open_server(postgres_server.url(database, login), password="lee-pw")
    heard: queue.Queue[frozenset[str]] = queue.Queue()
    lost: list[str] = []
    asked: list[list[str]] = []
    link = TeamLink(lee, heard.put, on_lost=lost.append, on_others=asked.append).start()
    try:
        ours.save(replace(ours.troupes()[0], phone="+82 2 120"))
        assert heard.get(timeout=10) == {TROUPES}
        ours.save(replace(ours.troupes()[0], phone="+82 2 121"))
        assert heard.get(timeout=10) == {TROUPES}
        assert lost == [] and asked == []
    finally:
        link.stop()
        lee.close()


def test_maps_spaces_and_releases_made_elsewhere_reach_this_window(
    festival: str, ours: FestivalService
) -> None:
    heard: queue.Queue[frozenset[str]] = queue.Queue()
    link = TeamLink(ours, heard.put).start()
    theirs = FestivalService.open_server(festival)
    try:
        site_map = theirs.site_map(2)
        assert site_map is not None and site_map.image  # the sample's picture, on the server
        theirs.save(replace(site_map, north=12.5))
        assert heard.get(timeout=5) == {SITE_MAPS}
        space = theirs.spaces(2)[0]
        theirs.save(replace(space, blocked=True, blocked_reason="fire lane"))
        assert heard.get(timeout=5) == {SPACES}
        releasing.release(theirs, "2018-1")
        assert heard.get(timeout=5) == {RELEASES}
        releasing.mark_printed(theirs, "2018-1")
        assert heard.get(timeout=5) == {RELEASES}
        # ... and this window reads what they wrote.
        assert ours.site_map(2) == replace(site_map, north=12.5, row_version=2)
        assert releasing.baseline(ours) == releasing.find(theirs, "2018-1")
    finally:
        theirs.close()
        link.stop()


def test_every_table_of_the_festival_has_a_change_kind() -> None:
    from festival_app.store.postgres import TABLES
    from festival_app.team import TABLE_TOPICS

    assert set(TABLES) - set(TABLE_TOPICS) == {"festival_guid"}  # it never changes


def test_the_server_stopped_in_the_middle_of_an_import(
    festival: str, ours: FestivalService, postgres_server: PostgresServer
) -> None:
    events: queue.Queue[str] = queue.Queue()
    link = TeamLink(
        ours,
        lambda kinds: events.put("change"),
        on_lost=lambda reason: events.put("lost"),
        on_back=lambda: events.put("back"),
    )
    link.feed.retry_s = 0.2
    link.start()
    before = table_rows(festival)
    try:
        with pytest.raises(ConnectionLostError), ours.batch():
            for n in range(200):
                ours.save(Troupe(f"Imported troupe {n}", city_en="Busan"))
                if n == 100:  # the server goes down half way
                    postgres_server.stop("immediate")
        assert _next(events, "lost")
        with pytest.raises(ConnectionLostError):  # edits refused while it lasts
            ours.save(replace(ours.troupes()[0], phone="+82 2 120"))
    finally:
        postgres_server.start()
    assert _next(events, "back")
    link.resume()
    assert table_rows(festival) == before  # nothing of the import was applied
    assert len(ours.troupes()) == 15
    ours.save(replace(ours.troupes()[0], phone="+82 2 120"))  # writes work again
    link.stop()


def _next(events: queue.Queue[str], wanted: str, timeout_s: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if events.get(timeout=0.2) == wanted:
                return True
        except queue.Empty:
            pass
    return False


def test_a_server_lost_at_the_commit_says_the_save_is_not_known(
    festival: str, ours: FestivalService, postgres_server: PostgresServer
) -> None:
    from festival_app.store.server_errors import LostAtCommitError

    troupe = ours.troupes()[0]
    try:
        with pytest.raises(LostAtCommitError) as lost, ours.batch():
            ours.save(replace(troupe, phone="+82 2 999"))
            postgres_server.stop("immediate")  # the last moment before the commit
    finally:
        postgres_server.start()
    assert isinstance(lost.value, ConnectionLostError)  # a lost connection all the same
    assert "not known whether it was saved" in lost.value.message()
    again = FestivalService.open_server(festival)
    try:  # the server had not committed it: its log never saw the COMMIT
        assert again.get(Troupe, troupe.id or 0) == troupe
    finally:
        again.close()
