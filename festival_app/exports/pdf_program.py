"""Venue timetables (one page per venue per day, for the stage door) and cue sheets."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ItemStatus, ProgramItem
from festival_app.domain.times import format_time
from festival_app.domain.venues import Venue
from festival_app.exports import common
from festival_app.exports.common import Selection, Steps, message
from festival_app.exports.pdf_common import (
    MUTED,
    PdfSetup,
    Section,
    SectionStart,
    build,
    esc,
    row_tables,
)
from festival_app.i18n import QT_TRANSLATE_NOOP as N

HEADER_HEIGHT = 30 * mm


def _sections(sel: Selection) -> list[tuple[Venue, FestivalDay, list[ProgramItem]]]:
    out = []
    for day in sel.days:
        for venue in sel.stage_venues():
            out.append((venue, day, sel.items_at(venue, day)))
    return out


def count_timetable(sel: Selection) -> int:
    return len(_sections(sel))


def _nothing(setup: PdfSetup) -> Paragraph:
    return setup.para(
        common.printed_in_each(N("Export", "Nothing is scheduled here on this day."), setup.lang),
        14,
        color=MUTED,
    )


def _time_cell(item: ProgramItem, setup: PdfSetup, size: float) -> Paragraph:
    text = f"<b>{format_time(item.start)}</b><br/><font size={size * 0.62:.1f}>– {format_time(item.end)}</font>"
    return Paragraph(text, setup.style(size, leading=size * 1.1))


def _status_suffix(item: ProgramItem, lang: str) -> str:
    if item.status == ItemStatus.CANCELLED:
        return f" <font color='#b00020'>[{esc(common.status_label(item, lang))}]</font>"
    return ""


def _timetable_story(sel: Selection, setup: PdfSetup, steps: Steps) -> list[Flowable]:
    lang = setup.lang
    width = setup.pagesize[0] - 2 * common_margin()
    big = 22 if setup.pagesize[0] > 700 else 18
    story: list[Flowable] = []
    for index, (venue, day, items) in enumerate(_sections(sel)):
        if index:
            story.append(PageBreak())
        hours = f"{format_time(venue.opens or day.opens)}–{format_time(venue.closes or day.closes)}"
        story.append(
            SectionStart(
                Section(common.venue_name(venue, lang), common.format_date(day.date, lang), hours),
                steps,
            )
        )
        if not items:
            story.append(_nothing(setup))
            continue
        head: list[object] = [
            setup.para(common.heading(N("Export", "Time"), lang), 9, color=MUTED),
            setup.para(common.heading(N("Export", "Program"), lang), 9, color=MUTED),
            setup.para(common.heading(N("Export", "Kind"), lang), 9, color=MUTED),
        ]
        rows: list[list[object]] = [head]
        for item in items:
            troupe = sel.troupe(item.troupe_id)
            title = f"<b>{esc(common.item_title(item, lang))}</b>{_status_suffix(item, lang)}"
            # Title and troupe as two paragraphs, each with its own line spacing.
            program: list[Flowable] = [
                Paragraph(title, setup.style(big * 0.85, leading=big * 1.05))
            ]
            if troupe is not None:
                who = common.troupe_name(troupe, lang)
                where = common.troupe_city(troupe, lang)
                detail = esc(who) + (f" · {esc(where)}" if where else "")
                program.append(
                    Paragraph(detail, setup.style(big * 0.55, leading=big * 0.7, color=MUTED))
                )
            rows.append(
                [
                    _time_cell(item, setup, big),
                    program,
                    # A fixed label, never user text: a plain string is cheaper to lay out.
                    common.kind_label(item, lang),
                ]
            )
        time_w = big * 3.6
        kind_w = 32 * mm if lang != "both" else 40 * mm
        story += row_tables(
            rows,
            [time_w, width - time_w - kind_w, kind_w],
            setup,
            shade=False,
            top_padding=6,
            bottom_padding=7,
            right_padding=5,
        )
    return story


def common_margin() -> float:
    from festival_app.exports.pdf_common import MARGIN

    return MARGIN


def write_timetable(sel: Selection, setup: PdfSetup, out: Path, steps: Steps) -> None:
    story = _timetable_story(sel, setup, steps)
    if not story:
        raise common.ExportError(message(N("Export", "There is no venue with a program to print.")))
    build(
        out,
        setup,
        story,
        header_height=HEADER_HEIGHT,
        title=common.printed(N("Export", "Timetable"), setup.lang),
    )


# -- cue sheet ---------------------------------------------------------------------------


def _cue_sections(sel: Selection) -> list[tuple[Venue, FestivalDay, list[ProgramItem]]]:
    return [s for s in _sections(sel) if s[2] or sel.venue_chosen]


def count_cuesheet(sel: Selection) -> int:
    return len(_cue_sections(sel))


def write_cuesheet(sel: Selection, setup: PdfSetup, out: Path, steps: Steps) -> None:
    lang = setup.lang
    width = setup.pagesize[0] - 2 * common_margin()
    story: list[Flowable] = []
    for index, (venue, day, items) in enumerate(_cue_sections(sel)):
        if index:
            story.append(PageBreak())
        cue = common.printed(N("Export", "Cue sheet"), lang)
        story.append(
            SectionStart(
                Section(common.venue_name(venue, lang), common.format_date(day.date, lang), cue),
                steps,
            )
        )
        if not items:
            story.append(_nothing(setup))
            continue
        headings = [
            N("Export", "#"),
            N("Export", "Time"),
            N("Export", "Program"),
            N("Export", "Troupe"),
            N("Export", "Contact"),
            N("Export", "Performers"),
            N("Export", "Notes"),
        ]
        rows: list[list[object]] = [
            [setup.para(common.heading(h, lang), 8, color=MUTED) for h in headings]
        ]
        for number, item in enumerate(items, start=1):
            troupe = sel.troupe(item.troupe_id)
            timing = f"<b>{format_time(item.start)}–{format_time(item.end)}</b>"
            if item.setup_min:
                timing += "<br/>" + esc(
                    common.printed(N("Export", "setup {minutes} min"), lang, minutes=item.setup_min)
                )
            if item.teardown_min:
                timing += "<br/>" + esc(
                    common.printed(
                        N("Export", "teardown {minutes} min"), lang, minutes=item.teardown_min
                    )
                )
            program = (
                f"<b>{esc(common.item_title(item, lang))}</b>{_status_suffix(item, lang)}"
                f"<br/><font color='#555555'>{esc(common.kind_label(item, lang))}</font>"
            )
            who = contact = performers = ""
            if troupe is not None:
                who = f"{esc(common.troupe_name(troupe, lang))}<br/><font color='#555555'>{esc(common.troupe_city(troupe, lang))}</font>"
                contact = "<br/>".join(
                    esc(x) for x in (troupe.contact, troupe.phone, troupe.email) if x
                )
                performers = "" if troupe.performers is None else str(troupe.performers)
            style = setup.style(9, leading=11.5)
            rows.append(
                [
                    Paragraph(str(number), style),
                    Paragraph(timing, style),
                    Paragraph(program, style),
                    Paragraph(who, style),
                    Paragraph(contact, style),
                    Paragraph(performers, style),
                    Paragraph(esc(item.notes), setup.style(8.5, leading=10.5)),
                ]
            )
        fixed = [8 * mm, 26 * mm, 0.0, 0.0, 46 * mm, 22 * mm, 0.0]
        rest = width - sum(fixed)
        widths = [w or 0.0 for w in fixed]
        widths[2], widths[3], widths[6] = rest * 0.3, rest * 0.25, rest * 0.45
        story += row_tables(rows, widths, setup)
        story.append(Spacer(1, 4))
    if not story:
        raise common.ExportError(message(N("Export", "There is no venue with a program to print.")))
    build(
        out,
        setup,
        story,
        header_height=HEADER_HEIGHT,
        title=common.printed(N("Export", "Cue sheet"), setup.lang),
    )
