"""Printed site maps: a map per booth area, the information desk's index of booths, and
each exhibitor's sheet showing where their space is.

The map is drawn to scale from the spaces (and the area's picture beneath them): spaces
in their category's colour with their codes, names where they fit, blocked spaces
hatched; a legend of the categories, a north arrow and a scale bar. Beside the map, the
list of codes and names, so that a name too long for its space is still on the page.
"""

from __future__ import annotations

import io
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph

from festival_app.domain import countries
from festival_app.domain.booths import BOOTH_CATEGORY_LABELS, Booth, BoothCategory
from festival_app.domain.category_colours import BLOCKED_COLOUR, CATEGORY_COLOURS, FREE_COLOUR
from festival_app.domain.site_map import BoothSpace, SiteMap, code_order
from festival_app.domain.venues import Venue
from festival_app.exports import common
from festival_app.exports.common import ExportError, Selection, Steps, message
from festival_app.exports.pdf_common import (
    INK,
    MUTED,
    RULE,
    PdfSetup,
    Section,
    SectionStart,
    build,
    clip_text,
    esc,
    fit_size,
    row_tables,
)
from festival_app.i18n import QT_TRANSLATE_NOOP as N

HEADER_HEIGHT = 24 * mm
SIDE_SHARE = 0.24  # of the page's width: the legend and the list of codes


@dataclass
class SiteData:
    """The site maps an export draws: each area's map and spaces."""

    maps: dict[int, SiteMap] = field(default_factory=dict)
    spaces: dict[int, list[BoothSpace]] = field(default_factory=dict)


def load(sel: Selection, maps: Sequence[SiteMap], spaces: Sequence[BoothSpace]) -> SiteData:
    data = SiteData(maps={m.venue_id: m for m in maps})
    for space in spaces:
        data.spaces.setdefault(space.venue_id, []).append(space)
    for group in data.spaces.values():
        group.sort(key=lambda s: code_order(s.code))
    return data


def booth_text(booth: Booth, lang: str) -> str:
    """Who stands there: the organization, else the country, in the chosen language(s)."""
    if booth.organization:
        return booth.organization
    return common.pair(
        countries.name(booth.country, "ko"), countries.name(booth.country, "en"), lang
    )


def short_name(booth: Booth, lang: str) -> str:
    """The name written inside a space: the country (short, and what visitors look for),
    else the organization; both languages on one line for a printout in both."""
    if not booth.country:
        return booth.organization
    return common.pair(
        countries.name(booth.country, "ko"), countries.name(booth.country, "en"), lang, " "
    )


def _areas(sel: Selection, site: SiteData) -> list[Venue]:
    areas = [v for v in sel.booth_venues() if site.spaces.get(v.id or 0)]
    if not areas:
        raise ExportError(
            message(
                N(
                    "Export",
                    "No booth area chosen has spaces drawn on its map; draw them in the "
                    "Site map section first.",
                )
            ),
        )
    return areas


# -- drawing a map --------------------------------------------------------------------------


@dataclass
class _Fit:
    """Map metres to page points: a uniform scale and an offset (y turned upwards)."""

    scale: float
    left: float
    top: float
    x0: float
    y0: float

    def point(self, x: float, y: float) -> tuple[float, float]:
        return self.x0 + (x - self.left) * self.scale, self.y0 - (y - self.top) * self.scale


def _fit(
    spaces: Sequence[BoothSpace], site_map: SiteMap | None, x: float, y: float, w: float, h: float
) -> _Fit:
    xs, ys = [], []
    for space in spaces:
        left, top, right, bottom = space.bounds()
        xs += [left, right]
        ys += [top, bottom]
    margin = 3.0
    left, right = min(xs) - margin, max(xs) + margin
    top, bottom = min(ys) - margin, max(ys) + margin
    if site_map is not None and site_map.image:
        width_m, height_m = site_map.image_size_m()
        # The picture around the spaces, but not more of it than the spaces need twice.
        left, top = (
            max(min(left, 0.0), left - (right - left)),
            max(min(top, 0.0), top - (bottom - top)),
        )
        right = min(max(right, width_m), right + (right - left))
        bottom = min(max(bottom, height_m), bottom + (bottom - top))
    scale = min(w / (right - left), h / (bottom - top))
    used_w, used_h = (right - left) * scale, (bottom - top) * scale
    return _Fit(scale, left, top, x + (w - used_w) / 2, y + h - (h - used_h) / 2)


