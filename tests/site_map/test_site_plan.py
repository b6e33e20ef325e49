"""Drawing spaces and placing booths in a real festival file, each step undone and redone."""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from festival_app import clash_checks, site_plan
from festival_app.domain.booths import Booth
from festival_app.domain.clashes import ClashKind
from festival_app.domain.errors import ValidationError
from festival_app.domain.site_map import BoothSpace
from festival_app.domain.venues import Venue
from festival_app.services import FestivalService
from festival_app.store.errors import StaleRecordError


def area(service: FestivalService, prefix: str) -> Venue:
    return next(v for v in site_plan.booth_areas(service) if v.code_prefix == prefix)


def state(service: FestivalService) -> tuple[object, ...]:
    return (
        service.booths(),
        service.venues(),
        site_plan.spaces(service),
        service.repos.site_maps.all(),
    )


def file_bytes(service: FestivalService) -> bytes:
    return Path(service.path).read_bytes()


def check_undo_redo(service: FestivalService, log: object, before: tuple[object, ...]) -> None:
    after = state(service)
    assert after != before
    service.revert(log)  # type: ignore[arg-type]
    assert state(service) == before
    service.reapply(log)  # type: ignore[arg-type]
    assert state(service) == after


@pytest.fixture
def mugyo(sample_service: FestivalService) -> Venue:
    """Mugyo-ro, its booths on their codes, and no area's spaces drawn yet (the sample
    ships its maps: taken away here, the booths' codes kept)."""
    sample_service.delete(BoothSpace, [s.id for s in site_plan.spaces(sample_service) if s.id])
    return area(sample_service, "M")


def test_a_row_is_drawn_as_one_step(sample_service: FestivalService, mugyo: Venue) -> None:
    before = state(sample_service)
    log = site_plan.add_row(sample_service, mugyo.id or 0, (0, 0), (180, 0), 60, gas=True)
    drawn = site_plan.spaces(sample_service, mugyo.id)
    assert [s.code for s in drawn] == [f"M-{n:02d}" for n in range(1, 61)]
    check_undo_redo(sample_service, log, before)


def test_spaces_beyond_the_area_s_number_take_booths_and_leave_the_area_as_it_was(
    sample_service: FestivalService, mugyo: Venue
) -> None:
    """Mugyo-ro has 60 booth spaces. Drawing M-61 to M-70, renumbering onto M-75, placing
    booths there and filling the rest change no venue: only what the person did changes."""
    venue_before = sample_service.get(Venue, mugyo.id or 0)
    assert venue_before is not None and venue_before.booth_spaces == 60
    before = state(sample_service)
    log = site_plan.add_row(
        sample_service,
        mugyo.id or 0,
        (0, 0),
        (0, 30),
        10,
        first_number=61,
        power=True,
        water=True,
        gas=True,
    )
    check_undo_redo(sample_service, log, before)

    booth = next(b for b in sample_service.booths() if b.code == "M-01")
    far = next(s for s in site_plan.spaces(sample_service, mugyo.id) if s.code == "M-70")
    site_plan.place(sample_service, booth, far)
    site_plan.renumber(sample_service, [far], ["M-75"])
    assert sample_service.get(Booth, booth.id or 0).code == "M-75"  # type: ignore[union-attr]
    second = next(b for b in sample_service.booths() if b.code == "M-02")
    site_plan.unplace(sample_service, [second])
    _, filled = site_plan.fill(sample_service, [mugyo.id or 0])
    ((placed, space),) = filled.placed  # onto a drawn space beyond the number
    assert placed.id == second.id and (mugyo.space_number(space.code) or 0) > 60
    saved = sample_service.get(Booth, booth.id or 0)
    assert saved is not None
    sample_service.save(replace(saved, notes="still fits"))  # a later edit still passes

    venue_after = sample_service.get(Venue, mugyo.id or 0)
    assert venue_after is not None
    assert (venue_after.booth_spaces, venue_after.row_version) == (60, venue_before.row_version)
    # A code beyond the number that is not drawn is still refused.
    with pytest.raises(ValidationError, match="M-80' is not a space of Mugyo-ro"):
        sample_service.save(replace(saved, code="M-80"))


