"""The interface's language in the window's tests, and how its texts read in it.

Every test marked `gui` runs with the fixture (tests/conftest.py asks for it), so the
Korean run of those tests shows the whole interface, messages included, in Korean.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from festival_app import language
from festival_app.domain.korean import MARKER as PARTICLE_MARKER
from festival_app.domain.korean import attach_particles


@pytest.fixture(scope="session")
def _interface_language(qapp: QApplication) -> Iterator[str]:
    """The interface in FESTIVAL_APP_LANG (ko: the Korean run of these tests), else English.

    Tests compare with `QCoreApplication.translate(...)`, not English literals, so the
    same tests pass in both languages.
    """
    chosen = language.normalise(os.environ.get(language.ENV_VARIABLE)) or language.ENGLISH
    if chosen == language.ENGLISH or qapp.property("festival_language") == chosen:
        yield chosen
        return
    translators = language.install(qapp, chosen)
    qapp.setProperty("festival_language", chosen)
    yield chosen
    language.uninstall(qapp, translators)
    qapp.setProperty("festival_language", None)


def tr(context: str, text: str) -> str:
    """`text` as the interface shows it in this run's language."""
    return QCoreApplication.translate(context, text)


def undo_text(text: str) -> str:
    """The Undo action's text for an undo step, as Qt words it in this language."""
    return tr("QUndoStack", "Undo %1").replace("%1", text)


def redo_text(text: str) -> str:
    return tr("QUndoStack", "Redo %1").replace("%1", text)


def fragment(context: str, text: str) -> str:
    """The longest fixed part of a translated message with slots, to look for in a text.

    A Korean particle after a slot (이(가), 을(를)) is not fixed: the name filled in decides
    it (see festival_app.domain.korean).
    """
    template = PARTICLE_MARKER.sub("{}", tr(context, text))
    pieces = re.split(r"\{[^}]*\}|%\d", template)
    return max(pieces, key=len).strip()


def said(text: str) -> str:
    """A message as the interface shows it: Korean paired particles fitted to the names."""
    return attach_particles(text)