def draw_area_map(
    canv: Canvas,
    setup: PdfSetup,
    box: tuple[float, float, float, float],
    spaces: Sequence[BoothSpace],
    booths: dict[str, Booth],
    site_map: SiteMap | None,
    *,
    highlight: str | None = None,
    names: bool = True,
) -> _Fit:
    """Draw the spaces (and picture) into `box` (x, y, w, h; y at the bottom)."""
    x, y, w, h = box
    fit = _fit(spaces, site_map, x, y, w, h)
    canv.saveState()
    path = canv.beginPath()
    path.rect(x, y, w, h)
    canv.clipPath(path, stroke=0, fill=0)
    if site_map is not None and site_map.image:
        width_m, height_m = site_map.image_size_m()
        px, py = fit.point(0, height_m)
        canv.drawImage(
            ImageReader(io.BytesIO(site_map.image)),
            px,
            py,
            width_m * fit.scale,
            height_m * fit.scale,
            mask="auto",
        )
        canv.setFillColor(colors.Color(1, 1, 1, alpha=0.35))  # the spaces read above it
        canv.rect(x, y, w, h, stroke=0, fill=1)
    font, bold = setup.font.regular, setup.font.bold
    for space in spaces:
        booth = booths.get(space.code)
        cx, cy = fit.point(space.x, space.y)
        sw, sd = space.width * fit.scale, space.depth * fit.scale
        canv.saveState()
        canv.translate(cx, cy)
        canv.rotate(-space.rotation)
        if space.blocked:
            fill = colors.HexColor(BLOCKED_COLOUR)
        elif booth is not None:
            fill = colors.HexColor(CATEGORY_COLOURS[booth.category])
        else:
            fill = colors.HexColor(FREE_COLOUR)
        canv.setFillColor(fill)
        emphasis = highlight is not None and space.code == highlight
        canv.setStrokeColor(colors.HexColor("#d00000") if emphasis else INK)
        canv.setLineWidth(2.2 if emphasis else 0.5)
        canv.rect(-sw / 2, -sd / 2, sw, sd, stroke=1, fill=1)
        if space.blocked:
            canv.setStrokeColor(MUTED)
            canv.setLineWidth(0.4)
            canv.line(-sw / 2, -sd / 2, sw / 2, sd / 2)
            canv.line(-sw / 2, sd / 2, sw / 2, -sd / 2)
        canv.restoreState()
        # Text stays upright: the code, and the name below it where there is room.
        across = min(sw, sd) if 45 < space.rotation % 180 < 135 else sw
        across = max(across, min(sw, sd))
        size = fit_size(space.code, bold, across * 0.9, 9, 2.5)
        canv.setFillColor(INK)
        name = short_name(booth, setup.lang) if (booth is not None and names) else ""
        name_size = fit_size(name, font, across * 0.92, min(size * 0.8, 7), 3.5) if name else 0
        two_lines = (
            bool(name)
            and min(sw, sd) > size + name_size + 2
            and stringWidth(name, font, name_size) <= across * 0.92
        )
        if two_lines:
            canv.setFont(bold, size)
            canv.drawCentredString(cx, cy + 0.5, space.code)
            canv.setFont(font, name_size)
            canv.drawCentredString(
                cx, cy - name_size - 0.5, clip_text(name, font, name_size, across * 0.95)
            )
        else:
            canv.setFont(bold, size)
            canv.drawCentredString(cx, cy - size * 0.35, space.code)
        if emphasis:
            canv.setStrokeColor(colors.HexColor("#d00000"))
            canv.setLineWidth(1.5)
            radius = max(sw, sd) * 0.9 + 6
            canv.circle(cx, cy, radius, stroke=1, fill=0)
    canv.restoreState()
    _north_arrow(canv, setup, x + w - 14 * mm, y + h - 16 * mm, site_map.north if site_map else 0.0)
    _scale_bar(canv, setup, x + 4 * mm, y + 5 * mm, fit.scale, w * 0.25)
    return fit


def _north_arrow(canv: Canvas, setup: PdfSetup, cx: float, cy: float, north: float) -> None:
    canv.saveState()
    canv.setFillColor(colors.Color(1, 1, 1, alpha=0.85))
    canv.setStrokeColor(RULE)
    canv.circle(cx, cy, 9 * mm, stroke=1, fill=1)
    canv.translate(cx, cy)
    canv.rotate(-north)
    canv.setFillColor(INK)
    path = canv.beginPath()
    path.moveTo(0, 7 * mm)
    path.lineTo(-3 * mm, -4 * mm)
    path.lineTo(0, -2 * mm)
    path.lineTo(3 * mm, -4 * mm)
    path.close()
    canv.drawPath(path, stroke=0, fill=1)
    canv.restoreState()
    canv.saveState()
    canv.setFont(setup.font.bold, 8)
    canv.setFillColor(INK)
    angle = math.radians(north)
    canv.drawCentredString(
        cx + math.sin(angle) * 7.5 * mm, cy + math.cos(angle) * 7.5 * mm + 1, "N"
    )
    canv.restoreState()