def test_a_booth_on_a_drawn_space_beyond_the_number_keeps_the_area_from_shrinking_below_it(
    sample_service: FestivalService, mugyo: Venue
) -> None:
    """The number of booth spaces can fall below a drawn space a booth stands on, never
    below a booth whose code is only a number."""
    site_plan.add_row(sample_service, mugyo.id or 0, (0, 0), (0, 30), 10, first_number=61)
    last = next(b for b in sample_service.booths() if b.code == "M-33")  # the sample's last
    far = next(s for s in site_plan.spaces(sample_service, mugyo.id) if s.code == "M-65")
    site_plan.place(sample_service, last, far)
    venue = sample_service.get(Venue, mugyo.id or 0)
    assert venue is not None
    with pytest.raises(ValidationError, match="Booth M-32 would no longer fit"):
        sample_service.save(replace(venue, booth_spaces=31))
    sample_service.save(replace(venue, booth_spaces=32))  # M-65 is drawn: it still fits
    assert sample_service.get(Booth, last.id or 0).code == "M-65"  # type: ignore[union-attr]


def test_duplicate_codes_are_refused_and_nothing_is_written(
    sample_service: FestivalService, mugyo: Venue
) -> None:
    site_plan.add_row(sample_service, mugyo.id or 0, (0, 0), (30, 0), 10)
    before = file_bytes(sample_service)
    with pytest.raises(ValidationError, match="M-05 is already drawn"):
        site_plan.add_row(sample_service, mugyo.id or 0, (0, 10), (30, 10), 10, first_number=5)
    twice = [BoothSpace(mugyo.id or 0, "M-50"), BoothSpace(mugyo.id or 0, "M-50", x=5)]
    with pytest.raises(ValidationError, match="M-50 is given twice"):
        site_plan.add_spaces(sample_service, twice)
    with pytest.raises(ValidationError, match="must be like M-01"):
        site_plan.add_spaces(sample_service, [BoothSpace(mugyo.id or 0, "X-1")])
    assert file_bytes(sample_service) == before


def test_move_rotate_and_block_are_undoable(sample_service: FestivalService, mugyo: Venue) -> None:
    site_plan.add_row(sample_service, mugyo.id or 0, (0, 0), (30, 0), 10)
    first, second = site_plan.spaces(sample_service, mugyo.id)[:2]
    before = state(sample_service)
    log = site_plan.move_spaces(sample_service, [first, second], 2.5, -1)
    moved = site_plan.spaces(sample_service, mugyo.id)[:2]
    assert (moved[0].x, moved[0].y) == (first.x + 2.5, first.y - 1)
    check_undo_redo(sample_service, log, before)

    before = state(sample_service)
    current = site_plan.spaces(sample_service, mugyo.id)[0]
    log = site_plan.rotate_spaces(sample_service, [current], -30)
    assert site_plan.spaces(sample_service, mugyo.id)[0].rotation == 330
    check_undo_redo(sample_service, log, before)

    before = state(sample_service)
    current = site_plan.spaces(sample_service, mugyo.id)[0]
    log = site_plan.change_spaces(
        sample_service, [replace(current, blocked=True, blocked_reason="tree")]
    )
    check_undo_redo(sample_service, log, before)


def test_renumbering_carries_the_booths_along_and_swaps_codes(
    sample_service: FestivalService, mugyo: Venue
) -> None:
    site_plan.add_row(
        sample_service, mugyo.id or 0, (0, 0), (180, 0), 60, power=True, water=True, gas=True
    )
    on = {b.code: b for b in sample_service.booths() if b.venue_id == mugyo.id}
    one, two = site_plan.spaces(sample_service, mugyo.id)[:2]
    before = state(sample_service)
    log = site_plan.renumber(sample_service, [one, two], ["M-02", "M-01"])
    now = {b.id: b.code for b in sample_service.booths()}
    assert now[on["M-01"].id] == "M-02" and now[on["M-02"].id] == "M-01"
    moved = {s.id: s.code for s in site_plan.spaces(sample_service, mugyo.id)}
    assert moved[one.id] == "M-02" and moved[two.id] == "M-01"
    check_undo_redo(sample_service, log, before)
    assert not any(c.startswith("~") for c in now.values() if c)


