"""Text as the program hands it on to workbooks, printouts and calendars."""

from __future__ import annotations

import re

from festival_app.domain.korean import attach_particles

# C0 controls but tab and newline, DEL, and the C1 controls: no workbook, PDF or calendar
# can hold them, and no one types them on purpose (they come in with pasted text).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def without_controls(text: str) -> str:
    """`text` without control characters; tab and newline stay (a carriage return goes:
    line breaks are newlines)."""
    return text if text.isprintable() else _CONTROLS.sub("", text)


# A full stop followed by more full stops (with spaces between): what a message becomes
# when a sentence that ends in one is put before a template's own. An ellipsis ("...")
# is left alone.
_DOUBLED_STOP = re.compile(r"(?<!\.)\.(?:[ \t]+\.|\.(?!\.))+")
_SPACES = re.compile(r"[ \t]{2,}")


def tidy_message(text: str) -> str:
    """A message built from parts, without doubled full stops or runs of spaces, and with
    Korean particles fitting the names filled in (이(가) becomes 이 or 가)."""
    text = attach_particles(_DOUBLED_STOP.sub(".", text))
    return _SPACES.sub(" ", text).strip()
