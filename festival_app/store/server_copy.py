"""Whole festivals between a SQLite festival file and a PostgreSQL server.

`copy_to_server` fills a server festival just set up (`server init --from FILE`);
`pull_to_file` writes a server festival into a new festival file (`server pull`,
`backup --server`): the team's backup, and a snapshot to take home. Both copy every
record with its id, row version, and who changed it last and when, so a file pushed and
pulled back is equal to the original in every record and acknowledgement: site maps with
their pictures, releases with their snapshots and the festival's guid (the root of the
published schedule's guids) too, and no program item id deleted on one side is handed
out again on the other.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from psycopg import sql

from festival_app.store import outputs
from festival_app.store.db import Database
from festival_app.store.postgres import (
    NEVER_REUSED,
    TABLES,
    ServerDatabase,
    largest_ids_given,
    reset_identities,
)

# The single festival row exists in every new festival (id 1); it is updated, not inserted.
_SETTINGS = "festival"
# So does the festival's guid, made at random by the migration that creates its table; a
# copy takes the original's. Its trigger refuses any change, so it is set aside for that
# moment, inside the copy's transaction: nobody else ever sees it off.
_GUID = "festival_guid"
_GUID_TRIGGER = "festival_guid_never_changes"


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
            if table == _GUID:
                counts[table] = _copy_guid_to_server(target, _guid(columns, rows.fetchone()))
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
        reset_identities(target, _sqlite_sequence(source))
    return counts


def _sqlite_sequence(db: Database) -> dict[str, int]:
    """The largest id each NEVER_REUSED table of the file has handed out (0: none yet)."""
    marks = ", ".join("?" * len(NEVER_REUSED))
    rows = db.conn.execute(
        f"SELECT name, seq FROM sqlite_sequence WHERE name IN ({marks})", NEVER_REUSED
    ).fetchall()
    return {str(name): int(seq) for name, seq in rows}


def _guid(columns: list[str], row: tuple[Any, ...] | None) -> str | None:
    return None if row is None else str(dict(zip(columns, row, strict=True))["guid"])


def _copy_guid_to_server(target: ServerDatabase, guid: str | None) -> int:
    if guid is None:
        return 0
    conn = target.conn
    conn.execute(f"ALTER TABLE {_GUID} DISABLE TRIGGER {_GUID_TRIGGER}")
    conn.execute(f"UPDATE {_GUID} SET guid = ? WHERE id = 1", (guid,))
    conn.execute(f"ALTER TABLE {_GUID} ENABLE TRIGGER {_GUID_TRIGGER}")
    return 1


def _copy_guid_to_file(db: Database, guid: str | None) -> None:
    """Give the new file the server festival's guid; its trigger, which refuses any
    change, is dropped and made again from its own text within the fill's transaction."""
    if guid is None:
        return
    found = db.conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (_GUID_TRIGGER,)
    ).fetchone()
    db.conn.execute(f"DROP TRIGGER {_GUID_TRIGGER}")
    db.conn.execute(f"UPDATE {_GUID} SET guid = ? WHERE id = 1", (guid,))
    db.conn.execute(found[0])


def _set_sqlite_sequence(db: Database, given: dict[str, int]) -> None:
    """Keep the file from handing out an id the server festival has already given."""
    for table, largest in given.items():
        updated = db.conn.execute(
            "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", (largest, table)
        )
        if updated.rowcount == 0 and largest > 0:
            db.conn.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, largest)
            )


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
                    if table == _GUID:
                        _copy_guid_to_file(db, _guid(columns, rows[0] if rows else None))
                        continue
                    marks = ", ".join("?" * len(columns))
                    db.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
                _set_sqlite_sequence(db, largest_ids_given(server))
        finally:
            if not conn.broken:
                conn.execute("COMMIT")

    Database.create(target, fill).close()
    return counts


def backup_to(db: ServerDatabase, target: str | os.PathLike[str]) -> None:
    """Write the whole festival into the festival file `target` (a backup), replacing
    one of that name as a file's backup does: two computers backing up in the same
    second take the same name in the backups folder."""
    target = Path(target)
    partial = target.with_name(f".{target.name}.{os.getpid()}.pulling")
    try:
        pull_to_file(db, partial)
        os.replace(partial, target)  # the copy appears whole or not at all
    finally:
        partial.unlink(missing_ok=True)
