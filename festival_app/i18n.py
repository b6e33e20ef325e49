"""Translation markers usable below the GUI layer.

Domain, store, exports and imports never import Qt, yet their messages must reach the
user in Korean or English. They mark text with `QT_TRANSLATE_NOOP(context, text)`, which
Qt's `lupdate` extracts, and keep English as the source. The GUI and the command line
render a message with `translate`, which uses Qt's translators once the application has
installed them and returns the English source otherwise.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context`; returns it unchanged."""
    return text


def _identity(context: str, text: str) -> str:
    return text


_translator: Translator = _identity


def set_translator(translator: Translator | None) -> None:
    """Install the function that translates marked text (None: back to English)."""
    global _translator
    _translator = translator or _identity


def translate(context: str, text: str) -> str:
    return _translator(context, text)
