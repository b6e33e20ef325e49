"""Printed lists that run over pages: every page of a list starts with its column headings,
in the same place and style as on its first page, and never ends with them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time
from pathlib import Path

import pytest

from festival_app import i18n, language
from festival_app.domain.program import ProgramItem
from festival_app.domain.venues import Venue, VenueKind
from festival_app.exports import export
from festival_app.exports.common import heading
from festival_app.exports.pdf_common import FOOTER_HEIGHT, MARGIN
from festival_app.services import FestivalService
from tests.helpers.pdf import NOW, Word, pdf_page_text, pdf_page_words, pdf_pages

# The column headings of each printed list, in English (see exports/pdf_program.py and
# exports/pdf_booths.py).
HEADINGS = {
    "timetable": ["Time", "Program", "Kind"],
    "cuesheet": ["#", "Time", "Program", "Troupe", "Contact", "Performers", "Notes"],
    "booths-pdf": ["Code", "Category", "Country or organization", "Exhibitor", "Needs", "Days"],
}


@pytest.fixture
def korean_labels() -> Iterator[None]:
    """Korean headings, as the program prints them whatever its interface speaks."""
    saved = i18n.saved_state()
    language.korean_labels()
    assert heading("Time", "ko") != "Time"  # the Korean translation is loaded
    yield
    i18n.restore_state(saved)


def _main_stage(service: FestivalService) -> Venue:
    return next(v for v in service.venues() if v.kind == VenueKind.STAGE)


def _add_acts(service: FestivalService, count: int) -> None:
    """`count` short acts on the first day's main stage from 10:00, before the sample's."""
    day = service.days()[0]
    stage = _main_stage(service)
    with service.batch():
        for n in range(count):
            minute = 10 * 60 + n * 5
            service.save(
                ProgramItem(
                    day_id=day.id or 0,
                    venue_id=stage.id or 0,
                    start=time(minute // 60, minute % 60),
                    end=time((minute + 5) // 60, (minute + 5) % 60),
                    title_en=f"Extra act number {n}",
                    title_ko=f"추가 공연 {n}",
                )
            )


def _headings_line(kind: str, lang: str) -> str:
    return " ".join(" ".join(heading(h, lang).split()) for h in HEADINGS[kind])


def _assert_every_page_headed(out: Path, kind: str, lang: str) -> None:
    """`out` holds one list: each page starts with its headings, once, where the first
    page has them, with nothing drawn across them and rows below them."""
    line = _headings_line(kind, lang)
    tokens = line.split()
    first: list[Word] = []
    for page in range(1, pdf_pages(out) + 1):
        text = pdf_page_text(out, page)
        # Drawn first on the page (the page header comes after the body), and only once.
        assert text.startswith(line + " "), (page, text[:300])
        assert text.count(line) == 1, (page, text[:300])
        height, words = pdf_page_words(out, page)
        head, rest = words[: len(tokens)], words[len(tokens) :]
        assert [w[0] for w in head] == tokens, page
        # The same words in the same boxes: same place, font and size as on page 1.
        first = first or head
        assert head == first, page
        top, bottom = min(w[2] for w in head), max(w[4] for w in head)
        crossing = [w for w in rest if w[4] > top and w[2] < bottom]
        assert not crossing, (page, crossing)
        # Rows follow on the same page: the headings never stand alone at its bottom.
        body_end = height - MARGIN - FOOTER_HEIGHT
        assert any(w[2] >= bottom and w[4] <= body_end for w in rest), page


@pytest.mark.parametrize("lang", ["ko", "en", "both"])
@pytest.mark.parametrize("kind", ["timetable", "cuesheet", "booths-pdf"])
def test_every_page_of_a_long_list_starts_with_its_headings(
    korean_labels: None, sample_service: FestivalService, tmp_path: Path, kind: str, lang: str
) -> None:
    out = tmp_path / f"{kind}.pdf"
    if kind == "booths-pdf":
        # The sample's 74 booths on Seoul Plaza.
        export(
            kind, sample_service, out, venues=["Seoul Plaza"], lang=lang, invariant=True, now=NOW
        )
    else:
        _add_acts(sample_service, 45)
        export(
            kind,
            sample_service,
            out,
            venues=[_main_stage(sample_service).name_en],
            days=["2018-09-01"],
            lang=lang,
            invariant=True,
            now=NOW,
        )
    assert pdf_pages(out) >= 3
    _assert_every_page_headed(out, kind, lang)


# Syllables that nothing else on the main stage's first-day cue sheet uses.
TALL = "늘별숲빛솔"


@pytest.mark.parametrize(
    "length",
    [
        385,  # fits an empty page whole, but not one below the headings
        450,  # taller than any page
    ],
)
def test_row_taller_than_a_page_splits_below_the_headings(
    sample_service: FestivalService, tmp_path: Path, length: int
) -> None:
    # Under 600 characters a row would move to the next page whole; in the narrow
    # program column of a portrait cue sheet, these titles need about a page.
    title = (TALL * 200)[:length]
    day = sample_service.days()[0]
    stage = _main_stage(sample_service)
    sample_service.save(
        ProgramItem(
            day_id=day.id or 0,
            venue_id=stage.id or 0,
            start=time(11, 5),
            end=time(11, 10),
            title_en="",
            title_ko=title,
        )
    )
    out = tmp_path / "cue.pdf"
    export(
        "cuesheet",
        sample_service,
        out,
        venues=[stage.name_en],
        days=["2018-09-01"],
        lang="ko",
        landscape=False,
        invariant=True,
        now=NOW,
    )
    _assert_every_page_headed(out, "cuesheet", "ko")
    # The whole title is printed, over lines and pages, and nothing of it twice.
    printed = "".join(
        ch for page in range(1, pdf_pages(out) + 1) for ch in pdf_page_text(out, page) if ch in TALL
    )
    assert printed == title


def test_a_korean_printout_prints_its_words_in_korean_in_an_english_interface(
    korean_labels: None, sample_service: FestivalService, tmp_path: Path
) -> None:
    """Counts, the "(continued)" mark and the footer follow the printout's language."""
    assert i18n.translate("Export", "{count} booths") == "{count} booths"  # English interface
    out = tmp_path / "booths.pdf"
    export(
        "booths-pdf",
        sample_service,
        out,
        venues=["Seoul Plaza"],
        lang="ko",
        invariant=True,
        now=NOW,
    )
    first, second = pdf_page_text(out, 1), pdf_page_text(out, 2)
    assert "부스 74개" in first and "booths" not in first
    assert "(계속)" in second and "(continued)" not in second
    assert "인원" in first and "staff" not in first
    english = tmp_path / "booths-en.pdf"
    export(
        "booths-pdf",
        sample_service,
        english,
        venues=["Seoul Plaza"],
        lang="en",
        invariant=True,
        now=NOW,
    )
    assert "74 booths" in pdf_page_text(english, 1)
    assert "(continued)" in pdf_page_text(english, 2)
