"""A festival in a PostgreSQL database: team mode, where several computers edit one
festival at the same time.

`ServerDatabase` offers what store/db.py's `Database` offers the repositories and the
service (`conn.execute` with `?` placeholders, `transaction()`, `read_only`, `path`, `who`,
`dialect`), so the same repositories and use cases run on both engines. The schema is
store/schema.py's, turned into PostgreSQL's DDL by store/dialect.py (a migration without
a spelling common to both, version 5's triggers and random guid, from its own text beside
the file's: schema.POSTGRES_MIGRATIONS); its version is kept in the table
`festival_schema` (SQLite keeps it in PRAGMA user_version).

No lost writes: write transactions on one festival run one at a time (an advisory lock,
WRITE_LOCK), as SQLite's BEGIN IMMEDIATE gives a file, so what a transaction checks
before writing stays true until it commits; every write of a record is made only while
its row still has the row_version it was read with (store/repositories.py), so of two
computers saving one record exactly one wins. Unique keys decide the same way between two
computers taking one booth code at the same moment.

Passwords never appear in an address, a setting, a log or a command line: libpq reads
them from PGPASSWORD or a pgpass file, or the window passes one from the system keyring
(see `connect`). This module imports psycopg, so it is imported only when a server is
used: the SQLite default starts without it.
"""

from __future__ import annotations

import logging
import platform
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import psycopg
from psycopg import errors as pg_errors
from psycopg import sql

from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.store import schema, server_errors
from festival_app.store.dialect import POSTGRES, postgres_ddl, postgres_query
from festival_app.store.errors import NewerVersionError, StoreError

logger = logging.getLogger(__name__)

