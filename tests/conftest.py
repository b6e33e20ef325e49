"""Shared fixtures. Qt runs offscreen and every test gets its own user data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from festival_app.services import FestivalService
from tests.helpers.postgres import postgres_server, server_url  # noqa: F401  (fixtures)

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _user_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    data = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("FESTIVAL_APP_DATA_DIR", str(data))
    return data


@pytest.fixture
def empty_service(tmp_path: Path) -> Iterator[FestivalService]:
    service = FestivalService.create(tmp_path / "festival.sqlite3")
    yield service
    service.close()


@pytest.fixture(scope="session")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A festival file with the 2018 sample, made once; copy it before writing to it."""
    from festival_app.cli.commands.init import create_festival_file

    path = tmp_path_factory.mktemp("sample") / "sample.sqlite3"
    create_festival_file(path, sample=True)
    return path


@pytest.fixture
def sample_service(sample_file: Path, tmp_path: Path) -> Iterator[FestivalService]:
    """A writable copy of the 2018 sample festival."""
    import shutil

    copy = tmp_path / "festival.sqlite3"
    shutil.copyfile(sample_file, copy)
    service = FestivalService.open(copy)
    yield service
    service.close()
