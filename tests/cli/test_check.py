"""`festival-app check`: lines and JSON, exit codes, and never a write to the file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest

from festival_app import clash_checks
from festival_app.cli import main
from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ItemKind, ProgramItem
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue
from festival_app.services import FestivalService
from festival_app.store import schema

V1_FILE = Path(__file__).resolve().parent.parent / "_files" / "festival_v1.sqlite3"


def _clashing_file(path: Path) -> dict[str, int]:
    """Saturday: Beijing on two stages at once; Sunday: only a changeover warning."""
    service = FestivalService.create(path)
    try:
        sat, _ = service.save(FestivalDay(date(2018, 9, 1), time(12), time(18)))
        sun, _ = service.save(FestivalDay(date(2018, 9, 2), time(12), time(17)))
        main_stage, _ = service.save(Venue("Main Stage", "메인무대"))
        parade, _ = service.save(Venue("Parade route", "퍼레이드"))
        cafe, _ = service.save(Venue("Music Cafe", changeover_min=15))
        beijing, _ = service.save(Troupe("Beijing troupe", "베이징 공연단"))
        assert sat.id and sun.id and main_stage.id and parade.id and cafe.id and beijing.id

        def add(
            day: int, venue: int, start: time, end: time, title: str, troupe: int | None
        ) -> int:
            stored, _ = service.save(
                ProgramItem(
                    day, venue, start, end, title, kind=ItemKind.PERFORMANCE, troupe_id=troupe
                )
            )
            assert stored.id
            return stored.id

        a = add(sat.id, main_stage.id, time(14), time(14, 30), "Beijing dance", beijing.id)
        b = add(sat.id, parade.id, time(14, 20), time(15), "Beijing parade", beijing.id)
        add(sun.id, cafe.id, time(13), time(13, 30), "Music A", beijing.id)
        add(sun.id, cafe.id, time(13, 40), time(14), "Music B", beijing.id)
    finally:
        service.close()
    return {"a": a, "b": b, "sat": sat.id, "sun": sun.id}


@pytest.fixture
def clashing(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "festival.sqlite3"
    return path, _clashing_file(path)


def test_lines_severity_first_and_exit_1_on_an_error(
    clashing: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = clashing
    before = path.read_bytes()
    assert main(["check", "--db", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:2] for line in lines] == [
        ["error", "troupe_overlap"],
        ["warning", "venue_changeover"],
    ]
    assert lines[0].endswith(
        "Beijing troupe is on Main Stage 14:00-14:30 and on Parade route 14:20-15:00"
    )
    assert path.read_bytes() == before  # read only


def test_an_acknowledged_error_is_shown_and_exit_is_0(
    clashing: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, ids = clashing
    service = FestivalService.open(path)
    key = f"troupe_overlap:{ids['a']}:{ids['b']}:t1"
    assert any(c.key == key for c in clash_checks.check(service))
    clash_checks.acknowledge(service, key, "Two groups of dancers")
    service.close()
    assert main(["check", "--db", str(path)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("error")
    assert first.endswith("[acknowledged: Two groups of dancers]")


def test_the_summary_and_the_acknowledged_mark_follow_the_language(
    clashing: tuple[Path, dict[str, int]],
) -> None:
    path, ids = clashing
    service = FestivalService.open(path)
    clash_checks.acknowledge(service, f"troupe_overlap:{ids['a']}:{ids['b']}:t1", "두 무용단")
    service.close()
    env = dict(os.environ, FESTIVAL_APP_LANG="ko")
    result = subprocess.run(
        [sys.executable, "-m", "festival_app", "check", "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("error    troupe_overlap")  # the words scripts read stay
    assert first.endswith("[인정됨: 두 무용단]")
    assert "오류 1건, 경고 1건, 참고 0건 (인정됨 1건)." in result.stderr


def test_one_day(clashing: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = clashing
    assert main(["check", "--db", str(path), "--day", "2018-09-02"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:2] for line in lines] == [["warning", "venue_changeover"]]
    assert main(["check", "--db", str(path), "--day", "2018.9.1"]) == 1


def test_json_shape(
    clashing: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, ids = clashing
    assert main(["check", "--db", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list) and len(data) == 2
    error = data[0]
    assert error == {
        "severity": "error",
        "kind": "troupe_overlap",
        "message": "Beijing troupe is on Main Stage 14:00-14:30 and on Parade route 14:20-15:00",
        "acknowledged": False,
        "reason": "",
        "troupe": "Beijing troupe",
        "items": [
            {
                "id": ids["a"],
                "title": "Beijing dance",
                "venue": "Main Stage",
                "day": "2018-09-01",
                "start": "14:00",
                "end": "14:30",
                "troupe": "Beijing troupe",
            },
            {
                "id": ids["b"],
                "title": "Beijing parade",
                "venue": "Parade route",
                "day": "2018-09-01",
                "start": "14:20",
                "end": "15:00",
                "troupe": "Beijing troupe",
            },
        ],
        "booths": [],
        "key": f"troupe_overlap:{ids['a']}:{ids['b']}:t1",
    }
    warning = data[1]
    assert warning["severity"] == "warning"
    assert warning["troupe"] is None
    assert [i["day"] for i in warning["items"]] == ["2018-09-02", "2018-09-02"]


def test_json_in_korean(
    clashing: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = clashing
    assert main(["check", "--db", str(path), "--json", "--language", "ko"]) == 1
    error = json.loads(capsys.readouterr().out)[0]
    assert error["troupe"] == "베이징 공연단"
    assert error["items"][0]["venue"] == "메인무대"
    assert "메인무대" in error["message"]


def test_no_clashes_prints_nothing_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.sqlite3"
    FestivalService.create(path).close()
    assert main(["check", "--db", str(path)]) == 0
    out = capsys.readouterr()
    assert out.out == ""
    assert "No clashes" in out.err
    assert main(["check", "--db", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_the_2018_sample_passes(sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--db", str(sample_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert not [c for c in data if c["severity"] == "error" and not c["acknowledged"]]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "There is no festival file"),
        (b"", "empty"),
        (b"Name,Country\nBeijing,CN\n", "not a festival file"),
    ],
)
def test_bad_files_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, words: str
) -> None:
    path = tmp_path / "festival.sqlite3"
    if content is not None:
        path.write_bytes(content)
    assert main(["check", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert words in err
    assert "Traceback" not in err
    if content is not None:
        assert path.read_bytes() == content


def test_another_programs_database_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    assert main(["check", "--db", str(path)]) == 2
    assert "not a festival file" in capsys.readouterr().err
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("day", "words"),
    [("2018-09-05", "not a day of the festival"), ("first day", "is not a date")],
)
def test_a_day_outside_the_festival_exits_2(
    clashing: tuple[Path, dict[str, int]],
    capsys: pytest.CaptureFixture[str],
    day: str,
    words: str,
) -> None:
    path, _ = clashing
    assert main(["check", "--db", str(path), "--day", day]) == 2
    err = capsys.readouterr().err
    assert words in err
    if "not a day" in words:
        assert "(its days: 2018-09-01, 2018-09-02)" in err


def test_a_version_1_file_is_checked_without_writing_to_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(V1_FILE, path)
    before = path.read_bytes()
    # Its opening ceremony's setup starts before the day opens.
    assert main(["check", "--db", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [c["kind"] for c in data] == ["outside_hours"]
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*-journal"))


def test_a_newer_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    path = tmp_path / "newer.sqlite3"
    shutil.copyfile(V1_FILE, path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    assert main(["check", "--db", str(path)]) == 2
    assert "newer version" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_the_installed_command(clashing: tuple[Path, dict[str, int]]) -> None:
    path, _ = clashing
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "festival_app", "check", "--db", str(path), "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert [c["kind"] for c in json.loads(done.stdout)] == ["troupe_overlap", "venue_changeover"]
    usage = subprocess.run(
        [sys.executable, "-m", "festival_app", "check"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert usage.returncode == 2
