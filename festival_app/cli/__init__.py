"""The command line: no sub-command starts the window; sub-commands work headless.

Exit codes everywhere: 0 success, 2 bad usage or bad input, 1 any other failure.
Messages go to stderr in plain words; a user's mistake never prints a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from festival_app import __version__
from festival_app.cli import commands
from festival_app.cli.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliError, report
from festival_app.store.errors import StoreError

logger = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="festival-app",
        description="Organizer for the Seoul Friendship Festival: venues, days, troupes, "
        "the stage program and country booths, kept in one SQLite festival file. "
        "Without a sub-command the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="festival file to open in the window (default: the one in the user data folder)",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the window, wait for its first paint and exit (0 when all went well)",
    )
    parser.add_argument("--debug", action="store_true", help="log more detail")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        module.register(subparsers)
    return parser


def _command_modules() -> list[ModuleType]:
    names = sorted(m.name for m in pkgutil.iter_modules(commands.__path__))
    return [importlib.import_module(f"{commands.__name__}.{name}") for name in names]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.command is None:
            from festival_app.cli.gui import run_gui

            return run_gui(args)
        result: int = args.run(args)
        return result
    except CliError as exc:
        report(exc.message)
        return exc.code
    except StoreError as exc:
        report(exc.message())
        return EXIT_USAGE if exc.bad_input else EXIT_FAILURE
    except KeyboardInterrupt:
        report("Interrupted.")
        return EXIT_FAILURE
    except Exception as exc:
        logger.exception("unexpected error")
        report(f"Unexpected error: {exc}. Run again with --debug for details.")
        return EXIT_FAILURE


__all__ = ["EXIT_FAILURE", "EXIT_OK", "EXIT_USAGE", "main"]