VERSION_TABLE = "festival_schema"
WRITE_LOCK = 0x53464631  # the advisory lock key of a festival's write transactions ('SFF1')
_WRITES = re.compile(r"\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
APPLICATION_NAME = "festival-app"
CONNECT_TIMEOUT_S = 5
# The festival's own tables, in an order that keeps foreign keys satisfied when copying.
TABLES = (
    "festival",
    "festival_day",
    "venue",
    "troupe",
    "program_item",
    "booth",
    "booth_day",
    "clash_acknowledgement",
    "site_map",
    "booth_space",
    "festival_guid",
    "release",
)
# Tables whose id comes from an identity sequence (set past the largest id after a copy).
IDENTITY_TABLES = (
    "festival_day",
    "venue",
    "troupe",
    "program_item",
    "booth",
    "site_map",
    "booth_space",
    "release",
)
# Tables that never hand out an id twice, even a deleted row's (AUTOINCREMENT in the
# festival file, where SQLite keeps the largest id ever given in sqlite_sequence): a
# program item's id is the root of its published guid (see schema.V5).
NEVER_REUSED = ("program_item",)
# What an editor may do to a table, where it is less than INSERT, UPDATE, DELETE: a
# release is added and its printed mark moved, never removed; the festival's guid is
# only read. (The database's triggers refuse the rest of those changes to anyone.)
_EDITORS_MAY = {"release": "INSERT, UPDATE", "festival_guid": ""}


@dataclass(frozen=True)
class ServerAddress:
    """Where a server festival is: a libpq URI without a password."""

    user: str
    host: str
    port: int
    database: str
    options: str = ""  # the URI's query (sslmode=require, ...), passed on as it is

    @classmethod
    def parse(cls, url: str) -> ServerAddress:
        """Read 'postgresql://user@host:5432/festival'; ServerAddressError for anything
        else, and for an address that holds a password (it would show in the process
        list, the shell's history and the recent-servers list)."""
        shown = _without_password(url)
        try:
            parts = urlsplit(url)
            port = parts.port or 5432
        except ValueError as exc:
            raise server_errors.ServerAddressError(shown, str(exc)) from None
        if parts.scheme not in ("postgresql", "postgres"):
            raise server_errors.ServerAddressError(
                shown, N("StoreError", "it does not start with postgresql://")
            )
        if parts.password is not None:
            raise server_errors.ServerAddressError(
                shown,
                N(
                    "StoreError",
                    "it holds a password; give the password in PGPASSWORD or a pgpass file instead",
                ),
            )
        database = unquote(parts.path.lstrip("/"))
        if not database or "/" in database:
            raise server_errors.ServerAddressError(
                shown,
                N("StoreError", "it names no database at its end (the part after the last /)"),
            )
        return cls(
            user=unquote(parts.username or ""),
            host=parts.hostname or "localhost",
            port=port,
            database=database,
            options=parts.query,
        )

    @property
    def url(self) -> str:
        user = f"{self.user}@" if self.user else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        query = f"?{self.options}" if self.options else ""
        return f"postgresql://{user}{host}:{self.port}/{self.database}{query}"

    def __str__(self) -> str:
        return self.url

    @property
    def backup_name(self) -> str:
        """A file name for this festival ("festival@db.city.go.kr-5432"): its backups
        folder is named after it."""
        return re.sub(r"[^\w.@-]", "_", f"{self.database}@{self.host}-{self.port}")

    @property
    def keyring_user(self) -> str:
        """The key of this account's password in the system keyring."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def _without_password(url: str) -> str:
    """`url` with any password replaced by '***' (for messages and logs)."""
    return re.sub(r"(://[^/@:]*:)[^/@]*@", r"\1***@", url)


# -- connecting --------------------------------------------------------------------------


def connect(
    address: ServerAddress, password: str | None = None, *, purpose: str = ""
) -> psycopg.Connection[Any]:
    """A connection in autocommit mode (transactions are begun explicitly).

    The password, when given (from the keyring), goes to libpq as a parameter, never into
    the address; otherwise libpq finds it in PGPASSWORD or a pgpass file.
    """
    kwargs: dict[str, Any] = {
        "autocommit": True,
        "connect_timeout": CONNECT_TIMEOUT_S,
        # "festival-app KIM-PC": who else is connected is read from it (others_connected).
        "application_name": f"{APPLICATION_NAME}{purpose} {platform.node() or '?'}"[:63],
    }
    if password is not None:
        kwargs["password"] = password
    try:
        conn = psycopg.connect(address.url, **kwargs)
        # No server-side prepared statements: a write that fails inside a pipeline
        # (see ServerConnection._execute_alone) leaves psycopg's cache of them wrong.
        conn.prepare_threshold = None
        return conn
    except psycopg.OperationalError as exc:
        raise _connect_error(address, exc) from None


def _connect_error(address: ServerAddress, exc: psycopg.OperationalError) -> StoreError:
    text = str(exc)
    lowered = text.lower()
    logger.info("cannot connect to %s: %s", address, text.strip())
    if "password" in lowered or "authentication" in lowered or "role" in lowered:
        return server_errors.ServerLoginError(address.url)
    if "database" in lowered and "does not exist" in lowered:
        return server_errors.ServerUnreachableError(
            address.url, N("StoreError", "there is no database of that name")
        )
    # libpq's own words: 'connection failed: connection to server at "db", port 5432
    # failed: Connection refused' (and a hint on the next line): the end says it.
    first = text.strip().splitlines()[0] if text.strip() else ""
    reason = first.rsplit(": ", 1)[-1].strip()
    return server_errors.ServerUnreachableError(address.url, reason)


class ServerConnection:
    """A psycopg connection that takes the repositories' SQL (`?` placeholders) and
    reports the server's refusals as the store's errors."""

    def __init__(self, conn: psycopg.Connection[Any], address: ServerAddress) -> None:
        self.raw = conn
        self.address = address

    def execute(self, query: str, params: Sequence[Any] | None = None) -> Any:
        """Run `query` (`?` placeholders); the psycopg cursor, read like sqlite3's."""
        text = postgres_query(query)
        values = tuple(params or ())
        try:
            if self.in_transaction and _WRITES.match(query):
                return self._execute_alone(text, values)
            return self.raw.execute(text, values)
        except psycopg.Error as exc:
            raise self.translate(exc) from exc

    def _execute_alone(self, text: str, values: tuple[Any, ...]) -> Any:
        """Run a write inside the open transaction so that its failure undoes only itself.

        On SQLite a statement that breaks a rule fails alone and the transaction goes on
        (the service then reads the row to name it); PostgreSQL would abort the whole
        transaction. A savepoint around the write, sent in one round trip with it
        (pipeline mode), keeps SQLite's behaviour.
        """
        raw = self.raw
        try:
            with raw.pipeline():
                raw.execute(b"SAVEPOINT festival_write")
                cursor = raw.execute(text, values)
                raw.execute(b"RELEASE SAVEPOINT festival_write")
        except psycopg.Error:
            if not self.broken:
                raw.execute(b"ROLLBACK TO SAVEPOINT festival_write")
                raw.execute(b"RELEASE SAVEPOINT festival_write")
            raise
        return cursor

    def executemany(self, query: str, rows: Iterable[Sequence[Any]]) -> Any:
        rows = list(rows)
        cursor = self.raw.cursor()
        if not rows:
            return cursor
        alone = self.in_transaction  # as `_execute_alone`: a failure undoes only itself
        try:
            if alone:
                self.raw.execute(b"SAVEPOINT festival_write")
            cursor.executemany(postgres_query(query), rows)
            if alone:
                self.raw.execute(b"RELEASE SAVEPOINT festival_write")
        except psycopg.Error as exc:
            if alone and not self.broken:
                self.raw.execute(b"ROLLBACK TO SAVEPOINT festival_write")
                self.raw.execute(b"RELEASE SAVEPOINT festival_write")
            raise self.translate(exc) from exc
        return cursor

    def execute_script(self, script: str) -> None:
        """Run several statements without parameters (a migration)."""
        try:
            self.raw.execute(script.encode())
        except psycopg.Error as exc:
            raise self.translate(exc) from exc

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    @property
    def broken(self) -> bool:
        return self.raw.closed or self.raw.broken

    def translate(self, exc: psycopg.Error) -> Exception:
        """The store's error for the server's refusal `exc`."""
        where = self.address.url
        if isinstance(exc, pg_errors.InsufficientPrivilege):
            return server_errors.ServerReadOnlyError(where, "")
        if isinstance(exc, psycopg.IntegrityError):
            detail = exc.diag.message_detail or exc.diag.message_primary or str(exc)
            return server_errors.ConstraintError(detail)
        if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError) or self.broken:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            return server_errors.ConnectionLostError(where, reason)
        return exc

    def close(self) -> None:
        self.raw.close()


