"""schedule.xml and schedule.json in the c3voc schedule format (frab, pretalx), which
Giggity, EventFahrplan, ConfClerk and pyfahrplan read: venues as rooms, troupes as
persons, times in Seoul's time with their +09:00 offset, 5-minute time slots."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

from festival_app import __version__
from festival_app.domain.program import ITEM_KIND_LABELS, ProgramItem
from festival_app.domain.times import format_time
from festival_app.i18n import translate_into
from festival_app.publishing.model import (
    GENERATOR,
    SLOT_MINUTES,
    TIME_ZONE,
    Published,
    duration,
    iso,
)

SCHEMA_URL = "https://c3voc.de/schedule/schema.json"


def _kind_label(item: ProgramItem, language: str) -> str:
    english = ITEM_KIND_LABELS[item.kind]
    return english if language == "en" else translate_into("ko", "ItemKind", english)


def _persons(pub: Published, item: ProgramItem) -> list[tuple[int, str, str]]:
    troupe = pub.snapshot.troupe(item.troupe_id)
    if troupe is None or troupe.id is None:
        return []
    return [(troupe.id, pub.guid("troupe", troupe.id), pub.person_name(troupe))]


def _abstract(pub: Published, item: ProgramItem) -> str:
    troupe = pub.snapshot.troupe(item.troupe_id)
    if troupe is None:
        return ""
    city = (
        (troupe.city_ko or troupe.city_en)
        if pub.primary == "ko"
        else (troupe.city_en or troupe.city_ko)
    )
    return ", ".join(x for x in (pub.person_name(troupe), city, troupe.country) if x)


def _timeslot() -> str:
    return f"00:{SLOT_MINUTES:02d}"


def schedule_xml(pub: Published) -> bytes:
    """schedule.xml as UTF-8 bytes (ElementTree escapes every text and attribute)."""
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name=GENERATOR, version=__version__)
    if pub.base_url.startswith(("http://", "https://")):
        ET.SubElement(root, "url").text = pub.base_url + "schedule.xml"
    ET.SubElement(root, "version").text = pub.version
    conference = ET.SubElement(root, "conference")
    ET.SubElement(conference, "acronym").text = pub.acronym
    ET.SubElement(conference, "title").text = pub.title
    days = pub.days()
    if days:
        ET.SubElement(conference, "start").text = days[0].date.isoformat()
        ET.SubElement(conference, "end").text = days[-1].date.isoformat()
    ET.SubElement(conference, "days").text = str(len(days))
    ET.SubElement(conference, "timeslot_duration").text = _timeslot()
    if pub.base_url.startswith(("http://", "https://")):
        ET.SubElement(conference, "base_url").text = pub.base_url
    ET.SubElement(conference, "time_zone_name").text = TIME_ZONE
    for index, day in enumerate(days, start=1):
        start, end = pub.day_span(day)
        day_el = ET.SubElement(
            root, "day", index=str(index), date=day.date.isoformat(), start=start, end=end
        )
        for venue in pub.rooms:
            items = pub.items_at(day, venue)
            if not items:
                continue
            room_el = ET.SubElement(
                day_el, "room", name=pub.room_name(venue), guid=pub.guid("venue", venue.id)
            )
            for item in items:
                _event_xml(pub, room_el, item, day.date, pub.room_name(venue))
    ET.indent(root)
    # typeshed types the text as Any for an encoding other than "unicode": it is bytes.
    text: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return text + b"\n"


def _event_xml(pub: Published, room_el: ET.Element, item: ProgramItem, day: Any, room: str) -> None:
    title, subtitle = pub.item_title(item)
    event = ET.SubElement(room_el, "event", id=str(item.id), guid=pub.guid("program-item", item.id))
    fields = [
        ("date", iso(day, item.start)),
        ("start", format_time(item.start)),
        ("duration", duration(item)),
        ("room", room),
        ("slug", pub.slug(item)),
        ("title", title),
        ("subtitle", subtitle),
        ("track", _kind_label(item, pub.primary)),
        ("type", item.kind.value),
        ("language", pub.primary),
        ("abstract", _abstract(pub, item)),
        ("description", ""),
    ]
    for tag, text in fields:
        ET.SubElement(event, tag).text = text
    persons = ET.SubElement(event, "persons")
    for person_id, guid, name in _persons(pub, item):
        ET.SubElement(persons, "person", id=str(person_id), guid=guid).text = name
    ET.SubElement(event, "links")
    if pub.base_url.startswith(("http://", "https://")):
        ET.SubElement(event, "url").text = pub.url(item)


def schedule_data(pub: Published) -> dict[str, Any]:
    """schedule.json's content."""
    days = pub.days()
    conference: dict[str, Any] = {
        "acronym": pub.acronym,
        "title": pub.title,
        "start": days[0].date.isoformat() if days else "",
        "end": days[-1].date.isoformat() if days else "",
        "daysCount": len(days),
        "timeslot_duration": _timeslot(),
        "time_zone_name": TIME_ZONE,
        "rooms": [
            {
                "name": pub.room_name(v),
                "guid": pub.guid("venue", v.id),
                "type": "stage" if v.kind == "stage" else "outside",
            }
            for v in pub.rooms
        ],
        "days": [],
    }
    if pub.base_url:
        conference["url"] = pub.base_url
    for index, day in enumerate(days, start=1):
        start, end = pub.day_span(day)
        rooms: dict[str, list[dict[str, Any]]] = {}
        for venue in pub.rooms:
            items = pub.items_at(day, venue)
            if items:
                rooms[pub.room_name(venue)] = [
                    _event_data(pub, i, day.date, pub.room_name(venue)) for i in items
                ]
        conference["days"].append(
            {
                "index": index,
                "date": day.date.isoformat(),
                "day_start": start,
                "day_end": end,
                "rooms": rooms,
            }
        )
    schedule: dict[str, Any] = {"version": pub.version, "conference": conference}
    if pub.base_url:
        schedule["base_url"] = pub.base_url
    return {
        "$schema": SCHEMA_URL,
        "generator": {"name": GENERATOR, "version": __version__},
        "schedule": schedule,
    }


def _event_data(pub: Published, item: ProgramItem, day: Any, room: str) -> dict[str, Any]:
    title, subtitle = pub.item_title(item)
    return {
        "guid": pub.guid("program-item", item.id),
        "id": item.id,
        "date": iso(day, item.start),
        "start": format_time(item.start),
        "end": iso(day, item.end),
        "duration": duration(item),
        "room": room,
        "slug": pub.slug(item),
        "url": pub.url(item),
        "title": title,
        "subtitle": subtitle or None,
        "track": _kind_label(item, pub.primary),
        "type": item.kind.value,
        "language": pub.primary,
        "abstract": _abstract(pub, item),
        "description": None,
        # frab's form of a person (public_name and id): what pyfahrplan and older apps read.
        "persons": [
            {"id": pid, "guid": guid, "public_name": name}
            for pid, guid, name in _persons(pub, item)
        ],
        "links": [],
    }


def schedule_json(pub: Published) -> bytes:
    return (
        json.dumps(schedule_data(pub), ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    ).encode("utf-8")
