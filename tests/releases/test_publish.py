"""Publishing: valid schedule files, stable ids and guids, cancelled items, escaping, and a
folder that is replaced whole."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
import xml.etree.ElementTree as ET
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from festival_app import language, releasing
from festival_app.cli import main
from festival_app.domain.program import ProgramItem
from festival_app.exports.common import ExportCancelled, ExportError
from festival_app.publishing.folder import MARKER
from festival_app.publishing.publish import FILES, publish
from festival_app.services import FestivalService
from tests.helpers.publishing import SCHEMAS, json_errors, xml_errors
from tests.helpers.releases import NASTY, edit_after_release, stored_id

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(autouse=True)
def korean_labels() -> None:
    language.korean_labels()


def _events(folder: Path) -> dict[int, dict[str, object]]:
    data = json.loads((folder / "schedule.json").read_text(encoding="utf-8"))
    out = {}
    for day in data["schedule"]["conference"]["days"]:
        for events in day["rooms"].values():
            for event in events:
                out[event["id"]] = event
    return out


def test_the_schemas_are_there() -> None:
    assert (SCHEMAS / "schedule.xml.xsd").is_file(), SCHEMAS


def test_the_sample_publishes_valid_files(festival_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert main(["release", "--db", str(festival_path)]) == 0
    assert (
        main(
            [
                "publish",
                "--db",
                str(festival_path),
                "--out",
                str(out),
                "--base-url",
                "https://festival.example/program",
            ]
        )
        == 0
    )
    assert sorted(p.name for p in out.iterdir()) == sorted([*FILES, MARKER])
    assert xml_errors(out / "schedule.xml") == []
    assert json_errors(out / "schedule.json") == []
    root = ET.parse(out / "schedule.xml").getroot()
    assert root.findtext("version") == "v1"
    assert root.findtext("conference/time_zone_name") == "Asia/Seoul"
    assert root.findtext("conference/timeslot_duration") == "00:05"
    events = root.findall("day/room/event")
    assert len(events) == 30
    for event in events:
        assert event.findtext("date", "").endswith("+09:00")
        minutes = int(event.findtext("start", "00:00")[-2:])
        assert minutes % 5 == 0
        slug = event.findtext("slug", "")
        assert slug.isascii() and re.fullmatch(r"[a-z0-9_]{4,}-[a-z0-9\-_]{4,}", slug)
    rooms = {r.get("name") for r in root.findall("day/room")}
    assert "서울광장 메인무대" in rooms
    opening = next(e for e in events if e.findtext("title") == "개막식")
    assert opening.findtext("subtitle") == "Opening ceremony"  # the second language
    assert opening.findtext("slug", "").endswith("gaemagsig")  # 개막식, romanized
    performing = [e for e in events if e.find("persons/person") is not None]
    assert len(performing) >= 10  # troupes as persons


def test_a_broken_file_is_caught_by_the_checks(festival_path: Path, tmp_path: Path) -> None:
    """The validation is real: a guid that is no uuid fails the XML schema, a time that
    is no RFC 3339 date-time fails the JSON schema's format check."""
    service = FestivalService.open(festival_path)
    try:
        releasing.release(service, "v1")
        publish(service, tmp_path / "site")
    finally:
        service.close()
    xml = tmp_path / "site" / "schedule.xml"
    xml.write_text(re.sub(r'guid="[0-9a-f-]+"', 'guid="not-a-guid"', xml.read_text(), count=2))
    assert xml_errors(xml)
    js = tmp_path / "site" / "schedule.json"
    text = js.read_text(encoding="utf-8")
    js.write_text(text.replace("T13:00:00+09:00", " 13:00", 1), encoding="utf-8")
    assert any("date-time" in e for e in json_errors(js))


def test_the_100x_festival_publishes_valid_files(tmp_path: Path) -> None:
    db = tmp_path / "f100.sqlite3"
    subprocess.run(
        [sys.executable, str(BENCH / "generate.py"), "--scale", "100", "--out", str(db)],
        check=True,
        capture_output=True,
    )
    assert main(["release", "--db", str(db)]) == 0
    out = tmp_path / "site"
    assert main(["publish", "--db", str(db), "--out", str(out)]) == 0
    assert xml_errors(out / "schedule.xml") == []
    assert json_errors(out / "schedule.json") == []
    assert len(_events(out)) > 4000


def _pyfahrplan_python() -> Path | None:
    """The Python of pyfahrplan's own environment: FESTIVAL_APP_PYFAHRPLAN_PYTHON, or
    .venv-pyfahrplan beside the checkout. pyfahrplan lives apart, as the client program it
    is: its pins (requests-cache, attrs<22) clash with jsonschema, and 1.1.0 fails to
    import on Python 3.11 (requests-cache 0.8 with cattrs), so 1.0.15 it is."""
    named = os.environ.get("FESTIVAL_APP_PYFAHRPLAN_PYTHON")
    candidates = [Path(named)] if named else []
    root = Path(__file__).resolve().parents[2]
    candidates += [root / ".venv-pyfahrplan" / "bin" / "python"]
    return next((p for p in candidates if p.exists()), None)


