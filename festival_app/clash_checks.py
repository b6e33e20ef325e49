"""Use cases around clashes, shared by the window and the command line.

`check` runs the clash finder over the festival file; `acknowledge` and `unacknowledge`
keep the organizers' decisions in the file. Both writers return what was there before, so
an undo command can put it back exactly (`put_back`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from festival_app.domain import rules
from festival_app.domain.clashes import Acknowledgement, Clash, ClashKind
from festival_app.domain.errors import SEVERITY_RANK, Problem, ValidationError
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.services import FestivalService


def check(service: FestivalService, day_id: int | None = None, language: str = "en") -> list[Clash]:
    """Every clash of the festival, or of one day, errors first.

    With `day_id`, only clashes with an item on that day are returned; troupes without any
    item concern the whole festival and come only without a day.
    """
    # The finder needs numpy, which takes a while to load: not before the first check.
    from festival_app.domain.clash_finder import find_clashes

    items = service.program(day_id)
    clashes = find_clashes(
        service.festival(),
        service.days(),
        service.venues(),
        service.troupes(),
        items,
        service.acknowledgements(),
        language,
    )
    if day_id is not None:
        clashes = [c for c in clashes if c.kind != ClashKind.TROUPE_UNSCHEDULED]
    else:  # the booths on the site maps are the whole festival's too
        from festival_app.site_plan import site_clashes

        clashes = merge_by_severity(clashes, site_clashes(service, language))
    return clashes


def merge_by_severity(program: list[Clash], site: list[Clash]) -> list[Clash]:
    """The program's clashes and the site maps', errors first, each keeping its order."""
    return sorted([*program, *site], key=lambda c: SEVERITY_RANK[c.severity])  # stable


def acknowledge(service: FestivalService, key: str, reason: str) -> str | None:
    """Accept the clash `key` for `reason`; returns the previous reason (None: there was none).

    Raises ValidationError when the reason is empty or too long.
    """
    reason = reason.strip()
    problems = rules.text_length("reason", reason, N("Field", "Reason"))
    if not reason:
        problems.append(Problem("reason", N("Validation", "Say why this clash is acceptable.")))
    if not key:
        problems.append(Problem("key", N("Validation", "No clash was chosen.")))
    if problems:
        raise ValidationError(problems)
    previous = service.put_acknowledgement(key, Acknowledgement(key, reason, _now()))
    return previous.reason if previous else None


def unacknowledge(service: FestivalService, key: str) -> str | None:
    """Take back the acknowledgement of `key`; returns the reason it had (None: it had none)."""
    previous = service.put_acknowledgement(key, None)
    return previous.reason if previous else None


def put_back(service: FestivalService, key: str, previous: Acknowledgement | None) -> None:
    """Put the acknowledgement of `key` back exactly as `service.acknowledgement()` gave it."""
    service.put_acknowledgement(key, previous)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
