"""`festival-app import PATH --db DB [--dry-run]`: import an application workbook.

The report lists per sheet how many records would be created, updated and left unchanged,
and every row with an error or warning. Without --dry-run the workbook is applied only
when no row has an error (exit 0); otherwise nothing is written and the exit code is 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from festival_app.cli.common import EXIT_OK, EXIT_USAGE, CliError, add_db_argument, festival_file
from festival_app.i18n import translate
from festival_app.imports import report
from festival_app.imports.apply import apply_plan
from festival_app.imports.errors import WorkbookError
from festival_app.imports.workbook import preview_workbook


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import",
        help=translate(
            "CliHelp", "import troupes, program items and booths from an Excel workbook"
        ),
        description=translate(
            "CliHelp",
            "Import an application workbook (.xlsx; make one with 'festival-app template'). "
            "Prints per sheet what is created, updated and unchanged, and every problem row. "
            "The workbook is applied, as one transaction, only when no row has an error; "
            "otherwise nothing is written and the exit code is 2.",
        ),
    )
    parser.add_argument(
        "path", type=Path, metavar="PATH", help=translate("CliHelp", "the workbook to import")
    )
    add_db_argument(parser)
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help=translate("CliHelp", "only print the report; write nothing"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from festival_app import language

    # Workbooks may hold the labels the Korean printouts show ("기념식"): read them too.
    language.korean_labels()
    with festival_file(args.db, read_only=args.dry_run) as service:
        try:
            plan = preview_workbook(service, args.path)
        except WorkbookError as exc:
            raise CliError(exc.message(), EXIT_USAGE) from None
        applied: bool | None = None
        if not args.dry_run and not plan.has_errors:
            try:
                apply_plan(service, plan)
            except WorkbookError as exc:
                raise CliError(exc.message(), EXIT_USAGE) from None
            applied = True
        print(report.render(plan, str(args.path), applied=applied))
    return EXIT_USAGE if plan.has_errors else EXIT_OK
