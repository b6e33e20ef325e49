"""changes.xml: an Atom feed of the releases, each entry saying what changed in it since
the release before."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from html import escape

from festival_app.domain.changes import ChangeSet
from festival_app.domain.releases import Release
from festival_app.i18n import translate_into
from festival_app.publishing.model import Published

ATOM = "http://www.w3.org/2005/Atom"


def _stamp(when: datetime | None) -> str:
    return (when or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")


def _changes_html(changes: ChangeSet | None) -> str:
    """The entry's content: a list of the changes, every text escaped (ElementTree escapes
    the whole again as the element's text, as Atom's type="html" wants)."""
    if changes is None:
        return "<p>첫 발행판입니다. / First release.</p>"
    if not changes:
        return "<p>프로그램 변경 없음. / Nothing changed in the program.</p>"
    lines = []
    for change in changes:
        english = change.labels()
        korean = [translate_into("ko", "Change", label) for label in english]
        what = " / ".join(dict.fromkeys([", ".join(korean), ", ".join(english)]))
        item = change.current
        title = " / ".join(x for x in (item.title_ko, item.title_en) if x)
        lines.append(f"<li><b>{escape(what)}</b>: {escape(title)}</li>")
    return "<ul>" + "".join(lines) + "</ul>"


def changes_atom(pub: Published, history: list[tuple[Release, ChangeSet | None]]) -> bytes:
    """The feed: `history` holds each release (oldest first) with its changes since the
    one before (None for the first)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    f = pub.snapshot.festival
    title = " / ".join(x for x in (f.name_ko, f.name_en) if x) or "Festival"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"urn:uuid:{pub.festival_guid}"
    newest = history[-1][0].created_at if history else None
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(newest)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = title
    if pub.base_url:
        ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=pub.base_url + "changes.xml")
        ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=pub.base_url)
    for release, changes in reversed(history):
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = release.name
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:uuid:{pub.guid('release', release.id)}"
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(release.created_at)
        comment = " / ".join(x for x in (release.comment_ko, release.comment_en) if x)
        if comment:
            ET.SubElement(entry, f"{{{ATOM}}}summary").text = comment
        content = ET.SubElement(entry, f"{{{ATOM}}}content", type="html")
        content.text = _changes_html(changes)
    ET.indent(feed)
    # typeshed types the text as Any for an encoding other than "unicode": it is bytes.
    text: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return text + b"\n"
