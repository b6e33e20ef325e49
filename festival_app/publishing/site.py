"""The static festival web page: index.html, style.css and script.js.

Bilingual: every text is there in Korean and English; with JavaScript off both show
(Korean first), and the script only adds buttons that choose one language (kept in the
browser; `?lang=en` in the address chooses too). No external fonts, CDNs or trackers: the
page uses the reader's own fonts. Every text from the festival file is escaped.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from html import escape

from festival_app.domain import countries
from festival_app.domain.booths import BOOTH_CATEGORY_LABELS, Booth, BoothCategory
from festival_app.domain.changes import ChangeSet
from festival_app.domain.program import ITEM_KIND_LABELS, ItemStatus, ProgramItem
from festival_app.domain.times import format_time
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate_into
from festival_app.publishing.model import Published, seoul
from festival_app.releasing import SEOUL

WEEKDAYS_KO = "월화수목금토일"
PROGRAM = N("Publish", "Program")
BOOTHS = N("Publish", "Booths")
CANCELLED = N("Publish", "Cancelled")


def _e(text: str) -> str:
    return escape(text, quote=True)


def bi(korean: str, english: str, tag: str = "span") -> str:
    """Both languages, each marked so that the page can show one (the one that exists
    shows always)."""
    korean, english = korean.strip(), english.strip()
    if korean and english and korean != english:
        return (
            f'<{tag} class="ko" lang="ko">{_e(korean)}</{tag}>'
            f'<{tag} class="en" lang="en">{_e(english)}</{tag}>'
        )
    return f"<{tag}>{_e(korean or english)}</{tag}>"


def _label(context: str, english: str) -> str:
    return bi(translate_into("ko", context, english), english)


def _date(day_date: date) -> str:
    ko = f"{day_date.month}월 {day_date.day}일 ({WEEKDAYS_KO[day_date.weekday()]})"
    en = f"{day_date.strftime('%a')} {day_date.day} {day_date.strftime('%b')}"
    return bi(ko, en)


def _item(pub: Published, item: ProgramItem, day: date) -> str:
    troupe = pub.snapshot.troupe(item.troupe_id)
    cancelled = item.status == ItemStatus.CANCELLED
    when = f"{format_time(item.start)}–{format_time(item.end)}"
    parts = [
        f'<li class="item{" cancelled" if cancelled else ""}" id="item-{item.id}">',
        f'<time datetime="{_e(seoul(day, item.start).isoformat())}">{when}</time>',
        '<div class="what">',
        f'<div class="title">{bi(item.title_ko, item.title_en)}</div>',
    ]
    meta = [_label("ItemKind", ITEM_KIND_LABELS[item.kind])]
    if troupe is not None:
        meta.append(bi(troupe.name_ko, troupe.name))
        city = bi(troupe.city_ko, troupe.city_en)
        if troupe.city_ko or troupe.city_en:
            meta.append(city)
    if cancelled:
        meta.insert(0, f'<strong class="flag">{_label("Publish", CANCELLED)}</strong>')
    parts.append(f'<div class="meta">{" · ".join(meta)}</div>')
    parts.append("</div></li>")
    return "".join(parts)


def _program(pub: Published) -> str:
    shown = sorted(
        pub.snapshot.items, key=lambda i: (i.day_id, i.venue_id, i.start, i.id or 0)
    )  # cancelled ones too, marked, so that nobody waits for them
    out = ['<section id="program">', f"<h2>{_label('Publish', PROGRAM)}</h2>"]
    for day in pub.days():
        out.append(f'<section class="day" id="day-{day.date.isoformat()}">')
        out.append(f"<h3>{_date(day.date)}</h3>")
        for venue in pub.rooms:
            items = [i for i in shown if i.day_id == day.id and i.venue_id == venue.id]
            if not items:
                continue
            out.append('<section class="venue">')
            out.append(f"<h4>{bi(venue.name_ko, venue.name_en)}</h4>")
            out.append('<ol class="items">')
            out.extend(_item(pub, i, day.date) for i in items)
            out.append("</ol></section>")
        out.append("</section>")
    out.append("</section>")
    return "\n".join(out)


def _country(booth: Booth) -> tuple[str, str]:
    if booth.country:
        return countries.name(booth.country, "ko"), countries.name(booth.country, "en")
    return ("국제기구·단체", "Organizations")


def _booths(pub: Published) -> str:
    by_category: dict[BoothCategory, list[Booth]] = defaultdict(list)
    for booth in pub.snapshot.booths:
        by_category[booth.category].append(booth)
    out = ['<section id="booths">', f"<h2>{_label('Publish', BOOTHS)}</h2>"]
    for category in BoothCategory:
        booths = by_category.get(category)
        if not booths:
            continue
        out.append(f'<section class="category" id="booths-{category.value}">')
        out.append(
            f"<h3>{_label('BoothCategory', BOOTH_CATEGORY_LABELS[category])}"
            f' <span class="count">{len(booths)}</span></h3>'
        )
        groups: dict[tuple[str, str], list[Booth]] = defaultdict(list)
        for booth in booths:
            groups[_country(booth)].append(booth)
        out.append('<dl class="countries">')
        for (ko, en), members in sorted(groups.items(), key=lambda g: g[0][1].casefold()):
            out.append(f"<dt>{bi(ko, en)}</dt><dd><ul>")
            for booth in sorted(members, key=lambda b: (b.code or "~", b.organization)):
                venue = pub.snapshot.venue(booth.venue_id)
                where = bi(venue.name_ko, venue.name_en) if venue is not None else ""
                code = f'<span class="code">{_e(booth.code)}</span> ' if booth.code else ""
                name = booth.organization or booth.exhibitor
                text = f"{code}{_e(name)}" if name else code
                out.append(f"<li>{text} <span class='where'>{where}</span></li>")
            out.append("</ul></dd>")
        out.append("</dl></section>")
    out.append("</section>")
    return "\n".join(out)


def _changes(pub: Published, changes: ChangeSet | None, since: str) -> str:
    if changes is None:
        return ""
    out = [
        '<section id="changes">',
        "<h2>" + bi(f"{since} 이후 바뀐 점", f"Changed since {since}") + "</h2>",
    ]
    if not changes:
        out.append(f"<p>{bi('바뀐 점이 없습니다.', 'Nothing changed.')}</p>")
    else:
        out.append("<ul>")
        for change in changes:
            words = ", ".join(_label("Change", label) for label in change.labels())
            item = change.current
            link = f'<a href="#item-{item.id}">' if change.after is not None else "<span>"
            end = "</a>" if change.after is not None else "</span>"
            out.append(
                f"<li><strong>{words}</strong> {link}{bi(item.title_ko, item.title_en)}{end}</li>"
            )
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def index_html(pub: Published, changes: ChangeSet | None = None, since: str = "") -> bytes:
    """The page; `changes` since the release before (`since`) are listed when given."""
    f = pub.snapshot.festival
    if pub.release is not None and pub.release.created_at is not None:
        when = pub.release.created_at.astimezone(SEOUL).strftime("%Y-%m-%d %H:%M")
        release = bi(
            f"발행판 {pub.release.name} · {when} (서울 시각)",
            f"Release {pub.release.name} · {when} (Seoul time)",
        )
        comment = bi(pub.release.comment_ko, pub.release.comment_en)
    else:
        release = bi("초안, 발행 전", "Draft, not released")
        comment = ""
    days = " ".join(f'<a href="#day-{d.date.isoformat()}">{_date(d.date)}</a>' for d in pub.days())
    title_text = " / ".join(x for x in (f.name_ko, f.name_en) if x) or "Festival"
    page = f"""<!DOCTYPE html>
