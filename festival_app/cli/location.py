"""Where a command's festival is: a festival file (--db PATH) or a festival on a
PostgreSQL server (--server URL, team mode). One of the two is given.

A server address is a libpq URI without a password (postgresql://kim@db:5432/festival);
the password comes from PGPASSWORD or a pgpass file, never from the command line, where
the process list would show it.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from festival_app.cli.common import festival_file, open_for_writing
from festival_app.i18n import translate
from festival_app.services import FestivalService


def add_location_arguments(parser: argparse.ArgumentParser) -> None:
    """--db PATH or --server URL, one of them required."""
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--db", type=Path, metavar="PATH", help=translate("CliHelp", "the festival file")
    )
    where.add_argument(
        "--server",
        metavar="URL",
        help=translate(
            "CliHelp",
            "a festival on a PostgreSQL server instead, as postgresql://user@host:5432/"
            "database (the password from PGPASSWORD or a pgpass file, never in the URL)",
        ),
    )


def backup_name(args: argparse.Namespace) -> Path:
    """The name the festival's backups are kept under: the file, or the server festival's
    name (database@host-port)."""
    if args.server is None:
        return Path(args.db)
    from festival_app.store.postgres import ServerAddress

    return Path(ServerAddress.parse(args.server).backup_name)


@contextmanager
def festival_at(
    args: argparse.Namespace, *, read_only: bool = False, older_on_a_copy: bool = False
) -> Iterator[FestivalService]:
    """The command's festival, open for the `with` block (see common.festival_file)."""
    if args.server is None:
        with festival_file(args.db, read_only=read_only, older_on_a_copy=older_on_a_copy) as s:
            yield s
        return
    service = FestivalService.open_server(args.server, read_only=read_only)
    try:
        yield service
    finally:
        service.close()


def open_writer(args: argparse.Namespace) -> FestivalService:
    """The command's festival open for writing: a file with its one-writer lock (see
    common.open_for_writing); a server festival as it is, its rows guarded by their
    versions while others edit."""
    if args.server is None:
        return open_for_writing(args.db, wait_s=args.wait, take_over=args.take_over)
    return FestivalService.open_server(args.server)