def test_changing_a_booth_s_code_moves_it(sample_service: FestivalService, mugyo: Venue) -> None:
    site_plan.add_row(
        sample_service, mugyo.id or 0, (0, 0), (180, 0), 60, power=True, water=True, gas=True
    )
    booth = next(b for b in sample_service.booths() if b.code == "M-01")
    sample_service.save(replace(booth, code="M-59"))
    clashes = [c for c in clash_checks.check(sample_service) if c.booth_ids]
    assert clashes == []  # M-59 is a space: the booth simply stands there now
    blocked = next(s for s in site_plan.spaces(sample_service, mugyo.id) if s.code == "M-59")
    site_plan.change_spaces(
        sample_service, [replace(blocked, blocked=True, blocked_reason="fire lane")]
    )
    kinds = [c.kind for c in clash_checks.check(sample_service) if c.booth_ids]
    assert kinds == [ClashKind.BOOTH_ON_BLOCKED_SPACE]


def test_place_and_unplace(sample_service: FestivalService, mugyo: Venue) -> None:
    site_plan.add_row(
        sample_service, mugyo.id or 0, (0, 0), (180, 0), 60, power=True, water=True, gas=True
    )
    booth = next(b for b in sample_service.booths() if b.code == "M-01")
    before = state(sample_service)
    log = site_plan.unplace(sample_service, [booth])
    assert sample_service.get(Booth, booth.id or 0).code == ""  # type: ignore[union-attr]
    check_undo_redo(sample_service, log, before)

    free = next(s for s in site_plan.spaces(sample_service, mugyo.id) if s.code == "M-60")
    unplaced = sample_service.get(Booth, booth.id or 0)
    assert unplaced is not None
    booth = unplaced
    before = state(sample_service)
    log = site_plan.place(sample_service, booth, free)
    assert sample_service.get(Booth, booth.id or 0).code == "M-60"  # type: ignore[union-attr]
    check_undo_redo(sample_service, log, before)
    taken = next(s for s in site_plan.spaces(sample_service, mugyo.id) if s.code == "M-02")
    with pytest.raises(ValidationError, match="M-02 is already given"):
        site_plan.place(sample_service, sample_service.get(Booth, booth.id or 0), taken)  # type: ignore[arg-type]
    plaza = area(sample_service, "P")
    site_plan.add_row(sample_service, plaza.id or 0, (0, 0), (30, 0), 10)
    elsewhere = site_plan.spaces(sample_service, plaza.id)[0]
    with pytest.raises(ValidationError, match="not in Mugyo-ro"):
        site_plan.place(sample_service, sample_service.get(Booth, booth.id or 0), elsewhere)  # type: ignore[arg-type]


def test_deleting_spaces_unplaces_their_booths_and_comes_back(
    sample_service: FestivalService, mugyo: Venue
) -> None:
    site_plan.add_row(
        sample_service, mugyo.id or 0, (0, 0), (180, 0), 60, power=True, water=True, gas=True
    )
    gone = site_plan.spaces(sample_service, mugyo.id)[:3]
    before = state(sample_service)
    deletion = site_plan.delete_spaces(sample_service, gone)
    after = state(sample_service)
    assert len(site_plan.spaces(sample_service, mugyo.id)) == 57
    assert not {b.code for b in sample_service.booths()} & {"M-01", "M-02", "M-03"}
    site_plan.undo_delete(sample_service, deletion)
    assert state(sample_service) == before
    site_plan.redo_delete(sample_service, deletion)
    assert state(sample_service) == after
    site_plan.undo_delete(sample_service, deletion)
    assert state(sample_service) == before


def test_a_space_changed_elsewhere_is_not_overwritten(
    sample_service: FestivalService, mugyo: Venue
) -> None:
    site_plan.add_row(sample_service, mugyo.id or 0, (0, 0), (30, 0), 10)
    space = site_plan.spaces(sample_service, mugyo.id)[0]
    site_plan.move_spaces(sample_service, [space], 1, 0)
    with pytest.raises(StaleRecordError):
        site_plan.move_spaces(sample_service, [space], 5, 0)  # read before the first move


