"""What a printout's footer says of the version it shows: the release, or a draft."""

from __future__ import annotations

from festival_app import releasing
from festival_app.domain.releases import Release
from festival_app.exports.common import printed, printed_in_each
from festival_app.services import FestivalService


def label(release: Release | None, lang: str) -> str:
    """The release a printout shows: "Release v2 of 2026-12-04 10:30", or "Draft, not released"."""
    if release is None:
        return printed_in_each(releasing.DRAFT_LABEL, lang)
    when = releasing.release_date(release)
    if lang == "both":  # the date once: the footer also holds the printing time and page
        name = printed_in_each(releasing.RELEASE_NAME, lang, name=release.name)
        return f"{name} · {when}"
    return printed(releasing.RELEASE_LABEL, lang, name=release.name, date=when)


def footer_label(service: FestivalService, lang: str) -> str:
    """The footer's words for a printout of the file's program as it is now: the newest
    release it is exactly, else a draft."""
    return label(releasing.shown_release(service), lang)
