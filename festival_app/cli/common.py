"""What every sub-command shares: exit codes, errors, opening the festival file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from festival_app.services import FestivalService

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A failure to report on stderr with an exit code, without a traceback."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def report(message: str) -> None:
    print(f"festival-app: {message}", file=sys.stderr)


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, metavar="PATH", required=True, help="the festival file")


def open_service(path: Path, *, read_only: bool = False) -> FestivalService:
    """Open the festival file or raise a StoreError that names what is wrong."""
    return FestivalService.open(path, read_only=read_only)
