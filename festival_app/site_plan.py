"""Use cases of the site maps, shared by the window, the command line and imports.

Drawing, moving, rotating, renumbering and deleting booth spaces; a booth area's picture
and scale; placing booths on spaces and taking them off; placing every unplaced booth at
once. Each is one transaction and returns what undoes it: a ChangeLog (undone with
`service.revert`, redone with `service.reapply`), or for a delete a SpaceDeletion
(`undo_delete`, `redo_delete`). Row versions are respected as in every other write.

A booth's code is its space: placing a booth sets its code to the space's, renumbering a
space carries the booth on it along, and deleting a space takes its booth off the map
(back to the unplaced booths) in the same step. A space may be numbered beyond the area's
number of booth spaces; a booth can stand on it all the same, and the area is not changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from festival_app.domain.booths import Booth
from festival_app.domain.clashes import Clash
from festival_app.domain.errors import Problem, ValidationError
from festival_app.domain.fill_rest import FillResult, fill_rest
from festival_app.domain.map_pictures import check_picture
from festival_app.domain.site_clashes import find_site_clashes
from festival_app.domain.site_map import (
    MAX_ROW,
    BoothSpace,
    SiteMap,
    duplicate_codes,
    normalized_rotation,
    numbered_codes,
    space_row,
)
from festival_app.domain.venues import Venue, VenueKind
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.services import ChangeLog, FestivalService, Removal

_TEMPORARY = "~"  # prefix of the codes a renumbering passes through (never kept)


# -- reading --------------------------------------------------------------------------------


def site_map(service: FestivalService, venue_id: int) -> SiteMap | None:
    """The area's map (picture and scale), or None when it has none yet."""
    return service.site_map(venue_id)


def spaces(service: FestivalService, venue_id: int | None = None) -> list[BoothSpace]:
    """The spaces of one area, or of every area."""
    return service.spaces(venue_id)


def booth_areas(service: FestivalService) -> list[Venue]:
    return [v for v in service.venues() if v.kind == VenueKind.BOOTH_AREA]


def site_clashes(
    service: FestivalService, language: str = "en", venue_id: int | None = None
) -> list[Clash]:
    """Every clash of the booths on the site maps, or on one area's map."""
    booths = service.booths() if venue_id is None else service.booths_in(venue_id)
    return find_site_clashes(
        service.venues(),
        booths,
        spaces(service, venue_id),
        service.acknowledgements(),
        language,
    )


# -- the picture and the scale ----------------------------------------------------------------


def _map_for(service: FestivalService, venue_id: int) -> SiteMap:
    return site_map(service, venue_id) or SiteMap(venue_id=venue_id)


def set_picture(service: FestivalService, venue_id: int, data: bytes) -> ChangeLog:
    """Put a PNG or JPEG picture under the area's map. A file that is not such a picture,
    or too big, raises ValidationError and changes nothing."""
    info = check_picture(data)
    current = _map_for(service, venue_id)
    updated = replace(
        current,
        image=data,
        image_format=info.format,
        image_width=info.width,
        image_height=info.height,
    )
    with service.batch() as log:
        service.save(updated)
    return log


def set_scale(
    service: FestivalService,
    venue_id: int,
    first: tuple[float, float],
    second: tuple[float, float],
    metres: float,
    north: float | None = None,
) -> ChangeLog:
    """Two points on the picture (pixels) and the metres between them; `north` in degrees
    clockwise from the picture's up (None: as it was)."""
    current = _map_for(service, venue_id)
    updated = replace(
        current,
        scale_x1=first[0],
        scale_y1=first[1],
        scale_x2=second[0],
        scale_y2=second[1],
        scale_metres=metres,
        north=current.north if north is None else normalized_rotation(north),
    )
    with service.batch() as log:
        service.save(updated)
    return log


def set_north(service: FestivalService, venue_id: int, degrees: float) -> ChangeLog:
    """Where north is on the area's map, in degrees clockwise from up (the printed arrow)."""
    current = _map_for(service, venue_id)
    with service.batch() as log:
        service.save(replace(current, north=normalized_rotation(degrees)))
    return log


# -- drawing spaces ---------------------------------------------------------------------------


