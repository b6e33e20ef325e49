"""Street plans under the 2018 sample's site maps.

Schematic plans drawn here (pavement, roads, the plaza's lawn, the stream), not survey
drawings: they show the picture and scale of a site map at work in the sample. Each is a
PNG at ten pixels to the metre whose top-left corner is the map's (0, 0), as the sample's
spaces in resources/sample/festival_2018.json expect.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from festival_app import site_plan
from festival_app.services import FestivalService

PIXELS_PER_METRE = 10
PAVEMENT = (226, 224, 219)
ROAD = (160, 160, 160)
LANE = (250, 250, 250)
LAWN = (168, 212, 160)
BUILDING = (214, 200, 178)
WATER = (150, 196, 232)
Box = tuple[float, float, float, float]  # left, top, right, bottom in metres


def _plan(width_m: float, height_m: float, draw: Callable[[Callable[..., None]], None]) -> bytes:
    from PIL import Image, ImageDraw  # Pillow comes with reportlab

    scale = PIXELS_PER_METRE
    image = Image.new("RGB", (int(width_m * scale), int(height_m * scale)), PAVEMENT)
    pen = ImageDraw.Draw(image)

    def shape(kind: str, box: Box, colour: tuple[int, int, int]) -> None:
        pixels = [round(v * scale) for v in box]
        if kind == "ellipse":
            pen.ellipse(pixels, fill=colour)
        elif kind == "dashes":
            left, top, right, bottom = pixels
            for x in range(left, right, 60):
                pen.rectangle((x, top, min(x + 30, right), bottom), fill=colour)
        else:
            pen.rectangle(pixels, fill=colour)

    draw(shape)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _seoul_plaza(shape: Callable[..., None]) -> None:
    shape("rect", (0, 0, 110, 5), ROAD)  # Sejong-daero side
    shape("rect", (0, 85, 110, 90), ROAD)
    shape("rect", (0, 0, 4, 90), ROAD)
    shape("rect", (106, 0, 110, 90), ROAD)
    shape("ellipse", (26, 22, 84, 68), LAWN)  # the plaza's lawn inside the ring of booths


def _mugyo_ro(shape: Callable[..., None]) -> None:
    shape("rect", (0, 0, 128, 6), BUILDING)
    shape("rect", (0, 28, 128, 34), BUILDING)
    shape("rect", (0, 13.5, 128, 20.5), ROAD)  # closed to traffic for the fair
    shape("dashes", (2, 16.8, 126, 17.2), LANE)


def _cheonggyecheon_ro(shape: Callable[..., None]) -> None:
    shape("rect", (0, 0, 96, 6), BUILDING)
    shape("rect", (0, 13.5, 96, 20.5), ROAD)
    shape("dashes", (2, 16.8, 94, 17.2), LANE)
    shape("rect", (0, 29, 96, 31), PAVEMENT)
    shape("rect", (0, 31, 96, 40), WATER)  # the stream below the booths


PLANS: dict[str, tuple[float, float, Callable[[Callable[..., None]], None]]] = {
    "Seoul Plaza": (110, 90, _seoul_plaza),
    "Mugyo-ro": (128, 34, _mugyo_ro),
    "Cheonggyecheon-ro": (96, 40, _cheonggyecheon_ro),
}


def add_plans(service: FestivalService) -> None:
    """Put each sample area's street plan under its map, with its scale."""
    for venue in site_plan.booth_areas(service):
        plan = PLANS.get(venue.name_en)
        if plan is None or venue.id is None:
            continue
        width_m, height_m, draw = plan
        site_plan.set_picture(service, venue.id, _plan(width_m, height_m, draw))
        site_plan.set_scale(service, venue.id, (0, 0), (100 * PIXELS_PER_METRE, 0), 100.0)
