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


# Exports in Korean need Korean labels even when the interface speaks English.
_by_language: dict[str, Translator] = {}


def set_language_translator(language: str, translator: Translator | None) -> None:
    """Install the function that translates marked text into `language` (None: remove)."""
    if translator is None:
        _by_language.pop(language, None)
    else:
        _by_language[language] = translator


def language_translator(language: str) -> Translator | None:
    return _by_language.get(language)


def translate_into(language: str, context: str, text: str) -> str:
    """`text` in `language` whatever the interface speaks; the interface's when unknown."""
    translator = _by_language.get(language)
    return translator(context, text) if translator is not None else _translator(context, text)


State = tuple[Translator, dict[str, Translator]]


def saved_state() -> State:
    """The installed translators, to put back with `restore_state` (the command line's
    main() is also called in-process, where it must not change the caller's language)."""
    return _translator, dict(_by_language)


def restore_state(state: State) -> None:
    global _translator
    _translator = state[0]
    _by_language.clear()
    _by_language.update(state[1])
