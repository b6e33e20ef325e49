"""`festival-app import PATH --db DB [--dry-run]`: import an application workbook.

The report lists per sheet how many records would be created, updated and left unchanged,
every record that changes (an update field by field, before and after, and which record
a row without its key matched), and every row with an error or warning. Without
--dry-run the workbook is applied only when no row has an error (exit 0); otherwise
nothing is written and the exit code is 2.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from festival_app.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    add_lock_arguments,
    using,
)
from festival_app.cli.location import add_location_arguments, festival_at, open_writer
from festival_app.i18n import translate
from festival_app.imports import report
from festival_app.imports.errors import WorkbookError
from festival_app.imports.workbook import plan_and_apply, preview_workbook
from festival_app.store import backups

T = TypeVar("T")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import",
        help=translate(
            "CliHelp", "import troupes, program items and booths from an Excel workbook"
        ),
        description=translate(
            "CliHelp",
            "Import an application workbook (.xlsx; make one with 'festival-app template'). "
            "Prints per sheet what is created, updated and unchanged, every record that "
            "changes (an update field by field, before and after), and every problem row. "
            "The workbook is applied, as one transaction, only when no row has an error; "
            "otherwise nothing is written and the exit code is 2. Like the window, it "
            "refuses a file that the program has open for editing (see --wait and "
            "--take-over), and it backs the file up before writing.",
        ),
    )
    parser.add_argument(
        "path", type=Path, metavar="PATH", help=translate("CliHelp", "the workbook to import")
    )
    add_location_arguments(parser)
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help=translate("CliHelp", "only print the report; write nothing"),
    )
    add_lock_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from festival_app import language

    # Workbooks may hold the labels the Korean printouts show ("기념식"): read them too.
    language.korean_labels()
    speaks = language.chosen_language(language.stored_setting())
    if args.dry_run:
        with festival_at(args, read_only=True) as service:
            plan = _read(lambda: preview_workbook(service, args.path))
            print(report.render(plan, str(args.path), applied=None, language=speaks))
        return EXIT_USAGE if plan.has_errors else EXIT_OK
    # Writing: the one-writer lock, as the window takes it, and a backup first.
    writer = open_writer(args)
    with using(writer) as service:
        service.take_backup(backups.BEFORE_IMPORT)
        plan, result = _read(lambda: plan_and_apply(service, args.path))
        print(
            report.render(plan, str(args.path), applied=True if result else None, language=speaks)
        )
    return EXIT_USAGE if plan.has_errors else EXIT_OK


def _read(step: Callable[[], T]) -> T:
    try:
        return step()
    except WorkbookError as exc:
        raise CliError(exc.message(), EXIT_USAGE) from None
