"""One schema, two engines: the festival file and the PostgreSQL festival hold the same
rules. Every rule of the schema is broken here, on both, and both refuse it.

PostgreSQL's DDL is derived from store/schema.py's (store/dialect.py); these tests prove
the derivation kept each foreign key, CHECK and unique key.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from festival_app.services import FestivalService
from festival_app.store import dialect, schema
from tests.helpers.engines import ENGINES, festival_copy, open_festival, table_rows
from tests.helpers.postgres import ADMIN_PASSWORD

# (what is tried, the statement): each breaks exactly one rule of the schema.
BROKEN_RULES = [
    ("a day date of the wrong shape", "UPDATE festival_day SET date = '2018-9-1' WHERE id = 1"),
    ("a day that closes before it opens", "UPDATE festival_day SET closes = '11:00' WHERE id = 1"),
    ("two days of one date", "UPDATE festival_day SET date = '2018-09-02' WHERE id = 1"),
    ("a time of the wrong shape", "UPDATE festival_day SET opens = '9:00' WHERE id = 1"),
    ("a venue kind not in the list", "UPDATE venue SET kind = 'arena' WHERE id = 1"),
    ("a venue without a name", "UPDATE venue SET name_en = '', name_ko = '' WHERE id = 1"),
    ("a venue that opens but never closes", "UPDATE venue SET opens = '10:00', closes = NULL"),
    ("a negative capacity", "UPDATE venue SET capacity = -1 WHERE id = 1"),
    ("a troupe without a name", "UPDATE troupe SET name = '' WHERE id = 1"),
    ("a country code in small letters", "UPDATE troupe SET country = 'kr' WHERE id = 1"),
    ("a relation not in the list", "UPDATE troupe SET relation = 'cousin' WHERE id = 1"),
    (
        "a departure before the arrival",
        "UPDATE troupe SET arrival = '2018-09-02', departure = '2018-09-01' WHERE id = 1",
    ),
    (
        "an item on a venue that does not exist",
        "UPDATE program_item SET venue_id = 999 WHERE id = 1",
    ),
    (
        "an item of a troupe that does not exist",
        "UPDATE program_item SET troupe_id = 999 WHERE id = 1",
    ),
    (
        "an item that ends before it starts",
        "UPDATE program_item SET \"end\" = '11:00' WHERE id = 1",
    ),
    ("an item status not in the list", "UPDATE program_item SET status = 'maybe' WHERE id = 1"),
    ("a negative setup time", "UPDATE program_item SET setup_min = -5 WHERE id = 1"),
    (
        "two booths of one code",
        "UPDATE booth SET code = (SELECT code FROM booth WHERE id = 2) WHERE id = 1",
    ),
    ("an empty booth code", "UPDATE booth SET code = '' WHERE id = 1"),
    ("power that is neither yes nor no", "UPDATE booth SET power = 2 WHERE id = 1"),
    (
        "a booth without country or organization",
        "UPDATE booth SET country = '', organization = '' WHERE id = 1",
    ),
    (
        "a booth day of a day that does not exist",
        "INSERT INTO booth_day (booth_id, day_id) VALUES (1, 999)",
    ),
    ("a row version of 0", "UPDATE troupe SET row_version = 0 WHERE id = 1"),
    ("a second festival row", "INSERT INTO festival (id, name_en) VALUES (2, 'Another')"),
    ("a negative changeover", "UPDATE festival SET min_changeover = -1"),
    (
        "an acknowledgement without a reason",
        "INSERT INTO clash_acknowledgement VALUES ('k', '', 'now')",
    ),
    (
        "deleting a venue that has program items",
        "DELETE FROM venue WHERE id IN (SELECT venue_id FROM program_item)",
    ),
    ("deleting a day that has program items", "DELETE FROM festival_day WHERE id = 1"),
    (
        "a venue id given twice",
        "INSERT INTO venue (id, name_en, kind) VALUES (1, 'Again', 'stage')",
    ),
]


@pytest.fixture(params=ENGINES)
def festival(
    sample_file: Path, request: pytest.FixtureRequest
) -> Iterator[tuple[FestivalService, object]]:
    location = festival_copy(request.param, sample_file, request)
    service = open_festival(location)
    yield service, location
    service.close()


def test_every_rule_of_the_schema_holds_on_both_engines(
    festival: tuple[FestivalService, object],
) -> None:
    service, location = festival
    before = table_rows(location)  # type: ignore[arg-type]
    kept: list[str] = []
    for what, statement in BROKEN_RULES:
        try:
            with service.db.transaction():
                service.db.conn.execute(statement)
        except sqlite3.IntegrityError:  # SQLite's, and the server's (ConstraintError)
            continue
        kept.append(what)
    assert kept == [], f"not refused: {kept}"
    assert table_rows(location) == before  # type: ignore[arg-type]


def test_postgres_ddl_keeps_every_check_and_key() -> None:
    """The derived DDL keeps the constraints' words one for one (the tests above prove
    they act the same)."""
    for script in schema.MIGRATIONS:
        derived = dialect.postgres_ddl(script)
        for word in ("CHECK", "UNIQUE", "REFERENCES", "PRIMARY KEY", "ON DELETE"):
            assert derived.count(word) == script.count(word), word
        assert not re.search(r"\b(GLOB|STRICT|ROWID)\b", derived)


def test_glob_shapes_become_anchored_expressions() -> None:
    assert dialect.postgres_ddl("CHECK (t GLOB '[0-2][0-9]:[0-5][0-9]')") == (
        "CHECK (t ~ '^[0-2][0-9]:[0-5][0-9]$')"
    )
    with pytest.raises(ValueError):
        dialect.postgres_ddl("CHECK (t GLOB 'a*')")  # a shape this translation refuses


def test_placeholders_become_psycopgs_outside_quotes() -> None:
    assert dialect.postgres_query("SELECT '?%', \"a?\" FROM t WHERE x = ? AND y LIKE '5%'") == (
        "SELECT '?%%', \"a?\" FROM t WHERE x = %s AND y LIKE '5%%'"
    )


def test_the_sqlite_default_never_imports_the_server_driver(sample_file: Path) -> None:
    """Opening a festival file, as the window does at start-up, loads no psycopg."""
    code = (
        "import sys\n"
        "from festival_app.cli import build_parser\n"
        "from festival_app.services import FestivalService\n"
        "from festival_app.store import engine, dialect, server_errors\n"
        f"s = FestivalService.open({str(sample_file)!r}, read_only=True)\n"
        "s.troupes(); s.program(); s.booths(); s.close()\n"
        "build_parser()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('psycopg', 'keyring'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def _as_version_3(url: str) -> None:
    """Take the server festival back to schema version 3: without version 4's columns."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        for table in schema.VERSIONED_TABLES:
            conn.execute(f"ALTER TABLE {table} DROP COLUMN changed_by, DROP COLUMN changed_at")
        conn.execute(
            "ALTER TABLE festival DROP COLUMN row_version, DROP COLUMN changed_by, "
            "DROP COLUMN changed_at"
        )
        conn.execute("UPDATE festival_schema SET version = 3")


