"""`festival-app server init/pull` and `--server URL` on check, export, backup, against a
real PostgreSQL server (tests/helpers/postgres.py): the festival goes to the server and
comes back equal in every record; roles are enforced by the database itself; a wrong
password, an unreachable server and a password in the address are refused in plain
words with exit code 2.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from festival_app.cli import main
from festival_app.services import FestivalService
from festival_app.store import schema
from festival_app.store.postgres import TABLES, ServerDatabase, role_names
from tests.helpers.engines import table_rows
from tests.helpers.postgres import ADMIN_PASSWORD, PostgresServer

REPO = Path(__file__).resolve().parent.parent.parent


def run_cli(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The program as a person runs it: its own process."""
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *argv],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_init_from_a_file_then_pull_gives_the_file_back_in_every_record(
    sample_file: Path, server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An acknowledged clash, releases (one printed) and the site maps' pictures travel too.
    source = tmp_path / "source.sqlite3"
    shutil.copyfile(sample_file, source)
    service = FestivalService.open(source)
    from dataclasses import replace

    from festival_app import releasing
    from festival_app.domain.clashes import Acknowledgement

    service.put_acknowledgement("k1", Acknowledgement("k1", "fine", "2026-12-04T10:00:00"))
    releasing.release(service, "2018-1", "첫 인쇄", "first print", printed=True)
    service.save(replace(service.program()[0], notes="moved after the print"))
    # The newest item is deleted: its id (the root of its published guid) is never
    # handed out again, on the file or, after init, on the server.
    from festival_app.domain.program import ProgramItem

    newest = max(service.program(), key=lambda i: i.id or 0)
    service.delete(ProgramItem, [newest])
    releasing.release(service, "2018-2")
    service.close()

    assert main(["server", "init", server_url, "--from", str(source)]) == 0
    assert "Set up the festival" in capsys.readouterr().out
    pulled = tmp_path / "pulled.sqlite3"
    assert main(["server", "pull", server_url, "--out", str(pulled)]) == 0

    original = table_rows(source, leave_out=())
    assert set(original) == set(TABLES)  # every table of the file is one the copy knows
    assert table_rows(server_url, leave_out=()) == original
    assert table_rows(pulled, leave_out=()) == original  # ids, versions, who and when too
    assert original["clash_acknowledgement"] and original["booth_day"]
    assert len(original["site_map"]) == 3 and len(original["booth_space"]) == 180
    assert all(
        isinstance(m[2], bytes) and m[2].startswith(b"\x89PNG") for m in original["site_map"]
    )
    assert [(r[1], r[5]) for r in sorted(original["release"])] == [("2018-1", 1), ("2018-2", 0)]
    # ... and the pulled file is a festival file like any other, its releases and guid
    # those of the original (the published schedule's guids do not change).
    for location in (pulled, server_url):
        again = (
            FestivalService.open(location)
            if isinstance(location, Path)
            else FestivalService.open_server(location)
        )
        try:
            assert releasing.baseline(again) == releasing.find(again, "2018-1")
            assert releasing.shown_release(again) == releasing.find(again, "2018-2")
            assert releasing.changes(again, "2018-1", "2018-2").changes
            item, _ = again.save(replace(again.program()[0], id=None, row_version=0))
            assert item.id == (newest.id or 0) + 1
            assert releasing.release(again, "2018-3").id == 3  # ids go on from the copy's
            site_map = again.site_map(2)
            assert site_map is not None and site_map.image.startswith(b"\x89PNG")
            again.save(replace(again.spaces(2)[0], id=None, row_version=0, code="P-99"))
        finally:
            again.close()


def test_check_gives_the_same_clashes_on_the_file_and_on_the_server(
    sample_file: Path, server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["server", "init", server_url, "--from", str(sample_file)]) == 0
    capsys.readouterr()
    on_file = main(["check", "--db", str(sample_file), "--json"])
    from_file = json.loads(capsys.readouterr().out)
    on_server = main(["check", "--server", server_url, "--json"])
    from_server = json.loads(capsys.readouterr().out)
    assert from_file and from_server == from_file and on_server == on_file


def test_export_and_backup_take_a_server_festival(
    sample_file: Path, server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["server", "init", server_url, "--from", str(sample_file)]) == 0
    out = tmp_path / "booths.xlsx"
    assert main(["export", "booths", "--server", server_url, "--out", str(out)]) == 0
    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    assert sheet is not None and sheet.max_row > 10
    capsys.readouterr()
    assert main(["backup", "--server", server_url]) == 0
    written = Path(capsys.readouterr().out.split()[-1])
    assert written.is_file() and written.name.endswith(".bak.sqlite3")
    assert table_rows(written, leave_out=()) == table_rows(server_url, leave_out=())
    assert main(["backup", "--server", server_url, "--list"]) == 0
    assert str(written) in capsys.readouterr().out


def test_init_sets_up_the_sample_or_an_empty_festival(
    server_url: str, postgres_server: PostgresServer
) -> None:
    assert main(["server", "init", server_url]) == 0
    service = FestivalService.open_server(server_url)
    assert len(service.troupes()) == 15 and service.db.schema_version == schema.SCHEMA_VERSION
    service.close()
    empty = postgres_server.create_database("festival_empty_one")
    assert main(["server", "init", empty, "--empty"]) == 0
    service = FestivalService.open_server(empty)
    assert service.troupes() == [] and service.festival().name_en == "New festival"
    service.close()


def test_init_refuses_a_database_that_holds_other_tables(
    server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id integer)")
    assert main(["server", "init", server_url]) == 2
    assert "public.invoices" in capsys.readouterr().err
    with psycopg.connect(server_url, autocommit=True) as conn:
        tables = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchall()
    assert tables == [("invoices",)]  # nothing added


def test_a_failing_init_leaves_the_database_empty(
    tmp_path: Path, server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """--from a file that breaks a rule the server checks: all or nothing."""
    import sqlite3

    bad = tmp_path / "bad.sqlite3"
    FestivalService.create(bad).close()
    conn = sqlite3.connect(bad)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(
        "INSERT INTO festival_day (date, opens, closes) VALUES ('2018-09-01', '12:00', '18:00')"
    )
    conn.execute(
        "INSERT INTO festival_day (date, opens, closes) VALUES ('2018-09-02', '18:00', '12:00')"
    )
    conn.commit()
    conn.close()
    assert main(["server", "init", server_url, "--from", str(bad)]) != 0
    with psycopg.connect(server_url, autocommit=True) as pg:
        assert pg.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone() == (0,)


def test_a_viewer_reads_and_exports_but_the_database_refuses_its_writes(
    sample_file: Path, server_url: str, postgres_server: PostgresServer, tmp_path: Path
) -> None:
    assert main(["server", "init", server_url, "--from", str(sample_file)]) == 0
    database = server_url.rsplit("/", 1)[1]
    editors, viewers = role_names(database)
    postgres_server.create_login("viewer_kim", "kim-pw", member_of=viewers)
    postgres_server.create_login("editor_lee", "lee-pw", member_of=editors)
    viewer_url = postgres_server.url(database, "viewer_kim")
    editor_url = postgres_server.url(database, "editor_lee")

    # Through the database itself, not the program: a viewer's write is refused.
    with psycopg.connect(viewer_url, password="kim-pw", autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM troupe").fetchone() == (15,)
        for statement in (
            "UPDATE troupe SET phone = 'x'",
            "DELETE FROM booth_day",
            "INSERT INTO clash_acknowledgement VALUES ('k', 'r', 'now')",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    # The program opens a viewer's festival read-only, and exports.
    os.environ["PGPASSWORD"] = "kim-pw"
    viewer = FestivalService.open_server(viewer_url)
    assert viewer.read_only
    viewer.close()
    out = tmp_path / "program.pdf"
    assert main(["export", "timetable", "--server", viewer_url, "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    # A viewer takes the team's backup too: every table, and where the ids have got to.
    pulled = tmp_path / "viewer.sqlite3"
    assert main(["server", "pull", viewer_url, "--out", str(pulled)]) == 0
    assert table_rows(pulled, leave_out=()) == table_rows(sample_file, leave_out=())
    with psycopg.connect(viewer_url, password="kim-pw", autocommit=True) as conn:
        for statement in (
            "INSERT INTO release (name, created_at, content_hash, snapshot) "
            "VALUES ('x', '2026-12-04T10:00:00', repeat('a', 64), '{}')",
            "UPDATE site_map SET north = 1",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    # An editor writes; their writes say who made them.
    os.environ["PGPASSWORD"] = "lee-pw"
    editor = FestivalService.open_server(editor_url)
    from dataclasses import replace

    troupe = editor.troupes()[0]
    editor.save(replace(troupe, phone="+82 2 120"))
    assert not editor.read_only and "(editor_lee)" in editor.db.who
    editor.close()
    os.environ["PGPASSWORD"] = ADMIN_PASSWORD


def test_wrong_password_unreachable_and_password_in_the_address_say_so_plainly(
    sample_file: Path, server_url: str, postgres_server: PostgresServer
) -> None:
    ServerDatabase.init(server_url).close()
    wrong = run_cli("check", "--server", server_url, env={"PGPASSWORD": "not-it"})
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert "user name or password was not accepted" in wrong.stderr
    assert "not-it" not in wrong.stderr + wrong.stdout

    closed = f"postgresql://someone@127.0.0.1:{_free_port()}/festival"
    unreachable = run_cli("server", "pull", closed, "--out", "x.sqlite3")
    assert unreachable.returncode == 2 and "Traceback" not in unreachable.stderr
    assert "cannot be reached" in unreachable.stderr

    secret = server_url.replace("festival_admin@", f"festival_admin:{ADMIN_PASSWORD}@")
    given = run_cli("check", "--server", secret)
    assert given.returncode == 2 and "holds a password" in given.stderr
    assert ADMIN_PASSWORD not in given.stderr + given.stdout


def test_pull_never_overwrites_a_file(
    sample_file: Path, server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ServerDatabase.init(server_url).close()
    existing = tmp_path / "mine.sqlite3"
    shutil.copyfile(sample_file, existing)
    before = existing.read_bytes()
    assert main(["server", "pull", server_url, "--out", str(existing)]) == 2
    assert existing.read_bytes() == before


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_import_into_a_server_festival(
    sample_file: Path, server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The whole import, planned and written in one transaction; a backup (a pull) first."""
    import openpyxl

    ServerDatabase.init(server_url, fill=None).close()
    assert main(["server", "init", server_url + "_x"]) == 2  # no such database: plain words
    capsys.readouterr()
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Troupes")
    sheet.append(["Troupe", "City", "Relation"])
    for n in range(40):
        sheet.append([f"Imported troupe {n}", "Busan", "sister"])
    path = tmp_path / "troupes.xlsx"
    workbook.save(path)

    assert main(["import", str(path), "--server", server_url]) == 0
    assert "40 created" in capsys.readouterr().out
    service = FestivalService.open_server(server_url)
    assert len(service.troupes()) == 40
    service.close()
    assert main(["import", str(path), "--server", server_url]) == 0  # again: nothing new
    assert "all 40 rows are unchanged" in capsys.readouterr().out
    assert main(["backup", "--server", server_url, "--list"]) == 0
    assert "before-import" in capsys.readouterr().out


def test_two_imports_of_the_same_new_troupes_at_once_create_them_once(
    server_url: str, tmp_path: Path
) -> None:
    """Each import plans and writes inside one write transaction; the server lets one
    write transaction run at a time, so the second finds the first one's troupes."""
    import openpyxl

    ServerDatabase.init(server_url, fill=None).close()
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Troupes")
    sheet.append(["Troupe", "City", "Relation"])
    for n in range(60):
        sheet.append([f"Parallel troupe {n}", "Busan", "sister"])
    path = tmp_path / "troupes.xlsx"
    workbook.save(path)
    runs = [
        subprocess.Popen(
            [sys.executable, str(REPO / "main.py"), "import", str(path), "--server", server_url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    reports = sorted(out for out, _ in outputs)
    assert any("60 created, 0 updated" in r for r in reports), reports
    assert any("all 60 rows are unchanged" in r for r in reports), reports
    with psycopg.connect(server_url, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM troupe").fetchone() == (60,)


def test_the_readme_setup_with_an_owner_who_is_no_superuser(
    sample_file: Path, postgres_server: PostgresServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """README's steps: an account that may create roles owns the database and sets the
    festival up; a person's own account in the editors' role edits it."""
    from dataclasses import replace

    suffix = f"{os.getpid()}"
    owner, database = f"owner_{suffix}", f"readme_{suffix}"
    with postgres_server.admin() as conn:
        conn.execute(f"CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD 'owner-pw'")
        conn.execute(f"CREATE DATABASE {database} OWNER {owner}")
    monkeypatch.setenv("PGPASSWORD", "owner-pw")
    url = postgres_server.url(database, owner)
    assert main(["server", "init", url, "--from", str(sample_file)]) == 0
    editors, _ = role_names(database)
    with postgres_server.admin() as conn:
        conn.execute(f"CREATE ROLE kim_{suffix} LOGIN PASSWORD 'kim-pw' IN ROLE {editors}")
    monkeypatch.setenv("PGPASSWORD", "kim-pw")
    kim = FestivalService.open_server(postgres_server.url(database, f"kim_{suffix}"))
    try:
        assert not kim.read_only
        stored, _ = kim.save(replace(kim.troupes()[0], phone="+82 2 120"))
        assert stored.row_version == 2
    finally:
        kim.close()
