"""The calendar file parses into one event per item that is not cancelled, in Seoul time."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Component

from festival_app.domain.program import ItemStatus
from festival_app.exports import export
from festival_app.services import FestivalService

SEOUL = ZoneInfo("Asia/Seoul")


def _events(path: Path) -> list[Component]:
    cal = Calendar.from_ical(path.read_bytes())
    return list(cal.walk("VEVENT"))


def _time(event: Component, name: str) -> datetime:
    """The event's DTSTART or DTEND as a datetime (never a bare date here)."""
    value = event.decoded(name)
    assert isinstance(value, datetime)
    return value


def test_events_at_seoul_times(sample_service: FestivalService, tmp_path: Path) -> None:
    cancelled = sample_service.program()[0]
    sample_service.save(replace(cancelled, status=ItemStatus.CANCELLED))
    items = [i for i in sample_service.program() if i.status != ItemStatus.CANCELLED]
    out = tmp_path / "program.ics"
    export("calendar", sample_service, out, lang="en")
    events = _events(out)
    assert len(events) == len(items) == len(sample_service.program()) - 1
    days = {d.id: d.date for d in sample_service.days()}
    venues = {v.id: v.name_en for v in sample_service.venues()}
    by_uid = {str(e["uid"]): e for e in events}
    assert "VTIMEZONE" in out.read_text()
    for item in items:
        event = by_uid[f"item-{item.id}-2018@seoul-friendship-festival"]
        start = _time(event, "dtstart")
        end = _time(event, "dtend")
        assert start == datetime.combine(days[item.day_id], item.start, tzinfo=SEOUL)
        assert end == datetime.combine(days[item.day_id], item.end, tzinfo=SEOUL)
        offset = start.utcoffset()
        assert offset is not None and offset.total_seconds() == 9 * 3600
        assert str(event["summary"]) == item.title_en
        assert str(event["location"]) == venues[item.venue_id]
    assert f"item-{cancelled.id}-2018@seoul-friendship-festival" not in by_uid


def test_uids_stable_across_exports(sample_service: FestivalService, tmp_path: Path) -> None:
    export("calendar", sample_service, tmp_path / "a.ics")
    item = sample_service.program()[3]
    sample_service.save(replace(item, title_en="Renamed act"))
    export("calendar", sample_service, tmp_path / "b.ics")
    a = {str(e["uid"]): str(e["summary"]) for e in _events(tmp_path / "a.ics")}
    b = {str(e["uid"]): str(e["summary"]) for e in _events(tmp_path / "b.ics")}
    assert a.keys() == b.keys()
    changed = [uid for uid in a if a[uid] != b[uid]]
    assert changed == [f"item-{item.id}-2018@seoul-friendship-festival"]
    assert "Renamed act" in b[changed[0]]


def test_only_chosen_day(sample_service: FestivalService, tmp_path: Path) -> None:
    out = tmp_path / "d2.ics"
    export("calendar", sample_service, out, days=["2018-09-02"])
    day2 = next(d for d in sample_service.days() if d.date.isoformat() == "2018-09-02")
    assert len(_events(out)) == len(sample_service.program(day2.id))
