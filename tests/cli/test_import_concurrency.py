"""Imports from the command line that run at the same time, or while the window edits the
file: nothing is created twice, no update is lost, and a refused import says why."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
import pytest

from festival_app.cli import main
from festival_app.services import FestivalService
from festival_app.store import backups

REPO = Path(__file__).resolve().parents[2]
NEW_TROUPES = 3000


@pytest.fixture
def festival(sample_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "festival.sqlite3"
    shutil.copyfile(sample_file, path)
    return path


def _workbook(path: Path, headers: list[str], rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Troupes")
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


class _Import:
    """A command-line import running in a process of its own. Its output goes to files,
    so that a long report never blocks it on a full pipe while the other one waits."""

    def __init__(self, workbook: Path, festival: Path, *extra: str) -> None:
        folder = Path(tempfile.mkdtemp(prefix="import-", dir=festival.parent))
        self.out, self.err = folder / "out.txt", folder / "err.txt"
        with self.out.open("w") as out, self.err.open("w") as err:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    str(REPO / "main.py"),
                    "import",
                    str(workbook),
                    "--db",
                    str(festival),
                    *extra,
                ],
                stdout=out,
                stderr=err,
                text=True,
                cwd=REPO,
            )

    def finish(self) -> tuple[int, str, str]:
        code = self.process.wait(timeout=3600)
        return code, self.out.read_text(), self.err.read_text()


def _start_import(workbook: Path, festival: Path, *extra: str) -> _Import:
    return _Import(workbook, festival, *extra)


def _finish(running: _Import) -> tuple[int, str, str]:
    return running.finish()


def _rows(festival: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(festival)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_two_imports_of_the_same_new_troupes_at_once_create_them_once(
    festival: Path, tmp_path: Path
) -> None:
    rows: list[list[object]] = [
        [f"Parallel troupe {i}", "Busan", "sister"] for i in range(NEW_TROUPES)
    ]
    workbook = _workbook(tmp_path / "new.xlsx", ["Troupe", "City", "Relation"], rows)
    [(before,)] = _rows(festival, "SELECT count(*) FROM troupe")
    assert isinstance(before, int)
    first = _start_import(workbook, festival, "--wait", "3000")
    second = _start_import(workbook, festival, "--wait", "3000")
    results = [_finish(first), _finish(second)]
    assert [code for code, _, _ in results] == [0, 0], results
    reports = sorted(out for _, out, _ in results)
    assert any(f"{NEW_TROUPES} created, 0 updated" in r for r in reports), reports
    assert any(f"all {NEW_TROUPES} rows are unchanged" in r for r in reports), reports
    assert _rows(festival, "SELECT count(*) FROM troupe")[0][0] == before + NEW_TROUPES
    duplicates = _rows(
        festival, "SELECT name FROM troupe GROUP BY name, city_en HAVING count(*) > 1"
    )
    assert duplicates == []


def test_two_imports_updating_the_same_troupes_keep_both_changes(
    festival: Path, tmp_path: Path
) -> None:
    names = _rows(festival, "SELECT name, city_en FROM troupe ORDER BY id")
    notes = _workbook(
        tmp_path / "notes.xlsx",
        ["Troupe", "City", "Notes"],
        [[name, city, f"note for {name}"] for name, city in names],
    )
    phones = _workbook(
        tmp_path / "phones.xlsx",
        ["Troupe", "City", "Phone"],
        [[name, city, f"+82-2-{i:04d}"] for i, (name, city) in enumerate(names)],
    )
    first = _start_import(notes, festival, "--wait", "3000")
    second = _start_import(phones, festival, "--wait", "3000")
    results = [_finish(first), _finish(second)]
    assert [code for code, _, _ in results] == [0, 0], results
    stored = _rows(festival, "SELECT name, notes, phone FROM troupe ORDER BY id")
    for i, (name, note, phone) in enumerate(stored):
        assert note == f"note for {name}"
        assert phone == f"+82-2-{i:04d}"


def test_an_import_is_refused_while_the_window_edits_the_file(
    festival: Path, tmp_path: Path
) -> None:
    workbook = _workbook(
        tmp_path / "one.xlsx", ["Troupe", "City", "Relation"], [["Late troupe", "Busan", "sister"]]
    )
    window = FestivalService.open(festival, lock=True)
    try:
        before = festival.read_bytes()
        code, out, err = _finish(_start_import(workbook, festival))
        assert code == 1
        assert "is open for editing" in err and "--wait" in err
        assert "Traceback" not in err
        assert festival.read_bytes() == before
    finally:
        window.close()
    # Once the window has closed the file, the same import goes through.
    code, out, err = _finish(_start_import(workbook, festival))
    assert code == 0, err
    assert "1 created" in out


def test_an_import_waits_for_the_window_when_asked(festival: Path, tmp_path: Path) -> None:
    workbook = _workbook(
        tmp_path / "one.xlsx",
        ["Troupe", "City", "Relation"],
        [["Patient troupe", "Busan", "sister"]],
    )
    window = FestivalService.open(festival, lock=True)
    waiting = _start_import(workbook, festival, "--wait", "3000")
    try:
        # It waits rather than failing: still running while the window has the file.
        with pytest.raises(subprocess.TimeoutExpired):
            waiting.process.wait(timeout=1.5)
    finally:
        window.close()
    code, _out, err = _finish(waiting)
    assert code == 0, err
    assert _rows(festival, "SELECT count(*) FROM troupe WHERE name = 'Patient troupe'") == [(1,)]


def test_an_import_backs_the_file_up_first(
    festival: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FESTIVAL_APP_LANG", "en")
    workbook = _workbook(
        tmp_path / "one.xlsx", ["Troupe", "City", "Relation"], [["Saved troupe", "Busan", "sister"]]
    )
    assert main(["import", str(workbook), "--db", str(festival)]) == 0
    taken = [b for b in backups.list_backups(festival) if b.reason == backups.BEFORE_IMPORT]
    assert len(taken) == 1
    assert _rows(taken[0].path, "SELECT count(*) FROM troupe WHERE name = 'Saved troupe'") == [(0,)]
    # A dry run writes nothing, not even a backup.
    assert main(["import", str(workbook), "--db", str(festival), "--dry-run"]) == 0
    assert len([b for b in backups.list_backups(festival) if b.reason == "before-import"]) == 1
