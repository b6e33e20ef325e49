"""The 2018 sample's site maps, and the printouts made of them (read back with poppler)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from festival_app import clash_checks, i18n, language, site_plan
from festival_app.cli import main
from festival_app.domain.booths import Booth
from festival_app.domain.site_map import BoothSpace
from festival_app.exports import ExportError, export
from festival_app.imports.errors import WorkbookError
from festival_app.imports.format import RawSheet
from festival_app.imports.spaces import read_sheet_spaces
from festival_app.services import FestivalService
from tests.helpers.pdf import NOW, pdf_page_text, pdf_pages, pdf_text


@pytest.fixture
def korean_labels() -> Iterator[None]:
    """Korean printed labels, as the command line and the window install them."""
    state = i18n.saved_state()
    language.korean_labels()
    yield
    i18n.restore_state(state)


def info(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


def test_the_sample_ships_maps_of_its_three_areas_with_every_booth_placed(
    sample_service: FestivalService,
) -> None:
    areas = site_plan.booth_areas(sample_service)
    assert {a.name_en for a in areas} == {"Seoul Plaza", "Mugyo-ro", "Cheonggyecheon-ro"}
    drawn = {s.code: s for s in site_plan.spaces(sample_service)}
    assert len(drawn) == 180
    booths = sample_service.booths()
    assert len(booths) == 131
    for booth in booths:
        assert booth.code in drawn and drawn[booth.code].venue_id == booth.venue_id
    assert [c for c in clash_checks.check(sample_service) if c.booth_ids] == []
    assert any(s.blocked and s.blocked_reason for s in drawn.values())


def test_the_map_pdf_has_a_landscape_page_per_area_with_codes_and_names(
    sample_service: FestivalService, tmp_path: Path, korean_labels: None
) -> None:
    out = export("map", sample_service, tmp_path / "map.pdf", lang="both", now=NOW)
    assert pdf_pages(out) == 3
    assert "1190.55 x 841.89 pts (A3)" in info(out)  # A3 landscape by default
    page = pdf_page_text(out, 2)
    assert "무교로 / Mugyo-ro" in page and "M-01" in page and "M-60" in page
    assert "Embassy of Thailand" in page and "음식 / Food" in page  # list and legend
    assert "20 m" in page and "N" in page  # scale bar and north arrow
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "Nanum" in fonts and " no " not in fonts.split("\n", 2)[2]


def test_a2_paper_one_venue_and_korean_only(
    sample_service: FestivalService, tmp_path: Path, korean_labels: None
) -> None:
    out = export(
        "map", sample_service, tmp_path / "m.pdf", venues=["무교로"], lang="ko", paper="A2", now=NOW
    )
    assert pdf_pages(out) == 1 and "1683.78 x 1190.55 pts (A2)" in info(out)
    page = pdf_text(out)
    assert "무교로" in page
    assert "Mugyo-ro" not in page
    assert "음식" in page, page


def test_the_index_lists_every_booth_by_country_and_by_code(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    out = export("map-index", sample_service, tmp_path / "index.pdf", lang="en", now=NOW)
    whole = pdf_text(out)
    assert "Booths by country" in whole and "Booths by code" in whole
    for booth in sample_service.booths():
        assert booth.code in whole
    first = pdf_page_text(out, 1)
    assert "Booths by country" in first
    assert "Argentina · Embassy of Argentina" in first and "Viet Nam" not in first


def test_every_exhibitor_gets_a_sheet_with_their_space(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    out = export(
        "exhibitor-sheets",
        sample_service,
        tmp_path / "s.pdf",
        venues=["Mugyo-ro"],
        lang="en",
        now=NOW,
    )
    assert pdf_pages(out) == 33
    assert "Your space: M-01" in pdf_page_text(out, 1) and "3 x 3 m" in pdf_page_text(out, 1)


def test_an_area_without_spaces_is_refused_with_a_clear_message(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    sample_service.delete(BoothSpace, [s.id for s in site_plan.spaces(sample_service) if s.id])
    with pytest.raises(ExportError, match="No booth area chosen has spaces"):
        export("map", sample_service, tmp_path / "map.pdf")
    assert not (tmp_path / "map.pdf").exists()


def test_the_command_line(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "maps.pdf"
    args = ["export", "map", "--db", str(sample_file), "--out", str(out)]
    assert main([*args, "--venue", "Seoul Plaza", "--venue", "Mugyo-ro", "--paper", "A2"]) == 0
    assert pdf_pages(out) == 2
    assert (
        main(["export", "map-index", "--db", str(sample_file), "--out", str(tmp_path / "i.pdf")])
        == 0
    )
    # A stage has no booths: bad input, exit 2, no file.
    bad = tmp_path / "bad.pdf"
    code = main(
        [
            "export",
            "map",
            "--db",
            str(sample_file),
            "--out",
            str(bad),
            "--venue",
            "Main Stage (Seoul Plaza)",
        ]
    )
    assert code == 2 and not bad.exists()
    assert "booth areas are" in capsys.readouterr().err


def test_the_spaces_sheet_reads_rows_and_names_a_bad_cell(sample_service: FestivalService) -> None:
    venues = sample_service.venues()
    sheet = RawSheet(
        "Spaces",
        ["Venue", "Code", "X (m)", "Y (m)", "Power", "Blocked", "Blocked reason"],
        [
            (2, {"Venue": "무교로", "Code": "M-90", "X (m)": 3, "Y (m)": "4.5", "Power": "예"}),
            (
                3,
                {
                    "Venue": "Mugyo-ro",
                    "Code": "M-91",
                    "X (m)": 6,
                    "Y (m)": 4.5,
                    "Blocked": "yes",
                    "Blocked reason": "tree",
                },
            ),
        ],
    )
    spaces = [row.space for row in read_sheet_spaces(sheet, venues)]
    assert [(s.code, s.y, s.power, s.blocked) for s in spaces] == [
        ("M-90", 4.5, True, False),
        ("M-91", 4.5, False, True),
    ]
    sheet.rows.append((4, {"Venue": "Mugyo-ro", "Code": "M-92", "X (m)": "east", "Y (m)": 1}))
    with pytest.raises(WorkbookError, match=r"Row 4 .* 'east' in X"):
        read_sheet_spaces(sheet, venues)


def test_placing_a_booth_in_a_fresh_area_then_printing(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    plaza = next(a for a in site_plan.booth_areas(sample_service) if a.code_prefix == "P")
    booth = next(b for b in sample_service.booths() if b.code == "P-01")
    site_plan.unplace(sample_service, [booth])
    free = next(s for s in site_plan.spaces(sample_service, plaza.id) if s.code == "P-80")
    site_plan.place(sample_service, sample_service.get(Booth, booth.id or 0), free)  # type: ignore[arg-type]
    out = export(
        "exhibitor-sheets",
        sample_service,
        tmp_path / "s.pdf",
        venues=["Seoul Plaza"],
        lang="en",
        now=NOW,
    )
    assert "Your space: P-80" in pdf_text(out)


def test_check_names_the_booths_of_a_map_s_clash(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json
    import shutil
    from dataclasses import replace

    copy = tmp_path / "f.sqlite3"
    shutil.copyfile(sample_file, copy)
    service = FestivalService.open(copy)
    space = next(s for s in site_plan.spaces(service) if s.code == "C-05")
    site_plan.change_spaces(service, [replace(space, blocked=True, blocked_reason="works")])
    service.close()
    assert main(["check", "--db", str(copy), "--json"]) == 1  # an error: exit 1
    clash = next(c for c in json.loads(capsys.readouterr().out) if c["booths"])
    assert clash["kind"] == "booth_on_blocked_space" and clash["items"] == []
    assert clash["booths"][0]["code"] == "C-05"
    assert clash["booths"][0]["venue"] == "Cheonggyecheon-ro"
    assert "works" in clash["message"]
