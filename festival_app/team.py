"""Team mode for a window: hearing the others' changes to a server festival, who else is
connected, and what to do when the connection is lost and comes back.

The store's ChangeFeed (store/live.py) names the tables others changed; this module turns
them into the change kinds the service's listeners know (services.FESTIVAL, PROGRAM, ...),
so a window refreshes exactly as after its own edits. It never imports Qt: the window
hands the callbacks, which run in the feed's thread, to its own thread.
"""

from __future__ import annotations

from collections.abc import Callable

from festival_app.services import (
    BOOTHS,
    CLASHES,
    DAYS,
    FESTIVAL,
    PROGRAM,
    RELEASES,
    SITE_MAPS,
    SPACES,
    TROUPES,
    VENUES,
    FestivalService,
)

# Which change topic a write to each festival table is. The festival's guid never changes
# after the festival is set up (the database refuses): no topic.
TABLE_TOPICS = {
    "festival": FESTIVAL,
    "festival_day": DAYS,
    "venue": VENUES,
    "troupe": TROUPES,
    "program_item": PROGRAM,
    "booth": BOOTHS,
    "booth_day": BOOTHS,
    "clash_acknowledgement": CLASHES,
    "site_map": SITE_MAPS,
    "booth_space": SPACES,
    "release": RELEASES,
}


def kinds_of(tables: frozenset[str]) -> frozenset[str]:
    return frozenset(TABLE_TOPICS[t] for t in tables if t in TABLE_TOPICS)


KEYRING_SERVICE = "festival-app"


def remembered_password(url: str) -> str | None:
    """The password remembered for this server account in the system keyring, or None
    (then libpq looks in PGPASSWORD and the pgpass file). Never in a settings file."""
    import os

    if os.environ.get("PGPASSWORD"):
        return None  # the user's choice for this run
    try:
        import keyring

        from festival_app.store.postgres import ServerAddress

        return keyring.get_password(KEYRING_SERVICE, ServerAddress.parse(url).keyring_user)
    except Exception:  # no keyring on this system, or it refused: libpq decides
        return None


def remember_password(url: str, password: str) -> str | None:
    """Keep the password of this server account in the system keyring; None when done,
    else what the keyring said."""
    try:
        import keyring

        from festival_app.store.postgres import ServerAddress

        keyring.set_password(KEYRING_SERVICE, ServerAddress.parse(url).keyring_user, password)
    except Exception as exc:  # no keyring on this system, or it refused
        return str(exc) or type(exc).__name__
    return None


class TeamLink:
    """One service's link to the others on its server festival.

    `on_change(kinds)` hears the others' committed changes; `on_lost(reason)` that the
    server cannot be reached (the service's writes fail meanwhile, nothing is queued);
    `on_back()` that it can again: then, in the service's own thread, call `resume()`
    and read everything afresh; `on_others(names)` who else has the festival open, every
    few seconds and after each change heard. All are called in the feed's thread.
    """

    def __init__(
        self,
        service: FestivalService,
        on_change: Callable[[frozenset[str]], None],
        *,
        on_lost: Callable[[str], None] | None = None,
        on_back: Callable[[], None] | None = None,
        on_others: Callable[[list[str]], None] | None = None,
    ) -> None:
        from festival_app.store.live import ChangeFeed

        db = service.server()  # TypeError for a festival file
        self.service = service
        self.db = db
        self.feed = ChangeFeed(
            db.address,
            lambda tables: on_change(kinds_of(tables)),
            own_pids={db.backend_pid},
            password=db.password,  # the one the window signed in with
            on_lost=on_lost,
            on_back=on_back,
            on_others=on_others,  # who else has the festival open, now and then
        )

    def start(self) -> TeamLink:
        self.feed.start()
        return self

    def stop(self) -> None:
        self.feed.stop()

    def resume(self) -> None:
        """Renew the service's own connection once the server is back (in the thread
        that uses the service), and tell every listener to read everything again."""
        self.db.reconnect()
        self.feed.own_pids = {self.db.backend_pid}
        self.service.reread()
