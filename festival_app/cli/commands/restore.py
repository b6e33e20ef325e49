"""`festival-app restore --db PATH --from BACKUP`: put a festival file back as it was."""

from __future__ import annotations

import argparse
from pathlib import Path

from festival_app.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    add_db_argument,
    add_lock_arguments,
    open_for_writing,
    using,
)
from festival_app.i18n import translate
from festival_app.store import backups, errors


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "restore",
        help=translate("CliHelp", "restore the festival file from a backup"),
        description=translate(
            "CliHelp",
            "Replace the contents of the festival file with a backup, in one step. The "
            "present state is backed up first, so the restore can be undone by restoring "
            "that backup. A damaged backup is refused and nothing changes. The file must not "
            "be open for editing in the program. A damaged festival file (or one of a newer "
            "program) is kept as NAME.damaged-TIME (NAME.newer-TIME) and the backup put in "
            "its place.",
        ),
    )
    add_db_argument(parser)
    parser.add_argument(
        "--from",
        dest="source",
        type=Path,
        metavar="BACKUP",
        required=True,
        help=translate("CliHelp", "the backup"),
    )
    add_lock_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    _check_source(args.source, args.db)
    # The lock: restoring under a window that is editing the file would undo its work.
    # Not festival_file(): a file that cannot be opened has a remedy here.
    try:
        service = open_for_writing(args.db, wait_s=args.wait, take_over=args.take_over)
    except (errors.DamagedFileError, errors.NewerVersionError) as exc:
        # The remedy the message offers: the file is kept aside, the backup takes its place.
        label = "newer" if isinstance(exc, errors.NewerVersionError) else "damaged"
        kept = backups.replace_damaged(args.db, args.source, label=label)
        print(translate("Cli", "Restored {0} from {1}").format(args.db, args.source))
        if kept is not None:
            print(translate("Cli", "The file as it was is kept as {0}").format(kept))
        return EXIT_OK
    with using(service):
        before = service.restore_backup(args.source)
    print(translate("Cli", "Restored {0} from {1}").format(args.db, args.source))
    print(translate("Cli", "The state before restoring was backed up to {0}").format(before))
    return EXIT_OK


def _check_source(source: Path, festival: Path) -> None:
    """Refuse a backup that is not there (or is a folder) before anything is opened: the
    store would report it as a missing festival file and suggest creating one."""
    if source.is_dir():
        raise CliError(
            translate("Cli", "{0} is a folder; give the backup file. Nothing was changed.").format(
                source
            ),
            EXIT_USAGE,
        )
    if not source.exists():
        raise CliError(
            translate(
                "Cli",
                "The backup {0} does not exist. Nothing was changed. "
                "'festival-app backup --db {1} --list' lists the backups of the file.",
            ).format(source, festival),
            EXIT_USAGE,
        )
