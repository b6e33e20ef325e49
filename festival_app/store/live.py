"""Hearing other computers' changes to a server festival as they are committed.

`ChangeFeed` listens (PostgreSQL LISTEN/NOTIFY) on a connection of its own, in a thread
of its own: psycopg's `notifies()` blocks the connection it runs on, and a window's
thread must never wait on the network. The server announces every committed change as
"TABLE PID" (see postgres.CHANGES_CHANNEL): the feed passes on the tables changed by
other connections (not `own_pids`: the window already shows its own writes).

A lost connection is told at once (`on_lost`); the feed then tries again every
`retry_s` seconds and tells `on_back` when the server answers again, after which the
caller reads everything afresh: changes made meanwhile were not heard.

The feed also asks, on its connection, who else has the festival open (`on_others`):
every `others_every_s` seconds and right after a change is heard, so a window never waits
on the network for it. Callbacks run in the feed's thread; the window hands them to its
own thread (a queued Qt signal).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable

import psycopg

from festival_app.store.postgres import (
    CHANGES_CHANNEL,
    ServerAddress,
    connect,
    others_connected,
)

logger = logging.getLogger(__name__)

TablesListener = Callable[[frozenset[str]], None]


class ChangeFeed:
    """Other connections' committed changes of one server festival, as table names, and
    who else has it open (see the module's description)."""

    def __init__(
        self,
        address: ServerAddress,
        on_change: TablesListener,
        *,
        own_pids: Iterable[int] = (),
        password: str | None = None,
        on_lost: Callable[[str], None] | None = None,
        on_back: Callable[[], None] | None = None,
        on_others: Callable[[list[str]], None] | None = None,
        others_every_s: float = 5.0,
        retry_s: float = 1.0,
        batch_s: float = 0.05,
    ) -> None:
        self.address = address
        self.on_change = on_change
        self.own_pids = set(own_pids)
        self._password = password
        self.on_lost = on_lost
        self.on_back = on_back
        self.on_others = on_others
        self.others_every_s = others_every_s
        self.retry_s = retry_s
        self.batch_s = batch_s  # notifications this close together are passed on as one
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="festival-changes", daemon=True)
        self.connected = False

    def start(self, timeout_s: float = 10.0) -> ChangeFeed:
        """Start listening; returns once the first LISTEN is in place (or tried)."""
        self._thread.start()
        self._ready.wait(timeout_s)
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    # -- the feed's thread ------------------------------------------------------------

    def _run(self) -> None:
        lost_told = False
        while not self._stop.is_set():
            try:
                conn = connect(self.address, self._password, purpose="-live")
            except Exception as exc:  # StoreError: unreachable, refused
                if not lost_told:
                    self._tell_lost(str(exc))
                    lost_told = True
                self._ready.set()
                self._stop.wait(self.retry_s)
                continue
            try:
                conn.execute(f"LISTEN {CHANGES_CHANNEL}")
                self.connected = True
                if lost_told:
                    lost_told = False
                    if self.on_back is not None:
                        self.on_back()
                self._ready.set()
                self._listen(conn)
            except psycopg.Error as exc:
                self.connected = False
                if not self._stop.is_set():
                    self._tell_lost(str(exc).strip().splitlines()[0] if str(exc).strip() else "")
                    lost_told = True
            finally:
                self.connected = False
                conn.close()
            self._stop.wait(self.retry_s)

    def _listen(self, conn: psycopg.Connection[object]) -> None:
        ask_others_at = 0.0  # at once: the connection is new
        while not self._stop.is_set():
            tables: set[str] = set()
            # Wait for a first notification, then gather those arriving right after it
            # (one transaction's tables come together).
            for notice in conn.notifies(timeout=0.5, stop_after=1):
                tables |= self._tables(notice.payload)
            if tables:
                for notice in conn.notifies(timeout=self.batch_s):
                    tables |= self._tables(notice.payload)
            if conn.broken or conn.closed:
                raise psycopg.OperationalError("the connection was closed")
            if tables:
                self.on_change(frozenset(tables))
            # Between waits: notifications arriving meanwhile wait for the next one
            # (psycopg keeps them, 3.2.4 and later).
            if self.on_others is not None and (tables or time.monotonic() >= ask_others_at):
                ask_others_at = time.monotonic() + self.others_every_s
                self._ask_others(conn)

    def _ask_others(self, conn: psycopg.Connection[object]) -> None:
        """Tell `on_others` who else is connected. A refusal of the question alone (a
        server that hides pg_stat_activity from this account) is not a lost connection:
        the feed goes on listening, and the others are not named."""
        assert self.on_others is not None
        try:
            names = others_connected(conn, self.own_pids)
        except psycopg.Error as exc:
            if conn.broken or conn.closed:
                raise
            logger.warning("cannot ask who else is connected: %s", exc)
            self.on_others = None  # it would be refused again each time
            return
        self.on_others(names)

    def _tables(self, payload: str) -> set[str]:
        table, _, pid = payload.partition(" ")
        if pid.isdigit() and int(pid) in self.own_pids:
            return set()
        return {table}

    def _tell_lost(self, reason: str) -> None:
        logger.warning("lost the change feed of %s: %s", self.address, reason)
        if self.on_lost is not None:
            self.on_lost(reason)
