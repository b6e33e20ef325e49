"""Write a generated festival N times the real size, deterministic for a given N.

    python bench/generate.py --scale 100 --out /tmp/festival-100x.sqlite3

1x is about the 2018 festival: 15 troupes, 120 booths, 50 program items, 6 venues.
100x: 1,500 troupes, 12,000 booths, 5,000 program items, 50 venues (40 stages, the parade
route, 9 booth streets), on two long days (08:00-23:30) so that the program fits.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from festival_app.domain import countries
from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.festival import Festival, FestivalDay
from festival_app.domain.program import ItemKind, ItemStatus, ProgramItem
from festival_app.domain.times import from_minutes
from festival_app.domain.troupes import Relation, Troupe
from festival_app.domain.venues import Venue, VenueKind
from festival_app.services import FestivalService

CATEGORIES = [
    (BoothCategory.FOOD, 0.45),
    (BoothCategory.TOURISM, 0.4),
    (BoothCategory.NGO, 0.08),
    (BoothCategory.MARRIAGE_CULTURE, 0.07),
]
SYLLABLES_KO = "가나다라마바사아자차카타파하서울광장무교청계"


def _counts(scale: int) -> dict[str, int]:
    return {
        "stages": max(2, round(40 * scale / 100)),
        "areas": max(3, round(9 * scale / 100)),
        "troupes": 15 * scale,
        "booths": 120 * scale,
        "items": 50 * scale,
    }


def generate(path: Path, scale: int) -> Path:
    """Create the festival file at `path` (which must not exist) and return it."""
    rng = random.Random(scale)
    n = _counts(scale)
    codes = countries.codes()
    service = FestivalService.create(path)
    repos = service.repos
    with service.db.transaction():
        repos.festival.update(
            Festival(f"Generated festival {scale}x", f"생성된 축제 {scale}배", 30, "benchmark data")
        )
        days = [
            repos.days.insert(FestivalDay(date(2018, 9, 1), time(8), time(23, 30))),
            repos.days.insert(FestivalDay(date(2018, 9, 2), time(8), time(23, 30))),
        ]
        stages = [
            repos.venues.insert(
                Venue(
                    f"Stage {i + 1}",
                    f"무대 {i + 1}",
                    VenueKind.STAGE,
                    "Seoul Plaza",
                    capacity=500 + 100 * i,
                    changeover_min=5,
                )
            )
            for i in range(n["stages"])
        ]
        stages.append(
            repos.venues.insert(
                Venue(
                    "Parade route",
                    "퍼레이드 경로",
                    VenueKind.PARADE_ROUTE,
                    "Sejong-daero",
                    changeover_min=5,
                )
            )
        )
        per_area = -(-n["booths"] // n["areas"])
        areas = [
            repos.venues.insert(
                Venue(
                    f"Street {i + 1}",
                    f"거리 {i + 1}",
                    VenueKind.BOOTH_AREA,
                    f"Zone {i % 5}",
                    booth_spaces=per_area,
                    code_prefix=_prefix(i),
                )
            )
            for i in range(n["areas"])
        ]
        troupes = []
        for i in range(n["troupes"]):
            country = rng.choice(codes)
            city = f"City {i + 1}"
            troupes.append(
                repos.troupes.insert(
                    Troupe(
                        name=f"{countries.name(country)} Ensemble {i + 1}",
                        name_ko=f"{countries.name(country, 'ko')} 공연단 {i + 1}",
                        city_en=city,
                        city_ko="".join(rng.choice(SYLLABLES_KO) for _ in range(3)),
                        country=country,
                        relation=rng.choice(list(Relation)),
                        genre=rng.choice(["folk dance", "music", "acrobatics", "drums"]),
                        performers=rng.randint(5, 40),
                        contact=f"Contact {i + 1}",
                        email=f"troupe{i + 1}@example.org",
                        phone=f"+82-2-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
                        arrival=date(2018, 8, 31),
                        departure=date(2018, 9, 3),
                    )
                )
            )
        # Items follow each other on every stage and day, 5 minutes apart (the stages'
        # changeover), so the program is as dense as a real one without piling up clashes.
        venue_days = [(day, venue) for day in days for venue in stages]
        per_venue_day = -(-n["items"] // len(venue_days))
        day_minutes = 15 * 60 + 30
        slot = max(15, min(45, day_minutes // per_venue_day // 5 * 5))
        for i in range(n["items"]):
            day, venue = venue_days[i % len(venue_days)]
            start = day.opens.hour * 60 + (i // len(venue_days)) * slot
            troupe = troupes[i % len(troupes)]
            repos.program.insert(
                ProgramItem(
                    day_id=day.id or 0,
                    venue_id=venue.id or 0,
                    start=from_minutes(start),
                    end=from_minutes(start + slot - 5),
                    title_en=f"Performance {i + 1}",
                    title_ko=f"공연 {i + 1}",
                    kind=ItemKind.PARADE
                    if venue.kind == VenueKind.PARADE_ROUTE
                    else ItemKind.PERFORMANCE,
                    troupe_id=troupe.id,
                    status=rng.choices(list(ItemStatus), [0.1, 0.85, 0.05])[0],
                )
            )
        weights = [w for _, w in CATEGORIES]
        for i in range(n["booths"]):
            area = areas[i % len(areas)]
            number = i // len(areas) + 1
            category = rng.choices([c for c, _ in CATEGORIES], weights)[0]
            is_ngo = category == BoothCategory.NGO
            repos.booths.insert(
                Booth(
                    venue_id=area.id or 0,
                    category=category,
                    code=area.space_code(number),
                    country="" if is_ngo else rng.choice(codes),
                    organization=f"Organization {i + 1}" if is_ngo else "",
                    exhibitor=f"Exhibitor {i + 1}",
                    contact=f"Contact person {i + 1}",
                    email=f"booth{i + 1}@example.org",
                    phone=f"02-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
                    staff=rng.randint(1, 8),
                    power=rng.random() < 0.8,
                    water=rng.random() < 0.5,
                    gas=category == BoothCategory.FOOD and rng.random() < 0.5,
                    day_ids=frozenset() if rng.random() < 0.9 else frozenset({days[i % 2].id or 0}),
                )
            )
    service.close()
    return path


def _prefix(index: int) -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return letters[index % len(letters)] + (
        str(index // len(letters)) if index >= len(letters) else ""
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="N times the real festival (1-1000)")
    parser.add_argument("--out", type=Path, required=True, help="festival file to create")
    args = parser.parse_args()
    if not 1 <= args.scale <= 1000:
        parser.error("--scale must be between 1 and 1000")
    if args.out.exists():
        parser.error(f"{args.out} exists; choose a new path")
    generate(args.out, args.scale)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
