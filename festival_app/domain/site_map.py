"""The site map of a booth area: its picture and scale, and the booth spaces drawn on it.

Plain Python, no I/O. Positions and sizes are in metres on the map, x to the right and y
down (as the picture is drawn); a space's (x, y) is its centre and `rotation` turns it
clockwise in degrees. A space's code is the code of the booth standing on it: booth codes
and spaces are one thing, so placing a booth on a space sets the booth's code, and a
booth whose code changes stands somewhere else.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from festival_app.domain import rules
from festival_app.domain.errors import Problem
from festival_app.i18n import QT_TRANSLATE_NOOP as N

if TYPE_CHECKING:
    from festival_app.domain.booths import Booth
    from festival_app.domain.venues import Venue

DEFAULT_METRES_PER_PIXEL = 0.1  # a picture without a scale: ten pixels to the metre
MAX_SPACE_SIDE_M = 100.0
MAX_MAP_EXTENT_M = 10_000.0  # ten kilometres from the map's corner: a street, not a city
MAX_ROW = 2000  # spaces drawn in one row
_CODE_RE = re.compile(r"^(?P<prefix>.*?)(?P<digits>\d+)$")

# What a space offers and a booth needs, as bits.
POWER, WATER, GAS = 1, 2, 4
UTILITY_WORDS = {
    POWER: N("SiteMap", "power"),
    WATER: N("SiteMap", "water"),
    GAS: N("SiteMap", "gas"),
}


def needs_of(booth: Booth) -> int:
    """What a booth needs, as bits."""
    return (POWER if booth.power else 0) | (WATER if booth.water else 0) | (GAS if booth.gas else 0)


def utility_words(bits: int) -> list[str]:
    """The English sources (SiteMap context) of the utilities in `bits`."""
    return [word for bit, word in UTILITY_WORDS.items() if bits & bit]


@dataclass(frozen=True, slots=True)
class SiteMap:
    """A booth area's map: an optional picture (PNG or JPEG) and its scale.

    The scale is two points on the picture (in pixels) and the metres between them; the
    picture's top-left corner is the map's (0, 0). `north` is the direction of north in
    degrees clockwise from the picture's up, for the printed north arrow.
    """

    venue_id: int
    image: bytes = b""
    image_format: str = ""  # "png", "jpeg" or "" (no picture)
    image_width: int = 0  # pixels
    image_height: int = 0
    scale_x1: float = 0.0
    scale_y1: float = 0.0
    scale_x2: float = 0.0
    scale_y2: float = 0.0
    scale_metres: float = 0.0  # 0: no scale given
    north: float = 0.0
    id: int | None = None
    row_version: int = field(default=0, compare=False)

    @property
    def metres_per_pixel(self) -> float:
        pixels = math.hypot(self.scale_x2 - self.scale_x1, self.scale_y2 - self.scale_y1)
        if self.scale_metres > 0 and pixels > 0:
            return self.scale_metres / pixels
        return DEFAULT_METRES_PER_PIXEL

    def image_size_m(self) -> tuple[float, float]:
        """The picture's width and height on the map, in metres."""
        per = self.metres_per_pixel
        return self.image_width * per, self.image_height * per

    def problems(self) -> list[Problem]:
        out: list[Problem] = []
        if self.scale_metres < 0 or not math.isfinite(self.scale_metres):
            out.append(
                Problem("scale_metres", N("Validation", "The scale needs a distance in metres."))
            )
        elif (
            self.scale_metres > 0
            and math.hypot(self.scale_x2 - self.scale_x1, self.scale_y2 - self.scale_y1) < 1
        ):
            out.append(
                Problem(
                    "scale_metres",
                    N("Validation", "The two points of the scale must be apart on the picture."),
                )
            )
        if (self.image_format == "") != (not self.image):
            out.append(Problem("image", N("Validation", "The picture's format is unknown.")))
        return out


