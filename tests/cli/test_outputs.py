"""No output of the command line ever replaces a festival file, its journal, lock file or
backups; a failing write is a plain message. Every command runs in a real subprocess."""

from __future__ import annotations

import errno
import os
import resource
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest

from festival_app.store import backup_folder, backups, lock

FSIZE_LIMIT = 20_000  # bytes: every booth list, program and PDF of the sample is larger


def cli(
    *args: str, cwd: Path, preexec: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m festival_app ARGS` in `cwd`, in English, with this test's data folder."""
    return subprocess.run(
        [sys.executable, "-m", "festival_app", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=180,
        preexec_fn=preexec,
    )


def _limit_file_size() -> None:
    # Python ignores SIGXFSZ, so a write past the limit fails with EFBIG.
    resource.setrlimit(resource.RLIMIT_FSIZE, (FSIZE_LIMIT, FSIZE_LIMIT))


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _plain(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert "Unexpected error" not in result.stderr, result.stderr
    assert "Exception ignored" not in result.stderr, result.stderr
    return result.stderr


@pytest.fixture
def festival(sample_file: Path, tmp_path: Path) -> Path:
    """f.sqlite3, the 2018 sample, alone in its folder (the commands run there)."""
    folder = tmp_path / "work"
    folder.mkdir()
    path = folder / "f.sqlite3"
    shutil.copyfile(sample_file, path)
    return path


# -- 1. the festival file, its journal, its lock, its backups ---------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "booths", "--db", "f.sqlite3", "--out", "f.sqlite3"],
        ["export", "timetable", "--db", "f.sqlite3", "--out", "./f.sqlite3"],
        ["export", "calendar", "--db", "./f.sqlite3", "--out", "f.sqlite3"],
        ["template", "--out", "f.sqlite3"],
        ["backup", "--db", "f.sqlite3", "--out", "f.sqlite3"],
    ],
    ids=["export-xlsx", "export-pdf", "export-ics", "template", "backup"],
)
def test_no_command_replaces_the_festival_file(festival: Path, argv: list[str]) -> None:
    before = _listing(festival.parent)
    result = cli(*argv, cwd=festival.parent)
    err = _plain(result)
    assert result.returncode == 2, err
    assert "f.sqlite3" in err and "festival file" in err
    assert "Wrote" not in result.stdout
    assert _listing(festival.parent) == before  # nothing written, nothing left


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "booths", "--db", "f.sqlite3", "--out"],
        ["export", "signs", "--db", "f.sqlite3", "--out"],
        ["backup", "--db", "f.sqlite3", "--out"],
        ["template", "--out"],
    ],
    ids=["export-xlsx", "export-pdf", "backup", "template"],
)
@pytest.mark.parametrize(
    "target", ["f.sqlite3-journal", "f.sqlite3-wal", "~f.sqlite3.lock"], ids=str
)
def test_no_command_writes_the_journal_or_lock_file(
    festival: Path, argv: list[str], target: str
) -> None:
    """Neither when they exist nor when they do not (a made-up journal would be rolled
    back into the festival file by SQLite)."""
    for exists in (False, True):
        if exists:
            (festival.parent / target).write_bytes(b"")
        before = _listing(festival.parent)
        result = cli(*argv, target, cwd=festival.parent)
        err = _plain(result)
        assert result.returncode == 2, (exists, err)
        assert target in err and "f.sqlite3" in err
        assert _listing(festival.parent) == before


def test_the_lock_of_an_open_festival_file_is_kept(festival: Path) -> None:
    held = lock.FileLock.acquire(festival)  # as the window holds it
    try:
        lock_file = lock.lock_path(festival)
        before = lock_file.read_bytes()
        result = cli(
            "export", "roster", "--db", "f.sqlite3", "--out", str(lock_file), cwd=festival.parent
        )
        assert result.returncode == 2, result.stderr
        assert "lock file" in _plain(result)
        assert lock_file.read_bytes() == before
        assert held.still_ours()
    finally:
        held.release()


@pytest.mark.parametrize("link", ["hard", "symbolic"])
@pytest.mark.parametrize("command", ["export", "template", "backup"])
def test_another_name_of_the_festival_file_is_refused(
    festival: Path, link: str, command: str
) -> None:
    alias = festival.parent / "list.xlsx"
    if link == "hard":
        os.link(festival, alias)
    else:
        alias.symlink_to(festival.name)
    before = _listing(festival.parent)
    argv = {
        "export": ["export", "booths", "--db", "f.sqlite3", "--out", "list.xlsx"],
        "template": ["template", "--out", "list.xlsx"],
        "backup": ["backup", "--db", "f.sqlite3", "--out", "list.xlsx"],
    }[command]
    result = cli(*argv, cwd=festival.parent)
    err = _plain(result)
    assert result.returncode == 2, err
    assert "list.xlsx" in err
    assert _listing(festival.parent) == before
    assert alias.is_symlink() == (link == "symbolic")


def test_the_journal_through_a_linked_folder_is_refused(festival: Path, tmp_path: Path) -> None:
    linked = tmp_path / "linked"
    linked.symlink_to(festival.parent, target_is_directory=True)
    before = _listing(festival.parent)
    result = cli(
        "export",
        "program",
        "--db",
        str(festival),
        "--out",
        str(linked / "f.sqlite3-journal"),
        cwd=tmp_path,
    )
    assert result.returncode == 2, result.stderr
    assert "journal" in _plain(result)
    assert _listing(festival.parent) == before


@pytest.mark.parametrize("command", ["export", "backup"])
def test_nothing_is_written_into_the_backups_folder(festival: Path, command: str) -> None:
    made = cli("backup", "--db", "f.sqlite3", cwd=festival.parent)
    assert made.returncode == 0, made.stderr
    folder = backup_folder.folder_for(festival)
    (backup,) = backups.stamps(festival)
    before = _listing(folder)
    for name in (backup.path.name, "list.xlsx", "copy.sqlite3"):
        argv = {
            "export": ["export", "booths", "--db", "f.sqlite3", "--out", str(folder / name)],
            "backup": ["backup", "--db", "f.sqlite3", "--out", str(folder / name)],
        }[command]
        result = cli(*argv, cwd=festival.parent)
        err = _plain(result)
        assert result.returncode == 2, (name, err)
        assert name in err
        assert _listing(folder) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["template", "--out", "other.sqlite3"],
        ["export", "booths", "--db", "f.sqlite3", "--out", "other.sqlite3"],
        ["export", "cuesheet", "--db", "f.sqlite3", "--out", "other.sqlite3"],
        ["template", "--out", "other.sqlite3-journal"],
        ["template", "--out", "~other.sqlite3.lock"],
    ],
    ids=["template", "export-xlsx", "export-pdf", "template-journal", "template-lock"],
)
def test_any_festival_file_is_refused_whatever_its_name(festival: Path, argv: list[str]) -> None:
    other = festival.parent / "other.sqlite3"
    shutil.copyfile(festival, other)
    before = _listing(festival.parent)
    result = cli(*argv, cwd=festival.parent)
    err = _plain(result)
    assert result.returncode == 2, err
    assert argv[-1] in err and "festival file" in err
    assert _listing(festival.parent) == before


def test_ordinary_outputs_are_still_written_and_replaced(festival: Path) -> None:
    (festival.parent / "list.xlsx").write_bytes(b"old list")
    (festival.parent / "other.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\x00" * 84)
    result = cli("export", "booths", "--db", "f.sqlite3", "--out", "list.xlsx", cwd=festival.parent)
    assert result.returncode == 0, result.stderr
    assert openpyxl.load_workbook(festival.parent / "list.xlsx").sheetnames
    # A database of another program is no festival file: the template may replace it
    # (when asked to replace what is there).
    result = cli("template", "--out", "other.sqlite3", "--force", cwd=festival.parent)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in festival.parent.iterdir()) == [
        "f.sqlite3",
        "list.xlsx",
        "other.sqlite3",
    ]


# -- 2. backup into a missing folder ----------------------------------------------------


def test_backup_into_a_missing_folder_says_so(festival: Path) -> None:
    result = cli("backup", "--db", "f.sqlite3", "--out", "missing/x.sqlite3", cwd=festival.parent)
    err = _plain(result)
    assert result.returncode == 2, err
    assert "The folder missing does not exist" in err
    assert "drive" not in err
    assert not (festival.parent / "missing").exists()


def test_backup_onto_a_folder_says_so(festival: Path) -> None:
    (festival.parent / "sub").mkdir()
    result = cli("backup", "--db", "f.sqlite3", "--out", "sub", cwd=festival.parent)
    err = _plain(result)
    assert result.returncode == 2, err
    assert "sub is a folder" in err


# -- 3. a write that fails: file too large, disk full -----------------------------------


@pytest.mark.parametrize(
    ("kind", "name"),
    [("booths", "list.xlsx"), ("program", "program.xlsx"), ("timetable", "timetable.pdf")],
)
def test_a_file_size_limit_is_a_plain_message(festival: Path, kind: str, name: str) -> None:
    out = festival.parent / name
    out.write_bytes(b"the previous file")
    before = _listing(festival.parent)
    result = cli(
        "export", kind, "--db", "f.sqlite3", "--out", name,
        cwd=festival.parent, preexec=_limit_file_size,
    )  # fmt: skip
    err = _plain(result)
    assert result.returncode == 1, err
    assert f"{name} could not be written: the file would be larger than allowed" in err
    assert _listing(festival.parent) == before  # no .part, the old file as it was


def test_the_template_under_a_file_size_limit(festival: Path) -> None:
    result = cli("template", "--out", "t.xlsx", cwd=festival.parent, preexec=_limit_file_size)
    err = _plain(result)
    assert result.returncode == 1, err
    assert "t.xlsx could not be written: the file would be larger than allowed" in err
    assert sorted(p.name for p in festival.parent.iterdir()) == ["f.sqlite3"]


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB file system of its own (tmpfs), filled to the last byte."""
    mount = tmp_path / "stick"
    mount.mkdir()
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
            check=True,
            capture_output=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"a tiny file system cannot be mounted here (needs root): {exc}")
    try:
        (mount / "list.xlsx").write_bytes(b"the previous list")
        fd = os.open(mount / "filler", os.O_CREAT | os.O_WRONLY, 0o644)
        try:
            for size in (65536, 4096, 512, 1):
                try:
                    while True:
                        os.write(fd, b"\0" * size)
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
        finally:
            os.close(fd)
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False, capture_output=True, timeout=10)


@pytest.mark.parametrize(("kind", "name"), [("booths", "list.xlsx"), ("signs", "signs.pdf")])
def test_a_full_disk_is_a_plain_message(
    festival: Path, tiny_disk: Path, kind: str, name: str
) -> None:
    before = _listing(tiny_disk)
    result = cli(
        "export", kind, "--db", str(festival), "--out", str(tiny_disk / name), cwd=festival.parent
    )
    err = _plain(result)
    assert result.returncode == 1, err
    assert "could not be written: the disk is full" in err
    assert _listing(tiny_disk) == before


# -- 4. the temporary file of a killed export -------------------------------------------

_HOLDING_EXPORT = textwrap.dedent(
    """
    import sys, time
    from festival_app.exports import export
    from festival_app.services import FestivalService

    service = FestivalService.open(sys.argv[1], read_only=True)

    def progress(done, total):
        print("writing", flush=True)
        time.sleep(600)  # killed here, in the middle of the export

    export(sys.argv[3], service, sys.argv[2], progress=progress)
    """
)


def _killed_export(festival: Path, out: Path, kind: str) -> tuple[int, list[Path]]:
    """Start an export, kill it with SIGKILL in the middle; its pid and what it left."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDING_EXPORT, str(festival), str(out), kind],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=festival.parent,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "writing", proc.stderr.read() if proc.stderr else ""
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    return proc.pid, sorted(out.parent.glob("*.part"))


@pytest.mark.parametrize(("kind", "name"), [("booths", "list.xlsx"), ("overview", "o.pdf")])
def test_the_part_file_of_a_killed_export_is_removed_by_the_next(
    festival: Path, kind: str, name: str
) -> None:
    out = festival.parent / name
    pid, left = _killed_export(festival, out, kind)
    assert len(left) == 1 and str(pid) in left[0].name, left  # names its writer
    assert not out.exists()
    result = cli("export", kind, "--db", "f.sqlite3", "--out", name, cwd=festival.parent)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in festival.parent.iterdir()) == sorted(["f.sqlite3", name])


def test_a_failed_export_also_clears_what_a_killed_one_left(festival: Path) -> None:
    out = festival.parent / "list.xlsx"
    _pid, left = _killed_export(festival, out, "booths")
    assert left
    result = cli(
        "export", "booths", "--db", "f.sqlite3", "--out", "list.xlsx",
        cwd=festival.parent, preexec=_limit_file_size,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert sorted(p.name for p in festival.parent.iterdir()) == ["f.sqlite3"]


def test_the_part_file_of_a_running_export_is_kept(festival: Path) -> None:
    """Another export of the same file that is still running keeps its temporary file."""
    out = festival.parent / "list.xlsx"
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDING_EXPORT, str(festival), str(out), "booths"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=festival.parent,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
        running = sorted(festival.parent.glob("*.part"))
        assert len(running) == 1 and str(proc.pid) in running[0].name
        result = cli(
            "export", "booths", "--db", "f.sqlite3", "--out", "list.xlsx", cwd=festival.parent
        )
        assert result.returncode == 0, result.stderr
        assert sorted(festival.parent.glob("*.part")) == running
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        if proc.stdout is not None:
            proc.stdout.close()