def check_codes_differ(spaces: Sequence[BoothSpace]) -> None:
    """ValidationError when two of `spaces` have one code."""
    repeated = duplicate_codes(spaces)
    if repeated:
        raise ValidationError(
            [
                Problem(
                    "code",
                    N("Validation", "Space codes must differ; {codes} is given twice."),
                    {"codes": ", ".join(repeated[:5])},
                )
            ]
        )


def add_spaces(service: FestivalService, new: Sequence[BoothSpace]) -> ChangeLog:
    """Draw spaces (all or none): ValidationError names the first that breaks a rule,
    among them a code that is given twice or already drawn."""
    check_codes_differ(new)
    with service.batch() as log:
        for space in new:
            service.save(replace(space, id=None, row_version=0))
    return log


def add_row(
    service: FestivalService,
    venue_id: int,
    start: tuple[float, float],
    end: tuple[float, float],
    count: int,
    *,
    first_number: int = 1,
    width: float = 3.0,
    depth: float = 3.0,
    power: bool = False,
    water: bool = False,
    gas: bool = False,
) -> ChangeLog:
    """A row of `count` spaces along a line ("60 spaces of 3 x 3 m along this line,
    M-01 to M-60"), numbered with the area's code prefix from `first_number` on."""
    venue = service.get(Venue, venue_id)
    if venue is None or venue.kind != VenueKind.BOOTH_AREA:
        raise ValidationError([Problem("venue_id", N("Validation", "Choose a booth area."))])
    if not 1 <= count <= MAX_ROW:
        raise ValidationError(
            [
                Problem(
                    "count",
                    N("Validation", "A row has 1 to {most} spaces."),
                    {"most": MAX_ROW},
                )
            ]
        )
    codes = numbered_codes(venue.code_prefix, first_number, count)
    row = space_row(
        venue_id, start, end, codes, width=width, depth=depth, power=power, water=water, gas=gas
    )
    return add_spaces(service, row)


def change_spaces(service: FestivalService, changed: Sequence[BoothSpace]) -> ChangeLog:
    """Write changed spaces (moved, turned, what they offer, blocked) as one step; a
    changed code carries the booth standing on the space along (see `renumber`)."""
    codes = {s.id: s.code for s in changed}
    with service.batch() as log:
        old = {s.id: s for s in service.spaces(ids=[i for i in codes if i is not None])}
        renamed = {i: c for i, c in codes.items() if i in old and old[i].code != c}
        if renamed:
            # As the caller read them (their versions are checked), under their old codes.
            by_id = {s.id: s for s in changed}
            targets = [replace(by_id[i], code=old[i].code) for i in renamed]
            _renumber(service, targets, [renamed[i] for i in renamed])
        for space in changed:
            current = service.get(BoothSpace, space.id) if space.id is not None else None
            version = current.row_version if current is not None else space.row_version
            if space.id in renamed and current is not None:
                space = replace(space, row_version=version)
            service.save(space)
    return log


def move_spaces(
    service: FestivalService, moved: Sequence[BoothSpace], dx: float, dy: float
) -> ChangeLog:
    """Move spaces by (dx, dy) metres."""
    return change_spaces(
        service, [replace(s, x=round(s.x + dx, 3), y=round(s.y + dy, 3)) for s in moved]
    )


def rotate_spaces(
    service: FestivalService, turned: Sequence[BoothSpace], degrees: float
) -> ChangeLog:
    """Turn each space about its centre by `degrees` clockwise."""
    return change_spaces(
        service, [replace(s, rotation=normalized_rotation(s.rotation + degrees)) for s in turned]
    )


def renumber(
    service: FestivalService, targets: Sequence[BoothSpace], codes: Sequence[str]
) -> ChangeLog:
    """Give `targets` the `codes` (in order), carrying their booths along; codes may be
    swapped among them. ValidationError when a code is given twice or drawn elsewhere."""
    with service.batch() as log:
        _renumber(service, targets, codes)
    return log


