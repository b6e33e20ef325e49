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

# A release's columns after `INSERT INTO release`: a good one but for what a rule breaks.
_RELEASE = (
    "(name, comment_ko, comment_en, created_at, printed, content_hash, snapshot) "
    "VALUES ('{name}', '', '', '2026-12-04T10:00:00+00:00', 0, '" + "a" * 64 + "', '{{}}')"
)

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
    # Site maps and booth spaces (version 4): the sample has maps of areas 2, 3 and 4.
    ("a second map of one area", "UPDATE site_map SET venue_id = 3 WHERE id = 1"),
    ("a map of an area that does not exist", "UPDATE site_map SET venue_id = 999 WHERE id = 1"),
    ("a picture format not in the list", "UPDATE site_map SET image_format = 'gif' WHERE id = 1"),
    ("a picture without its format", "UPDATE site_map SET image_format = '' WHERE id = 1"),
    (
        "a format without a picture",
        "UPDATE site_map SET image = substr(image, 1, 0) WHERE id = 1",
    ),
    ("a negative picture width", "UPDATE site_map SET image_width = -1 WHERE id = 1"),
    ("a negative scale", "UPDATE site_map SET scale_metres = -0.5 WHERE id = 1"),
    ("a map row version of 0", "UPDATE site_map SET row_version = 0 WHERE id = 1"),
    (
        "deleting an area that has a map",
        "DELETE FROM venue WHERE id = 4 AND id IN (SELECT venue_id FROM site_map)",
    ),
    (
        "two spaces of one code",
        "UPDATE booth_space SET code = (SELECT code FROM booth_space WHERE id = 2) WHERE id = 1",
    ),
    ("an empty space code", "UPDATE booth_space SET code = '' WHERE id = 1"),
    ("a space of no width", "UPDATE booth_space SET width = 0 WHERE id = 1"),
    ("a space of negative depth", "UPDATE booth_space SET depth = -2.5 WHERE id = 1"),
    ("blocked that is neither yes nor no", "UPDATE booth_space SET blocked = 2 WHERE id = 1"),
    ("a space in an area that does not exist", "UPDATE booth_space SET venue_id = 999"),
    # Releases and the festival guid (version 5): the festival holds releases "A"
    # (printed) and "B", made by `releases_made`.
    ("renaming a release", "UPDATE release SET name = 'C' WHERE name = 'A'"),
    ("changing a release's comment", "UPDATE release SET comment_en = 'x' WHERE name = 'A'"),
    ("changing a release's snapshot", "UPDATE release SET snapshot = '{}' WHERE name = 'B'"),
    ("changing a release's hash", f"UPDATE release SET content_hash = '{'0' * 64}'"),
    ("changing a release's id", "UPDATE release SET id = 99 WHERE name = 'B'"),
    ("removing a release", "DELETE FROM release WHERE name = 'B'"),
    ("two printed releases", "UPDATE release SET printed = 1 WHERE name = 'B'"),
    ("a printed mark that is neither yes nor no", "UPDATE release SET printed = 2"),
    ("two releases of one name", "INSERT INTO release " + _RELEASE.format(name="A")),
    ("a release without a name", "INSERT INTO release " + _RELEASE.format(name="")),
    ("a release name of 41 letters", "INSERT INTO release " + _RELEASE.format(name="n" * 41)),
    (
        "a snapshot that is not JSON",
        "INSERT INTO release " + _RELEASE.format(name="C").replace("'{}'", "'{\"items\": ['"),
    ),
    (
        "a release time of the wrong shape",
        "INSERT INTO release " + _RELEASE.format(name="C").replace("2026-12-04T", "04.12.2026 "),
    ),
    (
        "a content hash of the wrong length",
        "INSERT INTO release " + _RELEASE.format(name="C").replace("'" + "a" * 64, "'" + "a" * 63),
    ),
    (
        "changing the festival guid",
        "UPDATE festival_guid SET guid = '00000000-0000-4000-8000-000000000000'",
    ),
    ("removing the festival guid", "DELETE FROM festival_guid"),
    (
        "a second festival guid",
        "INSERT INTO festival_guid VALUES (2, '00000000-0000-4000-8000-000000000000')",
    ),
]