<html lang="ko" data-lang="both">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title_text)}</title>
<link rel="stylesheet" href="style.css">
<link rel="alternate" type="application/atom+xml" href="changes.xml" title="Changes">
<script src="script.js" defer></script>
</head>
<body>
<header>
<h1>{bi(f.name_ko, f.name_en)}</h1>
<p class="release">{release}</p>
{f'<p class="comment">{comment}</p>' if comment and comment != "<span></span>" else ""}
<nav class="languages" hidden aria-label="Language">
<button type="button" data-lang="ko" lang="ko">한국어</button>
<button type="button" data-lang="en" lang="en">English</button>
<button type="button" data-lang="both">한국어 + English</button>
</nav>
<nav class="contents">{days} <a href="#booths">{_label("Publish", BOOTHS)}</a></nav>
</header>
<main>
{_changes(pub, changes, since)}
{_program(pub)}
{_booths(pub)}
</main>
<footer>
<p>{bi("앱과 캘린더용 일정", "The schedule for apps")}: <a href="schedule.xml">schedule.xml</a> · <a href="schedule.json">schedule.json</a> · <a href="changes.xml">{bi("바뀐 점 (Atom)", "Changes (Atom feed)")}</a></p>
</footer>
</body>
</html>
"""
    return page.encode("utf-8")


STYLE_CSS = """\
:root { --ink: #1a1a1a; --muted: #555; --rule: #ccc; --accent: #0b5cad; --shade: #f3f6fa; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", "Malgun Gothic",
  "Apple SD Gothic Neo", "Noto Sans KR", "NanumGothic", sans-serif; color: var(--ink);
  line-height: 1.45; background: #fff; word-break: keep-all; overflow-wrap: anywhere; }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1rem; border-bottom: 2px solid var(--ink); }
h1 { font-size: 1.5rem; margin: 0 0 .3rem; }
h1 .en { display: block; font-size: 1.05rem; font-weight: normal; color: var(--muted); }
h2 { font-size: 1.3rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.15rem; margin: 1.2rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; color: var(--accent); }
.release { margin: .2rem 0; color: var(--muted); }
.comment { margin: .2rem 0; }
.ko + .en::before { content: " / "; color: var(--muted); }
.title .ko + .en::before, h1 .ko + .en::before { content: none; }
.title .en { display: block; color: var(--muted); font-size: .95em; }
html[data-lang="ko"] .en, html[data-lang="en"] .ko { display: none; }
html[data-lang="ko"] .title .en, html[data-lang="en"] .title .ko { display: none; }
html[data-lang="en"] .ko + .en::before { content: none; }
html[data-lang="en"] h1 .en { display: block; font-size: inherit; font-weight: bold; color: inherit; }
html[data-lang="en"] .title .en { color: inherit; font-size: inherit; }
nav.contents { display: flex; flex-wrap: wrap; gap: .4rem .8rem; padding: .5rem 0; }
nav.contents a { color: var(--accent); }
nav.languages { display: flex; flex-wrap: wrap; gap: .4rem; margin: .4rem 0; }
nav.languages[hidden] { display: none; }
nav.languages button { font: inherit; padding: .35rem .7rem; border: 1px solid var(--accent);
  background: #fff; color: var(--accent); border-radius: .3rem; min-height: 2.2rem; }
nav.languages button[aria-pressed="true"] { background: var(--accent); color: #fff; }
ol.items { list-style: none; margin: 0; padding: 0; }
li.item { display: grid; grid-template-columns: 7.2rem 1fr; gap: .6rem; padding: .45rem .3rem;
  border-bottom: 1px solid var(--rule); }
li.item:nth-child(even) { background: var(--shade); }
li.item time { font-variant-numeric: tabular-nums; font-weight: 600; }
li.item .meta { color: var(--muted); font-size: .9em; }
li.item.cancelled .title { text-decoration: line-through; color: var(--muted); }
.flag { color: #a40000; }
:target { outline: 3px solid #f0b400; }
dl.countries { margin: 0; }
dl.countries dt { font-weight: 600; margin-top: .5rem; }
dl.countries dd { margin: 0 0 0 1rem; }
dl.countries ul { margin: .2rem 0; padding-left: 1rem; }
.code { font-variant-numeric: tabular-nums; font-weight: 600; }
.where, .count { color: var(--muted); font-size: .9em; }
#changes ul { padding-left: 1.2rem; }
footer { margin-top: 2rem; padding-top: .5rem; padding-bottom: 2rem; border-top: 1px solid var(--rule);
  color: var(--muted); font-size: .9em; }
footer a { color: var(--accent); }
@media (max-width: 32rem) {
  li.item { grid-template-columns: 1fr; gap: .1rem; }
  h1 { font-size: 1.3rem; }
}
@media print { nav { display: none; } li.item:nth-child(even) { background: none; } }
"""

SCRIPT_JS = """\
// Language buttons: the page shows both languages without this script.
(function () {
  "use strict";
  var root = document.documentElement;
  var nav = document.querySelector("nav.languages");
  var wanted = new URLSearchParams(window.location.search).get("lang");
  var stored = null;
  try { stored = window.localStorage.getItem("festival-lang"); } catch (e) { stored = null; }
  function choose(lang, keep) {
    if (lang !== "ko" && lang !== "en" && lang !== "both") { lang = "both"; }
    root.setAttribute("data-lang", lang);
    root.setAttribute("lang", lang === "en" ? "en" : "ko");
    var buttons = nav ? nav.querySelectorAll("button") : [];
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-lang") === lang));
    }
    if (keep) {
      try { window.localStorage.setItem("festival-lang", lang); } catch (e) { /* private mode */ }
    }
  }
  choose(wanted || stored || "both", false);
  if (nav) {
    nav.hidden = false;
    nav.addEventListener("click", function (event) {
      var lang = event.target && event.target.getAttribute("data-lang");
      if (lang) { choose(lang, true); }
    });
  }
})();
"""
