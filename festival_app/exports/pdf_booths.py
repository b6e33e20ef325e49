"""Booth lists by venue for the street managers, and a sign for the front of each booth."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph

from festival_app.domain import countries
from festival_app.domain.booths import Booth
from festival_app.domain.venues import Venue
from festival_app.exports import common
from festival_app.exports.common import Selection, Steps, message
from festival_app.exports.pdf_common import (
    INK,
    MARGIN,
    MUTED,
    PdfSetup,
    Section,
    SectionStart,
    build,
    draw_clipped,
    esc,
    fit_size,
    fitted_paragraph,
    row_tables,
)
from festival_app.i18n import QT_TRANSLATE_NOOP as N

HEADER_HEIGHT = 30 * mm


def needs_text(booth: Booth, lang: str) -> str:
    parts = []
    if booth.power:
        parts.append(common.heading(N("Export", "power"), lang))
    if booth.water:
        parts.append(common.heading(N("Export", "water"), lang))
    if booth.gas:
        parts.append(common.heading(N("Export", "gas"), lang))
    if booth.staff is not None:
        parts.append(common.printed(N("Export", "{count} staff"), lang, count=booth.staff))
    return ", ".join(parts)


def days_text(booth: Booth, sel: Selection, lang: str) -> str:
    if not booth.day_ids:
        return common.heading(N("Export", "all days"), lang)
    days = [sel.day(i) for i in sorted(booth.day_ids)]
    return ", ".join(f"{d.date.month}/{d.date.day}" for d in days if d is not None)


def _who(booth: Booth, lang: str) -> str:
    """Organization in bold with its country below, or the country alone."""
    country = common.pair(
        countries.name(booth.country, "ko"), countries.name(booth.country, "en"), lang
    )
    if booth.organization:
        out = f"<b>{esc(booth.organization)}</b>"
        return out + (f"<br/><font color='#555555'>{esc(country)}</font>" if country else "")
    return f"<b>{esc(country)}</b>"


def _booths_by_venue(sel: Selection) -> list[tuple[Venue, list[Booth]]]:
    venues = [v for v in sel.booth_venues()] or [
        v for v in sel.venues if any(b.venue_id == v.id for b in sel.booths)
    ]
    return [(v, [b for b in sel.booths if b.venue_id == v.id]) for v in venues]


def count_booth_list(sel: Selection) -> int:
    return len(_booths_by_venue(sel))


def write_booth_list(sel: Selection, setup: PdfSetup, out: Path, steps: Steps) -> None:
    lang = setup.lang
    width = setup.pagesize[0] - 2 * MARGIN
    story: list[Flowable] = []
    groups = _booths_by_venue(sel)
    if not groups:
        raise common.ExportError(message(N("Export", "There is no booth area to print.")))
    for index, (venue, booths) in enumerate(groups):
        if index:
            story.append(PageBreak())
        count = common.printed(N("Export", "{count} booths"), lang, count=len(booths))
        days = " · ".join(common.format_date(d.date, lang) for d in sel.days)
        story.append(SectionStart(Section(common.venue_name(venue, lang), days, count), steps))
        if not booths:
            none = common.printed(N("Export", "No booths here."), lang)
            story.append(setup.para(none, 12, color=MUTED))
            continue
        headings = [
            N("Export", "Code"),
            N("Export", "Category"),
            N("Export", "Country or organization"),
            N("Export", "Exhibitor"),
            N("Export", "Needs"),
            N("Export", "Days"),
        ]
        rows: list[list[object]] = [
            [setup.para(common.heading(h, lang), 8, color=MUTED) for h in headings]
        ]
        style = setup.style(9, leading=11.5)
        for booth in booths:
            exhibitor = esc(booth.exhibitor)
            if booth.contact or booth.phone:
                exhibitor += (
                    "<br/><font color='#555555'>"
                    + esc(" · ".join(x for x in (booth.contact, booth.phone) if x))
                    + "</font>"
                )
            rows.append(
                [
                    Paragraph(f"<b>{esc(booth.code or '–')}</b>", style),
                    Paragraph(esc(common.category_label(booth, lang)), style),
                    Paragraph(_who(booth, lang), style),
                    Paragraph(exhibitor, style),
                    Paragraph(esc(needs_text(booth, lang)), style),
                    Paragraph(esc(days_text(booth, sel, lang)), style),
                ]
            )
        fixed = [18 * mm, 0.0, 0.0, 0.0, 0.0, 22 * mm]
        rest = width - sum(fixed)
        widths = [18 * mm, rest * 0.2, rest * 0.3, rest * 0.3, rest * 0.2, 22 * mm]
        story += row_tables(rows, widths, setup)
    build(
        out,
        setup,
        story,
        header_height=HEADER_HEIGHT,
        title=common.printed(N("Export", "Booth list"), setup.lang),
    )


# -- signs ------------------------------------------------------------------------------


class BoothSign(Flowable):
    """A whole page for one booth: its code, and who is there in Korean and English."""

    def __init__(self, sel: Selection, setup: PdfSetup, booth: Booth) -> None:
        super().__init__()
        self.sel, self.setup, self.booth = sel, setup, booth
        self.width = self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, availHeight - 1
        return self.width, self.height

    def draw(self) -> None:
        canv, setup, booth = self.canv, self.setup, self.booth
        lang = setup.lang
        w, h = self.width, self.height
        venue = self.sel.venue(booth.venue_id)
        # Top line: where and what kind of booth.
        top_line = " · ".join(
            x
            for x in (
                common.venue_name(venue, lang) if venue else "",
                common.category_label(booth, lang),
            )
            if x
        )
        para, used = fitted_paragraph(
            esc(top_line), setup, w, 22, 14, 8, align=TA_CENTER, color=MUTED
        )
        draw_clipped(canv, para, 0, h - 22, w, 22, used)
        # The code, as large as fits a third of the page.
        code = booth.code or "–"
        code_h = h * 0.36
        size = min(fit_size(code, setup.font.bold, w * 0.9, 400, 20), (code_h - 8) / 0.8)
        canv.setFillColor(INK)
        canv.setFont(setup.font.bold, size)
        # Cap height is about 0.72 of the size: centre the capitals in their box.
        canv.drawCentredString(w / 2, h - 26 - code_h + (code_h - size * 0.72) / 2 + 4, code)
        canv.setStrokeColor(INK)
        canv.setLineWidth(2)
        rule_y = h - 34 - code_h
        canv.line(w * 0.1, rule_y, w * 0.9, rule_y)
        # Who: the country in Korean large, in English below; an organization under it.
        korean = countries.name(booth.country, "ko")
        english = countries.name(booth.country, "en")
        if lang == "en":
            korean, english = english, ""
        elif lang == "ko":
            english = ""
        lines: list[tuple[str, float, float, bool]] = []  # text, share, largest size, bold
        if korean:
            lines.append((korean, 0.5, 110, True))
        if english:
            lines.append((english, 0.3, 72, False))
        if booth.organization:
            lines.append(
                (booth.organization, 0.2 if lines else 1.0, 40 if lines else 96, not lines)
            )
        room = rule_y - 10
        shares = sum(share for _, share, _, _ in lines) or 1
        y = room
        for text, share, largest, bold in lines:
            box = room * share / shares - 4
            markup = f"<b>{esc(text)}</b>" if bold else esc(text)
            color = INK if bold else colors.HexColor("#333333")
            para, used = fitted_paragraph(
                markup, setup, w, box, largest, 10, align=TA_CENTER, color=color
            )
            draw_clipped(canv, para, 0, y - box, w, box, used, center=True)
            y -= box + 4


def count_signs(sel: Selection) -> int:
    return len(sel.booths)


def write_signs(sel: Selection, setup: PdfSetup, out: Path, steps: Steps) -> None:
    if not sel.booths:
        raise common.ExportError(message(N("Export", "There are no booths to make signs for.")))
    story: list[Flowable] = []
    for index, booth in enumerate(sel.booths):
        if index:
            story.append(PageBreak())
        story.append(SectionStart(Section(booth.code or "", ""), steps))
        story.append(BoothSign(sel, setup, booth))
    build(
        out,
        setup,
        story,
        header_height=0,
        title=common.printed(N("Export", "Booth signs"), setup.lang),
        footer=False,  # signs face the public: no print time or page numbers
    )
