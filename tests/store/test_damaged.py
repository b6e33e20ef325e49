"""Damaged festival files: detected on open, never written to, a copy kept, a backup offered."""

from __future__ import annotations

import functools
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bench.generate import generate
from festival_app.cli import main
from festival_app.services import FestivalService
from festival_app.store import backup_folder, backups, errors, schema
from festival_app.store.opening import open_festival

if TYPE_CHECKING:
    from _typeshed import FileDescriptorOrPath

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def festival(tmp_path: Path) -> Path:
    """A generated festival (1x) with one good backup taken of it."""
    path = generate(tmp_path / "festival.sqlite3", 1)
    db = open_festival(path)
    backups.take_backup(db, backups.OPEN)
    db.close()
    return path


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _zero(path: Path) -> None:
    path.write_bytes(b"")


def _garble_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle : middle + page] = bytes((i * 7 + 13) % 256 for i in range(page))
    path.write_bytes(bytes(data))


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()


def _broken_reference(path: Path) -> None:
    """A program item pointing to a venue that is gone (written with checks off)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(
        "UPDATE program_item SET venue_id = 9999 WHERE id = (SELECT min(id) FROM program_item)"
    )
    conn.close()


CASES: list[tuple[str, Callable[[Path], None], type[errors.StoreError], bool]] = [
    # name, damage, error, is a copy kept
    ("zero-length", _zero, errors.EmptyFileError, False),
    ("truncated", _truncate, errors.DamagedFileError, True),
    ("bytes-damaged-in-the-middle", _garble_middle, errors.DamagedFileError, True),
    ("broken-reference", _broken_reference, errors.DamagedFileError, True),
    ("newer-version", _newer, errors.NewerVersionError, False),
]


@pytest.mark.parametrize(
    ("damage", "error", "copied"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_damaged_file_is_detected_left_untouched_copied_and_a_backup_offered(
    festival: Path,
    damage: Callable[[Path], None],
    error: type[errors.DamagedFileError | errors.NewerVersionError],
    copied: bool,
) -> None:
    backup = backups.stamps(festival)[0].path
    damage(festival)
    before = festival.read_bytes()
    for read_only in (False, True):
        with pytest.raises(error) as caught:
            open_festival(festival, read_only=read_only, lock=True)
        exc = caught.value
        assert exc.bad_input
        message = exc.message()
        assert str(festival) in message
        assert isinstance(exc, errors.DamagedFileError | errors.NewerVersionError)
        assert exc.newest_backup == backup
        assert str(backup) in message and "festival-app restore" in message
        assert festival.read_bytes() == before
    assert not (festival.parent / f"~{festival.name}.lock").exists()
    assert not (festival.parent / f"{festival.name}-journal").exists()
    copies = sorted(festival.parent.glob(f"{festival.name}.damaged-*"))
    if copied:
        # Opened twice, copied once: the same damage is not copied again and again.
        assert len(copies) == 1
        assert copies[0].read_bytes() == before
        assert isinstance(exc, errors.DamagedFileError) and exc.copy == copies[0]
        assert str(copies[0]) in message
    else:
        assert copies == []


def test_without_a_backup_it_says_so_plainly(tmp_path: Path) -> None:
    path = generate(tmp_path / "festival.sqlite3", 1)
    _garble_middle(path)
    with pytest.raises(errors.DamagedFileError) as caught:
        open_festival(path)
    assert caught.value.newest_backup is None
    assert "is damaged" in caught.value.message()


def test_a_damaged_backup_is_not_offered(festival: Path) -> None:
    good = backups.stamps(festival)[0].path
    db = open_festival(festival)
    bad = backups.take_backup(db, backups.MANUAL)
    db.close()
    _garble_middle(bad)
    _truncate(festival)
    with pytest.raises(errors.DamagedFileError) as caught:
        open_festival(festival)
    assert caught.value.newest_backup == good


def test_a_damaged_file_goes_on_being_refused_and_restoring_a_backup_repairs_it(
    festival: Path,
) -> None:
    good = backups.stamps(festival)[0].path
    _garble_middle(festival)
    with pytest.raises(errors.DamagedFileError):
        FestivalService.open(festival)
    # Repair by hand as a user would: replace the file with the offered backup.
    festival.write_bytes(good.read_bytes())
    service = FestivalService.open(festival)
    assert len(service.troupes()) > 0
    service.close()


def test_a_backup_replaces_a_damaged_file_when_no_data_folder_can_be_made(
    festival: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = backups.stamps(festival)[0].path
    _garble_middle(festival)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder would be", encoding="utf-8")
    monkeypatch.setenv("FESTIVAL_APP_DATA_DIR", str(blocked))
    kept = backups.replace_damaged(festival, good)
    assert kept is not None and kept.parent == festival.parent  # the copy beside the file
    service = FestivalService.open(festival)
    assert len(service.troupes()) > 0
    service.close()


@functools.cache
def _template() -> Path:
    """The import template, written once."""
    path = Path(tempfile.mkdtemp(prefix="festival-template-")) / "template.xlsx"
    assert main(["template", "--out", str(path)]) == 0
    return path


def _cli_commands(festival: Path, backup: Path) -> dict[str, list[str]]:
    """Every sub-command that opens a festival file, with the arguments it needs."""
    db = str(festival)
    candidates = {
        "backup": ["backup", "--db", db],
        "restore": ["restore", "--db", db, "--from", str(backup)],
        "check": ["check", "--db", db],
        "export": ["export", "booths", "--db", db, "--out", str(festival) + ".xlsx"],
        "import": ["import", "--db", db, str(festival.parent / "template.xlsx")],
        "import --dry-run": [
            "import",
            "--dry-run",
            "--db",
            db,
            str(festival.parent / "template.xlsx"),
        ],
        "list": ["list", "--db", db],
    }
    import pkgutil

    from festival_app.cli import commands

    # One module a sub-command, named after it ("import_" for import), as the CLI finds them.
    known = {m.name.rstrip("_") for m in pkgutil.iter_modules(commands.__path__)}
    if "template" in known:  # a real workbook to import, so only the festival file is wrong
        shutil.copyfile(_template(), festival.parent / "template.xlsx")
    return {name: argv for name, argv in candidates.items() if name.split()[0] in known}


@pytest.mark.parametrize(
    "damage", [_zero, _truncate, _garble_middle, _newer], ids=lambda f: f.__name__
)
def test_every_command_exits_2_with_the_message(
    festival: Path, damage: Callable[[Path], None], capsys: pytest.CaptureFixture[str]
) -> None:
    backup = backups.stamps(festival)[0].path
    damage(festival)
    before = festival.read_bytes()
    commands = _cli_commands(festival, backup)
    assert {"backup", "restore", "check", "export", "import"} <= set(commands)
    del commands["restore"]  # the remedy offered: see the next tests
    for name, argv in commands.items():
        code = main(argv)
        err = capsys.readouterr().err
        assert code == 2, (name, err)
        assert str(festival) in err, name
        assert str(backup) in err, name
        assert festival.read_bytes() == before, name


@pytest.mark.parametrize(
    ("damage", "kept"),
    [(_zero, False), (_truncate, True), (_garble_middle, True)],
    ids=["zero", "truncated", "garbled"],
)
def test_restore_on_the_command_line_replaces_a_damaged_file_and_keeps_it(
    festival: Path,
    damage: Callable[[Path], None],
    kept: bool,
    capsys: pytest.CaptureFixture[str],
) -> None:
    backup = backups.stamps(festival)[0].path
    damage(festival)
    damaged = festival.read_bytes()
    Path(f"{festival}-journal").write_bytes(b"left by the crash that did the damage")
    assert main(["restore", "--db", str(festival), "--from", str(backup)]) == 0
    assert festival.read_bytes() == backup.read_bytes()
    copies = list(festival.parent.glob(f"{festival.name}.damaged-*"))
    if kept:
        copy = next(c for c in copies if not c.name.endswith("-journal"))
        assert copy.read_bytes() == damaged
        assert str(copy) in capsys.readouterr().out
    assert not Path(f"{festival}-journal").exists()
    service = FestivalService.open(festival)
    assert len(service.troupes()) > 0
    service.close()


def test_a_newer_file_is_kept_aside_when_a_backup_is_restored_in_its_place(
    festival: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = backups.stamps(festival)[0].path
    _newer(festival)
    newer = festival.read_bytes()
    assert main(["restore", "--db", str(festival), "--from", str(backup)]) == 0
    assert festival.read_bytes() == backup.read_bytes()
    [kept] = festival.parent.glob("festival.sqlite3.newer-*")
    assert kept.read_bytes() == newer
    assert str(kept) in capsys.readouterr().out


def test_restore_refuses_to_put_a_damaged_backup_over_a_damaged_file(festival: Path) -> None:
    backup = backups.stamps(festival)[0].path
    _garble_middle(backup)
    _truncate(festival)
    before = festival.read_bytes()
    assert main(["restore", "--db", str(festival), "--from", str(backup)]) == 2
    assert festival.read_bytes() == before


def test_exit_code_of_the_real_program(festival: Path) -> None:
    _garble_middle(festival)
    done = subprocess.run(
        [sys.executable, "-m", "festival_app", "backup", "--db", str(festival)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert done.returncode == 2
    assert "is damaged" in done.stderr and "Traceback" not in done.stderr


def test_in_a_read_only_folder_the_copy_goes_to_the_backups_folder(
    festival: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _garble_middle(festival)
    before = festival.read_bytes()
    folder = festival.parent
    folder.chmod(0o555)
    try:
        if os.geteuid() == 0:  # root writes anywhere: apply the folder's bits as a user would
            real_access = os.access

            def access(path: FileDescriptorOrPath, mode: int, **kwargs: object) -> bool:
                if mode & os.W_OK and not os.stat(path).st_mode & 0o200:
                    return False
                return real_access(path, mode)

            monkeypatch.setattr(os, "access", access)
        with pytest.raises(errors.DamagedFileError) as caught:
            open_festival(festival)
    finally:
        folder.chmod(0o755)
    copy = caught.value.copy
    assert copy is not None and copy.parent == backup_folder.folder_for(festival)
    assert copy.name.startswith("festival.sqlite3.damaged-")
    assert copy.read_bytes() == before == festival.read_bytes()
    assert not list(folder.glob("*.damaged-*"))