# -- the festival on the server -------------------------------------------------------


class ServerDatabase:
    """One festival in a PostgreSQL database (see the module's description)."""

    dialect = POSTGRES
    lock = None  # no lock file: rows are guarded by their versions, not the whole book

    def __init__(self, conn: ServerConnection, address: ServerAddress, *, read_only: bool) -> None:
        self.conn = conn
        self.address = address
        # Where messages say the festival is, and the name its backups folder takes.
        self.path = Path(address.backup_name)
        self.read_only = read_only
        user = conn.execute("SELECT current_user").fetchone()
        self.who = f"{platform.node() or '?'} ({user[0] if user else '?'})"
        self._depth = 0
        self._closed = False
        self.password: str | None = None  # the one this connection was opened with

    def another(self, *, read_only: bool = True) -> ServerDatabase:
        """A connection of its own to the same festival, as the same account (an export
        in its own thread reads through one)."""
        return ServerDatabase.open(
            self.address, read_only=read_only or self.read_only, password=self.password
        )

    @classmethod
    def open(
        cls, url: str | ServerAddress, *, read_only: bool = False, password: str | None = None
    ) -> ServerDatabase:
        """Connect to the festival at `url`, bringing an older schema up to date.

        A viewer's account (no right to change the program) opens read-only whatever
        `read_only` says; the server itself refuses its writes too.
        """
        address = url if isinstance(url, ServerAddress) else ServerAddress.parse(url)
        conn = ServerConnection(connect(address, password), address)
        try:
            version = _schema_version(conn)
            if version is None:
                raise server_errors.NoFestivalOnServerError(address.url)
            if version > schema.SCHEMA_VERSION:
                raise NewerVersionError(address.url, found=version, supported=schema.SCHEMA_VERSION)
            may_write = conn.execute(
                "SELECT has_table_privilege('program_item', 'UPDATE')"
            ).fetchone()
            db = cls(conn, address, read_only=read_only or not (may_write and may_write[0]))
            # Kept in memory only, for this festival's other connections (the live feed,
            # an export's, a reconnection): never written anywhere.
            db.password = password
            if version < schema.SCHEMA_VERSION:
                owner = conn.execute(
                    "SELECT tableowner FROM pg_tables WHERE tablename = ?", (VERSION_TABLE,)
                ).fetchone()
                if db.read_only:
                    raise server_errors.ServerOutdatedError(
                        address.url, owner=owner[0] if owner else "?"
                    )
                try:
                    db._migrate()
                    # The new tables to the festival's roles too (they exist since init).
                    grant_roles(db, create_missing=False)
                except server_errors.ServerReadOnlyError:  # an editor may not change tables
                    raise server_errors.ServerOutdatedError(
                        address.url, owner=owner[0] if owner else "?"
                    ) from None
        except BaseException:
            conn.close()
            raise
        return db

    @classmethod
    def init(
        cls,
        url: str | ServerAddress,
        *,
        password: str | None = None,
        fill: Callable[[ServerDatabase], object] | None = None,
    ) -> ServerDatabase:
        """Create the festival's tables in an empty database, fill them (`fill`: a copy
        of a festival file, or the sample) and grant them to its two roles (see
        `grant_roles`), all in one transaction: a failure anywhere leaves the database
        empty. ServerNotEmptyError when it holds any table."""
        address = url if isinstance(url, ServerAddress) else ServerAddress.parse(url)
        conn = ServerConnection(connect(address, password), address)
        try:
            tables = [
                r[0]
                for r in conn.execute(
                    "SELECT table_schema || '.' || table_name FROM information_schema.tables "
                    "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') "
                    "ORDER BY 1"
                ).fetchall()
            ]
            if tables:
                raise server_errors.ServerNotEmptyError(address.url, ", ".join(tables[:5]))
            db = cls(conn, address, read_only=False)
            with db.transaction():
                conn.execute(f"CREATE TABLE {VERSION_TABLE} (version INTEGER NOT NULL)")
                conn.execute(f"INSERT INTO {VERSION_TABLE} (version) VALUES (0)")
                db._migrate()
                if fill is not None:
                    fill(db)
                grant_roles(db)
        except BaseException:
            conn.close()
            raise
        return db

    def _migrate(self) -> None:
        """Apply the missing migrations, each in one transaction; two computers opening
        an older festival at once take turns (an advisory lock), the second finds it
        done."""
        with self.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(hashtext(?))", (VERSION_TABLE,))
            version = _schema_version(self.conn) or 0
            for target in range(version + 1, schema.SCHEMA_VERSION + 1):
                logger.info("migrating %s to schema version %d", self.address, target)
                self.conn.execute_script(migration_ddl(target))
                self.conn.execute(f"UPDATE {VERSION_TABLE} SET version = ?", (target,))
            self.conn.execute_script(_live_triggers())

    def reconnect(self) -> None:
        """Replace a lost connection with a new one (after the server is back). Nothing
        was queued meanwhile: a write on the lost connection failed and wrote nothing."""
        fresh = ServerConnection(connect(self.address, self.password), self.address)
        old, self.conn = self.conn, fresh
        self._depth = 0
        old.close()

    @property
    def backend_pid(self) -> int:
        """The server process of this connection (its writes' announcements carry it)."""
        return int(self.conn.raw.info.backend_pid)

    # -- transactions --------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[ServerConnection]:
        """A write transaction: committed when the block ends, rolled back on any error;
        nested use joins the outer one (as store/db.py's)."""
        if self.read_only:
            raise server_errors.ServerReadOnlyError(self.address.url, "")
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN")
        self._depth = 1
        try:
            # One write transaction at a time on the festival, as SQLite's BEGIN
            # IMMEDIATE gives a file: what a transaction checks before it writes (a
            # troupe's name, an import's plan) stays true until it commits. Readers never
            # wait, and a window's edit holds it for milliseconds.
            self.conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
            yield self.conn
            try:
                self.conn.execute("COMMIT")
            except server_errors.ConnectionLostError as exc:  # did the server commit?
                raise server_errors.LostAtCommitError(self.address.url, exc.detail) from exc
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0

    def _rollback(self) -> None:
        if self.conn.broken:
            return  # the server rolls back what a lost connection left open
        try:
            if self.conn.in_transaction:
                self.conn.raw.execute("ROLLBACK")
        except psycopg.Error:
            logger.warning("rollback failed on %s", self.address, exc_info=True)

    # -- reading ---------------------------------------------------------------------

    def query(self, text: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self.conn.execute(text, params).fetchall()
        return rows

    @property
    def schema_version(self) -> int:
        return _schema_version(self.conn) or 0

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self.conn.close()


# Every committed change of a festival table is announced on this channel (LISTEN/NOTIFY,
# see store/live.py) as "TABLE PID": the table, and the server process of the connection
# that wrote, so a window can tell its own writes from others'. PostgreSQL delivers one
# notification per distinct payload per transaction, so an import of thousands of rows
# announces each table once, at its commit.
CHANGES_CHANNEL = "festival_changes"


def _live_triggers() -> str:
    """The trigger function and one statement-level trigger per festival table."""
    parts = [
        "CREATE OR REPLACE FUNCTION festival_announce() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        f"PERFORM pg_notify('{CHANGES_CHANNEL}', TG_TABLE_NAME || ' ' || pg_backend_pid()); "
        "RETURN NULL; END $$;"
    ]
    for table in TABLES:
        parts.append(f"DROP TRIGGER IF EXISTS {table}_announce ON {table};")
        parts.append(
            f"CREATE TRIGGER {table}_announce AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION festival_announce();"
        )
    return "\n".join(parts)


def others_connected(conn: psycopg.Connection[Any], own_pids: Iterable[int]) -> list[str]:
    """Who else has this festival open now: "KIM-PC (kim)" for each other window's
    connection, not counting `own_pids` (this window's). Asked on the change feed's own
    connection (store/live.py), whose name (and every feed's) is not a window's."""
    rows = conn.execute(
        "SELECT DISTINCT application_name, usename FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> ALL(%s) "
        "AND application_name LIKE %s ORDER BY 1, 2",
        (list(own_pids), f"{APPLICATION_NAME} %"),
    ).fetchall()
    return [f"{name[len(APPLICATION_NAME) + 1 :]} ({user})" for name, user in rows]


def migration_ddl(target: int) -> str:
    """The PostgreSQL DDL that brings a server festival to schema version `target`: the
    migration's SQLite text translated (store/dialect.py), or the text of its own that
    schema.POSTGRES_MIGRATIONS gives one without a common spelling."""
    script = schema.POSTGRES_MIGRATIONS.get(target, schema.MIGRATIONS[target - 1])
    return postgres_ddl(script)


def _schema_version(conn: ServerConnection) -> int | None:
    """The festival schema's version in the database; None when it holds no festival."""
    found = conn.execute("SELECT to_regclass(?)", (VERSION_TABLE,)).fetchone()
    if not found or found[0] is None:
        return None
    row = conn.execute(f"SELECT version FROM {VERSION_TABLE}").fetchone()
    return int(row[0]) if row else None


# -- roles ---------------------------------------------------------------------------------


def role_names(database: str) -> tuple[str, str]:
    """The group roles of one festival database: its editors and its viewers."""
    return f"{database}_editors", f"{database}_viewers"


def grant_roles(db: ServerDatabase, *, create_missing: bool = True) -> tuple[str, str]:
    """Create (when missing) the festival's two group roles and grant them its tables:
    editors read and write the records, viewers only read. People's own accounts join
    one of them (GRANT festival_editors TO kim). Returns the two names.

    Run again after a migration (`create_missing` False: roles that were dropped stay
    so), it grants the tables the migration added."""
    editors, viewers = role_names(db.address.database)
    raw = db.conn.raw
    with db.transaction():
        for role in (editors, viewers):
            exists = raw.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
            if not exists and not create_missing:
                return editors, viewers
            if not exists:
                try:
                    raw.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
                except pg_errors.InsufficientPrivilege:
                    raise server_errors.ServerRolesError(
                        db.address.url, editors=editors, viewers=viewers
                    ) from None
        both = sql.SQL(", ").join([sql.Identifier(editors), sql.Identifier(viewers)])
        raw.execute(
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
                sql.Identifier(db.address.database), both
            )
        )
        raw.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(both))
        raw.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {}").format(both))
        for table in TABLES:
            rights = _EDITORS_MAY.get(table, "INSERT, UPDATE, DELETE")
            if rights:
                raw.execute(
                    sql.SQL("GRANT {} ON {} TO {}").format(
                        sql.SQL(rights), sql.Identifier(table), sql.Identifier(editors)
                    )
                )
        # Reading where a sequence has got to (a pull: `largest_ids_given`) is reading;
        # taking an id from it is writing.
        raw.execute(sql.SQL("GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(both))
        raw.execute(
            sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {}").format(
                sql.Identifier(editors)
            )
        )
    return editors, viewers


def reset_identities(db: ServerDatabase, given: dict[str, int] | None = None) -> None:
    """Set each identity past the largest id (after rows were copied in with their ids),
    and past the largest id ever given of a NEVER_REUSED table (`given`, from the
    festival file's sqlite_sequence: a deleted item's id is not handed out again)."""
    given = given or {}
    for table in IDENTITY_TABLES:
        db.conn.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"greatest(coalesce(max(id), 0), ?) + 1, false) FROM {table}",
            (given.get(table, 0),),
        )


def largest_ids_given(db: ServerDatabase) -> dict[str, int]:
    """The largest id each NEVER_REUSED table has handed out so far, deleted rows' too
    (what the festival file keeps in sqlite_sequence); 0 for none. Read from the
    identity's sequence, so it may be past a row still being written elsewhere: a
    copy that starts there reuses no id."""
    given = {}
    for table in NEVER_REUSED:
        row = db.conn.execute("SELECT pg_get_serial_sequence(?, 'id')", (table,)).fetchone()
        if not row or not row[0]:
            continue
        # The name as the server quotes it ("public.program_item_id_seq").
        found = db.conn.raw.execute(
            sql.SQL("SELECT last_value, is_called FROM {}").format(sql.SQL(row[0]))
        ).fetchone()
        if found:
            last, called = int(found[0]), bool(found[1])
            given[table] = last if called else last - 1  # not called: `last` comes next
    return given
