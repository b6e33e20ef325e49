"""Country names in Korean and English from CLDR (through Babel), keyed by ISO 3166 code."""

from __future__ import annotations

from functools import cache

from festival_app.domain.times import normalize_text


@cache
def _names(language: str) -> dict[str, str]:
    from babel import Locale  # on first use: Babel's import is slow and start-up is not

    territories = Locale(language).territories
    # Two-letter keys are countries; numeric keys are regions ("001" is the world).
    return {code: name for code, name in territories.items() if len(code) == 2 and code.isalpha()}


def codes() -> list[str]:
    """Every ISO 3166-1 alpha-2 code CLDR names, sorted."""
    return sorted(_names("en"))


def is_country(code: str) -> bool:
    return code in _names("en")


def name(code: str, language: str = "en") -> str:
    """The country's name in 'en' or 'ko'; the code itself when unknown."""
    if not code:
        return ""
    return _names("ko" if language == "ko" else "en").get(code, code)


@cache
def _lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for language in ("en", "ko"):
        for code, label in _names(language).items():
            table.setdefault(_key(label), code)
    for code in _names("en"):
        table[_key(code)] = code
    # Names people write that CLDR spells otherwise.
    extra = {
        "korea": "KR",
        "south korea": "KR",
        "republic of korea": "KR",
        "한국": "KR",
        "usa": "US",
        "united states of america": "US",
        "uk": "GB",
        "great britain": "GB",
        "russian federation": "RU",
        "viet nam": "VN",
        "czech republic": "CZ",
        "türkiye": "TR",
        "turkiye": "TR",
        "turkey": "TR",
        "holland": "NL",
    }
    for label, code in extra.items():
        table.setdefault(_key(label), code)
    return table


def _key(text: str) -> str:
    return normalize_text(text).casefold()


def find(text: str) -> str | None:
    """The code for an ISO code or an English or Korean country name, else None."""
    return _lookup().get(_key(text))


def close_matches(text: str, limit: int = 1) -> list[str]:
    """Codes whose names are close to `text`, best first (for 'did you mean')."""
    import difflib

    table = _lookup()
    hits = difflib.get_close_matches(_key(text), list(table), n=limit, cutoff=0.75)
    return [table[h] for h in hits]
