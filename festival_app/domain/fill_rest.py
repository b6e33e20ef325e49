"""Placing the unplaced booths: every booth without a code onto a free space of its area.

Plain Python, no I/O. Rules, as the organizers asked for them:

- A placed booth (one with a code) never moves, and a blocked or taken space is not free.
- A booth goes only on a space that offers everything it needs (power, water, gas).
- As many booths as possible are placed. Whether a booth fits a space depends only on
  what the booth needs and the space offers (eight kinds each), so the most booths that
  can be placed is a maximum flow between those kinds, found first; then each booth takes
  a space within its kind's share.
- Booths of one category stand together: each category grows as a block around where it
  already stands in the area (its placed booths), else from the first free space on, in
  the spaces' code order (a row is numbered along the street).
- What cannot be placed is listed with the reason.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.site_map import BoothSpace, code_order, needs_of
from festival_app.i18n import QT_TRANSLATE_NOOP as N

KINDS = range(8)  # bit sets of POWER | WATER | GAS

R_NO_SPACES = N("SiteMap", "{area} has no spaces on its map")
R_NO_FITTING_SPACE = N("SiteMap", "no free space in {area} offers {needs}")
R_FULL = N("SiteMap", "every space of {area} is taken or blocked")


@dataclass(frozen=True)
class Unplaced:
    """A booth that could not be placed, and why (`reason` a SiteMap-context template;
    `needs` the bits of the utilities it needed)."""

    booth: Booth
    reason: str
    needs: int = 0


@dataclass
class FillResult:
    """What placing the unplaced booths did: the booths placed, and those left with why."""

    placed: list[tuple[Booth, BoothSpace]] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)


def _fits(need: int, offer: int) -> bool:
    return need & offer == need


def max_flow_by_kind(booths_of: Sequence[int], spaces_of: Sequence[int]) -> list[list[int]]:
    """How many booths of each need-kind go on spaces of each offer-kind, placing as many
    as possible: `booths_of[k]` booths need kind k, `spaces_of[k]` spaces offer k.

    Augmenting paths (Edmonds-Karp) on 8 + 8 kinds: the graph is tiny whatever the
    festival's size."""
    source, sink = 16, 17
    cap = [[0] * 18 for _ in range(18)]
    for k in KINDS:
        cap[source][k] = booths_of[k]
        cap[8 + k][sink] = spaces_of[k]
        for s in KINDS:
            if _fits(k, s):
                cap[k][8 + s] = 1 << 60
    flow = [[0] * 18 for _ in range(18)]
    while True:
        parent = [-1] * 18
        parent[source] = source
        queue = [source]
        for node in queue:
            for nxt in range(18):
                if parent[nxt] == -1 and cap[node][nxt] - flow[node][nxt] > 0:
                    parent[nxt] = node
                    queue.append(nxt)
        if parent[sink] == -1:
            break
        push = 1 << 62
        node = sink
        while node != source:
            prev = parent[node]
            push = min(push, cap[prev][node] - flow[prev][node])
            node = prev
        node = sink
        while node != source:
            prev = parent[node]
            flow[prev][node] += push
            flow[node][prev] -= push
            node = prev
    return [[max(0, flow[k][8 + s]) for s in KINDS] for k in KINDS]


def fill_rest(
    booths: Iterable[Booth],
    spaces: Iterable[BoothSpace],
    area_names: dict[int, str] | None = None,
    venue_ids: Iterable[int] | None = None,
) -> FillResult:
    """Where each unplaced booth (no code) of `venue_ids` (None: every area) goes.

    `booths` are all the festival's booths (placed ones take their spaces), `spaces` all
    its spaces. Returns the placements and the booths left over with their reasons."""
    names = area_names or {}
    wanted = None if venue_ids is None else set(venue_ids)
    all_booths = list(booths)
    taken = {b.code for b in all_booths if b.code}
    spaces_by_venue: dict[int, list[BoothSpace]] = defaultdict(list)
    for space in spaces:
        spaces_by_venue[space.venue_id].append(space)
    waiting: dict[int, list[Booth]] = defaultdict(list)
    placed_by_venue: dict[int, list[Booth]] = defaultdict(list)
    for booth in all_booths:
        if wanted is not None and booth.venue_id not in wanted:
            continue
        if booth.code:
            placed_by_venue[booth.venue_id].append(booth)
        else:
            waiting[booth.venue_id].append(booth)
    result = FillResult()
    for venue_id in sorted(waiting):
        area = names.get(venue_id, f"#{venue_id}")
        _fill_area(
            waiting[venue_id],
            placed_by_venue[venue_id],
            spaces_by_venue.get(venue_id, []),
            taken,
            area,
            result,
        )
    return result


