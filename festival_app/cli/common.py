"""What every sub-command shares: exit codes, errors, opening the festival file."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from festival_app.domain.errors import UserError
from festival_app.domain.text import tidy_message
from festival_app.i18n import translate
from festival_app.services import FestivalService
from festival_app.store.errors import LockedByOtherError, ReadOnlyError

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class CliError(UserError):
    """A failure to report on stderr with an exit code, without a traceback."""

    def __init__(self, text: str, code: int = EXIT_USAGE) -> None:
        super().__init__(text)
        self.text = text
        self.code = code
        self.bad_input = code == EXIT_USAGE

    def message(self) -> str:
        return self.text


def report(message: str) -> None:
    print(f"festival-app: {tidy_message(message)}", file=sys.stderr)


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        required=True,
        help=translate("CliHelp", "the festival file"),
    )


# A StoreError (a UserError) raised by a command is reported by `cli.main`: its message
# on stderr, exit code 2 when the file given is at fault (missing, damaged, ...), else 1.


@contextmanager
def using(service: FestivalService) -> Iterator[FestivalService]:
    """An open festival for the `with` block, closed at its end whatever happens."""
    try:
        yield service
    finally:
        service.close()


@contextmanager
def festival_file(
    path: Path, *, read_only: bool = False, older_on_a_copy: bool = False
) -> Iterator[FestivalService]:
    """Open the festival file for the `with` block and close it at its end.

    With `read_only` and `older_on_a_copy`, a file of an older format is read from an
    updated temporary copy, because updating the file itself would mean writing to it
    (without `older_on_a_copy` such a file is refused).
    """
    with ExitStack() as cleanup:
        try:
            service = FestivalService.open(path, read_only=read_only)
        except ReadOnlyError:
            if not (read_only and older_on_a_copy):
                raise
            folder = cleanup.enter_context(tempfile.TemporaryDirectory(prefix="festival-copy-"))
            copy = Path(folder) / path.name
            shutil.copyfile(path, copy)
            service = FestivalService.open(copy)
        cleanup.callback(service.close)
        yield service


def add_lock_arguments(parser: argparse.ArgumentParser) -> None:
    """--wait and --take-over, for the commands that write the festival file."""
    parser.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help=translate(
            "CliHelp",
            "when the program has the file open for editing elsewhere, wait up to this long "
            "for it to be closed (default: do not wait)",
        ),
    )
    parser.add_argument(
        "--take-over",
        action="store_true",
        help=translate(
            "CliHelp",
            "take the file over from a program that left it open and is no longer running",
        ),
    )


POLL_S = 0.5  # how often --wait looks whether the file was closed


def open_for_writing(
    path: Path, *, wait_s: float = 0.0, take_over: bool = False
) -> FestivalService:
    """Open the festival file with the one-writer lock, as the window does.

    While another program edits the file, wait up to `wait_s` seconds for it to close
    it; then refuse with a message that says who has it and what to do. A lock left by a
    program of this computer that has ended is taken over (nobody is left to ask); one
    that only looks abandoned (another PC, no sign of life for long) only with
    `take_over`. Any other
    StoreError (a missing or damaged file, ...) is raised as it is.
    """
    deadline = time.monotonic() + max(0.0, wait_s)
    while True:
        try:
            return FestivalService.open(path, lock=True, take_over=take_over)
        except LockedByOtherError as exc:
            if exc.stale and exc.holder_is_gone():
                # Left by a program of this computer that has ended: nobody to ask.
                take_over = True
                continue
            if exc.stale or time.monotonic() >= deadline:
                raise CliError(_locked_message(exc), EXIT_FAILURE) from exc
        time.sleep(POLL_S)


def _locked_message(exc: LockedByOtherError) -> str:
    who, since = exc.params.get("who", "?"), exc.params.get("since", "?")
    if exc.stale:
        return translate(
            "Cli",
            "{0} was left open by {1} since {2}, and that program is no longer running. "
            "Nothing was changed. Run the command again with --take-over to take the file "
            "over.",
        ).format(exc.path, who, since)
    return translate(
        "Cli",
        "{0} is open for editing in the program on {1} since {2}. Nothing was changed. "
        "Close it there first, or run the command again with --wait SECONDS to wait for it.",
    ).format(exc.path, who, since)
