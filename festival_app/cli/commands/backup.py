"""`festival-app backup --db PATH [--out PATH] [--list]`: copy a festival file safely."""

from __future__ import annotations

import argparse
from pathlib import Path

from festival_app.cli.common import (
    EXIT_OK,
    CliError,
)
from festival_app.cli.location import add_location_arguments, backup_name, festival_at
from festival_app.i18n import translate
from festival_app.store import backups, errors, outputs


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "backup",
        help=translate("CliHelp", "copy the festival file into the backups folder (or to --out)"),
        description=translate(
            "CliHelp",
            "Copy the festival file with SQLite's backup API, which is safe while the "
            "program has it open. Without --out the copy goes into the backups folder in "
            "the user data folder, where old copies are thinned out (the newest 10 and one "
            "per day for 14 days are kept). --list shows the backups there instead. A "
            "festival on a server (--server) is pulled into a festival file the same way.",
        ),
    )
    add_location_arguments(parser)
    parser.add_argument(
        "--out",
        type=Path,
        metavar="PATH",
        help=translate("CliHelp", "write the copy here instead"),
    )
    parser.add_argument(
        "--list", action="store_true", help=translate("CliHelp", "list the backups of the file")
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.list:  # needs only the name: works when the file itself is damaged
        for info in backups.list_backups(backup_name(args)):
            print(_describe(info))
        return EXIT_OK
    if args.out is not None:
        _check_out(args.out, args.db)
    with festival_at(args, read_only=True) as service:  # a copy only reads
        if args.out is not None:
            _check_out(args.out, args.db)  # again: it may have appeared meanwhile
            service.save_copy(args.out)
            target = args.out
        else:
            target = service.take_backup(backups.MANUAL)
    print(translate("Cli", "Backup written to {0}").format(target))
    return EXIT_OK


def _check_out(out: Path, festival: Path | None) -> None:
    """Refuse a --out that is the festival file, its journal, lock or backups, or any
    file that exists (a copy replaces nothing), or that lies in no folder."""
    try:
        outputs.refuse_protected_target(out, festival)
    except outputs.ProtectedTargetError as exc:
        if exc.reason != outputs.OTHER_FESTIVAL:  # another festival file: it exists
            raise
    if out.is_dir():
        raise CliError(translate("Cli", "{0} is a folder; give a file name.").format(out))
    if out.exists() or out.is_symlink():
        raise errors.ExistsError(out)
    if not out.parent.is_dir():
        raise CliError(translate("Cli", "The folder {0} does not exist.").format(out.parent))


def _describe(info: backups.BackupInfo) -> str:
    def count(n: int | None) -> str:
        return "?" if n is None else str(n)

    # The reason is the word in the backup's file name (open, periodic, manual, ...).
    contents = translate("Cli", "{0:>6} troupes {1:>6} program items {2:>6} booths").format(
        count(info.troupes), count(info.program_items), count(info.booths)
    )
    return (
        f"{info.taken:%Y-%m-%d %H:%M:%S}  {info.reason:<14} {contents}  "
        f"{info.size / 1e6:6.2f} MB  {info.path}"
    )