def _fill_area(
    booths: list[Booth],
    placed: list[Booth],
    spaces: list[BoothSpace],
    taken: set[str],
    area: str,
    result: FillResult,
) -> None:
    if not spaces:
        result.unplaced += [Unplaced(b, R_NO_SPACES, needs_of(b)) for b in booths]
        return
    ordered = sorted(spaces, key=lambda s: code_order(s.code))
    position = {s.code: i for i, s in enumerate(ordered)}
    free_by_kind: list[list[int]] = [[] for _ in KINDS]
    for index, space in enumerate(ordered):
        if not space.blocked and space.code not in taken:
            free_by_kind[space.offers].append(index)  # ascending: sorted already
    booths_by_kind: list[list[Booth]] = [[] for _ in KINDS]
    for booth in sorted(booths, key=_booth_order):
        booths_by_kind[needs_of(booth)].append(booth)
    quota = max_flow_by_kind([len(b) for b in booths_by_kind], [len(f) for f in free_by_kind])
    # Which booths of each kind get a space: as many as the flow gives, in booth order.
    chosen: list[Booth] = []
    for kind in KINDS:
        share = sum(quota[kind])
        chosen += booths_by_kind[kind][:share]
        any_free = any(free_by_kind[s] for s in KINDS)
        for booth in booths_by_kind[kind][share:]:
            if not any_free:
                result.unplaced.append(Unplaced(booth, R_FULL, kind))
            else:
                result.unplaced.append(Unplaced(booth, R_NO_FITTING_SPACE, kind))
    # Each category as a block, around where it already stands.
    anchors: dict[BoothCategory, int] = {}
    for category in BoothCategory:
        where = sorted(
            position[b.code] for b in placed if b.category == category and b.code in position
        )
        if where:
            anchors[category] = where[len(where) // 2]
    by_category: dict[BoothCategory, list[Booth]] = defaultdict(list)
    for booth in chosen:
        by_category[booth.category].append(booth)
    categories = sorted(by_category, key=lambda c: (c not in anchors, anchors.get(c, 0), _rank(c)))
    for category in categories:
        members = sorted(
            by_category[category], key=lambda b: (-bin(needs_of(b)).count("1"), _booth_order(b))
        )
        anchor = anchors.get(category)
        if anchor is None:
            firsts = [f[0] for f in free_by_kind if f]
            anchor = min(firsts) if firsts else 0
        for booth in members:
            need = needs_of(booth)
            best: tuple[int, int, int] | None = None  # (distance, index, offer kind)
            for offer in KINDS:
                if quota[need][offer] <= 0 or not free_by_kind[offer]:
                    continue
                free = free_by_kind[offer]
                at = bisect.bisect_left(free, anchor)
                for candidate in (at - 1, at):
                    if 0 <= candidate < len(free):
                        index = free[candidate]
                        key = (abs(index - anchor), index, offer)
                        if best is None or key < best:
                            best = key
            assert best is not None  # the flow promised a space of this kind
            _, index, offer = best
            free_by_kind[offer].remove(index)
            quota[need][offer] -= 1
            space = ordered[index]
            taken.add(space.code)
            result.placed.append((booth, space))


def _rank(category: BoothCategory) -> int:
    return list(BoothCategory).index(category)


def _booth_order(booth: Booth) -> tuple[int, str, str, int]:
    return (_rank(booth.category), booth.country, booth.organization, booth.id or 0)