def _renumber(
    service: FestivalService, targets: Sequence[BoothSpace], codes: Sequence[str]
) -> None:
    if len(targets) != len(codes):
        raise ValueError("one code per space")
    fresh = [replace(s, code=c) for s, c in zip(targets, codes, strict=True)]
    check_codes_differ(fresh)
    ids = {s.id for s in targets}
    problems: list[Problem] = []
    for space in fresh:
        venue = service.get(Venue, space.venue_id)
        problems += space.problems(venue)
        for holder in service.spaces(codes=[space.code]):
            if holder.id not in ids:
                problems.append(
                    Problem(
                        "code",
                        N("Validation", "Space {code} is already drawn."),
                        {"code": space.code},
                    )
                )
    if problems:
        raise ValidationError(problems)
    booths = service.booths_with_codes([s.code for s in targets])
    booth_on = {b.code: b for b in booths}
    # Through temporary codes, so that codes can be swapped (both columns are unique).
    staged_spaces = []
    for space in targets:
        current = service.get(BoothSpace, space.id) if space.id is not None else None
        changed = current is None or (
            space.row_version >= 1 and current.row_version != space.row_version
        )
        if current is None or changed:  # deleted or changed elsewhere since it was read
            raise service.stale(space)
        staged_spaces.append(
            service.write_checked(replace(current, code=f"{_TEMPORARY}{current.id}"), current)
        )
    staged_booths = {}
    for code, booth in booth_on.items():
        staged_booths[code] = service.write_checked(
            replace(booth, code=f"{_TEMPORARY}b{booth.id}"), booth
        )
    for staged, target, code in zip(staged_spaces, targets, codes, strict=True):
        service.write_checked(replace(staged, code=code), staged)
        if target.code in staged_booths:
            booth = staged_booths[target.code]
            service.write_checked(replace(booth, code=code), booth)


@dataclass
class SpaceDeletion:
    """What deleting spaces did: the booths taken off them, then the spaces removed."""

    unplaced: ChangeLog
    removal: Removal


def delete_spaces(service: FestivalService, gone: Sequence[BoothSpace]) -> SpaceDeletion:
    """Delete spaces; the booths on them go back to the unplaced booths, in the same step.

    Spaces changed elsewhere since they were read raise StaleRecordError; nothing is
    deleted then."""
    with service.batch() as log:
        booths = service.booths_with_codes([s.code for s in gone])
        for booth in booths:
            service.save(replace(booth, code=""))
        removal = service.delete(BoothSpace, list(gone))
    return SpaceDeletion(log, removal)


def undo_delete(service: FestivalService, deletion: SpaceDeletion) -> None:
    with service.batch():
        service.undelete(deletion.removal)
        service.revert(deletion.unplaced)


def redo_delete(service: FestivalService, deletion: SpaceDeletion) -> None:
    with service.batch():
        service.reapply(deletion.unplaced)
        deletion.removal = service.delete_again(BoothSpace, deletion.removal)


# -- placing booths ---------------------------------------------------------------------------


def place(service: FestivalService, booth: Booth, space: BoothSpace) -> ChangeLog:
    """Put `booth` on `space` (its code becomes the space's). A space of another area, or
    one another booth stands on, is refused with ValidationError."""
    if space.venue_id != booth.venue_id:
        venue = service.get(Venue, booth.venue_id)
        raise ValidationError(
            [
                Problem(
                    "code",
                    N("Validation", "Space {code} is not in {venue}, where this booth is."),
                    {"code": space.code, "venue": venue.name() if venue else "?"},
                )
            ]
        )
    with service.batch() as log:
        service.save(replace(booth, code=space.code))
    return log


def unplace(service: FestivalService, booths: Sequence[Booth]) -> ChangeLog:
    """Take booths off their spaces (their codes are cleared)."""
    with service.batch() as log:
        for booth in booths:
            if booth.code:
                service.save(replace(booth, code=""))
    return log


def fill(
    service: FestivalService, venue_ids: Iterable[int] | None = None
) -> tuple[ChangeLog, FillResult]:
    """Place every unplaced booth (of `venue_ids`; None: every area) on a free space that
    offers what it needs, categories in blocks, placed booths never moved; one step.
    The result lists the booths that could not be placed, with the reason."""
    names = {v.id: v.name() for v in service.venues() if v.id is not None}
    with service.batch() as log:
        all_booths = service.booths()
        result = fill_rest(all_booths, spaces(service), names, venue_ids)
        venues = {v.id: v for v in service.venues()}
        for booth, space in result.placed:
            placed = replace(booth, code=space.code)
            problems = placed.problems(venues.get(booth.venue_id), [space.code])
            if problems:
                raise ValidationError(problems)
            service.write_checked(placed, booth)
    return log, result