@pytest.fixture(params=ENGINES)
def festival(
    sample_file: Path, request: pytest.FixtureRequest
) -> Iterator[tuple[FestivalService, object]]:
    location = festival_copy(request.param, sample_file, request)
    service = open_festival(location)
    releases_made(service)
    yield service, location
    service.close()


def releases_made(service: FestivalService) -> None:
    """Release "A" (the printed baseline), then "B" after a change of the program."""
    from dataclasses import replace

    from festival_app import releasing

    releasing.release(service, "A", printed=True)
    item = service.program()[0]
    service.save(replace(item, title_en=f"{item.title_en} (moved)", notes="after A"))
    releasing.release(service, "B")


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


def test_a_rule_break_is_refused_in_the_same_words_on_both_engines(
    festival: tuple[FestivalService, object],
) -> None:
    """The triggers' refusals: the file's RAISE(ABORT) and the server's plpgsql alike."""
    service, _ = festival
    for statement, words in (
        ("UPDATE release SET name = 'C' WHERE name = 'A'", "a release cannot be changed"),
        ("DELETE FROM release", "a release cannot be removed"),
        ("UPDATE festival_guid SET guid = guid", "the festival guid never changes"),
        ("DELETE FROM festival_guid", "the festival guid is kept"),
    ):
        with pytest.raises(sqlite3.IntegrityError) as refused, service.db.transaction():
            service.db.conn.execute(statement)
        assert str(refused.value).splitlines()[0] == words


def test_only_the_printed_mark_of_a_release_moves(
    festival: tuple[FestivalService, object],
) -> None:
    from festival_app import releasing

    service, location = festival
    assert [(r.name, r.printed) for r in releasing.releases(service)] == [("A", True), ("B", False)]
    releasing.mark_printed(service, "B")
    releasing.mark_printed(service, None)
    releasing.mark_printed(service, "A")
    assert releasing.baseline(service) == releasing.find(service, "A")
    rows = table_rows(location)["release"]  # type: ignore[arg-type]
    assert sorted((r[1], r[5]) for r in rows) == [("A", 1), ("B", 0)]


def test_releases_snapshots_and_their_changes_on_both_engines(
    festival: tuple[FestivalService, object],
) -> None:
    """What releasing does (store/releases.py on either engine): the frozen snapshot
    reads back as it was released, the changes between releases are the program's."""
    from festival_app import releasing
    from festival_app.store.releases import content_hash, snapshot_to_json

    service, _ = festival
    a, b = releasing.find(service, "A"), releasing.find(service, "B")
    for made in (a, b):
        assert made.id is not None and made.created_at is not None
        assert content_hash(snapshot_to_json(service.releases.snapshot(made.id))) == (
            made.content_hash
        )
    assert a.content_hash != b.content_hash
    assert releasing.shown_release(service) == b  # the program is as B froze it
    changed = releasing.changes(service, "A", "B").changes
    assert [c.item_id for c in changed] == [service.program()[0].id]
    assert releasing.changed_since_baseline(service) == {service.program()[0].id}
    guid = service.releases.festival_guid()
    assert len(guid) == 36 and guid[14] == "4"  # a random (version 4) uuid


