"""The one guard of every output (store/outputs.py) and exports that fail in plain words:
never over a festival file, its journal, lock or backups; temporary files named after
their writer and removed once it is gone."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from festival_app.exports import ExportError, export
from festival_app.exports.common import atomic_output
from festival_app.services import FestivalService
from festival_app.store import backup_folder, lock, outputs
from festival_app.store.errors import StoreError
from tests.helpers.interface_language import fragment


@pytest.fixture
def festival(sample_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "f.sqlite3"
    shutil.copyfile(sample_file, path)
    return path


def _reason(target: Path, festival: Path | None) -> str | None:
    try:
        outputs.refuse_protected_target(target, festival)
    except outputs.ProtectedTargetError as exc:
        refused = exc
    else:
        return None
    assert refused.bad_input and isinstance(refused, StoreError)
    assert str(target) in refused.message()
    return refused.reason


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


# -- the guard --------------------------------------------------------------------------


def test_the_festival_file_its_journal_and_lock(festival: Path) -> None:
    folder = festival.parent
    assert _reason(festival, festival) == outputs.FESTIVAL
    assert _reason(folder / "." / "f.sqlite3", festival) == outputs.FESTIVAL
    # Whether they exist or not.
    for name in ("f.sqlite3-journal", "f.sqlite3-wal", "f.sqlite3-shm"):
        assert _reason(folder / name, festival) == outputs.JOURNAL
    assert _reason(folder / "~f.sqlite3.lock", festival) == outputs.LOCK
    (folder / "f.sqlite3-journal").write_bytes(b"")
    assert _reason(folder / "f.sqlite3-journal", festival) == outputs.JOURNAL
    assert _reason(folder / "list.xlsx", festival) is None
    assert _reason(folder / "f.sqlite3.xlsx", festival) is None
    assert _reason(folder / "f.sqlite3-journal.pdf", festival) is None


def test_the_lock_of_a_held_file_and_its_identity_lock(festival: Path) -> None:
    held = lock.FileLock.acquire(festival)
    try:
        assert _reason(lock.lock_path(festival), festival) == outputs.LOCK
        identity = lock.identity_lock_path(festival)
        assert identity is not None
        assert _reason(identity, festival) == outputs.LOCK
    finally:
        held.release()


def test_links_count_by_identity(festival: Path, tmp_path: Path) -> None:
    hard = tmp_path / "hard.pdf"
    os.link(festival, hard)
    soft = tmp_path / "soft.pdf"
    soft.symlink_to(festival)
    assert _reason(hard, festival) == outputs.FESTIVAL_LINK
    assert _reason(soft, festival) == outputs.FESTIVAL_LINK
    # The festival file named through a link, the output by its real name.
    assert _reason(festival, soft) == outputs.FESTIVAL_LINK
    journal = tmp_path / "f.sqlite3-journal"
    journal.write_bytes(b"")
    os.link(journal, tmp_path / "journal-link.ics")
    assert _reason(tmp_path / "journal-link.ics", festival) == outputs.JOURNAL
    folder_link = tmp_path / "elsewhere"
    folder_link.symlink_to(tmp_path, target_is_directory=True)
    assert _reason(folder_link / "f.sqlite3-wal", festival) == outputs.JOURNAL
    assert _reason(folder_link / "~f.sqlite3.lock", festival) == outputs.LOCK


def test_backups_folders(festival: Path) -> None:
    service = FestivalService.open(festival)
    taken = service.take_backup()
    service.close()
    folder = backup_folder.folder_for(festival)
    assert taken.parent == folder
    assert _reason(taken, festival) == outputs.BACKUPS
    assert _reason(folder / "new.xlsx", festival) == outputs.BACKUPS
    # Another festival file's backups share the parent folder.
    assert _reason(folder.parent / "x-1234abcd" / "new.xlsx", festival) == outputs.BACKUPS
    assert _reason(folder.parent / "new.xlsx", festival) == outputs.BACKUPS
    # Without a festival file, a backup is still a festival file.
    assert _reason(taken, None) == outputs.OTHER_FESTIVAL


def test_any_festival_file_whatever_its_name(festival: Path, tmp_path: Path) -> None:
    other = tmp_path / "program.xlsx"
    shutil.copyfile(festival, other)
    assert outputs.is_festival_file(other)
    assert _reason(other, None) == outputs.OTHER_FESTIVAL
    assert _reason(other, festival) == outputs.OTHER_FESTIVAL
    assert _reason(tmp_path / "program.xlsx-journal", None) == outputs.JOURNAL
    assert _reason(tmp_path / "~program.xlsx.lock", None) == outputs.LOCK
    # Another program's database, a short file, a folder: not festival files.
    foreign = tmp_path / "foreign.sqlite3"
    foreign.write_bytes(festival.read_bytes()[:68] + b"\0\0\0\0" + festival.read_bytes()[72:])
    short = tmp_path / "short.sqlite3"
    short.write_bytes(festival.read_bytes()[:50])
    pipe = tmp_path / "pipe.sqlite3"
    os.mkfifo(pipe)  # never opened: reading it would wait for a writer for ever
    for path in (foreign, short, pipe, tmp_path, tmp_path / "missing.sqlite3"):
        assert not outputs.is_festival_file(path)
        assert _reason(path, None) is None


# -- exports go through it --------------------------------------------------------------


@pytest.mark.parametrize("kind", ["booths", "calendar", "timetable"])
def test_export_refuses_the_festival_file_it_reads(
    sample_service: FestivalService, kind: str
) -> None:
    festival = sample_service.path
    before = festival.read_bytes()
    listing = sorted(festival.parent.iterdir())
    for target in (festival, festival.parent / "." / festival.name):
        with pytest.raises(ExportError) as caught:
            export(kind, sample_service, target)
        assert caught.value.bad_input
        assert str(target) in caught.value.message()
    with pytest.raises(ExportError, match="journal"):
        export(kind, sample_service, Path(f"{festival}-journal"))
    assert festival.read_bytes() == before
    assert sorted(festival.parent.iterdir()) == listing


def test_atomic_output_checks_again_before_the_rename(festival: Path, tmp_path: Path) -> None:
    """A festival file that appears at the target while the export runs is kept."""
    out = tmp_path / "list.xlsx"
    with pytest.raises(ExportError) as caught, atomic_output(out) as part:
        part.write_bytes(b"the export")
        shutil.copyfile(festival, out)
    assert caught.value.bad_input
    assert outputs.is_festival_file(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.sqlite3", "list.xlsx"]


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EFBIG, "the file would be larger than allowed"),
        (errno.EIO, os.strerror(errno.EIO)),
    ],
)
def test_a_failing_write_is_a_plain_export_error(tmp_path: Path, number: int, words: str) -> None:
    out = tmp_path / "list.xlsx"
    out.write_bytes(b"old")
    with pytest.raises(ExportError) as caught, atomic_output(out) as part:
        part.write_bytes(b"half")
        raise OSError(number, os.strerror(number))
    assert not caught.value.bad_input  # the system's fault: exit code 1
    assert caught.value.message().startswith(f"{out} could not be written: {words}.")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.xlsx"]
    assert out.read_bytes() == b"old"


# -- temporary files --------------------------------------------------------------------


def test_the_temporary_file_names_its_writer(tmp_path: Path) -> None:
    out = tmp_path / "list.xlsx"
    with atomic_output(out) as part:
        assert part == outputs.part_name(out)
        assert f".{os.getpid()}." in part.name and part.name.startswith(".list.xlsx.")
        # A second write of the same file at once (another thread) gets its own.
        with atomic_output(out) as second:
            assert second != part and second.name.endswith(".part")
            assert outputs.stale_parts(out) == []
            second.write_bytes(b"second")
        part.write_bytes(b"first")
    assert out.read_bytes() == b"first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.xlsx"]


def test_leftovers_of_gone_writers_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "list.xlsx"
    dead = outputs.part_name(out, _dead_pid())
    dead.write_bytes(b"killed")
    live_proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = outputs.part_name(out, live_proc.pid)
        live.write_bytes(b"still writing")
        mine = outputs.part_name(out)  # this pid, but no write of ours: an earlier process
        mine.write_bytes(b"pid reused")
        other_file = outputs.part_name(tmp_path / "other.xlsx", _dead_pid())
        other_file.write_bytes(b"not this target")
        other_host = tmp_path / f".list.xlsx.OTHER-PC.{live_proc.pid + 1}.part"
        other_host.write_bytes(b"maybe writing on another PC")
        legacy = tmp_path / ".list-ab12cd34.xlsx.part"  # as earlier versions named it
        legacy.write_bytes(b"old")
        old_legacy = tmp_path / ".list-zz99yy88.xlsx.part"
        old_legacy.write_bytes(b"old")
        day_ago = time.time() - outputs.FOREIGN_PART_AGE_S - 60
        os.utime(old_legacy, (day_ago, day_ago))
        assert sorted(outputs.stale_parts(out)) == sorted([dead, mine, old_legacy])
        with atomic_output(out) as part:
            part.write_bytes(b"new")
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            [out.name, live.name, other_file.name, other_host.name, legacy.name]
        )
    finally:
        live_proc.kill()
        live_proc.wait()


def test_pid_running() -> None:
    assert outputs.pid_running(os.getpid())
    assert not outputs.pid_running(_dead_pid())


# -- the window's export dialog ---------------------------------------------------------


def test_the_export_dialog_refuses_the_open_festival_file(
    qtbot: QtBot, sample_service: FestivalService, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from festival_app.gui.dialogs.export_dialog import ExportDialog

    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    festival = sample_service.path
    before = festival.read_bytes()
    listing = sorted(festival.parent.iterdir())
    dialog = ExportDialog(sample_service)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("booths"))
    dialog.path_edit.setText(str(festival))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    assert dialog.result_path is None
    refused = fragment(
        "StoreError",
        "{path} is the festival file. An export or copy never replaces it; nothing was "
        "written. Choose another file name.",
    )
    assert len(shown) == 1 and str(festival) in shown[0] and refused in shown[0]
    assert festival.read_bytes() == before
    assert sorted(festival.parent.iterdir()) == listing
