"""PDF printouts read back: every title and time, in Korean and English, Hangul embedded."""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from pathlib import Path
from typing import Any

import pytest

from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.program import ItemStatus, ProgramItem
from festival_app.domain.times import format_time
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import VenueKind
from festival_app.exports import ExportCancelled, MissingFontError, export
from festival_app.services import FestivalService
from tests.helpers.pdf import MARKUP, NOW, pdf_fonts, pdf_pages, pdf_text


def _pdf(service: FestivalService, kind: str, out: Path, **kwargs: Any) -> str:
    export(kind, service, out, invariant=True, now=NOW, **kwargs)
    return pdf_text(out)


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("kind", ["timetable", "overview", "cuesheet"])
def test_every_item_title_and_time_in_both_languages(
    sample_service: FestivalService, tmp_path: Path, kind: str
) -> None:
    items = sample_service.program()
    assert len(items) >= 20
    text = _pdf(sample_service, kind, tmp_path / f"{kind}.pdf")
    for item in items:
        assert _norm(item.title_en) in text, item.title_en
        assert _norm(item.title_ko) in text, item.title_ko
        assert format_time(item.start) in text
        assert format_time(item.end) in text
    assert "2018 서울세계도시문화축제" in text
    assert "Printed 2018-08-31 09:30 · page 1 of " in text


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_one_language_only(sample_service: FestivalService, tmp_path: Path, lang: str) -> None:
    text = _pdf(sample_service, "timetable", tmp_path / "t.pdf", lang=lang)
    item = next(i for i in sample_service.program() if i.title_ko and i.title_en)
    wanted, unwanted = (
        (item.title_ko, item.title_en) if lang == "ko" else (item.title_en, item.title_ko)
    )
    assert _norm(wanted) in text
    assert _norm(unwanted) not in text
    venue = sample_service.venues()[0]
    assert (venue.name_ko if lang == "ko" else venue.name_en) in text


