"""`festival-app release` and `festival-app changes`: reports that show each change."""

from __future__ import annotations

import sqlite3
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from festival_app import language, releasing
from festival_app.cli import main
from festival_app.domain.errors import ValidationError
from festival_app.domain.troupes import Troupe
from festival_app.i18n import translate_into
from festival_app.services import FestivalService


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_release_from_the_command_line(
    festival_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["release", "--db", str(festival_path), "--comment-en", "for print"]) == 0
    assert main(["release", "--db", str(festival_path), "--printed"]) == 0
    assert "Released v2" in capsys.readouterr().out
    assert main(["release", "--db", str(festival_path), "--name", "v1"]) == 2
    assert "already" in capsys.readouterr().err
    service = FestivalService.open(festival_path)
    try:
        assert [(r.name, r.printed) for r in releasing.releases(service)] == [
            ("v1", False),
            ("v2", True),
        ]
    finally:
        service.close()


def test_the_change_report_shows_each_change(changed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "changes.pdf"
    assert (
        main(
            [
                "changes",
                "--db",
                str(changed_path),
                "--from",
                "v1",
                "--out",
                str(out),
                "--lang",
                "en",
            ]
        )
        == 0
    )
    text = _text(out)
    for word in ("Time", "Venue", "Title", "Cancelled", "New", "Added encore"):
        assert word in text, word
    assert "R&D <Dance> Crew" in text  # printed as written, not taken as markup
    assert "5 changes" in text
    assert "v1 → now (not released)" in text
    assert "Draft, not released" in text  # the footer: the program now is no release


def test_the_report_between_two_releases_names_the_newer_in_its_footer(
    changed_path: Path, tmp_path: Path
) -> None:
    assert main(["release", "--db", str(changed_path), "--name", "v2"]) == 0
    out = tmp_path / "changes.pdf"
    assert (
        main(
            [
                "changes",
                "--db",
                str(changed_path),
                "--from",
                "v1",
                "--to",
                "v2",
                "--out",
                str(out),
                "--lang",
                "en",
            ]
        )
        == 0
    )
    text = _text(out)
    assert "v1 → v2" in text and "Release v2 of" in text


def test_the_workbook_has_a_row_per_change(changed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "changes.xlsx"
    assert (
        main(
            [
                "changes",
                "--db",
                str(changed_path),
                "--from",
                "v1",
                "--out",
                str(out),
                "--lang",
                "en",
            ]
        )
        == 0
    )
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][0] == "Change"
    assert sorted(r[0] for r in rows[1:]) == ["Cancelled", "New", "Time", "Title", "Venue"]


def test_per_troupe_notices_one_page_each(changed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "notices.pdf"
    assert (
        main(
            [
                "changes",
                "--db",
                str(changed_path),
                "--from",
                "v1",
                "--out",
                str(out),
                "--per-troupe",
                "--lang",
                "en",
            ]
        )
        == 0
    )
    pages = _text(out).split("\f")
    pages = [p for p in pages if p.strip()]
    service = FestivalService.open(changed_path)
    try:
        expected = releasing.changes(service, "v1").troupe_ids()
        names = {t.id: t.name for t in service.troupes()}
    finally:
        service.close()
    assert len(pages) == len(expected) >= 4
    for page, troupe_id in zip(pages, expected, strict=True):
        assert names[troupe_id] in page
        assert "Your appearances now" in page


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--from", "v9"], "There is no release called 'v9'"),
        (["--from", "v1", "--to", "nope"], "There is no release called 'nope'"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    changed_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    said: str,
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["changes", "--db", str(changed_path), *args, "--out", str(out)]) == 2
    assert said in capsys.readouterr().err
    assert not out.exists()


def test_a_troupe_s_notice_is_printed_in_its_own_language(
    changed_path: Path, tmp_path: Path
) -> None:
    """The report's language for every troupe without one of its own; a troupe that
    reads Korean gets its page in Korean (schema version 7)."""
    service = FestivalService.open(changed_path)
    try:
        expected = releasing.changes(service, "v1").troupe_ids()
        korean = service.get(Troupe, expected[0])
        assert korean is not None and korean.language == ""  # older files: both languages
        service.save(replace(korean, language="ko"))
    finally:
        service.close()
    out = tmp_path / "notices.pdf"
    command = ["changes", "--db", str(changed_path), "--from", "v1", "--out", str(out)]
    assert main([*command, "--per-troupe", "--lang", "en"]) == 0
    pages = [p for p in _text(out).split("\f") if p.strip()]
    assert len(pages) == len(expected)
    language.korean_labels()  # the Korean words, as the command loaded them
    now_ko = translate_into("ko", "Export", "Your appearances now")
    assert now_ko != "Your appearances now"
    assert now_ko in pages[0] and "Your appearances now" not in pages[0]
    assert korean.name_ko in pages[0]
    for page in pages[1:]:
        assert "Your appearances now" in page and now_ko not in page


def test_the_file_refuses_a_notice_language_it_does_not_know(changed_path: Path) -> None:
    service = FestivalService.open(changed_path)
    try:
        troupe = service.troupes()[0]
        with pytest.raises(ValidationError):
            service.save(replace(troupe, language="fr"))
    finally:
        service.close()
    with sqlite3.connect(changed_path) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE troupe SET language = 'fr' WHERE id = ?", (troupe.id,))


def test_a_wrong_suffix_or_the_festival_file_is_refused(
    changed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = changed_path.read_bytes()
    assert (
        main(
            ["changes", "--db", str(changed_path), "--from", "v1", "--out", str(tmp_path / "x.txt")]
        )
        == 2
    )
    assert (
        main(["changes", "--db", str(changed_path), "--from", "v1", "--out", str(changed_path)])
        == 2
    )
    assert (
        main(
            [
                "changes",
                "--db",
                str(changed_path),
                "--from",
                "v1",
                "--out",
                str(tmp_path / "x.xlsx"),
                "--per-troupe",
            ]
        )
        == 2
    )
    assert changed_path.read_bytes() == before


def test_every_printout_names_the_release_it_shows(festival_path: Path, tmp_path: Path) -> None:
    # Listing the releases only reads (an older file on a copy); export reads only too and
    # refuses a file of an older format: opening it for writing brings it up to date.
    assert main(["release", "--db", str(festival_path), "--list"]) == 0
    FestivalService.open(festival_path).close()
    out = tmp_path / "timetable.pdf"
    assert (
        main(["export", "timetable", "--db", str(festival_path), "--out", str(out), "--lang", "en"])
        == 0
    )
    assert "Draft, not released" in _text(out)
    assert main(["release", "--db", str(festival_path), "--name", "v1"]) == 0
    for kind in ("timetable", "cuesheet", "overview", "booths-pdf"):
        out = tmp_path / f"{kind}.pdf"
        assert (
            main(["export", kind, "--db", str(festival_path), "--out", str(out), "--lang", "en"])
            == 0
        )
        footer = _text(out)
        assert "Release v1 of" in footer and "Draft" not in footer, kind


def test_publishing_an_older_file_brings_it_up_to_date_first(tmp_path: Path) -> None:
    """Guids come from the festival guid kept in the file: an older file is updated (and
    so keeps one guid) rather than read from a copy that would get a new one each time."""
    import shutil

    from tests.helpers.releases import V3_FILE

    db = tmp_path / "old.sqlite3"
    shutil.copyfile(V3_FILE, db)
    for name in ("a", "b"):
        assert (
            main(["publish", "--db", str(db), "--out", str(tmp_path / name), "--release", "now"])
            == 0
        )
    first = (tmp_path / "a" / "schedule.xml").read_text(encoding="utf-8")
    second = (tmp_path / "b" / "schedule.xml").read_text(encoding="utf-8")
    assert first == second


def test_a_troupe_s_appearances_are_listed_by_date(festival_path: Path, tmp_path: Path) -> None:
    # 9 September and 10 October: compared as text, October would come first.
    service = FestivalService.open(festival_path)
    try:
        first, second = sorted(service.days(), key=lambda d: d.date)
        service.save(replace(second, date=date(2018, 10, 10)))
        service.save(replace(first, date=date(2018, 9, 9)))
        by_troupe: dict[int, set[int]] = {}
        for item in service.program():
            if item.troupe_id is not None:
                by_troupe.setdefault(item.troupe_id, set()).add(item.day_id)
        troupe_id = next(t for t, days in by_troupe.items() if len(days) == 2)
        releasing.release(service, "v1", "", "")
        item = next(i for i in service.program() if i.troupe_id == troupe_id)
        service.save(replace(item, title_en=item.title_en + " (new)"))
        troupe = service.get(Troupe, troupe_id)
        assert troupe is not None
    finally:
        service.close()
    out = tmp_path / "notices.pdf"
    args = ["changes", "--db", str(festival_path), "--from", "v1", "--out", str(out)]
    assert main([*args, "--per-troupe", "--lang", "en"]) == 0
    (page,) = [p for p in _text(out).split("\f") if troupe.name in p]
    now = page.split("Your appearances now", 1)[1]
    assert 0 <= now.index("9 Sep") < now.index("10 Oct")
