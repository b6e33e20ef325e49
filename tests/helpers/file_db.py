"""The festival file under a service, for tests that reach the SQLite file itself."""

from __future__ import annotations

from festival_app.services import FestivalService
from festival_app.store.db import Database


def file_db(service: FestivalService) -> Database:
    """The service's festival file (a service opened on a file, not on a server)."""
    assert isinstance(service.db, Database), "this test needs a festival file, not a server"
    return service.db
