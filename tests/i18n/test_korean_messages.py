"""Korean as an organizer reads it: particles that fit the names, the festival's official
name, no English inside Korean messages, bilingual printouts in both languages, dates the
language's way in every table."""

from __future__ import annotations

import ast
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from festival_app import clash_checks, i18n, language
from festival_app.domain.korean import MARKER, attach_particles
from festival_app.domain.program import ProgramItem
from festival_app.services import FestivalService
from festival_app.store import errors
from festival_app.store.db import Database
from festival_app.store.triage import check_file

REPO = Path(__file__).resolve().parent.parent.parent
OFFICIAL = "서울세계도시문화축제"


@pytest.fixture
def korean(qapp: QCoreApplication) -> Iterator[None]:
    translators = language.install(qapp, language.KOREAN)
    yield
    language.uninstall(qapp, translators)


@pytest.fixture
def english(qapp: QCoreApplication) -> Iterator[None]:
    translators = language.install(qapp, language.ENGLISH)
    yield
    language.uninstall(qapp, translators)


# -- particles in clash messages -----------------------------------------------------------


def _every_kind_of_clash(service: FestivalService) -> None:
    """Two items on one stage at once, a troupe in two places, an item outside its venue's
    hours, a troupe before it arrives, a changeover too short."""
    items = {i.id: i for i in service.program(1)}
    opening, vietnam = items[3], items[10]
    service.save(replace(vietnam, venue_id=opening.venue_id))  # venue double-booked
    same_time = [i for i in items.values() if i.start == time(13, 50)]
    first, second = same_time[0], same_time[1]
    service.save(replace(second, troupe_id=first.troupe_id))  # troupe in two places
    late = next(
        i for i in items.values() if i.venue_id == 6 and i.id not in (vietnam.id, second.id)
    )
    service.save(replace(late, start=time(12, 30), end=time(12, 50)))  # before the cafe opens
    troupe = next(t for t in service.troupes() if t.id == first.troupe_id)
    service.save(replace(troupe, arrival=date(2018, 9, 2)))  # arrives after its day


def test_korean_clash_messages_choose_their_particles(
    korean: None, sample_service: FestivalService
) -> None:
    _every_kind_of_clash(sample_service)
    clashes = clash_checks.check(sample_service, None, language.KOREAN)
    kinds = {c.kind for c in clashes}
    assert len(kinds) >= 4, kinds
    paired = [c.message() for c in clashes if MARKER.search(c.message())]
    assert paired == []  # "과(와)", "이(가)" were shown as they are
    overlap = next(c.message() for c in clashes if c.kind == "venue_overlap")
    assert "과 '" in overlap and "이 모두" in overlap, overlap


def test_english_clash_messages_are_untouched(sample_service: FestivalService) -> None:
    # The particle pass runs over every message; English text comes out as it went in.
    # (Checked on the English templates themselves, whatever language this run shows.)
    _every_kind_of_clash(sample_service)
    for clash in clash_checks.check(sample_service, None, language.ENGLISH):
        english = clash.template.format(**clash.params)
        assert attach_particles(english) == english


# -- the festival's name -------------------------------------------------------------------


def test_the_festival_s_korean_name_is_the_official_one() -> None:
    ts = (REPO / "resources" / "translations" / "festival_ko.ts").read_text(encoding="utf-8")
    documents = [
        ts,
        (REPO / "README.md").read_text(encoding="utf-8"),
        (REPO / "docs" / "GLOSSARY.md").read_text(encoding="utf-8"),
        (REPO / "resources" / "sample" / "festival_2018.json").read_text(encoding="utf-8"),
    ]
    assert not any("우정축제" in text for text in documents)  # a literal translation
    assert all(OFFICIAL in text for text in documents)
    from tools import translations

    messages = translations.read_ts(translations.ts_path("ko"))
    for source in (
        "{0} – Seoul Friendship Festival organizer",
        "{0} [read-only] – Seoul Friendship Festival organizer",
    ):
        assert OFFICIAL in messages[("MainWindow", source)][0]


# -- English details inside Korean messages ------------------------------------------------


def _is_detail(call: ast.Call) -> ast.expr | None:
    """The detail argument of a store error or damage, if the call makes one."""
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    if name == "_Damage" and call.args:
        return call.args[0]
    if name.endswith("Error") and name != "ValueError" and len(call.args) >= 2:
        return call.args[1]
    return None


