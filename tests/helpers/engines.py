"""Store and service tests on both engines: a SQLite festival file always, and a festival
on the real PostgreSQL server of tests/helpers/postgres.py where one is installed.

A festival's *location* is a Path (a SQLite file) or a str (a server address).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from festival_app.services import FestivalService
from festival_app.store.db import Database

ENGINES = ("sqlite", "postgresql")
Location = Path | str
Rows = dict[str, list[tuple[object, ...]]]


def open_festival(location: Location, *, read_only: bool = False) -> FestivalService:
    if isinstance(location, str):
        return FestivalService.open_server(location, read_only=read_only)
    return FestivalService.open(location, read_only=read_only)


def push(file: Path, url: str) -> None:
    """Set up a server festival holding a copy of `file` (`server init --from`)."""
    from festival_app.store.postgres import ServerDatabase
    from festival_app.store.server_copy import copy_to_server

    server = ServerDatabase.init(url)
    source = Database.open(file, read_only=True)
    try:
        copy_to_server(source, server)
    finally:
        source.close()
        server.close()


def festival_copy(engine: str, file: Path, request: pytest.FixtureRequest) -> Location:
    """A writable copy of the festival file `file` on `engine`."""
    if engine == "sqlite":
        tmp_path: Path = request.getfixturevalue("tmp_path")
        copy = tmp_path / "festival.sqlite3"
        shutil.copyfile(file, copy)
        return copy
    url: str = request.getfixturevalue("server_url")
    push(file, url)
    return url


def empty_festival(engine: str, request: pytest.FixtureRequest) -> Location:
    """A new, empty festival on `engine`."""
    if engine == "sqlite":
        tmp_path: Path = request.getfixturevalue("tmp_path")
        path = tmp_path / "festival.sqlite3"
        Database.create(path).close()
        return path
    from festival_app.store.postgres import ServerDatabase

    url: str = request.getfixturevalue("server_url")
    ServerDatabase.init(url).close()
    return url


def table_rows(location: Location, *, leave_out: tuple[str, ...] = ("changed_at",)) -> Rows:
    """Every row of every festival table, read apart from the program, in a stable
    order; without the columns `leave_out`."""
    if isinstance(location, Path):
        conn = sqlite3.connect(location)
        try:
            tables = [
                r[0]
                for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                if not r[0].startswith("sqlite_")
            ]
            out: Rows = {}
            for t in tables:
                columns = [r[1] for r in conn.execute(f"PRAGMA table_info({t})")]
                kept = ", ".join(f'"{c}"' for c in columns if c not in leave_out)
                out[t] = sorted(conn.execute(f"SELECT {kept} FROM {t}"), key=repr)
            return out
        finally:
            conn.close()
    import psycopg

    from festival_app.store.postgres import TABLES

    with psycopg.connect(location, autocommit=True) as pg:
        out = {}
        for t in TABLES:
            columns = [
                r[0]
                for r in pg.execute(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_name = %s ORDER BY ordinal_position",
                    (t,),
                )
            ]
            kept = ", ".join(f'"{c}"' for c in columns if c not in leave_out)
            out[t] = sorted((tuple(r) for r in pg.execute(f"SELECT {kept} FROM {t}")), key=repr)
        return out


def row_version(location: Location, table: str, record_id: int) -> int:
    """A row's version, read apart from the program (0: no such row)."""
    if isinstance(location, Path):
        conn = sqlite3.connect(location)
        try:
            row = conn.execute(f"SELECT row_version FROM {table} WHERE id = ?", (record_id,))
            found = row.fetchone()
        finally:
            conn.close()
    else:
        import psycopg

        with psycopg.connect(location, autocommit=True) as pg:
            found = pg.execute(
                f"SELECT row_version FROM {table} WHERE id = %s", (record_id,)
            ).fetchone()
    return int(found[0]) if found else 0
