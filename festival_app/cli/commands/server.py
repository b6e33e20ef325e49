"""`festival-app server init URL [--from FILE | --empty]` and `server pull URL --out FILE`:
set up a festival on a PostgreSQL server for a team, and take it back into a file.

The address is a libpq URI without a password (postgresql://kim@db:5432/festival): the
password comes from PGPASSWORD or a pgpass file, never from the command line. A wrong
password, an unreachable server or a database that is not empty is told in plain words
with exit code 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from festival_app.cli.common import EXIT_OK, festival_file
from festival_app.i18n import translate


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "server",
        help=translate("CliHelp", "set up a festival on a PostgreSQL server for a team"),
        description=translate(
            "CliHelp",
            "Team mode: several computers edit one festival at the same time on a "
            "PostgreSQL server (version 14 or newer). 'server init' sets the festival up "
            "in an empty database; 'server pull' writes it into a new festival file. The "
            "password comes from PGPASSWORD or a pgpass file, never from the address.",
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init",
        help=translate("CliHelp", "set up the festival in an empty database"),
        description=translate(
            "CliHelp",
            "Create the festival's tables in an empty database (a database holding any "
            "table is refused), with the 2018 sample festival unless --empty, or a copy of "
            "a festival file's whole content with --from. Sets up two roles: "
            "DATABASE_editors (read and write) and DATABASE_viewers (read only); add "
            "people's accounts to one of them. All or nothing.",
        ),
    )
    _add_url(init)
    what = init.add_mutually_exclusive_group()
    what.add_argument(
        "--from",
        dest="source",
        type=Path,
        metavar="FILE",
        help=translate("CliHelp", "copy this festival file's whole content"),
    )
    what.add_argument(
        "--empty", action="store_true", help=translate("CliHelp", "set it up without sample data")
    )
    init.set_defaults(run=run_init)
    pull = actions.add_parser(
        "pull",
        help=translate("CliHelp", "write the server festival into a new festival file"),
        description=translate(
            "CliHelp",
            "Write the whole server festival, as one consistent moment, into a new festival "
            "file: the team's backup, or a copy to take home. An existing file is never "
            "overwritten.",
        ),
    )
    _add_url(pull)
    pull.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        required=True,
        help=translate("CliHelp", "the new festival file"),
    )
    pull.set_defaults(run=run_pull)


def _add_url(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "url",
        metavar="URL",
        help=translate(
            "CliHelp", "the database, as postgresql://user@host:5432/database (no password)"
        ),
    )


def run_init(args: argparse.Namespace) -> int:
    from festival_app.services import FestivalService
    from festival_app.store.db import Database
    from festival_app.store.postgres import ServerAddress, ServerDatabase, role_names
    from festival_app.store.server_copy import copy_to_server

    address = ServerAddress.parse(args.url)
    if args.source is not None:
        with festival_file(args.source, read_only=True, older_on_a_copy=True) as source:
            file_db = source.db
            assert isinstance(file_db, Database)  # festival_file opens a file
            ServerDatabase.init(address, fill=lambda db: copy_to_server(file_db, db)).close()
        print(
            translate("Cli", "Set up the festival on {0}, copied from {1}").format(
                address, args.source
            )
        )
    else:

        def sample(db: ServerDatabase) -> None:
            from festival_app.imports.sample import fill_with_sample

            fill_with_sample(FestivalService(db))

        ServerDatabase.init(address, fill=None if args.empty else sample).close()
        print(translate("Cli", "Set up the festival on {0}").format(address))
    editors, viewers = role_names(address.database)
    print(
        translate(
            "Cli",
            "Roles: {0} may read and write, {1} may only read. Add a person with "
            "GRANT {0} TO their_account; (or {1}).",
        ).format(editors, viewers)
    )
    return EXIT_OK


def run_pull(args: argparse.Namespace) -> int:
    from festival_app.store.postgres import ServerDatabase
    from festival_app.store.server_copy import pull_to_file

    server = ServerDatabase.open(args.url, read_only=True)
    try:
        counts = pull_to_file(server, args.out)
    finally:
        server.close()
    print(
        translate("Cli", "Wrote {0}: {1} troupes, {2} program items, {3} booths").format(
            args.out, counts["troupe"], counts["program_item"], counts["booth"]
        )
    )
    return EXIT_OK
