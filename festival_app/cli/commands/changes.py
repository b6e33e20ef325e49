"""`festival-app changes --db PATH --from NAME [--to NAME] --out FILE`: the change report."""

from __future__ import annotations

import argparse
from pathlib import Path

from festival_app import releasing
from festival_app.cli.common import (
    EXIT_OK,
    add_db_argument,
    festival_file,
)
from festival_app.domain.changes import compare
from festival_app.exports.changes_report import write_changes
from festival_app.exports.common import festival_name, refuse_protected
from festival_app.i18n import translate


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "changes",
        help=translate("CliHelp", "report what changed in the program since a release"),
        description=translate(
            "CliHelp",
            "Write what changed in the program from release --from to release --to (or to "
            "the program now): new, cancelled and moved items and changed titles, troupes, "
            "durations and kinds, as a PDF or Excel file for the stage managers; with "
            "--per-troupe, a PDF with one notice page for each troupe whose appearances "
            "changed.",
        ),
    )
    add_db_argument(parser)
    parser.add_argument(
        "--from",
        dest="old",
        required=True,
        metavar="NAME",
        help=translate("CliHelp", "the release to compare from"),
    )
    parser.add_argument(
        "--to",
        dest="new",
        metavar="NAME",
        help=translate("CliHelp", "the release to compare to (default: the program now)"),
    )
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE",
        help=translate("CliHelp", "the .pdf or .xlsx file to write"),
    )
    parser.add_argument(
        "--lang",
        choices=["ko", "en", "both"],
        default="both",
        help=translate("CliHelp", "language (default both)"),
    )
    parser.add_argument(
        "--per-troupe",
        action="store_true",
        help=translate("CliHelp", "one notice page for each troupe whose appearances changed"),
    )
    parser.add_argument(
        "--font",
        type=Path,
        metavar="TTF",
        help=translate("CliHelp", "Korean TrueType font for PDFs"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Export, font and release errors are told by the command line's own handler.
    refuse_protected(args.out, args.db)
    if args.per_troupe:
        from festival_app import language

        language.korean_labels()  # a troupe's notice may be in Korean whatever --lang says
    with festival_file(args.db, read_only=True, older_on_a_copy=True) as service:
        old = releasing.version(service, args.old)
        new = releasing.version(service, args.new)
        out = write_changes(
            compare(old.snapshot, new.snapshot),
            args.out,
            old=old.release,
            new=new.release,
            festival_title=festival_name(service.festival(), args.lang),
            festival=service.path,
            lang=args.lang,
            per_troupe=args.per_troupe,
            notice_languages={t.id: t.language for t in service.troupes() if t.id},
            font=args.font,
        )
    print(translate("Cli", "Wrote {0}").format(out))
    return EXIT_OK
