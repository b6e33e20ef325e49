"""What every sub-command shares: exit codes, errors, opening the festival file."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from festival_app.i18n import translate
from festival_app.services import FestivalService
from festival_app.store.errors import ReadOnlyError, StoreError

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
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        required=True,
        help=translate("CliHelp", "the festival file"),
    )


def store_failure(error: StoreError) -> CliError:
    """A problem with a festival file as the command line reports it: its message, and
    exit code 2 when the file given is at fault (missing, damaged, ...), 1 otherwise."""
    return CliError(error.message(), EXIT_USAGE if error.bad_input else EXIT_FAILURE)


@contextmanager
def reporting_store_errors() -> Iterator[None]:
    """Turn a StoreError raised in the `with` block into the CliError that reports it."""
    try:
        yield
    except StoreError as exc:
        raise store_failure(exc) from exc


@contextmanager
def using(service: FestivalService) -> Iterator[FestivalService]:
    """An open festival file for the `with` block: closed at its end whatever happens,
    its StoreErrors reported as CliErrors."""
    with reporting_store_errors():
        try:
            yield service
        finally:
            service.close()


@contextmanager
def festival_file(
    path: Path, *, read_only: bool = False, older_on_a_copy: bool = False
) -> Iterator[FestivalService]:
    """Open the festival file for the `with` block and close it at its end.

    Every StoreError, from opening or from the work in the block, comes out as a CliError
    (see `store_failure`). With `read_only` and `older_on_a_copy`, a file of an older
    format is read from an updated temporary copy, because updating the file itself would
    mean writing to it (without `older_on_a_copy` such a file is refused).
    """
    with reporting_store_errors(), ExitStack() as cleanup:
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