def test_a_server_festival_of_an_older_schema_is_brought_up_to_date(
    sample_file: Path, request: pytest.FixtureRequest
) -> None:
    """As a festival file is: the missing migrations run when the festival is opened."""
    import psycopg

    url = festival_copy("postgresql", sample_file, request)
    assert isinstance(url, str)
    _as_version_3(url)
    before = table_rows(url, leave_out=())
    service = open_festival(url)
    try:
        assert service.db.schema_version == schema.SCHEMA_VERSION
        troupe = service.troupes()[0]
        from dataclasses import replace

        stored, _ = service.save(replace(troupe, phone="+82 2 120"))
    finally:
        service.close()
    after = table_rows(url, leave_out=("changed_by", "changed_at"))
    assert after["venue"] == before["venue"] and after["booth_day"] == before["booth_day"]
    with psycopg.connect(url, autocommit=True) as conn:
        by = conn.execute("SELECT changed_by FROM troupe WHERE id = %s", (stored.id,)).fetchone()
        assert by is not None and "(festival_admin)" in by[0]


def test_an_editor_or_viewer_cannot_bring_an_older_server_festival_up_to_date(
    sample_file: Path, request: pytest.FixtureRequest
) -> None:
    """Changing tables is the owner's: others are told whom to ask, and nothing changes."""
    import os

    import psycopg

    from festival_app.store.errors import StoreError
    from festival_app.store.postgres import role_names
    from festival_app.store.server_errors import ServerOutdatedError

    url = festival_copy("postgresql", sample_file, request)
    assert isinstance(url, str)
    server = request.getfixturevalue("postgres_server")
    database = url.rsplit("/", 1)[1]
    _as_version_3(url)
    editors, viewers = role_names(database)
    for name, role in ((f"ed_{database}", editors), (f"view_{database}", viewers)):
        server.create_login(name, "pw", member_of=role)
        os.environ["PGPASSWORD"] = "pw"
        try:
            with pytest.raises(ServerOutdatedError) as refused:
                open_festival(server.url(database, name))
        finally:
            os.environ["PGPASSWORD"] = ADMIN_PASSWORD
        assert isinstance(refused.value, StoreError) and refused.value.bad_input
        assert "festival_admin" in refused.value.message()
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("SELECT version FROM festival_schema").fetchone() == (3,)
