"""Clashes on the site maps: booths on spaces that do not suit them.

Plain Python, no I/O. The rules:

- Two booths on one space: a booth's code is its space, and codes are unique, so two
  booths stand on the same ground only where two taken spaces overlap on the map (an
  error).
- A booth on a blocked space (fire lane, tree) is an error.
- A booth that needs power, water or gas on a space that does not offer it is an error.
- A booth whose code is not a space of its own area's map, in an area that has spaces
  drawn, is a warning (an area without a map keeps its numbered codes without a drawing).

The clashes carry the booths' ids (`booth_ids`) and no program items; their keys are
stable like the program's, so an acknowledgement stays with a clash.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from festival_app.domain.booths import Booth
from festival_app.domain.clashes import NO_ACKNOWLEDGEMENTS, SEVERITY_OF, Clash, ClashKind
from festival_app.domain.errors import SEVERITY_RANK
from festival_app.domain.site_map import BoothSpace, needs_of, overlapping_pairs, utility_words
from festival_app.domain.venues import Venue
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate

T_SPACE_SHARED = N(
    "Clash", "{first} on {first_code} and {second} on {second_code} stand on the same ground"
)
T_BLOCKED = N("Clash", "{booth} is on space {code}, which is blocked")
T_BLOCKED_REASON = N("Clash", "{booth} is on space {code}, which is blocked: {reason}")
T_LACKS = N("Clash", "{booth} needs {missing}, which space {code} does not offer")
T_OFF_MAP = N("Clash", "{booth} has code {code}, which is not a space on the map of {venue}")


def booth_name(booth: Booth, language: str) -> str:
    return booth.label(language) or f"#{booth.id}"


def find_site_clashes(
    venues: Sequence[Venue],
    booths: Sequence[Booth],
    spaces: Sequence[BoothSpace],
    acknowledgements: Mapping[str, str] = NO_ACKNOWLEDGEMENTS,
    language: str = "en",
) -> list[Clash]:
    """Every site-map clash, errors first, then by space code."""
    venue_names = {v.id: v.name(language) for v in venues}
    by_code = {s.code: s for s in spaces}
    mapped_venues = {s.venue_id for s in spaces}
    booth_on = {b.code: b for b in booths if b.code}
    out: list[Clash] = []

    def add(kind: ClashKind, on: Sequence[Booth], template: str, params: dict[str, object]) -> None:
        ids = tuple(b.id or 0 for b in on)
        key = ":".join([kind.value, *(f"b{i}" for i in sorted(ids))])
        out.append(
            Clash(
                SEVERITY_OF[kind],
                kind,
                (),
                None,
                template,
                params,
                key,
                key in acknowledgements,
                acknowledgements.get(key, ""),
                ids,
            )
        )

    for booth in booths:
        if not booth.code:
            continue
        space = by_code.get(booth.code)
        name = booth_name(booth, language)
        if space is None or space.venue_id != booth.venue_id:
            if booth.venue_id in mapped_venues:
                add(
                    ClashKind.BOOTH_OFF_MAP,
                    (booth,),
                    T_OFF_MAP,
                    {
                        "booth": name,
                        "code": booth.code,
                        "venue": venue_names.get(booth.venue_id, "?"),
                    },
                )
            continue
        if space.blocked:
            template = T_BLOCKED_REASON if space.blocked_reason.strip() else T_BLOCKED
            params: dict[str, object] = {"booth": name, "code": space.code}
            if space.blocked_reason.strip():
                params["reason"] = space.blocked_reason.strip()
            add(ClashKind.BOOTH_ON_BLOCKED_SPACE, (booth,), template, params)
        missing = needs_of(booth) & ~space.offers
        if missing:
            words = ", ".join(translate("SiteMap", w) for w in utility_words(missing))
            add(
                ClashKind.SPACE_LACKS_UTILITY,
                (booth,),
                T_LACKS,
                {"booth": name, "missing": words, "code": space.code},
            )

    # Each area's map has its own coordinates: spaces overlap only within one area.
    taken_by_area: dict[int, list[BoothSpace]] = {}
    for space in spaces:
        if space.code in booth_on:
            taken_by_area.setdefault(space.venue_id, []).append(space)
    pairs = [p for group in taken_by_area.values() for p in overlapping_pairs(group)]
    for first, second in pairs:
        a, b = booth_on[first.code], booth_on[second.code]
        if (a.id or 0) > (b.id or 0):
            first, second, a, b = second, first, b, a
        if a.day_ids and b.day_ids and not a.day_ids & b.day_ids:
            continue  # on different days: they take turns
        add(
            ClashKind.SPACE_SHARED,
            (a, b),
            T_SPACE_SHARED,
            {
                "first": booth_name(a, language),
                "first_code": first.code,
                "second": booth_name(b, language),
                "second_code": second.code,
            },
        )
    out.sort(key=lambda c: (SEVERITY_RANK[c.severity], c.kind.value, c.key))
    return out
