"""`festival-app template --out PATH [--language en|ko] [--force]`: write the import template."""

from __future__ import annotations

import argparse
from pathlib import Path

from festival_app.cli.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliError, festival_file
from festival_app.i18n import translate
from festival_app.store import outputs


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "template",
        help=translate(
            "CliHelp", "write the Excel template for troupe, program and booth applications"
        ),
        description=translate(
            "CliHelp",
            "Write the import template: sheets Days, Venues, Troupes, Program and Booths "
            "with their header rows, drop-down lists, example rows and instructions in "
            "Korean and English. An existing file at PATH is replaced only with --force.",
        ),
    )
    parser.add_argument(
        "--out",
        type=Path,
        metavar="PATH",
        required=True,
        help=translate("CliHelp", "the .xlsx to write"),
    )
    parser.add_argument(
        "--language",
        choices=("en", "ko"),
        default="en",
        help=translate("CliHelp", "language of the sheet names and first header row (default: en)"),
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help=translate(
            "CliHelp",
            "a festival file whose venues and troupes fill the Venue and Troupe drop-down lists",
        ),
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help=translate("CliHelp", "replace the file at PATH if there is one"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from festival_app.imports.template import write_template

    out: Path = args.out
    try:
        # Never over a festival file (of any name), nor its journal or lock file.
        outputs.refuse_protected_target(out)
    except outputs.OutputError as exc:
        raise CliError(exc.message(), EXIT_USAGE) from exc
    if out.is_dir():
        raise CliError(
            translate("Cli", "{0} is a folder; give a file name like template.xlsx.").format(out),
            EXIT_USAGE,
        )
    if (out.exists() or out.is_symlink()) and not args.force:
        raise CliError(
            translate(
                "Cli", "{0} already exists; it was left unchanged. Add --force to replace it."
            ).format(out),
            EXIT_USAGE,
        )
    if not out.parent.is_dir():
        raise CliError(
            translate("Cli", "The folder {0} does not exist.").format(out.parent), EXIT_USAGE
        )
    try:
        if args.db is None:
            write_template(out, args.language)
        else:
            # Only read: a file of an older format is read from an updated copy.
            with festival_file(args.db, read_only=True, older_on_a_copy=True) as service:
                write_template(out, args.language, service)
    except outputs.OutputError as exc:
        raise CliError(exc.message(), EXIT_USAGE if exc.bad_input else EXIT_FAILURE) from exc
    print(translate("Cli", "Wrote the import template to {0}").format(out))
    return EXIT_OK
