"""An export that would hold nothing is refused, never written and reported as a success:
a venue that does not fit the kind, venues and days with nothing of the kind, a file name
with another kind's extension."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from festival_app.cli import main
from festival_app.domain.venues import Venue, VenueKind
from festival_app.exports import ExportError, export
from festival_app.services import FestivalService

BOOTH_AREAS = "Seoul Plaza, Mugyo-ro, Cheonggyecheon-ro"
STAGES = "Main Stage (Seoul Plaza), Street Parade Route, Music Cafe (Cheonggyecheon-ro)"


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FESTIVAL_APP_LANG", "en")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("kind", "name", "venue", "message"),
    [
        (
            "booths",
            "b.xlsx",
            "Main Stage (Seoul Plaza)",
            f"There are no booths at Main Stage (Seoul Plaza). The booth areas are: {BOOTH_AREAS}.",
        ),
        (
            "signs",
            "s.pdf",
            "Street Parade Route",
            f"There are no booths at Street Parade Route. The booth areas are: {BOOTH_AREAS}.",
        ),
        (
            "timetable",
            "t.pdf",
            "Seoul Plaza",
            f"Nothing is scheduled at Seoul Plaza. The venues with a program are: {STAGES}.",
        ),
        (
            "program",
            "p.xlsx",
            "Mugyo-ro",
            f"Nothing is scheduled at Mugyo-ro. The venues with a program are: {STAGES}.",
        ),
        (
            "roster",
            "r.xlsx",
            "무교로",
            f"Nothing is scheduled at Mugyo-ro. The venues with a program are: {STAGES}.",
        ),
    ],
)
def test_a_venue_that_does_not_fit_the_kind_exits_2_naming_those_that_do(
    sample_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    name: str,
    venue: str,
    message: str,
) -> None:
    out = tmp_path / name
    code, stdout, err = _run(
        capsys, "export", kind, "--db", str(sample_file), "--out", str(out), "--venue", venue
    )
    assert code == 2, err
    assert message in err
    assert stdout == ""
    assert not out.exists()


def test_a_fitting_venue_with_nothing_on_the_chosen_days_exits_2(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    sample_service.save(Venue("Quiet Stage", "조용한 무대", kind=VenueKind.STAGE))
    out = tmp_path / "t.pdf"
    with pytest.raises(ExportError) as caught:
        export("timetable", sample_service, out, venues=["Quiet Stage"], days=["2018-09-02"])
    assert caught.value.bad_input
    assert caught.value.message() == (
        "Nothing is scheduled at Quiet Stage on 2018-09-02. On those days there is a program "
        f"at: {STAGES}."
    )
    assert not out.exists()


def test_booths_of_no_chosen_day_exit_2(sample_service: FestivalService, tmp_path: Path) -> None:
    # Seoul Plaza's booths all on the 2nd only; the list of the 1st asked for.
    plaza = next(v for v in sample_service.venues() if v.name_en == "Seoul Plaza")
    days = {d.date.isoformat(): d.id for d in sample_service.days() if d.id is not None}
    mine = [b for b in sample_service.booths() if b.venue_id == plaza.id]
    for booth in mine:
        sample_service.save(replace(booth, day_ids=frozenset({days["2018-09-02"]})))
    out = tmp_path / "b.xlsx"
    with pytest.raises(ExportError) as caught:
        export("booths", sample_service, out, venues=["Seoul Plaza"], days=["2018-09-01"])
    assert caught.value.bad_input
    assert caught.value.message() == (
        "There are no booths at Seoul Plaza on 2018-09-01. On those days there are booths "
        "at: Mugyo-ro, Cheonggyecheon-ro."
    )
    assert not out.exists()


def test_an_empty_festival_file_exports_nothing(
    empty_service: FestivalService, tmp_path: Path
) -> None:
    for kind, name, message in [
        ("timetable", "t.pdf", "There are no venues with a program in this festival file."),
        ("calendar", "c.ics", "There are no venues with a program in this festival file."),
        ("booths", "b.xlsx", "There are no booth areas in this festival file."),
        ("roster", "r.xlsx", "There are no troupes in this festival file."),
    ]:
        with pytest.raises(ExportError) as caught:
            export(kind, empty_service, tmp_path / name)
        assert caught.value.bad_input and caught.value.message() == message
    empty_service.save(Venue("Stage", kind=VenueKind.STAGE))
    with pytest.raises(ExportError) as caught:
        export("timetable", empty_service, tmp_path / "t.pdf")
    assert caught.value.message() == "There are no festival days in this festival file."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["festival.sqlite3"]


def test_a_roster_by_venue_lists_the_troupes_performing_there(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    out = tmp_path / "r.xlsx"
    export("roster", sample_service, out, venues=["Music Cafe (Cheonggyecheon-ro)"], lang="en")
    cafe = next(v for v in sample_service.venues() if v.name_en.startswith("Music Cafe"))
    performing = {
        i.troupe_id for i in sample_service.program() if i.venue_id == cafe.id and i.troupe_id
    }
    names = {t.name for t in sample_service.troupes() if t.id in performing}
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    listed = {row[0] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert listed == names and 0 < len(names) < len(sample_service.troupes())


@pytest.mark.parametrize(
    ("kind", "name", "right"),
    [
        ("timetable", "t.xlsx", "t.pdf"),
        ("booths", "b.pdf", "b.xlsx"),
        ("calendar", "c.xlsx", "c.ics"),
        ("roster", "roster", "roster.xlsx"),
    ],
)
def test_an_out_with_the_wrong_extension_is_refused(
    sample_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    name: str,
    right: str,
) -> None:
    out = tmp_path / name
    code, stdout, err = _run(capsys, "export", kind, "--db", str(sample_file), "--out", str(out))
    assert code == 2, err
    suffix = Path(right).suffix
    assert f"{name} does not end in {suffix}" in err
    assert f"Give a name like {right}." in err
    assert stdout == ""
    assert sorted(tmp_path.iterdir()) == []


def test_the_extension_may_be_in_capitals(sample_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "LIST.XLSX"
    assert main(["export", "booths", "--db", str(sample_file), "--out", str(out)]) == 0
    assert out.stat().st_size > 1000


def test_nothing_on_the_chosen_days_without_a_venue_named(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    saturday = next(d for d in sample_service.days() if d.date.isoformat() == "2018-09-01")
    items = sample_service.program(saturday.id)
    sample_service.delete(type(items[0]), [i.id or 0 for i in items])
    with pytest.raises(ExportError) as caught:
        export("overview", sample_service, tmp_path / "o.pdf", days=["2018-09-01"])
    assert (
        caught.value.message() == "Nothing is scheduled on 2018-09-01: there is nothing to export."
    )