def nice_length(metres: float) -> float:
    """The largest of 1, 2, 5 x 10^k metres not over `metres`."""
    if metres <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(metres))
    for step in (5, 2, 1):
        if step * power <= metres:
            return float(step * power)
    return float(power)


def _scale_bar(
    canv: Canvas, setup: PdfSetup, x: float, y: float, scale: float, most: float
) -> None:
    metres = nice_length(most / scale)
    length = metres * scale
    canv.saveState()
    canv.setFillColor(colors.Color(1, 1, 1, alpha=0.85))
    canv.rect(x - 2, y - 3, length + 40, 14, stroke=0, fill=1)
    canv.setFillColor(INK)
    canv.setStrokeColor(INK)
    half = length / 2
    canv.rect(x, y, half, 3, stroke=1, fill=1)
    canv.setFillColor(colors.white)
    canv.rect(x + half, y, half, 3, stroke=1, fill=1)
    canv.setFillColor(INK)
    canv.setFont(setup.font.regular, 7)
    canv.drawString(x, y + 5, "0")
    label = f"{metres:g} m"
    canv.drawString(x + length - stringWidth(label, setup.font.regular, 7) / 2, y + 5, label)
    canv.restoreState()


def legend_categories(booths: Sequence[Booth]) -> list[BoothCategory]:
    present = {b.category for b in booths}
    return [c for c in BoothCategory if c in present]


def _draw_legend(
    canv: Canvas,
    setup: PdfSetup,
    x: float,
    top: float,
    width: float,
    categories: Sequence[BoothCategory],
    blocked: bool,
) -> float:
    """The category colours; returns the y below it."""
    lang = setup.lang
    canv.setFont(setup.font.bold, 10)
    canv.setFillColor(INK)
    canv.drawString(
        x,
        top - 10,
        clip_text(common.heading(N("Export", "Legend"), lang), setup.font.bold, 10, width),
    )
    y = top - 26
    entries = [
        (CATEGORY_COLOURS[c], common.label("BoothCategory", BOOTH_CATEGORY_LABELS[c], lang))
        for c in categories
    ]
    entries.append((FREE_COLOUR, common.heading(N("Export", "free space"), lang)))
    if blocked:
        entries.append((BLOCKED_COLOUR, common.heading(N("Export", "blocked"), lang)))
    for colour, text in entries:
        canv.setFillColor(colors.HexColor(colour))
        canv.setStrokeColor(INK)
        canv.setLineWidth(0.5)
        canv.rect(x, y - 1, 12, 8, stroke=1, fill=1)
        canv.setFillColor(INK)
        canv.setFont(setup.font.regular, 8.5)
        canv.drawString(x + 17, y, clip_text(text, setup.font.regular, 8.5, width - 17))
        y -= 13
    return y - 6