def test_a_release_name_taken_meanwhile_writes_nothing_on_both_engines(
    festival: tuple[FestivalService, object],
) -> None:
    """Another computer took the name between the check and the insert: the database's
    unique key refuses it, the same error on both, and the festival goes on."""
    from datetime import UTC, datetime

    from festival_app import releasing
    from festival_app.domain.releases import Release
    from festival_app.store.releases import ReleaseNameTakenError

    service, location = festival
    before = table_rows(location)  # type: ignore[arg-type]
    with pytest.raises(ReleaseNameTakenError):
        service.releases.insert(
            Release("A", created_at=datetime.now(UTC)), releasing.current_snapshot(service)
        )
    assert table_rows(location) == before  # type: ignore[arg-type]
    releasing.release(service, "C")  # the festival goes on (the server's id may skip one)
    assert [r.name for r in releasing.releases(service)] == ["A", "B", "C"]


def test_a_server_refuses_emptying_the_releases_or_the_guid_at_once(
    sample_file: Path, request: pytest.FixtureRequest
) -> None:
    """TRUNCATE skips DELETE triggers (and SQLite has none): refused too."""
    import psycopg

    url = festival_copy("postgresql", sample_file, request)
    assert isinstance(url, str)
    with psycopg.connect(url, autocommit=True) as conn:
        for table, words in (
            ("release", "a release cannot be removed"),
            ("festival_guid", "the festival guid is kept"),
        ):
            with pytest.raises(psycopg.errors.IntegrityConstraintViolation, match=words):
                conn.execute(f"TRUNCATE {table}")
        assert conn.execute("SELECT count(*) FROM festival_guid").fetchone() == (1,)


_CONSTRAINT_WORDS = ("CHECK", "UNIQUE", "REFERENCES", "PRIMARY KEY", "ON DELETE")


def _tables(script: str) -> dict[str, str]:
    """Each CREATE TABLE and CREATE UNIQUE INDEX statement of `script`, by its name."""
    found = re.finditer(r"CREATE (?:TABLE|UNIQUE INDEX) (\w+)[^;]*;", script)
    return {m.group(1): m.group(0) for m in found}


def test_postgres_ddl_keeps_every_check_and_key() -> None:
    """The server's DDL keeps the constraints' words one for one, table by table (the
    tests above prove they act the same)."""
    from festival_app.store.postgres import migration_ddl

    for version, script in enumerate(schema.MIGRATIONS, start=1):
        derived = migration_ddl(version)
        theirs = _tables(derived)
        ours = _tables(script)
        if version not in schema.POSTGRES_MIGRATIONS:
            assert set(theirs) == set(ours)
        for name, statement in theirs.items():
            for word in _CONSTRAINT_WORDS:
                assert statement.count(word) == ours[name].count(word), (name, word)
        assert not re.search(r"\b(GLOB|STRICT|ROWID|BLOB|REAL|AUTOINCREMENT)\b", derived)
    # Version 5's own text leaves out only the program_item rebuild, which gives the
    # file's ids what the server's identity column already has.
    left_out = set(_tables(schema.V5)) - set(_tables(migration_ddl(5)))
    assert left_out == {"program_item_v4"}


def test_migrations_without_a_common_spelling_are_refused_not_guessed() -> None:
    with pytest.raises(ValueError, match="POSTGRES_MIGRATIONS"):
        dialect.postgres_ddl(schema.V5)  # SQLite's triggers and randomblob
    with pytest.raises(ValueError, match="POSTGRES_MIGRATIONS"):
        dialect.postgres_ddl("INSERT INTO t SELECT seq FROM sqlite_sequence;")


