"""The change report for stage managers (PDF or Excel) and the notices for troupes: what
changed in the program from one version to another (see domain/changes.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph

from festival_app.domain.changes import Change, ChangeSet, ItemChange
from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.releases import Release, Snapshot
from festival_app.domain.times import format_time
from festival_app.exports import common, release_footer
from festival_app.exports.common import LANGUAGES, ExportError, Steps, message
from festival_app.exports.pdf_common import (
    MARGIN,
    MUTED,
    PdfSetup,
    Section,
    SectionStart,
    build,
    esc,
    page_size,
    row_tables,
)
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate_into

HEADER_HEIGHT = 30 * mm
SUFFIXES = (".pdf", ".xlsx")

WAS = N("Export", "was")  # before a changed title or troupe: "이전 / was: ..."

HEADINGS = [
    N("Export", "Change"),
    N("Export", "Item"),
    N("Export", "Troupe"),
    N("Export", "Before"),
    N("Export", "After"),
]


def change_words(change: ItemChange, lang: str) -> str:
    """What changed, in the report's language(s): "Time, Venue"."""
    return ", ".join(common.label("Change", text, lang) for text in change.labels())


def where_when(item: ProgramItem | None, snap: Snapshot, lang: str) -> str:
    """Where and when an item is in its version: "Sat 1 Sep 2018 14:00–14:30 · Main stage"."""
    if item is None:
        return "–"
    day = snap.day(item.day_id)
    venue = snap.venue(item.venue_id)
    when = f"{format_time(item.start)}–{format_time(item.end)}"
    if day is not None:
        when = f"{common.format_date(day.date, lang)} {when}"
    place = common.venue_name(venue, lang) if venue is not None else ""
    return f"{when} · {place}" if place else when


def troupe_text(item: ProgramItem | None, snap: Snapshot, lang: str) -> str:
    troupe = None if item is None else snap.troupe(item.troupe_id)
    return common.troupe_name(troupe, lang) if troupe is not None else ""


def _title_markup(change: ItemChange, lang: str) -> str:
    title = esc(common.item_title(change.current, lang))
    if Change.TITLE in change.what and change.before is not None:
        was = f"{common.heading(WAS, lang)}: {common.item_title(change.before, lang)}"
        title += f"<br/><font color='#555555'>{esc(was)}</font>"
    return f"<b>{title}</b>"


def _troupe_markup(change: ItemChange, changes: ChangeSet, lang: str) -> str:
    now = esc(troupe_text(change.after, changes.new, lang))
    if Change.TROUPE in change.what:
        was = troupe_text(change.before, changes.old, lang) or "–"
        now += "<br/><font color='#555555'>" + esc(f"{common.heading(WAS, lang)}: {was}")
        now += "</font>"
    return now or esc(troupe_text(change.before, changes.old, lang))


def version_name(release: Release | None, lang: str) -> str:
    """A version as the report names it: the release's name, or "now (not released)"."""
    if release is not None:
        return release.name
    return common.printed_in_each(N("Export", "now (not released)"), lang)


def _rows(changes: ChangeSet, setup: PdfSetup) -> list[list[object]]:
    lang = setup.lang
    style = setup.style(9, leading=11.5)
    rows: list[list[object]] = [
        [setup.para(common.heading(h, lang), 8, color=MUTED) for h in HEADINGS]
    ]
    for change in changes:
        rows.append(
            [
                Paragraph(f"<b>{esc(change_words(change, lang))}</b>", style),
                Paragraph(_title_markup(change, lang), style),
                Paragraph(_troupe_markup(change, changes, lang), style),
                Paragraph(esc(where_when(change.before, changes.old, lang)), style),
                Paragraph(esc(where_when(change.after, changes.new, lang)), style),
            ]
        )
    return rows


def _each(template: str, lang: str, spans: dict[str, str]) -> str:
    """A printed sentence about the versions compared, in each language with its own words
    for them ("현재(발행 전)", "now (not released)")."""
    if lang != "both":
        return common.printed(template, lang, span=spans[lang])
    return common.pair(
        common.printed(template, "ko", span=spans["ko"]),
        common.printed(template, "en", span=spans["en"]),
        "both",
    )