def test_every_detail_the_store_passes_is_marked_for_translation() -> None:
    plain = []
    for path in sorted((REPO / "festival_app" / "store").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            detail = _is_detail(node)
            text = detail.value if isinstance(detail, ast.Constant) else None
            if isinstance(detail, ast.JoinedStr) or (isinstance(text, str) and text):
                plain.append(f"{path.name}:{node.lineno}")
    assert plain == []  # "it is not a database" reached Korean messages in English


@pytest.fixture
def details_in_korean() -> Iterator[None]:
    """A translator knowing a few store texts, as the Korean translation does."""
    words = {
        "{path} is not a festival file ({detail}). It was left unchanged.": (
            "{path}은(는) 축제 파일이 아닙니다({detail}). 그대로 두었습니다."
        ),
        "it is not a database": "데이터베이스가 아닙니다",
        "it is a folder": "폴더입니다",
        "the file is cut short": "파일이 중간에 잘려 있습니다",
        "{path} is damaged ({detail}). It was not changed.": (
            "{path}이(가) 손상되었습니다({detail}). 파일은 바뀌지 않았습니다."
        ),
    }
    saved = i18n.saved_state()
    i18n.set_translator(
        lambda context, text: words.get(text, text) if context == "StoreError" else text
    )
    yield
    i18n.restore_state(saved)


def test_a_store_detail_is_translated_when_the_message_is_made(
    details_in_korean: None, tmp_path: Path
) -> None:
    stranger = tmp_path / "notes.sqlite3"
    stranger.write_text("not a festival file", encoding="utf-8")
    with pytest.raises(errors.NotAFestivalFileError) as caught:
        Database.open(stranger)
    message = caught.value.message()
    assert "데이터베이스가 아닙니다" in message
    assert "not a database" not in message
    assert f"{stranger}은 축제 파일이 아닙니다" in message  # 3 (삼) takes 은

    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    with pytest.raises(errors.NotAFestivalFileError) as caught:
        Database.open(folder)
    assert "폴더입니다" in caught.value.message()


def test_a_damaged_file_s_detail_is_translated_too(
    details_in_korean: None, tmp_path: Path, sample_file: Path
) -> None:
    cut = tmp_path / "cut.sqlite3"
    cut.write_bytes(sample_file.read_bytes()[: 4096 + 100])
    assert check_file(cut) == "파일이 중간에 잘려 있습니다"
    with pytest.raises(errors.DamagedFileError) as caught:
        Database.open(cut)
    assert "파일이 중간에 잘려 있습니다" in caught.value.message()
    assert "cut short" not in caught.value.message()


def test_the_command_line_says_it_all_in_korean(tmp_path: Path) -> None:
    """The message an organizer saw: '…축제 파일이 아닙니다(it is not a database)'."""
    stranger = tmp_path / "notes.sqlite3"
    stranger.write_text("not a festival file", encoding="utf-8")
    import os
    import sys

    env = dict(os.environ, FESTIVAL_APP_LANG="ko", FESTIVAL_APP_DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "festival_app", "check", "--db", str(stranger)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=REPO,
    )
    assert result.returncode == 2
    assert "축제 파일이 아닙니다" in result.stderr
    assert "database" not in result.stderr, result.stderr


# -- bilingual printouts -------------------------------------------------------------------


def test_a_bilingual_timetable_prints_its_own_sentences_in_both_languages(
    english: None, sample_service: FestivalService, tmp_path: Path
) -> None:
    if shutil.which("pdftotext") is None:  # pragma: no cover - installed on CI and here
        pytest.skip("poppler-utils (pdftotext) is not installed")
    from datetime import datetime

    from festival_app.exports import export

    language.korean_labels()
    parade = [i for i in sample_service.program(2) if i.venue_id == 5]
    for item in parade:  # nothing on the parade route on Sunday
        assert item.id is not None
        sample_service.delete(ProgramItem, [item.id])
    out = tmp_path / "timetable.pdf"
    export(
        "timetable",
        sample_service,
        out,
        lang="both",
        invariant=True,
        now=datetime(2018, 8, 31, 9, 30),
    )
    text = " ".join(
        subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout.split()
    )
    for sentence in (
        "Printed {stamp} · page {page} of {pages}",
        "Nothing is scheduled here on this day.",
    ):
        korean = i18n.translate_into("ko", "Export", sentence)
        assert korean != sentence
        fixed = max(korean.replace("{", "}").split("}")[::2], key=len).strip()
        assert fixed in text, fixed
    assert "Printed 2018-08-31 09:30 · page 1 of" in text
    assert "Nothing is scheduled here on this day." in text


# -- dates in the tables -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "saturday", "sunday_short"),
    [("ko", "2018년 9월 1일 (토)", "9월 2일 (일)"), ("en", "Sat 1 Sep 2018", "Sun 2 Sep")],
)
def test_dates_in_the_tables_are_written_the_language_s_way(
    qapp: QCoreApplication,
    sample_service: FestivalService,
    code: str,
    saturday: str,
    sunday_short: str,
) -> None:
    from festival_app.gui.models.booths import BoothColumn, BoothTableModel
    from festival_app.gui.models.days import DayColumn, DayTableModel
    from festival_app.gui.models.program import ProgramColumn, ProgramTableModel
    from festival_app.gui.models.troupes import TroupeColumn, TroupeTableModel

    translators = language.install(qapp, code)
    try:
        days = DayTableModel(sample_service)
        assert days.index(0, DayColumn.DATE).data() == saturday
        program = ProgramTableModel(sample_service)
        assert program.index(0, ProgramColumn.DAY).data() == saturday
        troupes = TroupeTableModel(sample_service)
        arrivals = {
            troupes.index(r, TroupeColumn.ARRIVAL).data() for r in range(troupes.rowCount())
        }
        assert arrivals and not any("-" in (a or "") for a in arrivals), arrivals
        booths = BoothTableModel(sample_service)
        shown = {booths.index(r, BoothColumn.DAYS).data() for r in range(booths.rowCount())}
        assert sunday_short in shown, shown
        # Typed as on the application forms, a date still finds its rows.
        program.set_search("2018-09-02")
        assert program.rowCount() == len(sample_service.program(2))
    finally:
        language.uninstall(qapp, translators)