def test_blob_real_autoincrement_and_json_checks_become_postgresqls() -> None:
    assert dialect.postgres_ddl("image BLOB NOT NULL DEFAULT x'',") == (
        "image BYTEA NOT NULL DEFAULT '\\x'::bytea,"
    )
    assert dialect.postgres_ddl("x REAL NOT NULL,") == "x DOUBLE PRECISION NOT NULL,"
    assert dialect.postgres_ddl("id INTEGER PRIMARY KEY AUTOINCREMENT,") == (
        "id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    )
    derived = dialect.postgres_ddl("s TEXT NOT NULL CHECK (json_valid(s))")
    assert derived.startswith(dialect.JSON_VALID_FUNCTION)
    assert derived.endswith('s TEXT COLLATE "C" NOT NULL CHECK (festival_json_valid(s))')
    # Text between $$ quotes (plpgsql) is PostgreSQL's already: left as it is.
    body = "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN x := 'TEXT REAL'; END $$;"
    assert dialect.postgres_ddl(body) == body


def test_glob_shapes_become_anchored_expressions() -> None:
    assert dialect.postgres_ddl("CHECK (t GLOB '[0-2][0-9]:[0-5][0-9]')") == (
        "CHECK (t ~ '^[0-2][0-9]:[0-5][0-9]$')"
    )
    assert dialect.postgres_ddl("CHECK (t GLOB '[12]-?.*')") == "CHECK (t ~ '^[12]-.\\..*$')"
    with pytest.raises(ValueError, match="GLOB pattern"):
        dialect.postgres_ddl("CHECK (t GLOB name)")  # a shape this translation refuses


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
    """Take the server festival back to schema version 3: without version 7's notice
    language, version 6's columns, version 5's releases and guid, and version 4's site
    maps."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("ALTER TABLE troupe DROP COLUMN language")
        for table in schema.VERSIONED_TABLES:
            conn.execute(f"ALTER TABLE {table} DROP COLUMN changed_by, DROP COLUMN changed_at")
        conn.execute(
            "ALTER TABLE festival DROP COLUMN row_version, DROP COLUMN changed_by, "
            "DROP COLUMN changed_at"
        )
        conn.execute("DROP TABLE site_map, booth_space, release, festival_guid")
        conn.execute(
            "DROP FUNCTION festival_json_valid, festival_guid_never_changes, "
            "festival_guid_is_kept, release_is_frozen, release_is_kept"
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
    with psycopg.connect(url, autocommit=True) as conn:
        before = {
            t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in ("venue", "booth_day", "program_item")
        }
    service = open_festival(url)
    try:
        assert service.db.schema_version == schema.SCHEMA_VERSION
        troupe = service.troupes()[0]
        from dataclasses import replace

        stored, _ = service.save(replace(troupe, phone="+82 2 120"))
        releases_made(service)  # version 5's tables and triggers are in place
        with pytest.raises(sqlite3.IntegrityError), service.db.transaction():
            service.db.conn.execute("DELETE FROM release")
    finally:
        service.close()
    with psycopg.connect(url, autocommit=True) as conn:
        by = conn.execute("SELECT changed_by FROM troupe WHERE id = %s", (stored.id,)).fetchone()
        assert by is not None and "(festival_admin)" in by[0]
        for table in ("venue", "booth_day", "program_item"):  # kept, with version 6's ''
            rows = conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            if table == "program_item":  # but the one releases_made changed
                rows, before[table] = rows[1:], before[table][1:]
            assert [r[: len(b)] for r, b in zip(rows, before[table], strict=True)] == before[table]
        assert conn.execute("SELECT count(*) FROM site_map").fetchone() == (0,)
        guid = conn.execute("SELECT guid FROM festival_guid").fetchone()
        assert guid is not None and len(guid[0]) == 36
    # The roles got the new tables too: an editor reads the maps and makes a release.
    server = request.getfixturevalue("postgres_server")
    database = url.rsplit("/", 1)[1]
    from festival_app.store.postgres import role_names

    server.create_login(f"ed_{database}", "pw", member_of=role_names(database)[0])
    import os

    os.environ["PGPASSWORD"] = "pw"
    try:
        editor = open_festival(server.url(database, f"ed_{database}"))
        try:
            from festival_app import releasing

            assert editor.site_map(2) is None
            releasing.release(editor, "C")
            releasing.mark_printed(editor, "C")
        finally:
            editor.close()
    finally:
        os.environ["PGPASSWORD"] = ADMIN_PASSWORD


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
