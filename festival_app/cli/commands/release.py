"""`festival-app release --db PATH [--name NAME] ...`: freeze the program as a release."""

from __future__ import annotations

import argparse

from festival_app import releasing
from festival_app.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    add_db_argument,
    add_lock_arguments,
    festival_file,
    open_for_writing,
    using,
)
from festival_app.domain.errors import ValidationError
from festival_app.i18n import translate


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "release",
        help=translate("CliHelp", "freeze the program as it is now as a named release"),
        description=translate(
            "CliHelp",
            "Freeze the whole program as it is now under a name (v1, v2, ... unless --name "
            "is given). A release is kept in the festival file and never changes; printouts "
            "name it in their footer, and `changes` and `publish` use it. --list only lists "
            "the releases.",
        ),
    )
    add_db_argument(parser)
    parser.add_argument("--name", metavar="NAME", help=translate("CliHelp", "the release's name"))
    parser.add_argument(
        "--comment-ko", default="", metavar="TEXT", help=translate("CliHelp", "comment in Korean")
    )
    parser.add_argument(
        "--comment-en", default="", metavar="TEXT", help=translate("CliHelp", "comment in English")
    )
    parser.add_argument(
        "--printed",
        action="store_true",
        help=translate("CliHelp", "mark it as the printed baseline"),
    )
    parser.add_argument(
        "--list", action="store_true", help=translate("CliHelp", "only list the releases")
    )
    add_lock_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.list:  # only reads: never waits for, or takes, the one-writer lock
        opened = festival_file(args.db, read_only=True, older_on_a_copy=True)
    else:
        opened = using(open_for_writing(args.db, wait_s=args.wait, take_over=args.take_over))
    with opened as service:
        if not args.list:
            name = args.name if args.name is not None else releasing.next_name(service)
            try:
                made = releasing.release(
                    service, name, args.comment_ko, args.comment_en, printed=args.printed
                )
            except ValidationError as exc:
                raise CliError(exc.message(), EXIT_USAGE) from exc
            print(translate("Cli", "Released {0}").format(made.name))
        for found in releasing.releases(service):
            mark = " *" if found.printed else ""
            print(
                f"{found.name}{mark}\t{releasing.release_date(found)}\t"
                f"{found.comment_ko}\t{found.comment_en}"
            )
    return EXIT_OK
