"""The command line: no sub-command starts the window; sub-commands work headless.

Exit codes everywhere: 0 success, 2 bad usage or bad input, 1 any other failure.
Results (what was written or found) go to stdout; diagnostics (errors, usage errors) go to
stderr in plain words, and a user's mistake never prints a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path

from festival_app import __version__, i18n
from festival_app.cli import commands
from festival_app.cli.common import (
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    report,
)
from festival_app.cli.parser import ArgumentParser
from festival_app.domain.errors import UserError
from festival_app.i18n import translate

logger = logging.getLogger(__name__)


def build_parser(command_names: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser with the given sub-commands registered (None: all of them).

    Its texts are translated as it is built: install the language first.
    """
    parser = ArgumentParser(
        prog="festival-app",
        description=translate(
            "CliHelp",
            "Organizer for the Seoul Friendship Festival: venues, days, troupes, the stage "
            "program and country booths, kept in one SQLite festival file. Without a "
            "sub-command the window opens.",
        ),
    )
    parser.add_version_argument(f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help=translate(
            "CliHelp",
            "festival file to open in the window (default: the one in the user data folder)",
        ),
    )
    parser.add_argument(
        "--server",
        metavar="URL",
        help=translate(
            "CliHelp",
            "open the window on a festival on a PostgreSQL server (team mode), as "
            "postgresql://user@host:5432/database; the password from PGPASSWORD, a pgpass "
            "file or the system keyring, never in the URL",
        ),
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help=translate(
            "CliHelp",
            "open the window, wait for its first paint and exit (0 when all went well)",
        ),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=translate(
            "CliHelp",
            "check this installation: in a temporary folder create the sample festival, "
            "check it, export a Korean PDF, a workbook and a calendar and read them back "
            "(exit 0 when all went well, 1 naming the step that failed)",
        ),
    )
    parser.add_argument(
        "--debug", action="store_true", help=translate("CliHelp", "log more detail")
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _module_names() if command_names is None else command_names:
        importlib.import_module(f"{commands.__name__}.{name}").register(subparsers)
    return parser


def _module_names() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(commands.__path__))


def _commands_needed(argv: Sequence[str]) -> list[str] | None:
    """Which sub-command modules parsing `argv` needs; None for all of them.

    Importing every sub-command (with the libraries behind them) costs a tenth of a
    second, which starting the window does not need to pay.
    """
    by_command = {name.rstrip("_"): name for name in _module_names()}
    for arg in argv:
        if arg in by_command:
            return [by_command[arg]]
    positional = [
        a
        for i, a in enumerate(argv)
        if not a.startswith("-") and (i == 0 or argv[i - 1] not in ("--db", "--server"))
    ]
    if positional or "-h" in argv or "--help" in argv:
        return None  # help lists every command; a wrong one is named among them
    return []


def _use_language() -> None:
    """Messages in FESTIVAL_APP_LANG, the window's Language setting or the system's.

    Installed before the parser is built, so that --help and usage errors speak it too;
    English loads nothing.
    """
    from festival_app import language

    language.use_without_application(language.chosen_language(language.stored_setting()))


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    saved = i18n.saved_state()
    try:
        _use_language()
        parser = build_parser(_commands_needed(arguments))
        args = parser.parse_args(arguments)
        if args.self_test and (args.command or args.db or args.server or args.smoke_test):
            parser.error(translate("Cli", "--self-test is given alone (with --debug at most)."))
        logging.basicConfig(
            level=logging.DEBUG if args.debug else logging.WARNING,
            format="%(levelname)s %(name)s: %(message)s",
        )
        return _run(args)
    finally:
        i18n.restore_state(saved)


def _run(args: argparse.Namespace) -> int:
    try:
        if args.self_test:
            from festival_app.cli.self_test import run_self_test

            return run_self_test(args)
        if args.command is None:
            from festival_app.cli.gui import run_gui

            return run_gui(args)
        if getattr(args, "lang", "en") != "en":
            from festival_app import language

            language.korean_labels()  # an export in Korean is labelled in Korean
        result: int = args.run(args)
        return result
    except CliError as exc:
        report(exc.message())
        return exc.code
    except UserError as exc:  # a StoreError: the festival's file or server, the disk
        report(exc.message())
        return EXIT_USAGE if exc.bad_input else EXIT_FAILURE
    except KeyboardInterrupt:
        report(translate("Cli", "Interrupted."))
        return EXIT_FAILURE
    except Exception as exc:
        logger.exception("unexpected error")
        report(
            translate("Cli", "Unexpected error: {0}. Run again with --debug for details.").format(
                exc
            )
        )
        return EXIT_FAILURE


__all__ = ["EXIT_FAILURE", "EXIT_OK", "EXIT_USAGE", "main"]
