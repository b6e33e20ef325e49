"""Release tests work on copies of the 2018 sample saved at schema version 3."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from festival_app import i18n
from festival_app.services import FestivalService
from tests.helpers.releases import V3_FILE, edit_after_release


@pytest.fixture(autouse=True)
def _translations_as_they_were() -> Iterator[None]:
    """Publishing loads the Korean labels (the page is in both languages): later tests
    find the translators as they were."""
    saved = i18n.saved_state()
    yield
    i18n.restore_state(saved)


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages are compared in English, whatever the suite runs in."""
    monkeypatch.setenv("FESTIVAL_APP_LANG", "en")


@pytest.fixture
def festival_path(tmp_path: Path) -> Path:
    copy = tmp_path / "festival.sqlite3"
    shutil.copyfile(V3_FILE, copy)
    return copy


@pytest.fixture
def changed_path(festival_path: Path) -> Path:
    """The sample released as v1 (printed), then: one item an hour later, one on another
    venue, one retitled with markup in its title, one cancelled, one added."""
    edit_after_release(festival_path)
    return festival_path


@pytest.fixture
def service(festival_path: Path) -> Iterator[FestivalService]:
    opened = FestivalService.open(festival_path)
    yield opened
    opened.close()
