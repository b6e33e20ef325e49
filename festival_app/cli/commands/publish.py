"""`festival-app publish --db PATH --out DIR [--release NAME] [--base-url URL]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from festival_app.cli.common import (
    EXIT_OK,
    add_db_argument,
    festival_file,
)
from festival_app.i18n import translate
from festival_app.publishing.publish import publish


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "publish",
        help=translate("CliHelp", "publish a release for the web and attendee apps"),
        description=translate(
            "CliHelp",
            "Write a release of the program into a folder: schedule.xml and schedule.json "
            "(the schedule format that Giggity, EventFahrplan and ConfClerk read), a "
            "bilingual web page (index.html) and changes.xml, an Atom feed of the releases. "
            "The folder is replaced whole: readers see the old release or the new one, "
            "never a mixture.",
        ),
    )
    add_db_argument(parser)
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help=translate("CliHelp", "the folder to publish into (made or replaced whole)"),
    )
    parser.add_argument(
        "--release",
        metavar="NAME",
        help=translate(
            "CliHelp", "the release to publish (default: the newest; 'now': the program as it is)"
        ),
    )
    parser.add_argument(
        "--base-url",
        default="",
        metavar="URL",
        help=translate("CliHelp", "where the folder will be on the web (https://...)"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from festival_app import language

    language.korean_labels()  # the page and the feed are in both languages
    # Not read-only: a file of an older format is brought up to date (with a backup
    # first) rather than read from a copy, whose festival guid would be new every time,
    # and with it every published guid. Publishing itself writes nothing to the file.
    # An ExportError is told by the command line's own handler (exit 2 or 1).
    with festival_file(args.db) as service:
        out = publish(service, args.out, release=args.release, base_url=args.base_url)
    print(translate("Cli", "Published into {0}").format(out))
    return EXIT_OK
