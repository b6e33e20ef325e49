"""The site map's geometry, pictures and clashes, without a file."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.clashes import ClashKind
from festival_app.domain.errors import ValidationError
from festival_app.domain.map_pictures import check_picture
from festival_app.domain.site_clashes import find_site_clashes
from festival_app.domain.site_map import (
    BoothSpace,
    numbered_codes,
    overlap,
    overlapping_pairs,
    space_row,
)
from festival_app.domain.venues import Venue, VenueKind

AREA = Venue("Mugyo-ro", "무교로", VenueKind.BOOTH_AREA, booth_spaces=60, code_prefix="M", id=1)


def picture(kind: str, size: tuple[int, int] = (40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 220, 240)).save(out, kind)
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims a size; its pixels are never there."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(ihdr))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
    )


def test_a_row_of_sixty_spaces_is_numbered_and_side_by_side() -> None:
    codes = numbered_codes("M", 1, 60)
    assert codes[0] == "M-01" and codes[-1] == "M-60" and len(set(codes)) == 60
    row = space_row(1, (0, 0), (180, 0), codes, width=3, depth=3)
    assert [s.code for s in row] == codes
    assert row[0].x == pytest.approx(1.5) and row[-1].x == pytest.approx(178.5)
    assert {s.y for s in row} == {1.5}
    assert overlapping_pairs(row) == []  # side by side is touching, not overlapping


def test_a_row_along_a_slanted_line_turns_its_spaces() -> None:
    row = space_row(1, (0, 0), (0, 30), numbered_codes("M", 1, 10))
    assert {round(s.rotation) for s in row} == {90}
    assert row[-1].y == pytest.approx(28.5)
    assert overlapping_pairs(row) == []


def test_a_line_too_short_never_makes_a_row_overlap_itself() -> None:
    row = space_row(1, (0, 0), (10, 0), numbered_codes("M", 1, 10), width=3)
    assert overlapping_pairs(row) == []
    assert row[-1].x == pytest.approx(28.5)


def test_overlap_of_turned_spaces() -> None:
    a = BoothSpace(1, "M-01", x=0, y=0, width=4, depth=4)
    b = BoothSpace(1, "M-02", x=3.5, y=0, width=4, depth=4, rotation=45)
    c = BoothSpace(1, "M-03", x=6.0, y=0, width=4, depth=4, rotation=45)
    assert overlap(a, b) and not overlap(a, c)
    assert len(overlapping_pairs([a, b, c])) == 2  # a-b and b-c


def test_a_png_and_a_jpeg_are_read_from_their_headers() -> None:
    assert check_picture(picture("PNG")).width == 40
    info = check_picture(picture("JPEG", (64, 48)))
    assert (info.format, info.width, info.height) == ("jpeg", 64, 48)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"GIF89a not wanted", "not a PNG or JPEG"),
        (b"%PDF-1.4 a plan", "not a PNG or JPEG"),
        (png_header_only(30000, 30000), "30000 x 30000"),
        (png_header_only(100, 100), "cannot be read"),  # a header without its picture
    ],
)
def test_a_file_that_is_not_a_usable_picture_is_refused(data: bytes, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_picture(data)
    assert words in str(caught.value)


def test_a_picture_called_png_that_is_a_jpeg_is_taken_for_what_it_is() -> None:
    assert check_picture(picture("JPEG")).format == "jpeg"


def booth(
    code: str, booth_id: int, *, power: bool = False, water: bool = False, gas: bool = False
) -> Booth:
    return Booth(1, BoothCategory.FOOD, code, "TH", id=booth_id, power=power, water=water, gas=gas)


def test_the_site_clashes() -> None:
    spaces = [
        BoothSpace(1, "M-01", x=0, y=0, power=True),
        BoothSpace(1, "M-02", x=1, y=0, power=True, gas=True),  # over M-01
        BoothSpace(1, "M-03", x=10, y=0, blocked=True, blocked_reason="fire lane"),
        BoothSpace(1, "M-04", x=20, y=0),
        BoothSpace(1, "M-05", x=30, y=0, power=True, water=True, gas=True),
    ]
    booths = [
        booth("M-01", 1),
        booth("M-02", 2),
        booth("M-03", 3),
        booth("M-04", 4, power=True, gas=True),
        booth("M-05", 5, power=True, water=True, gas=True),  # fine
        booth("M-44", 6),  # not drawn
        booth("", 7),  # unplaced: no clash
    ]
    clashes = find_site_clashes([AREA], booths, spaces)
    kinds = {(c.kind, c.booth_ids) for c in clashes}
    assert kinds == {
        (ClashKind.SPACE_SHARED, (1, 2)),
        (ClashKind.BOOTH_ON_BLOCKED_SPACE, (3,)),
        (ClashKind.SPACE_LACKS_UTILITY, (4,)),
        (ClashKind.BOOTH_OFF_MAP, (6,)),
    }
    lacks = next(c for c in clashes if c.kind == ClashKind.SPACE_LACKS_UTILITY)
    assert lacks.message() == "Thailand needs power, gas, which space M-04 does not offer"
    blocked = next(c for c in clashes if c.kind == ClashKind.BOOTH_ON_BLOCKED_SPACE)
    assert "fire lane" in blocked.message()
    assert clashes[-1].kind == ClashKind.BOOTH_OFF_MAP  # a warning, after the errors
    # Acknowledged by key, like the program's clashes.
    again = find_site_clashes([AREA], booths, spaces, {blocked.key: "tree removed"})
    assert [c.reason for c in again if c.key == blocked.key] == ["tree removed"]


def test_booths_on_different_days_may_share_ground() -> None:
    spaces = [BoothSpace(1, "M-01", x=0, y=0), BoothSpace(1, "M-02", x=1, y=0)]
    first = Booth(1, BoothCategory.FOOD, "M-01", "TH", id=1, day_ids=frozenset({1}))
    second = Booth(1, BoothCategory.FOOD, "M-02", "VN", id=2, day_ids=frozenset({2}))
    assert find_site_clashes([AREA], [first, second], spaces) == []


def test_spaces_of_different_areas_never_overlap() -> None:
    spaces = [BoothSpace(1, "M-01", x=0, y=0), BoothSpace(2, "C-01", x=0, y=0)]
    first = Booth(1, BoothCategory.FOOD, "M-01", "TH", id=1)
    second = Booth(2, BoothCategory.FOOD, "C-01", "VN", id=2)
    other = Venue(
        "Cheonggyecheon-ro", kind=VenueKind.BOOTH_AREA, booth_spaces=9, code_prefix="C", id=2
    )
    assert find_site_clashes([AREA, other], [first, second], spaces) == []


def test_an_area_without_spaces_keeps_its_codes_without_clashes() -> None:
    assert find_site_clashes([AREA], [booth("M-09", 1)], []) == []


@pytest.mark.parametrize("rotation", [0.0, 90.0, 180.0, 270.0, 30.0, 135.0])
def test_bounds_are_the_corners_extent(rotation: float) -> None:
    space = BoothSpace(1, "M-01", x=10, y=5, width=4, depth=2, rotation=rotation)
    xs, ys = zip(*space.corners(), strict=True)
    expected = (min(xs), min(ys), max(xs), max(ys))
    assert space.bounds() == pytest.approx(expected)
