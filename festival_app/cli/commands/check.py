"""`festival-app check --db PATH [--day YYYY-MM-DD] [--json]`: print the program's clashes.

Exit code 0 when there is no unacknowledged error (warnings and infos are allowed), 1 when
there is one, 2 for bad input. The festival file is only read, never written.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from festival_app import clash_checks
from festival_app.cli.common import (
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
)
from festival_app.cli.location import add_location_arguments, festival_at
from festival_app.domain.clashes import Clash
from festival_app.domain.errors import Severity
from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.times import NOT_A_DATE, format_time, parse_date
from festival_app.i18n import translate
from festival_app.services import FestivalService


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help=translate(
            "CliHelp",
            "list the program's clashes (exit code 1 when an unacknowledged error remains)",
        ),
        description=translate(
            "CliHelp",
            "Check the program for clashes: venues double-booked (setup and teardown "
            "counted), troupes in two places, items outside opening hours or outside a "
            "troupe's stay, changeovers that are too short, troupes without an item and "
            "performances without a troupe. One clash per line, severity first. Exit code 0 "
            "when no unacknowledged error remains, 1 when one does, 2 for bad input. The "
            "file is only read.",
        ),
    )
    add_location_arguments(parser)
    parser.add_argument(
        "--day",
        metavar="YYYY-MM-DD",
        help=translate("CliHelp", "check only this festival day (like 2018-09-01)"),
    )
    parser.add_argument(
        "--json", action="store_true", help=translate("CliHelp", "print one JSON array")
    )
    parser.add_argument(
        "--language",
        choices=("en", "ko"),
        default="en",
        help=translate("CliHelp", "language of the names in the messages (default: en)"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Only read: a file of an older format is checked on an updated copy.
    with festival_at(args, read_only=True, older_on_a_copy=True) as service:
        day_id = _day_id(service, args.day) if args.day else None
        clashes = clash_checks.check(service, day_id, args.language)
        if args.json:
            names = _Names(service, args.language)
            payload = [_as_json(names, clash) for clash in clashes]
            json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
            print()
        else:
            for clash in clashes:
                print(_as_line(clash))
            print(_summary(clashes), file=sys.stderr)
    blocking = any(c.severity == Severity.ERROR and not c.acknowledged for c in clashes)
    return EXIT_FAILURE if blocking else EXIT_OK


def _day_id(service: FestivalService, text: str) -> int:
    try:
        wanted = parse_date(text)
    except ValueError:
        raise CliError(
            translate("Times", NOT_A_DATE).format(text),
            EXIT_USAGE,
        ) from None
    days = service.days()
    for day in days:
        if day.date == wanted and day.id is not None:
            return day.id
    known = ", ".join(d.date.isoformat() for d in days) or translate("Cli", "none yet")
    raise CliError(
        translate("Cli", "{0} is not a day of the festival (its days: {1}).").format(
            wanted.isoformat(), known
        ),
        EXIT_USAGE,
    )


def _as_line(clash: Clash) -> str:
    # Severity and kind stay the same words in every language, as in --json: scripts
    # read them (for example grep '^error').
    line = f"{clash.severity.value:<7}  {clash.kind.value:<19}  {clash.message()}"
    if clash.acknowledged:
        line += " " + translate("Cli", "[acknowledged: {0}]").format(clash.reason)
    return line


def _summary(clashes: list[Clash]) -> str:
    if not clashes:
        return translate("Cli", "No clashes.")
    counts = Counter(c.severity for c in clashes)
    acknowledged = sum(1 for c in clashes if c.acknowledged)
    return translate("Cli", "Errors: {0}, warnings: {1}, infos: {2} ({3} acknowledged).").format(
        counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO], acknowledged
    )


class _Names:
    """Lookups for the JSON output, read once per run."""

    def __init__(self, service: FestivalService, language: str) -> None:
        self.language = language
        self.days: dict[int | None, FestivalDay] = {d.id: d for d in service.days()}
        self.venues = {v.id: v.name(language) for v in service.venues()}
        self.troupes = {t.id: t.display_name(language) for t in service.troupes()}
        self.items: dict[int | None, ProgramItem] = {i.id: i for i in service.program()}
        self.booths = {b.id: b for b in service.booths()}  # a site map's clash names booths


def _as_json(names: _Names, clash: Clash) -> dict[str, object]:
    items = []
    for item_id in clash.item_ids:
        item = names.items.get(item_id)
        if item is None:
            continue
        day = names.days.get(item.day_id)
        items.append(
            {
                "id": item.id,
                "title": item.title(names.language),
                "venue": names.venues.get(item.venue_id),
                "day": day.date.isoformat() if day else None,
                "start": format_time(item.start),
                "end": format_time(item.end),
                "troupe": names.troupes.get(item.troupe_id) if item.troupe_id else None,
            }
        )
    return {
        "severity": clash.severity.value,
        "kind": clash.kind.value,
        "message": clash.message(),
        "acknowledged": clash.acknowledged,
        "reason": clash.reason,
        "troupe": names.troupes.get(clash.troupe_id) if clash.troupe_id is not None else None,
        "items": items,
        "booths": [
            {
                "id": booth.id,
                "code": booth.code,
                "name": booth.label(names.language),
                "venue": names.venues.get(booth.venue_id),
            }
            for booth in (names.booths.get(i) for i in clash.booth_ids)
            if booth is not None
        ],
        "key": clash.key,
    }
