"""Whole festivals between a SQLite festival file and a PostgreSQL server.

`copy_to_server` fills a server festival just set up (`server init --from FILE`);
`pull_to_file` writes a server festival into a new festival file (`server pull`,
`backup --server`): the team's backup, and a snapshot to take home. Both copy every
record with its id, row version, and who changed it last and when, so a file pushed and
pulled back is equal to the original in every record and acknowledgement.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from psycopg import sql

from festival_app.store import outputs
from festival_app.store.db import Database
from festival_app.store.postgres import TABLES, ServerDatabase, reset_identities

# The single festival row exists in every new festival (id 1); it is updated, not inserted.
_SETTINGS = "festival"


def _columns(db: Database, table: str) -> list[str]:
    """The table's columns in the festival file's order (the same on the server)."""
    return [row[1] for row in db.conn.execute(f"PRAGMA table_info({table})")]


def _order(table: str) -> str:
    return {"booth_day": "booth_id, day_id", "clash_acknowledgement": "key"}.get(table, "id")


def copy_to_server(source: Database, target: ServerDatabase) -> dict[str, int]:
    """Copy every record of `source` into the festival set up on `target` (which holds
    only its new, empty festival), in one transaction; returns the rows copied per table."""
    counts: dict[str, int] = {}
    raw = target.conn.raw
    with target.transaction():
        for table in TABLES:
            columns = _columns(source, table)
            names = ", ".join(f'"{c}"' for c in columns)
            rows = source.conn.execute(f"SELECT {names} FROM {table} ORDER BY {_order(table)}")
            if table == _SETTINGS:
                _copy_settings(target, columns, rows.fetchone())
                counts[table] = 1
                continue
            statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
                sql.Identifier(table), sql.SQL(", ").join(sql.Identifier(c) for c in columns)
            )
            count = 0
            with raw.cursor() as cursor, cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            counts[table] = count
        reset_identities(target)
    return counts


def _copy_settings(
    target: ServerDatabase | Database, columns: list[str], row: tuple[Any, ...] | None
) -> None:
    if row is None:
        return
    values = dict(zip(columns, row, strict=True))
    values.pop("id", None)
    sets = ", ".join(f'"{c}" = ?' for c in values)
    target.conn.execute(f"UPDATE festival SET {sets} WHERE id = 1", list(values.values()))


def pull_to_file(server: ServerDatabase, target: str | os.PathLike[str]) -> dict[str, int]:
    """Write the whole server festival, as one consistent snapshot, into the new festival
    file `target`; never over an existing file or a festival file's companions. The file
    appears whole or not at all (store/db.py builds it under another name first)."""
    target = Path(target)
    outputs.refuse_protected_target(target)
    counts: dict[str, int] = {}

    def fill(db: Database) -> None:
        conn = server.conn
        # One snapshot of the whole festival, however many others write meanwhile.
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            with db.transaction():
                for table in TABLES:
                    columns = _columns(db, table)
                    names = ", ".join(f'"{c}"' for c in columns)
                    rows = conn.execute(
                        f"SELECT {names} FROM {table} ORDER BY {_order(table)}"
                    ).fetchall()
                    counts[table] = len(rows)
                    if table == _SETTINGS:
                        _copy_settings(db, columns, rows[0] if rows else None)
                        continue
                    marks = ", ".join("?" * len(columns))
                    db.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        finally:
            if not conn.broken:
                conn.execute("COMMIT")

    Database.create(target, fill).close()
    return counts
