"""Printouts and workbooks as a reader meets them: the overview's text in one size with
room around it, booth signs without print marks, needs in words, sheet names without
runs of spaces, bilingual labels that do not repeat themselves."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import time
from pathlib import Path

import openpyxl
import pytest

from festival_app import i18n, language
from festival_app.domain.booths import BOOTH_CATEGORY_LABELS
from festival_app.domain.program import ITEM_KIND_LABELS, ITEM_STATUS_LABELS, ProgramItem
from festival_app.domain.troupes import RELATION_LABELS
from festival_app.exports import export
from festival_app.exports.common import heading, label, pair
from festival_app.imports.values import boolean
from festival_app.services import FestivalService
from tests.helpers.pdf import (
    NOW,
    pdf_filled_boxes,
    pdf_page_text,
    pdf_page_words,
    pdf_pages,
    pdf_text,
)


@pytest.fixture
def korean_labels() -> Iterator[None]:
    """Korean labels loaded, as the program prints them whatever its interface speaks."""
    saved = i18n.saved_state()
    language.korean_labels()
    assert heading("Time", "ko") != "Time"
    yield
    i18n.restore_state(saved)


# -- bilingual labels ---------------------------------------------------------------------


def _parts(text: str) -> list[str]:
    return [part.strip().casefold() for part in text.split(" / ")]


def test_a_label_that_holds_both_languages_is_not_said_twice(korean_labels: None) -> None:
    ngo = label("BoothCategory", "NGO / international organization", "both")
    assert ngo == "NGO / 국제 기관 / international organization"
    for context, labels in (
        ("BoothCategory", BOOTH_CATEGORY_LABELS),
        ("ItemKind", ITEM_KIND_LABELS),
        ("ItemStatus", ITEM_STATUS_LABELS),
        ("Relation", RELATION_LABELS),
    ):
        for english in labels.values():
            parts = _parts(label(context, english, "both"))
            assert len(parts) == len(set(parts)), (context, english)
    # Names keep their two halves.
    assert pair("서울광장", "Seoul Plaza", "both") == "서울광장 / Seoul Plaza"
    assert pair("NGO", "NGO", "both") == "NGO"
    assert pair("A / B", "B / A", "both") == "A / B"


def test_no_workbook_heading_repeats_itself(
    korean_labels: None, sample_service: FestivalService, tmp_path: Path
) -> None:
    out = tmp_path / "booths.xlsx"
    export("booths", sample_service, out)
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        for cell in ws[1]:
            parts = _parts(str(cell.value))
            assert len(parts) == len(set(parts)), (ws.title, cell.value)
    assert "NGO / 국제 기관 / international organization" in [c.value for c in wb.worksheets[-1][1]]


# -- workbooks: needs in words, sheet names --------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ko", "both"])
def test_power_water_and_gas_are_words_that_import_back(
    korean_labels: None, sample_service: FestivalService, tmp_path: Path, lang: str
) -> None:
    out = tmp_path / "booths.xlsx"
    export("booths", sample_service, out, lang=lang)
    ws = openpyxl.load_workbook(out).worksheets[0]
    header = [c.value for c in ws[1]]
    columns = [header.index(heading(h, lang)) for h in ("Power", "Water", "Gas")]
    by_code = {b.code: b for b in sample_service.booths()}
    yes, no = heading("yes", lang), heading("no", lang)
    seen = set()
    for row in ws.iter_rows(min_row=2, values_only=True):
        booth = by_code[row[0]]
        for column, need in zip(columns, (booth.power, booth.water, booth.gas), strict=True):
            value = row[column]
            assert isinstance(value, str) and value == (yes if need else no), (row[0], value)
            assert value.upper() not in ("TRUE", "FALSE")
            assert boolean(value) is need  # the import reads it as it was
            seen.add(value)
    assert seen == {yes, no}
    if lang == "en":
        assert seen == {"yes", "no"}


@pytest.mark.parametrize("kind", ["booths", "roster", "program"])
def test_sheet_names_have_no_runs_of_spaces(
    korean_labels: None, sample_service: FestivalService, tmp_path: Path, kind: str
) -> None:
    out = tmp_path / f"{kind}.xlsx"
    export(kind, sample_service, out)  # both languages: "전체 부스 / All booths"
    names = openpyxl.load_workbook(out).sheetnames
    for name in names:
        assert "  " not in name and name == name.strip(), names
        assert len(name) <= 31
    if kind == "booths":
        assert names[0] == "전체 부스 - All booths"


# -- booth signs: for the public ------------------------------------------------------------


def test_booth_signs_carry_no_print_time_or_page_footer(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    out = tmp_path / "signs.pdf"
    export("signs", sample_service, out, venues=["Mugyo-ro"], lang="en", invariant=True, now=NOW)
    festival = sample_service.festival().name_en
    assert pdf_pages(out) > 1
    for page in (1, pdf_pages(out)):
        text = pdf_page_text(out, page)
        assert "Printed" not in text and "2018-08-31" not in text, text
        assert "page" not in text and festival not in text, text
    # The lists for the organizers keep theirs.
    lists = tmp_path / "list.pdf"
    export("booths-pdf", sample_service, lists, lang="en", invariant=True, now=NOW)
    assert "Printed 2018-08-31 09:30 · page 1 of" in pdf_text(lists)


# -- the overview: one text size, padded --------------------------------------------------


@pytest.mark.parametrize("lang", ["both", "ko", "en"])
def test_the_overview_prints_every_block_in_one_size_away_from_its_borders(
    korean_labels: None, sample_service: FestivalService, tmp_path: Path, lang: str
) -> None:
    out = tmp_path / "overview.pdf"
    export("overview", sample_service, out, lang=lang, invariant=True, now=NOW)
    assert pdf_pages(out) == 2  # one page a day
    sizes: set[float] = set()
    for page, day in enumerate((d.id for d in sample_service.days()), start=1):
        blocks = pdf_filled_boxes(out, page)  # the program blocks
        assert len(blocks) == sum(1 for i in sample_service.program() if i.day_id == day)
        _, words = pdf_page_words(out, page)
        inside = 0
        for text, x0, y0, x1, y1 in words:
            box = next(
                (
                    b
                    for b in blocks
                    if b[0] <= (x0 + x1) / 2 <= b[2] and b[1] <= (y0 + y1) / 2 <= b[3]
                ),
                None,
            )
            if box is None:
                continue
            inside += 1
            sizes.add(round(y1 - y0, 1))
            # Room between the text and the block's border on every side.
            assert x0 - box[0] >= 2.5 and box[2] - x1 >= 2.5, (text, box, (x0, x1))
            assert y0 - box[1] >= 1.5 and box[3] - y1 >= 1.0, (text, box, (y0, y1))
        assert inside > 50
    assert len(sizes) == 1, sizes  # one size for the whole printout
    assert sizes.pop() >= 8  # and a readable one


def test_a_block_too_short_for_a_line_gets_one_smaller_line(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    day = sample_service.days()[0]
    stage = next(v for v in sample_service.venues() if v.name_en.startswith("Main Stage"))
    sample_service.save(
        ProgramItem(
            day_id=day.id or 0,
            venue_id=stage.id or 0,
            start=time(17, 50),
            end=time(17, 55),
            title_en="Closing words " * 20,
        )
    )
    out = tmp_path / "overview.pdf"
    export("overview", sample_service, out, days=["2018-09-01"], lang="en")
    text = pdf_page_text(out, 1)
    assert re.search(r"17:50–17:55 Closing words", text)
