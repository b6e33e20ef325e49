"""The program as a calendar file (.ics) for phones and shared calendars."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from festival_app.domain.program import ItemStatus
from festival_app.domain.text import without_controls
from festival_app.exports import common
from festival_app.exports.common import Selection, Steps

SEOUL = ZoneInfo("Asia/Seoul")
UID_DOMAIN = "seoul-friendship-festival"


def item_uid(item_id: int, first_year: int | None) -> str:
    """A UID that stays the same across exports, so a re-import updates the event.

    The festival's year keeps items of different years' files apart.
    """
    year = f"-{first_year}" if first_year else ""
    return f"item-{item_id}{year}@{UID_DOMAIN}"


def count_calendar(sel: Selection) -> int:
    return 1


def write_calendar(sel: Selection, out: Path, steps: Steps, *, now: datetime | None = None) -> None:
    lang = sel.lang
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    first_year = min((d.date.year for d in sel.days), default=None)
    cal = Calendar()
    cal.add("prodid", "-//Seoul Friendship Festival//Organizer//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", common.festival_name(sel.festival, lang))
    cal.add("x-wr-timezone", "Asia/Seoul")
    for item in sel.items:
        if item.status == ItemStatus.CANCELLED or item.id is None:
            continue
        day = sel.day(item.day_id)
        venue = sel.venue(item.venue_id)
        if day is None:
            continue
        event = Event()
        event.add("uid", item_uid(item.id, first_year))
        event.add("dtstamp", stamp)
        event.add("dtstart", datetime.combine(day.date, item.start, tzinfo=SEOUL))
        event.add("dtend", datetime.combine(day.date, item.end, tzinfo=SEOUL))
        event.add("summary", without_controls(common.item_title(item, lang)))
        if venue is not None:
            event.add("location", without_controls(common.venue_name(venue, lang)))
        details = [common.kind_label(item, lang)]
        troupe = sel.troupe(item.troupe_id)
        if troupe is not None:
            city = common.troupe_city(troupe, lang)
            details.append(common.troupe_name(troupe, lang) + (f" ({city})" if city else ""))
        event.add("description", without_controls("\n".join(details)))
        event.add("status", "CONFIRMED" if item.status == ItemStatus.CONFIRMED else "TENTATIVE")
        cal.add_component(event)
    cal.add_missing_timezones()
    steps.step()
    out.write_bytes(cal.to_ical())