def test_timetable_has_one_page_per_venue_and_day(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    out = tmp_path / "t.pdf"
    stage = "Main Stage (Seoul Plaza)"
    text = _pdf(sample_service, "timetable", out, venues=[stage])
    assert pdf_pages(out) == 2  # two days, one venue, few items
    assert "Sat 1 Sep 2018" in text and "Sun 2 Sep 2018" in text
    assert "page 2 of 2" in text
    # Items of other venues are not on it.
    other = next(i for i in sample_service.program() if i.venue_id != sample_service.venues()[0].id)
    assert _norm(other.title_en) not in text


def test_korean_font_embedded_and_no_base_fonts(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    for kind in ("timetable", "overview", "cuesheet", "booths-pdf", "signs"):
        out = tmp_path / f"{kind}.pdf"
        export(kind, sample_service, out, venues=None, invariant=True, now=NOW)
        fonts = pdf_fonts(out)
        assert fonts, kind
        assert any("Nanum" in name or "Malgun" in name for name, _ in fonts), fonts
        assert all(emb == "yes" for _, emb in fonts), (kind, fonts)
        assert not any("ZapfDingbats" in name or "Helvetica" in name for name, _ in fonts)


def test_user_markup_comes_out_literally_and_long_note_wraps(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    day = sample_service.days()[0]
    stage = next(v for v in sample_service.venues() if v.kind == VenueKind.STAGE)
    troupe, _ = sample_service.save(Troupe(name=MARKUP, city_en="A&B <i>town</i>"))
    note = ("Lorem ipsum dolor sit amet <&> 한글 메모 " * 200)[:5000]
    sample_service.save(
        ProgramItem(
            day_id=day.id or 0,
            venue_id=stage.id or 0,
            start=time(17, 50),
            end=time(17, 55),
            title_en=MARKUP + " " + "very long title " * 30,
            title_ko="제목 <u>밑줄</u>",
            troupe_id=troupe.id,
            notes=note,
        )
    )
    for kind in ("timetable", "cuesheet", "overview"):
        text = _pdf(sample_service, kind, tmp_path / f"{kind}.pdf", venues=[stage.name_en])
        assert MARKUP in text, kind
        assert "제목 <u>밑줄</u>" in text
    cue = pdf_text(tmp_path / "cuesheet.pdf")
    # The whole note is there, wrapped over lines and split over pages, nothing lost
    # (only a page break, with the next page's header, may come inside a repeat).
    phrase = "Lorem ipsum dolor sit amet <&> 한글 메모"
    breaks = pdf_pages(tmp_path / "cuesheet.pdf") - 1
    assert breaks >= 1
    assert cue.count(phrase) >= note.count(phrase) - breaks
    assert cue.count(phrase) <= note.count(phrase)
    assert "A&B <i>town</i>" in pdf_text(tmp_path / "timetable.pdf")


def test_timetable_continues_on_next_page_with_header(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    day = sample_service.days()[0]
    stage = next(v for v in sample_service.venues() if v.kind == VenueKind.STAGE)
    with sample_service.batch():
        for n in range(40):
            minute = 12 * 60 + n * 5
            sample_service.save(
                ProgramItem(
                    day_id=day.id or 0,
                    venue_id=stage.id or 0,
                    start=time(minute // 60, minute % 60),
                    end=time((minute + 5) // 60, (minute + 5) % 60),
                    title_en=f"Extra act number {n}",
                    title_ko=f"추가 공연 {n}",
                )
            )
    out = tmp_path / "t.pdf"
    text = _pdf(sample_service, "timetable", out, venues=[stage.name_ko], days=["2018-09-01"])
    assert pdf_pages(out) >= 2
    assert "(continued)" in text
    for n in range(40):
        assert f"Extra act number {n} " in text or text.endswith(f"Extra act number {n}")
    # The venue's name heads every page.
    assert text.count(stage.name_ko) >= pdf_pages(out)


def test_cancelled_item_marked(sample_service: FestivalService, tmp_path: Path) -> None:
    item = sample_service.program()[0]
    sample_service.save(replace(item, status=ItemStatus.CANCELLED))
    text = _pdf(sample_service, "timetable", tmp_path / "t.pdf", lang="en")
    assert f"{item.title_en} [Cancelled]" in text


def test_booth_list_and_signs(sample_service: FestivalService, tmp_path: Path) -> None:
    area = next(v for v in sample_service.venues() if v.kind == VenueKind.BOOTH_AREA)
    sample_service.save(
        Booth(venue_id=area.id or 0, category=BoothCategory.NGO, organization=MARKUP)
    )
    booths = sample_service.booths()
    text = _pdf(sample_service, "booths-pdf", tmp_path / "b.pdf")
    coded = [b.code for b in booths if b.code]
    assert len(coded) >= 100
    for code in coded:
        assert code in text
    assert MARKUP in text
    out = tmp_path / "s.pdf"
    signs = _pdf(sample_service, "signs", out, venues=[area.name_en])
    mine = [b for b in booths if b.venue_id == area.id]
    assert pdf_pages(out) == len(mine)
    japan = next(b for b in mine if b.country == "JP" and b.code)
    assert japan.code in signs and "일본" in signs and "Japan" in signs
    assert MARKUP in signs


def test_missing_font_stops_before_writing(
    sample_service: FestivalService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FESTIVAL_APP_PDF_FONT", "none")
    out = tmp_path / "t.pdf"
    with pytest.raises(MissingFontError) as caught:
        export("timetable", sample_service, out)
    assert "fonts-nanum" in str(caught.value)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "festival.sqlite3"]
    # A named file that is not a Korean TrueType font is refused too.
    bogus = tmp_path / "fake.ttf"
    bogus.write_bytes(b"not a font")
    with pytest.raises(MissingFontError):
        export("timetable", sample_service, out, font=bogus)


def test_reproducible_with_invariant(sample_service: FestivalService, tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    export("overview", sample_service, a, invariant=True, now=NOW)
    export("overview", sample_service, b, invariant=True, now=NOW)
    assert a.read_bytes() == b.read_bytes()


def test_cancel_leaves_no_file_and_keeps_old_one(
    sample_service: FestivalService, tmp_path: Path
) -> None:
    out = tmp_path / "t.pdf"
    out.write_bytes(b"old")
    seen: list[tuple[int, int]] = []

    def cancelled() -> bool:
        return len(seen) >= 3

    with pytest.raises(ExportCancelled):
        export(
            "timetable",
            sample_service,
            out,
            progress=lambda d, t: seen.append((d, t)),
            cancelled=cancelled,
        )
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["festival.sqlite3", "t.pdf"]
    # Without cancel, progress runs up to its total.
    seen.clear()
    export("timetable", sample_service, out, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] > 1
    assert out.read_bytes().startswith(b"%PDF")


def test_longest_title_splits_over_pages(sample_service: FestivalService, tmp_path: Path) -> None:
    day = sample_service.days()[1]
    stage = next(v for v in sample_service.venues() if v.kind == VenueKind.STAGE)
    words = " ".join(f"word{n:04d}" for n in range(222))[:2000]  # the longest title allowed
    sample_service.save(
        ProgramItem(
            day_id=day.id or 0,
            venue_id=stage.id or 0,
            start=time(16, 50),
            end=time(16, 55),
            title_en=words,
        )
    )
    for paper in ("A4", "A3"):
        out = tmp_path / f"{paper}.pdf"
        text = _pdf(
            sample_service, "timetable", out, venues=[stage.name_en], lang="en", paper=paper
        )
        # Every word is printed, none cut off at a page or cell edge.
        assert all(f"word{n:04d}" in text for n in range(222)), paper