def _story(
    changes: ChangeSet,
    setup: PdfSetup,
    span: str,
    spans: dict[str, str],
    steps: Steps,
    *,
    per_troupe: bool,
    notice_languages: Mapping[int, str] | None = None,
) -> list[Flowable]:
    lang = setup.lang
    width = setup.pagesize[0] - 2 * MARGIN
    widths = [w * width for w in (0.14, 0.26, 0.18, 0.21, 0.21)]
    story: list[Flowable] = []
    if not per_troupe:
        title = common.heading(N("Export", "Program changes"), lang)
        count = common.printed(N("Export", "{count} changes"), lang, count=len(changes))
        story.append(SectionStart(Section(title, span, count), steps))
        if not changes:
            none = common.printed_in_each(N("Export", "Nothing changed."), lang)
            story.append(setup.para(none, 12, color=MUTED))
        else:
            story += row_tables(_rows(changes, setup), widths, setup)
        return story
    for index, troupe_id in enumerate(changes.troupe_ids()):
        troupe = changes.new.troupe(troupe_id) or changes.old.troupe(troupe_id)
        if troupe is None:
            continue
        if index:
            story.append(PageBreak())
        mine = changes.filtered(troupe_id=troupe_id)
        # In the troupe's own language when it has one, else the report's.
        page = replace(setup, lang=(notice_languages or {}).get(troupe_id) or setup.lang)
        lang = page.lang
        title = common.troupe_name(troupe, lang)
        subtitle = _each(N("Export", "Changes to your appearances: {span}"), lang, spans)
        story.append(
            SectionStart(Section(title, subtitle, common.troupe_city(troupe, lang)), steps)
        )
        story += row_tables(_rows(mine, page), widths, page)
        appearances = sorted(
            (i for i in changes.new.items if i.troupe_id == troupe_id and i.status != "cancelled"),
            key=lambda i: (_day_date(changes.new.day(i.day_id)), i.start),
        )
        heading = common.heading(N("Export", "Your appearances now"), lang)
        story.append(page.para(heading, 11, bold=True, space_after=4))
        if not appearances:
            story.append(page.para("–", 10, color=MUTED))
        for item in appearances:
            text = f"{where_when(item, changes.new, lang)} — {common.item_title(item, lang)}"
            story.append(page.para(text, 10, space_after=2))
    return story


def write_changes(
    changes: ChangeSet,
    out: Path,
    *,
    old: Release | None,
    new: Release | None,
    festival_title: str,
    festival: Path | None,
    lang: str = "both",
    per_troupe: bool = False,
    notice_languages: Mapping[int, str] | None = None,
    font: str | Path | None = None,
    invariant: bool = False,
    now: datetime | None = None,
) -> Path:
    """Write the change report (or, with `per_troupe`, one notice page per troupe whose
    appearances changed, each in `notice_languages[troupe id]` when given, else `lang`) to
    `out`, a .pdf or .xlsx, atomically."""
    if lang not in LANGUAGES:
        raise ExportError(
            message(N("Export", "Language must be ko, en or both, not '{value}'."), value=lang)
        )
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportError(
            message(
                N("Export", "{name} must end in .pdf or .xlsx."),
                name=out.name,
            )
        )
    if per_troupe and suffix != ".pdf":
        raise ExportError(message(N("Export", "Troupe notices are printed: give a .pdf file.")))
    if per_troupe and not changes.troupe_ids():
        raise ExportError(
            message(N("Export", "No troupe's appearances changed: there are no notices to print."))
        )
    common.check_output(out, festival)
    span = f"{version_name(old, lang)} → {version_name(new, lang)}"
    stamp = now or datetime.now().replace(second=0, microsecond=0)
    if suffix == ".pdf":
        from festival_app.exports.fonts import find_korean_font

        korean = find_korean_font(font)
    with common.atomic_output(out, festival) as tmp:
        if suffix == ".pdf":
            setup = PdfSetup(
                font=korean,
                lang=lang,
                festival_title=festival_title,
                now=stamp,
                pagesize=page_size("A4", True),
                invariant=invariant,
                release=release_footer.label(new, lang),
            )
            steps = Steps(max(1, len(changes.troupe_ids()) if per_troupe else 1), None, None)
            spans = {
                code: f"{version_name(old, code)} → {version_name(new, code)}"
                for code in ("ko", "en")
            }
            story = _story(
                changes,
                setup,
                span,
                spans,
                steps,
                per_troupe=per_troupe,
                notice_languages=notice_languages,
            )
            title = translate_into("en", "Export", "Program changes")
            build(tmp, setup, story, header_height=HEADER_HEIGHT, title=f"{title} {span}")
        else:
            _write_workbook(changes, tmp, lang)
    return out


def _write_workbook(changes: ChangeSet, out: Path, lang: str) -> None:
    from festival_app.exports.excel import SheetWriter, _sheet_title, _streamed

    headings = [
        N("Export", "Change"),
        N("Export", "Title (English)"),
        N("Export", "Title (Korean)"),
        N("Export", "Troupe"),
        N("Export", "Before"),
        N("Export", "After"),
    ]
    with _streamed(out) as wb:
        sheet = SheetWriter(
            wb,
            _sheet_title(common.heading(N("Export", "Program changes"), lang), set()),
            [common.heading(h, lang) for h in headings],
            "item",
        )
        for change in changes:
            item = change.current
            sheet.add(
                [
                    change_words(change, lang),
                    item.title_en,
                    item.title_ko,
                    troupe_text(change.after, changes.new, lang)
                    or troupe_text(change.before, changes.old, lang),
                    where_when(change.before, changes.old, lang),
                    where_when(change.after, changes.new, lang),
                ],
                item.title(),
            )
        sheet.write(paper="A4", landscape=True)


def _day_date(day: FestivalDay | None) -> date:
    """A day's date for sorting appearances (the earliest for a day no longer there)."""
    return day.date if day is not None else date.min