def test_fill_the_rest_is_one_step_and_lists_what_does_not_fit(
    sample_service: FestivalService, mugyo: Venue
) -> None:
    mugyo_booths = [b for b in sample_service.booths() if b.venue_id == mugyo.id]
    site_plan.unplace(sample_service, mugyo_booths)
    # 30 spaces with everything, 3 with nothing, 2 blocked.
    site_plan.add_row(
        sample_service, mugyo.id or 0, (0, 0), (90, 0), 30, power=True, water=True, gas=True
    )
    site_plan.add_row(sample_service, mugyo.id or 0, (0, 10), (9, 10), 3, first_number=31)
    row = site_plan.spaces(sample_service, mugyo.id)
    site_plan.change_spaces(
        sample_service, [replace(s, blocked=True) for s in row if s.code in ("M-10", "M-11")]
    )
    before = state(sample_service)
    log, result = site_plan.fill(sample_service, [mugyo.id or 0])
    placed = {b.id: b.code for b in sample_service.booths() if b.venue_id == mugyo.id and b.code}
    # Booths needing something fit only the 28 free spaces that offer everything.
    needing = sum(1 for b in mugyo_booths if b.power or b.water or b.gas)
    plain = len(mugyo_booths) - needing
    expected = min(min(needing, 28) + plain, 31)
    assert len(placed) == len(result.placed) == expected < len(mugyo_booths)
    assert "M-10" not in placed.values() and "M-11" not in placed.values()
    needy = [u for u in result.unplaced if u.needs]
    assert len(result.unplaced) == len(mugyo_booths) - expected and needy
    assert "offers" in result.unplaced[0].reason
    check_undo_redo(sample_service, log, before)


def test_the_picture_is_kept_and_a_bad_one_leaves_the_file_unchanged(
    sample_service: FestivalService, mugyo: Venue
) -> None:
    out = io.BytesIO()
    Image.new("RGB", (400, 100), "white").save(out, "PNG")
    before = state(sample_service)
    log = site_plan.set_picture(sample_service, mugyo.id or 0, out.getvalue())
    stored = site_plan.site_map(sample_service, mugyo.id or 0)
    assert stored is not None and stored.image == out.getvalue() and stored.image_width == 400
    check_undo_redo(sample_service, log, before)
    log = site_plan.set_scale(sample_service, mugyo.id or 0, (0, 0), (400, 0), 200.0, north=-10)
    stored = site_plan.site_map(sample_service, mugyo.id or 0)
    assert stored is not None and stored.metres_per_pixel == 0.5 and stored.north == 350
    untouched = file_bytes(sample_service)
    ihdr = struct.pack(">IIBBBBB", 30000, 30000, 8, 2, 0, 0, 0)
    huge = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr
    huge += struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    for bad in (huge, b"hello, not a picture"):
        with pytest.raises(ValidationError):
            site_plan.set_picture(sample_service, mugyo.id or 0, bad)
    assert file_bytes(sample_service) == untouched


def test_deleting_a_booth_area_takes_its_map_along_and_undo_brings_it_back(
    sample_service: FestivalService, mugyo: Venue
) -> None:
    site_plan.add_row(sample_service, mugyo.id or 0, (0, 0), (30, 0), 10)
    site_plan.set_scale(sample_service, mugyo.id or 0, (0, 0), (100, 0), 10.0)
    before = state(sample_service)
    removal = sample_service.delete(Venue, [mugyo])
    assert site_plan.spaces(sample_service, mugyo.id) == []
    sample_service.undelete(removal)
    assert state(sample_service) == before


def test_changing_a_space_s_code_in_its_details_carries_its_booth(
    sample_service: FestivalService,
) -> None:
    space = next(s for s in site_plan.spaces(sample_service) if s.code == "M-01")
    booth = next(b for b in sample_service.booths() if b.code == "M-01")
    before = state(sample_service)
    log = site_plan.change_spaces(sample_service, [replace(space, code="M-61", power=False)])
    moved = next(s for s in site_plan.spaces(sample_service) if s.id == space.id)
    assert moved.code == "M-61" and not moved.power
    assert sample_service.get(Booth, booth.id or 0).code == "M-61"  # type: ignore[union-attr]
    check_undo_redo(sample_service, log, before)


def test_a_stale_copy_is_not_renumbered(sample_service: FestivalService) -> None:
    space = next(s for s in site_plan.spaces(sample_service) if s.code == "M-40")
    site_plan.move_spaces(sample_service, [space], 1, 1)  # changed since `space` was read
    before = state(sample_service)
    with pytest.raises(StaleRecordError):
        site_plan.change_spaces(sample_service, [replace(space, code="M-61")])
    with pytest.raises(StaleRecordError):
        site_plan.renumber(sample_service, [space], ["M-62"])
    assert state(sample_service) == before
