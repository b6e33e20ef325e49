"""`festival-app export KIND --db PATH --out PATH ...`: printouts, workbooks, calendar."""

from __future__ import annotations

import argparse
from pathlib import Path

from festival_app.cli.common import (
    EXIT_OK,
)
from festival_app.cli.location import add_location_arguments, festival_at
from festival_app.exports import KINDS, export
from festival_app.exports.common import refuse_protected
from festival_app.i18n import translate


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    kinds = ", ".join(KINDS)
    parser = subparsers.add_parser(
        "export",
        help=translate(
            "CliHelp",
            "write timetables, cue sheets, booth signs (PDF), booth lists (Excel), a calendar",
        ),
        description=translate(
            "CliHelp",
            "Write a printout, workbook or calendar file from the festival file. KIND is one "
            "of: {0}. The file is written completely or not at all; PDFs embed a Korean "
            "TrueType font (set FESTIVAL_APP_PDF_FONT to a .ttf to choose one).",
        ).format(kinds),
    )
    parser.add_argument(
        "kind",
        choices=list(KINDS),
        metavar="KIND",
        help=translate("CliHelp", "one of: {0}").format(kinds),
    )
    add_location_arguments(parser)
    parser.add_argument(
        "--out",
        type=Path,
        metavar="PATH",
        required=True,
        help=translate("CliHelp", "file to write"),
    )
    parser.add_argument(
        "--venue",
        action="append",
        metavar="NAME",
        help=translate(
            "CliHelp", "only this venue, by its Korean or English name (repeat for several)"
        ),
    )
    parser.add_argument(
        "--day",
        action="append",
        metavar="YYYY-MM-DD",
        help=translate("CliHelp", "only this festival day (repeatable)"),
    )
    parser.add_argument(
        "--lang",
        choices=["ko", "en", "both"],
        default="both",
        help=translate("CliHelp", "language (default both)"),
    )
    parser.add_argument(
        "--paper",
        choices=["A4", "A3", "A2"],
        type=str.upper,
        default=None,
        help=translate("CliHelp", "paper size (default A4; A3 for overview and map)"),
    )
    orientation = parser.add_mutually_exclusive_group()
    orientation.add_argument(
        "--landscape",
        dest="landscape",
        action="store_const",
        const=True,
        default=None,
        help=translate("CliHelp", "landscape pages"),
    )
    orientation.add_argument(
        "--portrait",
        dest="landscape",
        action="store_const",
        const=False,
        help=translate("CliHelp", "portrait pages"),
    )
    parser.add_argument(
        "--font",
        type=Path,
        metavar="TTF",
        help=translate("CliHelp", "Korean TrueType font for PDFs"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Before opening anything; export() checks again against the file it reads. Export
    # and font errors are told by the command line's own handler (exit 2 or 1).
    refuse_protected(args.out, args.db)
    with festival_at(args, read_only=True) as service:
        out = export(
            args.kind,
            service,
            args.out,
            venues=args.venue,
            days=args.day,
            lang=args.lang,
            paper=args.paper,
            landscape=args.landscape,
            font=args.font,
        )
    print(translate("Cli", "Wrote {0}").format(out))
    return EXIT_OK