def test_pyfahrplan_lists_the_published_program(festival_path: Path, tmp_path: Path) -> None:
    """Pyfahrplan (a real client from the package index) reads schedule.json and lists
    the program. It fetches CCC's schedules by itself, so it is given ours directly."""
    python = _pyfahrplan_python()
    if python is None:
        pytest.skip(
            "pyfahrplan is not installed: python3 -m venv .venv-pyfahrplan && "
            ".venv-pyfahrplan/bin/pip install pyfahrplan==1.0.15"
        )
    service = FestivalService.open(festival_path)
    try:
        releasing.release(service, "v1")
        publish(service, tmp_path / "site")
    finally:
        service.close()
    script = (
        "import json, sys\n"
        "try:\n"
        "    from pyfahrplan.lib import Fahrplan, print_formatted_talks\n"
        "except ImportError:\n"
        "    from pyfahrplan.pyfahrplan import Fahrplan, print_formatted_talks\n"
        "plan = Fahrplan.__new__(Fahrplan)\n"
        "plan.fahrplans = [json.load(open(sys.argv[1], encoding='utf-8'))['schedule']]\n"
        "plan.flatten_fahrplans()\n"
        "print(len(plan.flat_plans))\n"
        "print_formatted_talks(plan.flat_plans, False, False, 'talk_start', False)\n"
    )
    run = subprocess.run(
        [str(python), "-c", script, str(tmp_path / "site" / "schedule.json")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"COLUMNS": "200", "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"},
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == "30"
    assert "개막식" in run.stdout and "서울광장 메인무대" in run.stdout
    assert "모스크바 민속무용단" in run.stdout  # a troupe, as a speaker


def test_ids_and_guids_stay_and_cancelled_items_are_left_out(
    festival_path: Path, tmp_path: Path
) -> None:
    edited = edit_after_release(festival_path)  # v1, then edits
    service = FestivalService.open(festival_path)
    try:
        publish(service, tmp_path / "v1", release="v1")
        releasing.release(service, "v2")
        publish(service, tmp_path / "v2")
    finally:
        service.close()
    before, after = _events(tmp_path / "v1"), _events(tmp_path / "v2")
    for item_id in set(before) & set(after):
        assert before[item_id]["guid"] == after[item_id]["guid"]
    moved = stored_id(edited["moved"])
    assert before[moved]["start"] != after[moved]["start"]
    assert before[moved]["guid"] == after[moved]["guid"]
    cancelled = stored_id(edited["cancelled"])
    assert cancelled in before and cancelled not in after  # left out, as the report says
    assert edited["added"].id in after and edited["added"].id not in before
    assert uuid.UUID(str(after[moved]["guid"])).version == 5
    # The feed says the same of v2: cancelled, new, moved.
    feed = ET.parse(tmp_path / "v2" / "changes.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", ns)
    assert [e.findtext("a:title", namespaces=ns) for e in entries] == ["v2", "v1"]
    content = entries[0].findtext("a:content", namespaces=ns) or ""
    for word in ("Cancelled", "New", "Time", "Venue", "Title"):
        assert word in content
    # The web page marks the cancelled item instead of hiding it.
    page = (tmp_path / "v2" / "index.html").read_text(encoding="utf-8")
    assert f'class="item cancelled" id="item-{cancelled}"' in page


def _strings(data: object) -> set[str]:
    if isinstance(data, str):
        return {data}
    if isinstance(data, dict):
        return set().union(*(_strings(v) for v in data.values()))
    if isinstance(data, list):
        return set().union(*(_strings(v) for v in data))
    return set()


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_text_from_the_file_is_escaped_everywhere(changed_path: Path, tmp_path: Path) -> None:
    service = FestivalService.open(changed_path)
    try:
        troupe = service.troupes()[0]
        service.save(replace(troupe, name=NASTY, name_ko="<b>굵게</b> & 🎉"))
        releasing.release(service, "v2", "주석 <i>", NASTY)
        publish(service, tmp_path / "site")
    finally:
        service.close()
    site = tmp_path / "site"
    root = ET.parse(site / "schedule.xml").getroot()
    assert NASTY in [e.findtext("subtitle") for e in root.iter("event")]
    assert "<b>굵게</b> & 🎉" in [p.text for p in root.iter("person")]
    data = json.loads((site / "schedule.json").read_text(encoding="utf-8"))
    assert NASTY in _strings(data)
    assert xml_errors(site / "schedule.xml") == [] and json_errors(site / "schedule.json") == []
    page = (site / "index.html").read_text(encoding="utf-8")
    parser = _Collect()
    parser.feed(page)
    scripts = [attrs for tag, attrs in parser.tags if tag == "script"]
    assert scripts == [{"src": "script.js", "defer": None}]  # nothing injected
    assert not [t for t, _ in parser.tags if t in ("b", "i")]
    text = "".join(parser.text)
    assert NASTY in text and "<b>굵게</b> & 🎉" in text
    feed = ET.parse(site / "changes.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entry = feed.find("a:entry", ns)
    assert entry is not None and entry.findtext("a:summary", namespaces=ns) == f"주석 <i> / {NASTY}"
    assert "&lt;Dance&gt;" in (entry.findtext("a:content", namespaces=ns) or "")


def test_a_failed_publish_leaves_the_old_release_whole(changed_path: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    service = FestivalService.open(changed_path)
    try:
        publish(service, site, release="v1")
        old = {p.name: p.read_bytes() for p in site.iterdir()}
        releasing.release(service, "v2")
        calls = []

        def cancel_halfway() -> bool:
            calls.append(1)
            return len(calls) > 4

        with pytest.raises(ExportCancelled):
            publish(service, site, cancelled=cancel_halfway)
        assert {p.name: p.read_bytes() for p in site.iterdir()} == old
        assert sorted(p.name for p in tmp_path.iterdir()) == ["festival.sqlite3", "site"]
        publish(service, site)  # and then it goes through, replacing the whole folder
        assert ET.parse(site / "schedule.xml").getroot().findtext("version") == "v2"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["festival.sqlite3", "site"]
    finally:
        service.close()


def test_folders_that_must_not_be_replaced_are_refused(
    changed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "documents"
    mine.mkdir()
    (mine / "letter.txt").write_text("keep me")
    db = str(changed_path)
    assert main(["publish", "--db", db, "--out", str(mine)]) == 2
    assert "holds other files" in capsys.readouterr().err
    assert (mine / "letter.txt").read_text() == "keep me"
    assert main(["publish", "--db", db, "--out", str(tmp_path)]) == 2  # holds the festival file
    assert main(["publish", "--db", db, "--out", str(mine / "letter.txt")]) == 2
    assert main(["publish", "--db", db, "--out", str(tmp_path / "s"), "--release", "v9"]) == 2
    assert "There is no release called 'v9'" in capsys.readouterr().err
    assert main(["publish", "--db", db, "--out", str(tmp_path / "s"), "--base-url", "ftp://x"]) == 2
    assert not (tmp_path / "s").exists()
    assert changed_path.exists()


def test_nothing_released_is_said_and_now_can_be_published(
    festival_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(festival_path)
    assert main(["publish", "--db", db, "--out", str(tmp_path / "s")]) == 2
    assert "There is no release yet" in capsys.readouterr().err
    assert main(["publish", "--db", db, "--out", str(tmp_path / "s"), "--release", "now"]) == 0
    root = ET.parse(tmp_path / "s" / "schedule.xml").getroot()
    assert root.findtext("version") == "draft"
    page = (tmp_path / "s" / "index.html").read_text(encoding="utf-8")
    assert "Draft, not released" in page


def test_publishing_into_an_open_error_keeps_nothing_half(
    changed_path: Path, tmp_path: Path
) -> None:
    """A write that fails (here: a file name taken by a folder) leaves no staging folder."""
    service = FestivalService.open(changed_path)
    try:
        with pytest.raises(ExportError):
            publish(service, tmp_path / "festival.sqlite3" / "x")
    finally:
        service.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["festival.sqlite3"]


def test_item_guids_come_from_the_festival_guid(festival_path: Path) -> None:
    service = FestivalService.open(festival_path)
    try:
        guid = uuid.UUID(releasing.repository(service).festival_guid())
        item = service.program()[0]
        assert isinstance(item, ProgramItem)
    finally:
        service.close()
    expected = uuid.uuid5(guid, f"program-item/{item.id}")
    assert expected.version == 5


def test_a_reader_never_sees_half_of_a_release(changed_path: Path, tmp_path: Path) -> None:
    """While releases are published again and again into one folder, a reader that keeps
    opening schedule.xml and schedule.json always finds whole files of one release."""
    import threading

    site = tmp_path / "site"
    service = FestivalService.open(changed_path)
    try:
        releasing.release(service, "v2")
        publish(service, site, release="v1")
        seen: set[str] = set()
        problems: list[str] = []
        stop = threading.Event()

        def read() -> None:
            while not stop.is_set():
                try:
                    version = ET.parse(site / "schedule.xml").getroot().findtext("version")
                    data = json.loads((site / "schedule.json").read_text(encoding="utf-8"))
                except FileNotFoundError:
                    problems.append("missing")  # renameat2 swaps: never missing on Linux
                    continue
                except (ET.ParseError, ValueError) as exc:
                    problems.append(f"half a file: {exc}")
                    continue
                seen.add(str(version))
                if data["schedule"]["version"] not in ("v1", "v2"):
                    problems.append(str(data["schedule"]["version"]))

        reader = threading.Thread(target=read)
        reader.start()
        try:
            for n in range(12):
                publish(service, site, release="v2" if n % 2 == 0 else "v1")
        finally:
            stop.set()
            reader.join()
    finally:
        service.close()
    assert [p for p in problems if p != "missing" or sys.platform.startswith("linux")] == []
    assert seen <= {"v1", "v2"} and seen
    assert sorted(p.name for p in tmp_path.iterdir()) == ["festival.sqlite3", "site"]