class AreaMap(Flowable):
    """A whole page: the area's map, with its legend and list of codes beside it."""

    def __init__(
        self, setup: PdfSetup, venue: Venue, site: SiteData, booths: dict[str, Booth]
    ) -> None:
        super().__init__()
        self.setup, self.venue, self.site, self.booths = setup, venue, site, booths
        self.width = self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, availHeight - 1
        return self.width, self.height

    def draw(self) -> None:
        canv, setup = self.canv, self.setup
        spaces = self.site.spaces.get(self.venue.id or 0, [])
        side = self.width * SIDE_SHARE
        map_w = self.width - side - 6 * mm
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.rect(0, 0, map_w, self.height, stroke=1, fill=0)
        draw_area_map(
            canv,
            setup,
            (0, 0, map_w, self.height),
            spaces,
            self.booths,
            self.site.maps.get(self.venue.id or 0),
        )
        here = [self.booths[s.code] for s in spaces if s.code in self.booths]
        x = map_w + 6 * mm
        y = _draw_legend(
            canv,
            setup,
            x,
            self.height,
            side,
            legend_categories(here),
            any(s.blocked for s in spaces),
        )
        self._draw_codes(x, y, side, spaces)

    def _draw_codes(self, x: float, top: float, width: float, spaces: Sequence[BoothSpace]) -> None:
        """Code and name of each taken space, in columns, as many as fit."""
        canv, setup = self.canv, self.setup
        canv.setFont(setup.font.bold, 10)
        canv.setFillColor(INK)
        canv.drawString(
            x,
            top - 10,
            clip_text(
                common.heading(N("Export", "Booths"), setup.lang), setup.font.bold, 10, width
            ),
        )
        taken = [(s.code, self.booths[s.code]) for s in spaces if s.code in self.booths]
        size, step = 7.0, 8.6
        rows = max(1, int((top - 24) // step))
        columns = 2 if len(taken) > rows else 1
        column_w = width / columns
        code_w = max((stringWidth(c, setup.font.bold, size) for c, _ in taken), default=0) + 4
        shown = taken[: rows * columns]
        for index, (code, booth) in enumerate(shown):
            column, row = divmod(index, rows)
            cx = x + column * column_w
            cy = top - 24 - row * step
            canv.setFont(setup.font.bold, size)
            canv.drawString(cx, cy, code)
            canv.setFont(setup.font.regular, size)
            canv.drawString(
                cx + code_w,
                cy,
                clip_text(
                    booth_text(booth, setup.lang), setup.font.regular, size, column_w - code_w - 4
                ),
            )
        if len(shown) < len(taken):
            canv.setFillColor(MUTED)
            canv.setFont(setup.font.regular, size)
            more = common.printed(
                N("Export", "… and {count} more: see the booth index"),
                setup.lang,
                count=len(taken) - len(shown),
            )
            canv.drawString(x, 2, clip_text(more, setup.font.regular, size, width))


def _placed(sel: Selection) -> dict[str, Booth]:
    return {b.code: b for b in sel.booths if b.code}


def count_maps(sel: Selection) -> int:
    return len(sel.booth_venues())


def write_maps(sel: Selection, setup: PdfSetup, out: Path, steps: Steps, site: SiteData) -> None:
    lang = setup.lang
    booths = _placed(sel)
    story: list[Flowable] = []
    for index, venue in enumerate(_areas(sel, site)):
        if index:
            story.append(PageBreak())
        spaces = site.spaces.get(venue.id or 0, [])
        taken = sum(1 for s in spaces if s.code in booths)
        note = common.printed(
            N("Export", "{taken} of {count} spaces taken"), lang, taken=taken, count=len(spaces)
        )
        title = common.printed_in_each(N("Export", "Site map"), lang)
        story.append(SectionStart(Section(common.venue_name(venue, lang), title, note), steps))
        story.append(AreaMap(setup, venue, site, booths))
    build(
        out,
        setup,
        story,
        header_height=HEADER_HEIGHT,
        title=common.printed(N("Export", "Site map"), lang),
    )


# -- the index for the information desk ------------------------------------------------------


def count_index(sel: Selection) -> int:
    return 2


def write_index(sel: Selection, setup: PdfSetup, out: Path, steps: Steps, site: SiteData) -> None:
    """Every booth by country (or organization) and by code, with its area."""
    lang = setup.lang
    areas = {v.id for v in sel.booth_venues()}
    booths = [b for b in sel.booths if b.venue_id in areas]
    if not booths:
        raise ExportError(message(N("Export", "There are no booths to list.")))
    width = setup.pagesize[0] - 24 * mm
    style = setup.style(8.5, leading=10.5)
    story: list[Flowable] = []

    def area(booth: Booth) -> str:
        venue = sel.venue(booth.venue_id)
        return common.venue_name(venue, lang) if venue else ""

    def who(booth: Booth) -> str:
        country = common.pair(
            countries.name(booth.country, "ko"), countries.name(booth.country, "en"), lang
        )
        if booth.organization and country:
            return f"{country} · {booth.organization}"
        return country or booth.organization

    orders = (
        (
            N("Export", "Booths by country"),
            sorted(booths, key=lambda b: (who(b).casefold(), code_order(b.code))),
        ),
        (
            N("Export", "Booths by code"),
            sorted(booths, key=lambda b: (not b.code, code_order(b.code), who(b))),
        ),
    )
    for index, (heading, ordered) in enumerate(orders):
        if index:
            story.append(PageBreak())
        count = common.printed(N("Export", "{count} booths"), lang, count=len(ordered))
        story.append(SectionStart(Section(common.printed_in_each(heading, lang), "", count), steps))
        headings = [
            N("Export", "Country or organization"),
            N("Export", "Code"),
            N("Export", "Area"),
            N("Export", "Category"),
        ]
        if index:
            headings[0], headings[1] = headings[1], headings[0]
        rows: list[Sequence[object]] = [
            [setup.para(common.heading(h, lang), 8, color=MUTED) for h in headings]
        ]
        for booth in ordered:
            cells = [
                Paragraph(esc(who(booth)), style),
                Paragraph(f"<b>{esc(booth.code or '–')}</b>", style),
                Paragraph(esc(area(booth)), style),
                Paragraph(esc(common.category_label(booth, lang)), style),
            ]
            if index:
                cells[0], cells[1] = cells[1], cells[0]
            rows.append(cells)
        shares = [0.42, 0.12, 0.24, 0.22] if not index else [0.12, 0.42, 0.24, 0.22]
        story += row_tables(
            rows, [width * s for s in shares], setup, top_padding=2, bottom_padding=2
        )
    build(
        out,
        setup,
        story,
        header_height=18 * mm,
        title=common.printed(N("Export", "Booth index"), lang),
    )


# -- the exhibitor's sheet -----------------------------------------------------------------------


def count_sheets(sel: Selection) -> int:
    return len([b for b in sel.booths if b.code])


class ExhibitorSheet(Flowable):
    """One booth's page: where its space is on the area's map, and what it offers."""

    def __init__(
        self,
        setup: PdfSetup,
        booth: Booth,
        space: BoothSpace,
        venue: Venue,
        site: SiteData,
        booths: dict[str, Booth],
    ) -> None:
        super().__init__()
        self.setup, self.booth, self.space, self.venue = setup, booth, space, venue
        self.site, self.booths = site, booths
        self.width = self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, availHeight - 1
        return self.width, self.height

    def draw(self) -> None:
        canv, setup, lang = self.canv, self.setup, self.setup.lang
        space = self.space
        lines = [
            common.printed_in_each(N("Export", "Your space: {code}"), lang, code=space.code),
            common.printed_in_each(
                N("Export", "{width} x {depth} m"),
                lang,
                width=f"{space.width:g}",
                depth=f"{space.depth:g}",
            ),
        ]
        offers = [
            w
            for w, on in (
                (N("Export", "power"), space.power),
                (N("Export", "water"), space.water),
                (N("Export", "gas"), space.gas),
            )
            if on
        ]
        if offers:
            template = N("Export", "Provided: {utilities}")

            def provided(language: str) -> str:
                words = ", ".join(common.printed(o, language) for o in offers)
                return common.printed(template, language, utilities=words)

            if lang == "both":  # each half in its own language, Korean first
                lines.append(common.pair(provided("ko"), provided("en"), "both"))
            else:
                lines.append(provided(lang))
        if self.booth.exhibitor:
            lines.append(self.booth.exhibitor)
        y = self.height - 14
        canv.setFillColor(INK)
        canv.setFont(setup.font.bold, 16)
        canv.drawString(0, y, clip_text(lines[0], setup.font.bold, 16, self.width))
        canv.setFont(setup.font.regular, 10)
        for line in lines[1:]:
            y -= 14
            canv.drawString(0, y, clip_text(line, setup.font.regular, 10, self.width))
        box_h = y - 10
        canv.setStrokeColor(RULE)
        canv.rect(0, 0, self.width, box_h, stroke=1, fill=0)
        draw_area_map(
            canv,
            setup,
            (0, 0, self.width, box_h),
            self.site.spaces.get(self.venue.id or 0, []),
            self.booths,
            self.site.maps.get(self.venue.id or 0),
            highlight=space.code,
            names=False,
        )


def write_sheets(sel: Selection, setup: PdfSetup, out: Path, steps: Steps, site: SiteData) -> None:
    lang = setup.lang
    booths = _placed(sel)
    by_code = {s.code: s for group in site.spaces.values() for s in group}
    story: list[Flowable] = []
    count = 0
    grouped: dict[int, list[Booth]] = defaultdict(list)
    for booth in sel.booths:
        grouped[booth.venue_id].append(booth)
    for venue in _areas(sel, site):
        for booth in sorted(grouped.get(venue.id or 0, []), key=lambda b: code_order(b.code)):
            space = by_code.get(booth.code)
            if space is None or space.venue_id != venue.id:
                continue
            if count:
                story.append(PageBreak())
            count += 1
            subtitle = " · ".join(
                (common.venue_name(venue, lang), common.category_label(booth, lang))
            )
            story.append(
                SectionStart(Section(booth_text(booth, lang), subtitle, space.code), steps)
            )
            story.append(ExhibitorSheet(setup, booth, space, venue, site, booths))
    if not count:
        raise ExportError(message(N("Export", "No booth chosen stands on a space of a map.")))
    build(
        out,
        setup,
        story,
        header_height=HEADER_HEIGHT,
        title=common.printed(N("Export", "Exhibitor sheets"), lang),
    )
