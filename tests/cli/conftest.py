"""The command line's tests read its English messages unless a test asks for Korean."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    # Commands run in this process and in child processes, which inherit the variable.
    monkeypatch.setenv("FESTIVAL_APP_LANG", "en")
