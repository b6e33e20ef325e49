"""Replacing a published folder whole: a reader sees the old release or the new one,
never half of each.

The new files are written into a sibling folder (".NAME.publishing-PID") and flushed to
disk; then the two folders swap names. On Linux the swap is one atomic rename
(renameat2 with RENAME_EXCHANGE): at every instant the folder's name holds one complete
release. Elsewhere the old folder is renamed aside and the new one into its place, one
rename after the other: for that moment the name is missing (a web server answers "not
found" once), but no mixture is ever seen. A reader that has a file of the old release
open keeps reading it whole. The old release is removed afterwards.

A folder is only ever replaced when it is one that publishing made (it holds the marker
file) or is empty: publishing never removes anyone's other files.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from festival_app.exports.common import ExportError, message, refuse_protected
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.store.lock import pid_running

MARKER = ".festival-publish"  # in every published folder: it may be replaced
_PARTIAL = re.compile(r"^\.(?P<name>.+)\.(publishing|replaced)-(?P<pid>\d+)$")
_RENAME_EXCHANGE = 2


def check_target(target: Path, festival: Path | None) -> None:
    """ExportError (bad input) when `target` must not be replaced by a published folder."""
    refuse_protected(target, festival)
    if target.exists() and not target.is_dir():
        raise ExportError(
            message(N("Export", "{path} is a file; give a folder to publish into."), path=target)
        )
    parent = target.parent
    if not parent.is_dir():
        raise ExportError(
            message(N("Export", "The folder {folder} does not exist."), folder=parent)
        )
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ExportError(
            message(N("Export", "The folder {folder} cannot be written."), folder=parent)
        )
    if festival is not None:
        with contextlib.suppress(OSError):
            if festival.resolve().is_relative_to(target.resolve()):
                raise ExportError(
                    message(
                        N(
                            "Export",
                            "{path} holds the festival file; publish into a folder of its own.",
                        ),
                        path=target,
                    )
                )
    if target.is_dir() and not (target / MARKER).exists() and any(target.iterdir()):
        raise ExportError(
            message(
                N(
                    "Export",
                    "{path} holds other files. Publish into a new or empty folder, or one "
                    "that was published before: it is replaced whole.",
                ),
                path=target,
            )
        )


def _remove_abandoned(target: Path) -> None:
    """Remove the sibling folders left by publishers that were killed."""
    for sibling in target.parent.iterdir():
        match = _PARTIAL.match(sibling.name)
        if (
            match
            and match.group("name") == target.name
            and not pid_running(int(match.group("pid")))
        ):
            shutil.rmtree(sibling, ignore_errors=True)


def _sync_tree(folder: Path) -> None:
    for path in folder.iterdir():
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    if sys.platform != "win32":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _exchange(a: Path, b: Path) -> bool:
    """Swap the names of two folders in one step (Linux); False where that is not there."""
    if not sys.platform.startswith("linux"):
        return False
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(
        at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), ctypes.c_uint(_RENAME_EXCHANGE)
    )
    if result != 0:
        errno = ctypes.get_errno()
        if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: not on this file system
            return False
        raise OSError(errno, os.strerror(errno), str(b))
    return True


def replace_folder(
    target: Path, write: Callable[[Path], None], festival: Path | None = None
) -> Path:
    """Write a new folder with `write(folder)` and put it in place of `target` whole.

    On any failure (or cancel) inside `write` the new folder is removed and `target`
    stays as it was. ExportError for a target that must not be replaced (see
    check_target) and for a failed write (not the user's mistake).
    """
    target = Path(target)
    check_target(target, festival)
    _remove_abandoned(target)
    staging = target.with_name(f".{target.name}.publishing-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir()
        write(staging)
        (staging / MARKER).write_text(
            "Written by the festival organizer's publishing; replaced whole on every publish.\n",
            encoding="utf-8",
        )
        _sync_tree(staging)
        if not target.exists():
            os.rename(staging, target)
        elif _exchange(staging, target):
            shutil.rmtree(staging, ignore_errors=True)  # the old release, now here
        else:
            aside = target.with_name(f".{target.name}.replaced-{os.getpid()}")
            shutil.rmtree(aside, ignore_errors=True)
            os.rename(target, aside)
            try:
                os.rename(staging, target)
            except OSError:
                os.rename(aside, target)  # put the old one back
                raise
            shutil.rmtree(aside, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise ExportError(
            message(
                N("Export", "Could not write {path}: {reason}"),
                path=target,
                reason=exc.strerror or str(exc),
            ),
            bad_input=False,
        ) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target