@dataclass(frozen=True, slots=True)
class BoothSpace:
    """One numbered space in a booth area."""

    venue_id: int
    code: str
    x: float = 0.0  # centre, metres
    y: float = 0.0
    width: float = 3.0  # metres along its front
    depth: float = 3.0
    rotation: float = 0.0  # degrees, clockwise
    power: bool = False
    water: bool = False
    gas: bool = False
    blocked: bool = False
    blocked_reason: str = ""
    id: int | None = None
    row_version: int = field(default=0, compare=False)

    @property
    def offers(self) -> int:
        return (
            (POWER if self.power else 0) | (WATER if self.water else 0) | (GAS if self.gas else 0)
        )

    def corners(self) -> list[tuple[float, float]]:
        """The four corners on the map, clockwise from the front left."""
        angle = math.radians(self.rotation)
        cos, sin = math.cos(angle), math.sin(angle)
        hw, hd = self.width / 2, self.depth / 2
        out = []
        for dx, dy in ((-hw, -hd), (hw, -hd), (hw, hd), (-hw, hd)):
            out.append((self.x + dx * cos - dy * sin, self.y + dx * sin + dy * cos))
        return out

    def bounds(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the corners."""
        quarter = self.rotation % 180
        if quarter in (0.0, 90.0):  # most spaces: along or across the street, no trigonometry
            hw, hd = (
                (self.width / 2, self.depth / 2)
                if quarter == 0
                else (self.depth / 2, self.width / 2)
            )
            return self.x - hw, self.y - hd, self.x + hw, self.y + hd
        xs, ys = zip(*self.corners(), strict=True)
        return min(xs), min(ys), max(xs), max(ys)

    def problems(self, venue: Venue | None = None) -> list[Problem]:
        out: list[Problem] = []
        if not self.code.strip():
            out.append(Problem("code", N("Validation", "A space needs a code, like M-01.")))
        elif venue is not None and venue.space_number(self.code) is None:
            out.append(
                Problem(
                    "code",
                    N("Validation", "Space code '{code}' must be like {example} in {venue}."),
                    {"code": self.code, "example": venue.space_code(1), "venue": venue.name()},
                )
            )
        out += rules.text_length("code", self.code, N("Field", "Code"), 20)
        for name, value in (("width", self.width), ("depth", self.depth)):
            if not (math.isfinite(value) and 0 < value <= MAX_SPACE_SIDE_M):
                out.append(
                    Problem(
                        name,
                        N(
                            "Validation",
                            "A space's sides must be more than 0 and at most {most} m.",
                        ),
                        {"most": int(MAX_SPACE_SIDE_M)},
                    )
                )
        for name, value in (("x", self.x), ("y", self.y)):
            if not (math.isfinite(value) and abs(value) <= MAX_MAP_EXTENT_M):
                out.append(
                    Problem(
                        name,
                        N("Validation", "The space lies off the map (more than {most} m away)."),
                        {"most": int(MAX_MAP_EXTENT_M)},
                    )
                )
        if not math.isfinite(self.rotation):
            out.append(Problem("rotation", N("Validation", "The rotation must be a number.")))
        out += rules.text_length("blocked_reason", self.blocked_reason, N("Field", "Reason"))
        return out


def normalized_rotation(degrees: float) -> float:
    """An angle in [0, 360)."""
    turned = math.fmod(degrees, 360.0)
    return turned + 360.0 if turned < 0 else turned


def code_order(code: str) -> tuple[str, int, str]:
    """Sort key that puts M-2 before M-10."""
    match = _CODE_RE.match(code)
    if match:
        return match["prefix"], int(match["digits"]), code
    return code, -1, code


def numbered_codes(prefix: str, first: int, count: int, width: int = 2) -> list[str]:
    """`count` codes "PREFIX-NN" from `first` on, zero-padded to `width` digits."""
    width = max(width, len(str(first + count - 1)))
    return [f"{prefix}-{n:0{width}d}" for n in range(first, first + count)]


def space_row(
    venue_id: int,
    start: tuple[float, float],
    end: tuple[float, float],
    codes: Sequence[str],
    *,
    width: float = 3.0,
    depth: float = 3.0,
    power: bool = False,
    water: bool = False,
    gas: bool = False,
) -> list[BoothSpace]:
    """Spaces side by side along the line from `start` to `end`, their fronts on the line
    and their backs to its right-hand side, spread evenly over its length.

    A line shorter than the spaces side by side puts them side by side from `start` on,
    past its end: a row never overlaps itself.
    """
    count = len(codes)
    if count == 0:
        return []
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    if length < 1e-9:
        dx, dy, length = 1.0, 0.0, 1.0
        pitch = width
    else:
        pitch = max(width, length / count)
    ux, uy = dx / length, dy / length
    rotation = normalized_rotation(math.degrees(math.atan2(dy, dx)))
    # The row's spaces stand on the line's right-hand side (y down: clockwise normal).
    nx, ny = -uy, ux
    out = []
    for index, code in enumerate(codes):
        along = (index + 0.5) * pitch
        out.append(
            BoothSpace(
                venue_id=venue_id,
                code=code,
                x=round(start[0] + ux * along + nx * depth / 2, 3),
                y=round(start[1] + uy * along + ny * depth / 2, 3),
                width=width,
                depth=depth,
                rotation=round(rotation, 3),
                power=power,
                water=water,
                gas=gas,
            )
        )
    return out


def duplicate_codes(spaces: Iterable[BoothSpace]) -> list[str]:
    """Codes held by more than one of `spaces`, in order of first repeat."""
    seen: set[str] = set()
    repeated: list[str] = []
    for space in spaces:
        if space.code in seen and space.code not in repeated:
            repeated.append(space.code)
        seen.add(space.code)
    return repeated


# -- overlap ------------------------------------------------------------------------------

_TOUCH = 0.01  # metres: spaces side by side share an edge; that is no overlap


def overlap(a: BoothSpace, b: BoothSpace) -> bool:
    """True when the two spaces cover common ground (more than touching)."""
    pa, pb = a.corners(), b.corners()
    for poly in (pa, pb):
        for i in range(4):
            x1, y1 = poly[i]
            x2, y2 = poly[(i + 1) % 4]
            axis = (y1 - y2, x2 - x1)
            proj_a = [axis[0] * x + axis[1] * y for x, y in pa]
            proj_b = [axis[0] * x + axis[1] * y for x, y in pb]
            norm = math.hypot(*axis) or 1.0
            if min(max(proj_a), max(proj_b)) - max(min(proj_a), min(proj_b)) <= _TOUCH * norm:
                return False
    return True


def overlapping_pairs(spaces: Sequence[BoothSpace]) -> list[tuple[BoothSpace, BoothSpace]]:
    """Every pair of `spaces` that overlap, found through a grid of cells (no pass compares
    every space with every other)."""
    if len(spaces) < 2:
        return []
    cell = max(max(s.width, s.depth) for s in spaces) * 1.5
    grid: dict[tuple[int, int], list[int]] = {}
    boxes = [s.bounds() for s in spaces]
    for index, (left, top, right, bottom) in enumerate(boxes):
        for cx in range(math.floor(left / cell), math.floor(right / cell) + 1):
            for cy in range(math.floor(top / cell), math.floor(bottom / cell) + 1):
                grid.setdefault((cx, cy), []).append(index)
    seen: set[tuple[int, int]] = set()
    out = []
    for members in grid.values():
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                pair = (first, second) if first < second else (second, first)
                if pair in seen:
                    continue
                seen.add(pair)
                a, b = boxes[pair[0]], boxes[pair[1]]
                if a[0] >= b[2] or b[0] >= a[2] or a[1] >= b[3] or b[1] >= a[3]:
                    continue
                if overlap(spaces[pair[0]], spaces[pair[1]]):
                    out.append((spaces[pair[0]], spaces[pair[1]]))
    return out
