"""The two engines a festival can live in, as one type for the repositories and services.

`Database` (store/db.py) is a SQLite festival file: the default, one computer at a time.
`ServerDatabase` (store/postgres.py) is a festival in a PostgreSQL database, edited by a
team at once. Both offer `conn.execute` with `?` placeholders, `transaction()`,
`read_only`, `path`, `who` (their writes' changed_by) and `dialect` (store/dialect.py).
psycopg is imported only when a server is used, never by importing this module.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TypeAlias

from festival_app.store.db import Database

if TYPE_CHECKING:
    from festival_app.store.postgres import ServerDatabase

Store: TypeAlias = "Database | ServerDatabase"


def backup_to(db: Store, target: str | os.PathLike[str]) -> None:
    """Copy the whole festival into the festival file `target`, whole or not at all: a
    file through SQLite's backup API, a server's by pulling it (store/server_copy.py)."""
    if isinstance(db, Database):
        db.backup_to(target)
        return
    from festival_app.store.server_copy import backup_to as pull_backup

    pull_backup(db, target)


def is_server(db: Store) -> bool:
    """True for a festival on a PostgreSQL server (without importing psycopg)."""
    return not isinstance(db, Database)
