"""`festival-app init PATH [--empty]`: create a festival file."""

from __future__ import annotations

import argparse
from pathlib import Path

from festival_app.cli.common import EXIT_OK
from festival_app.i18n import translate
from festival_app.services import FestivalService


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "init",
        help=translate(
            "CliHelp", "create a festival file (with the 2018 festival as sample unless --empty)"
        ),
        description=translate(
            "CliHelp",
            "Create a new festival file. It holds the Seoul Friendship Festival 2018 as "
            "sample data unless --empty is given. An existing file is never overwritten.",
        ),
    )
    parser.add_argument(
        "path", type=Path, metavar="PATH", help=translate("CliHelp", "the festival file to create")
    )
    parser.add_argument(
        "--empty", action="store_true", help=translate("CliHelp", "create it without sample data")
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    create_festival_file(args.path, sample=not args.empty)
    if args.empty:
        print(translate("Cli", "Created {0}").format(args.path))
    else:
        print(translate("Cli", "Created {0} with the 2018 sample festival").format(args.path))
    return EXIT_OK


def create_festival_file(path: Path, *, sample: bool) -> None:
    """Create the file; with `sample`, fill it with the 2018 festival. All or nothing: the
    file takes its name only once complete (see store.db.Database.create)."""
    fill = None
    if sample:
        from festival_app.imports.sample import fill_with_sample

        fill = fill_with_sample
    FestivalService.create(path, fill=fill).close()
