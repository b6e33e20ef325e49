"""Use cases of releases, shared by the window, the command line and the exports.

Releasing freezes the program as it is now under a name; a release is never changed or
removed afterwards (the festival file refuses), so releasing is not an edit that undo
takes back: the window asks before it releases. Only the printed-baseline mark moves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from festival_app.domain.changes import ChangeSet, changed_item_ids, compare
from festival_app.domain.errors import UserError, ValidationError
from festival_app.domain.releases import Release, Snapshot, name_problems, suggested_name
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate
from festival_app.services import RELEASES, FestivalService
from festival_app.store.releases import (
    ReleaseNameTakenError,
    ReleaseRepository,
    content_hash,
    snapshot_to_json,
)

CONTEXT = "Release"
NOW = "now"
# The festival's time zone: Korea keeps UTC+9 all year (no daylight saving time), so a
# fixed offset needs no time zone database (which Windows lacks without tzdata).
SEOUL = timezone(
    timedelta(hours=9), "Asia/Seoul"
)  # the version name that means the program as it is in the file


UNKNOWN = N("Release", "There is no release called '{name}'. The releases are: {known}.")


class UnknownReleaseError(UserError):
    """A release name the festival file does not hold (bad input)."""

    def __init__(self, name: str, known: list[str]) -> None:
        self.name = name
        self.known = known
        super().__init__(self.message())

    def message(self) -> str:
        return translate(CONTEXT, UNKNOWN).format(
            name=self.name, known=", ".join(self.known) or "-"
        )


def repository(service: FestivalService) -> ReleaseRepository:
    return service.releases


def current_snapshot(service: FestivalService) -> Snapshot:
    """The program as it is in the file now."""
    return Snapshot.of(
        service.festival(),
        service.days(),
        service.venues(),
        service.troupes(),
        service.program(),
        service.booths(),
    )


def releases(service: FestivalService) -> list[Release]:
    """Every release, oldest first."""
    return repository(service).all()


def next_name(service: FestivalService) -> str:
    return suggested_name(r.name for r in releases(service))


def release(
    service: FestivalService,
    name: str,
    comment_ko: str = "",
    comment_en: str = "",
    *,
    printed: bool = False,
    now: datetime | None = None,
) -> Release:
    """Freeze the program as it is now as release `name`; `printed` makes it the printed
    baseline. ValidationError for a bad or taken name; nothing is written then."""
    repo = repository(service)
    name = name.strip()
    problems = name_problems(name, (r.name for r in repo.all()))
    if problems:
        raise ValidationError(problems)
    try:
        made = repo.insert(
            Release(
                name=name,
                comment_ko=comment_ko.strip(),
                comment_en=comment_en.strip(),
                created_at=(now or datetime.now(UTC)).replace(microsecond=0),
                printed=printed,
            ),
            current_snapshot(service),
        )
    except ReleaseNameTakenError as exc:  # taken meanwhile, by another program on the file
        raise ValidationError(name_problems(name, (r.name for r in repo.all()))) from exc
    service.notify({RELEASES})
    return made


def mark_printed(service: FestivalService, name: str | None) -> None:
    """Make release `name` the printed baseline (None: none is)."""
    target = None if name is None else find(service, name)
    repository(service).mark_printed(None if target is None else target.id)
    service.notify({RELEASES})


def move_printed(service: FestivalService, name: str | None, was: str | None) -> None:
    """Move the printed baseline from release `was` to release `name` (None: none);
    StaleRecordError when it is no longer on `was` (someone else moved it)."""

    def release_id(named: str | None) -> int | None:
        return None if named is None else find(service, named).id

    repository(service).move_printed(release_id(name), release_id(was))
    service.notify({RELEASES})


def find(service: FestivalService, name: str) -> Release:
    """The release called `name` (UnknownReleaseError otherwise)."""
    found = repository(service).named(name.strip())
    if found is None:
        raise UnknownReleaseError(name, [r.name for r in releases(service)])
    return found


def baseline(service: FestivalService) -> Release | None:
    """The release marked as printed, if any."""
    return next((r for r in releases(service) if r.printed), None)


@dataclass(frozen=True)
class Version:
    """A version of the program to show or compare: a release, or now (release None)."""

    release: Release | None
    snapshot: Snapshot

    @property
    def name(self) -> str:
        return self.release.name if self.release is not None else NOW


def version(service: FestivalService, name: str | None) -> Version:
    """Release `name`, or the program now (None or "now")."""
    if name is None or name.strip().casefold() == NOW:
        return Version(None, current_snapshot(service))
    found = find(service, name)
    assert found.id is not None
    return Version(found, repository(service).snapshot(found.id))


def changes(service: FestivalService, old: str, new: str | None = None) -> ChangeSet:
    """What changed from version `old` to version `new` (None: now)."""
    return compare(version(service, old).snapshot, version(service, new).snapshot)


def shown_release(service: FestivalService) -> Release | None:
    """The newest release the file's program is exactly (None: changed since, a draft)."""
    found = releases(service)
    if not found:
        return None
    digest = content_hash(snapshot_to_json(current_snapshot(service)))
    return next((r for r in reversed(found) if r.content_hash == digest), None)


def changed_since_baseline(service: FestivalService) -> set[int]:
    """Ids of the items changed (or new) since the printed baseline; empty without one."""
    base = baseline(service)
    if base is None or base.id is None:
        return set()
    now = compare(repository(service).snapshot(base.id), current_snapshot(service))
    return changed_item_ids(now.changes)


# Printed sentences, in the Export context (printouts say them in their languages).
RELEASE_LABEL = N("Export", "Release {name} of {date}")
RELEASE_NAME = N("Export", "Release {name}")
DRAFT_LABEL = N("Export", "Draft, not released")


def release_date(release: Release) -> str:
    """The release's date as printed: in this computer's time (as the printing time
    beside it), to the minute."""
    assert release.created_at is not None
    return release.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
