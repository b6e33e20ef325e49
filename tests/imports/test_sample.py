"""The 2018 sample festival enters through the same parser and resolver as a workbook."""

from __future__ import annotations

import json
from collections import Counter
from datetime import time

from festival_app.domain.booths import BoothCategory
from festival_app.domain.program import ItemKind
from festival_app.domain.venues import VenueKind
from festival_app.imports.plan import make_plan
from festival_app.imports.sample import fill_with_sample, raw_from_json, sample_path
from festival_app.services import FestivalService


def test_sample_fills_an_empty_festival(empty_service: FestivalService) -> None:
    result = fill_with_sample(empty_service)
    service = empty_service
    assert len(service.days()) == 2
    assert len(service.venues()) == 6
    assert len(service.troupes()) == 15
    assert len(service.program()) == 30
    booths = service.booths()
    assert len(booths) == 131
    counts = Counter(b.category for b in booths)
    assert counts[BoothCategory.FOOD] == 57
    assert counts[BoothCategory.TOURISM] == 53
    assert counts[BoothCategory.NGO] == 11
    assert counts[BoothCategory.MARRIAGE_CULTURE] == 10
    # One batch: every record is in one change log (one undo step).
    assert len(result.log.changes) == 1 + 2 + 6 + 15 + 30 + 131  # the festival, then records
    assert service.festival().name_ko.startswith("2018 서울세계도시문화축제")


def test_sample_values_are_normalised(sample_service: FestivalService) -> None:
    venues = {v.name_en: v for v in sample_service.venues()}
    assert venues["Mugyo-ro"].kind == VenueKind.BOOTH_AREA
    assert venues["Street Parade Route"].kind == VenueKind.PARADE_ROUTE
    assert venues["Mugyo-ro"].changeover_min == 0  # null in the data
    cafe = venues["Music Cafe (Cheonggyecheon-ro)"]
    assert (cafe.opens, cafe.closes) == (time(13), time(17))
    troupe = next(t for t in sample_service.troupes() if t.city_en == "Beijing")
    assert troupe.name_ko == "베이징 가무단"
    items = sample_service.program()
    assert Counter(i.kind for i in items)[ItemKind.PARADE] == 3
    assert sum(1 for i in items if i.troupe_id is not None) > 15
    ngo = [b for b in sample_service.booths() if b.category == BoothCategory.NGO]
    assert {"UNHCR", "Greenpeace", "Save the Children"} <= {
        word
        for b in ngo
        for word in ("UNHCR", "Greenpeace", "Save the Children")
        if word in b.organization
    }
    assert any(b.day_ids for b in sample_service.booths())  # some booths only one day


def test_sample_again_changes_nothing(sample_service: FestivalService) -> None:
    data = json.loads(sample_path().read_text(encoding="utf-8"))
    plan = make_plan(sample_service, raw_from_json(data))
    assert not plan.problems
    assert not plan.has_changes
    assert sum(c.unchanged for c in plan.counts.values()) == 1 + 2 + 6 + 15 + 30 + 131
