"""Placing the unplaced booths, checked over generated areas (hypothesis)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.fill_rest import R_NO_SPACES, fill_rest, max_flow_by_kind
from festival_app.domain.site_map import BoothSpace, needs_of, numbered_codes

CATEGORIES = [BoothCategory.FOOD, BoothCategory.TOURISM, BoothCategory.NGO]


@st.composite
def areas(draw: st.DrawFn) -> tuple[list[Booth], list[BoothSpace]]:
    space_count = draw(st.integers(0, 30))
    codes = numbered_codes("M", 1, space_count)
    spaces = [
        BoothSpace(
            1,
            code,
            x=3.0 * n,
            power=draw(st.booleans()),
            water=draw(st.booleans()),
            gas=draw(st.booleans()),
            blocked=draw(st.integers(0, 5)) == 0,
            id=n + 1,
        )
        for n, code in enumerate(codes)
    ]
    booth_count = draw(st.integers(0, 35))
    free_codes = list(codes)
    booths = []
    for n in range(booth_count):
        placed = free_codes and draw(st.integers(0, 3)) == 0
        code = free_codes.pop(draw(st.integers(0, len(free_codes) - 1))) if placed else ""
        booths.append(
            Booth(
                1,
                draw(st.sampled_from(CATEGORIES)),
                code,
                "TH",
                power=draw(st.booleans()),
                water=draw(st.integers(0, 2)) == 0,
                gas=draw(st.integers(0, 2)) == 0,
                id=n + 1,
            )
        )
    return booths, spaces


@settings(max_examples=300, deadline=None)
@given(areas())
def test_every_booth_that_fits_is_placed_once_on_a_space_meeting_its_needs(
    area: tuple[list[Booth], list[BoothSpace]],
) -> None:
    booths, spaces = area
    result = fill_rest(booths, spaces, {1: "Mugyo-ro"})
    placed_ids = [b.id or 0 for b, _ in result.placed]
    used = [s.code for _, s in result.placed]
    # Nothing placed twice; no space given twice, nor a taken or blocked one.
    assert len(placed_ids) == len(set(placed_ids))
    assert len(used) == len(set(used))
    taken = {b.code for b in booths if b.code}
    for booth, space in result.placed:
        assert not booth.code  # a placed booth never moves
        assert space.code not in taken and not space.blocked
        assert needs_of(booth) & space.offers == needs_of(booth)
    # Every unplaced booth is placed or listed, once.
    waiting = [b.id or 0 for b in booths if not b.code]
    listed = [u.booth.id or 0 for u in result.unplaced]
    assert sorted(placed_ids + listed) == sorted(waiting)
    # What is left over had no free space meeting its needs.
    free = [s for s in spaces if not s.blocked and s.code not in taken and s.code not in set(used)]
    for left in result.unplaced:
        need = needs_of(left.booth)
        assert not any(need & s.offers == need for s in free)
    # And as many booths are placed as any assignment could place.
    kinds = Counter(needs_of(b) for b in booths if not b.code)
    offers = Counter(s.offers for s in spaces if not s.blocked and s.code not in taken)
    flow = max_flow_by_kind([kinds[k] for k in range(8)], [offers[k] for k in range(8)])
    assert len(result.placed) == sum(map(sum, flow)) == _brute_force_max(booths, spaces, taken)


def _brute_force_max(booths: list[Booth], spaces: list[BoothSpace], taken: set[str]) -> int:
    """The largest matching by augmenting paths booth by booth (Kuhn's algorithm)."""
    free = [s for s in spaces if not s.blocked and s.code not in taken]
    waiting = [b for b in booths if not b.code]
    owner: dict[int, int] = {}

    def augment(b: int, seen: set[int]) -> bool:
        need = needs_of(waiting[b])
        for s, space in enumerate(free):
            if need & space.offers != need or s in seen:
                continue
            seen.add(s)
            if s not in owner or augment(owner[s], seen):
                owner[s] = b
                return True
        return False

    return sum(augment(b, set()) for b in range(len(waiting)))


def test_categories_stand_in_blocks_next_to_their_placed_booths() -> None:
    spaces = [BoothSpace(1, c, id=n) for n, c in enumerate(numbered_codes("M", 1, 20))]
    booths = [Booth(1, BoothCategory.TOURISM, "M-15", "JP", id=100)]
    booths += [Booth(1, BoothCategory.FOOD, "", "TH", id=n) for n in range(1, 6)]
    booths += [Booth(1, BoothCategory.TOURISM, "", "VN", id=n) for n in range(6, 10)]
    result = fill_rest(booths, spaces)
    food = sorted(int(s.code[2:]) for b, s in result.placed if b.category == BoothCategory.FOOD)
    tourism = sorted(
        int(s.code[2:]) for b, s in result.placed if b.category == BoothCategory.TOURISM
    )
    assert food == [1, 2, 3, 4, 5]  # a block from the first free space on
    assert tourism == [13, 14, 16, 17]  # around the tourism booth already on M-15
    assert result.unplaced == []


def test_an_area_without_spaces_says_so() -> None:
    result = fill_rest([Booth(1, BoothCategory.FOOD, "", "TH", id=1)], [], {1: "Mugyo-ro"})
    assert [u.reason for u in result.unplaced] == [R_NO_SPACES]
