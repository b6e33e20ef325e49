"""A real PostgreSQL server for the tests, started and stopped by the tests themselves.

The server binaries (initdb, pg_ctl) come from Debian's `postgresql` package, under
/usr/lib/postgresql/N/bin (FESTIVAL_TEST_PG_BIN names another folder). Without them the
PostgreSQL tests are skipped, saying why. initdb refuses to run as root, so as root the
server runs as the `postgres` user (or `nobody`) through runuser, in a folder of its own
under /tmp that this user may write; the tests connect over 127.0.0.1 on a free port with
a password (scram-sha-256), as an office PC would.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    import psycopg  # only where the server is used: the tests start without it

ADMIN = "festival_admin"
ADMIN_PASSWORD = "admin-secret-7"


def find_bin_dir() -> Path | None:
    """The folder of initdb and pg_ctl: FESTIVAL_TEST_PG_BIN, Debian's newest, or PATH."""
    named = os.environ.get("FESTIVAL_TEST_PG_BIN")
    if named is not None:  # only there (a folder without them: the tests are skipped)
        folder = Path(named)
        found = (folder / "initdb").is_file() and (folder / "pg_ctl").is_file()
        return folder if found else None
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def server_user() -> str | None:
    """Who runs the server: None for this user; as root, `postgres` or `nobody`."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:  # Windows, or not root
        return None
    import pwd  # POSIX only: imported where it is needed

    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise RuntimeError("running as root, and there is no postgres or nobody user to run initdb")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    bin_dir: Path
    root: Path
    port: int
    user: str | None

    @property
    def data(self) -> Path:
        return self.root / "data"

    def _run(self, *command: str) -> None:
        argv = [str(self.bin_dir / command[0]), *command[1:]]
        if self.user is not None:
            argv = ["runuser", "-u", self.user, "--", *argv]
        result = subprocess.run(argv, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"{command[0]} failed: {result.stdout}\n{result.stderr}")

    def initdb(self) -> None:
        password_file = self.root / "pw"
        password_file.write_text(ADMIN_PASSWORD + "\n")
        if self.user is not None:
            import pwd

            entry = pwd.getpwnam(self.user)
            for path in (self.root, password_file):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            ADMIN,
            "-A",
            "scram-sha-256",
            f"--pwfile={password_file}",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        )
        password_file.unlink()

    def start(self) -> None:
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.root / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, database: str, user: str = ADMIN) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def admin(self, database: str = "postgres") -> psycopg.Connection[tuple[Any, ...]]:
        import psycopg

        return psycopg.connect(
            self.url(database), password=ADMIN_PASSWORD, autocommit=True, connect_timeout=10
        )

    def create_database(self, name: str) -> str:
        with self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def create_login(self, name: str, password: str, *, member_of: str | None = None) -> None:
        with self.admin() as conn:
            conn.execute(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'")
            if member_of:
                conn.execute(f'GRANT "{member_of}" TO "{name}"')


_server: PostgresServer | None = None
_databases = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the whole test session (skipped where none is installed)."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip(
            "PostgreSQL server binaries not found (install Debian's postgresql package, or "
            "set FESTIVAL_TEST_PG_BIN): the PostgreSQL tests are skipped"
        )
    root = Path(tempfile.mkdtemp(prefix="festival-pg-"))
    os.chmod(root, 0o700)
    server = PostgresServer(bin_dir, root, free_port(), server_user())
    try:
        server.initdb()
        server.start()
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    try:
        yield server
    finally:
        with contextlib.suppress(Exception):
            server.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def server_url(postgres_server: PostgresServer, monkeypatch: pytest.MonkeyPatch) -> str:
    """The address of a new, empty database on the test server; the admin's password is
    in PGPASSWORD, where libpq (and child processes) find it."""
    monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
    return postgres_server.create_database(f"festival_{os.getpid()}_{next(_databases)}")
