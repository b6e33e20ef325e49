"""Readable ASCII names for URLs: Korean (and any other script) transliterated.

anyascii (ISC licence) gives each Hangul syllable its Revised Romanization
("개막 공연" -> "GaeMag GongYeon", here "gaemag-gongyeon"), and covers every other script
and emoji as well.
"""

from __future__ import annotations

import re

from anyascii import anyascii

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
MAX_WORDS = 60


def ascii_words(text: str) -> str:
    """`text` in lowercase ASCII words joined by hyphens ("" when nothing is left)."""
    words = _NOT_SLUG.sub("-", anyascii(text).lower()).strip("-")
    if len(words) > MAX_WORDS:
        words = words[:MAX_WORDS].rsplit("-", 1)[0] or words[:MAX_WORDS]
    return words.strip("-")


def acronym(name: str) -> str:
    """A short lowercase name of the festival for slugs and the schedule ("sff2018" for
    "Seoul Friendship Festival 2018 (sample data)"): the initials of its words before any
    bracket, and its year (its words when that is too short); at least four characters of [a-z0-9_]."""
    head = re.split(r"[(\[]", name, maxsplit=1)[0]
    words = ascii_words(head).split("-")
    initials = "".join(w[0] for w in words if w and not w.isdigit())
    years = "".join(w for w in words if w.isdigit() and len(w) == 4)
    short = initials + years
    if len(short) < 4:
        short = "_".join(w for w in words if w)[:16].strip("_")
    return short if len(short) >= 4 else (short + "_fest").lstrip("_")


def item_slug(festival_acronym: str, item_id: int, title: str) -> str:
    """An item's slug, "sff2018-12-gaemag-gongyeon": unique by its id, readable by its title."""
    words = ascii_words(title) or "item"
    return f"{festival_acronym}-{item_id}-{words}"
