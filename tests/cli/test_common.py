"""Opening, using and closing the festival file in a command: `festival_file`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from festival_app.cli.common import EXIT_FAILURE, EXIT_USAGE, CliError, festival_file, using
from festival_app.services import FestivalService
from festival_app.store import errors

V1_FILE = Path(__file__).resolve().parent.parent / "_files" / "festival_v1.sqlite3"


@pytest.fixture
def closed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files closed so far."""
    paths: list[Path] = []
    real_close = FestivalService.close

    def close(self: FestivalService) -> None:
        paths.append(self.path)
        real_close(self)

    monkeypatch.setattr(FestivalService, "close", close)
    return paths


def test_the_file_is_closed_after_the_block(tmp_path: Path, closed: list[Path]) -> None:
    path = tmp_path / "f.sqlite3"
    FestivalService.create(path).close()
    closed.clear()
    with festival_file(path, read_only=True) as service:
        assert service.read_only and service.days() == []
        assert closed == []
    assert closed == [path]


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (errors.ExistsError("x.sqlite3"), EXIT_USAGE),
        (errors.WriteFailedError("x", "full"), EXIT_FAILURE),
    ],
)
def test_a_store_error_in_the_block_passes_on_and_the_file_is_closed(
    tmp_path: Path, closed: list[Path], error: errors.StoreError, code: int
) -> None:
    path = tmp_path / "f.sqlite3"
    FestivalService.create(path).close()
    closed.clear()
    with pytest.raises(errors.StoreError) as raised, festival_file(path):
        raise error
    assert raised.value is error
    assert closed == [path]
    # The command line reports it: its message, 2 for bad input, else 1.
    assert (EXIT_USAGE if raised.value.bad_input else EXIT_FAILURE) == code


def test_other_errors_pass_through_and_the_file_is_closed(
    tmp_path: Path, closed: list[Path]
) -> None:
    path = tmp_path / "f.sqlite3"
    FestivalService.create(path).close()
    closed.clear()
    with pytest.raises(KeyError), festival_file(path):
        raise KeyError("x")
    with pytest.raises(CliError) as raised, festival_file(path):
        raise CliError("told", EXIT_FAILURE)
    assert (raised.value.message(), raised.value.code) == ("told", EXIT_FAILURE)
    assert closed == [path, path]


def test_a_file_that_cannot_be_opened_is_a_store_error_of_bad_input(tmp_path: Path) -> None:
    with pytest.raises(errors.StoreError) as raised, festival_file(tmp_path / "missing.sqlite3"):
        pass
    assert raised.value.bad_input
    assert "There is no festival file" in raised.value.message()


def test_an_older_file_read_only_is_refused_or_read_from_a_copy(
    tmp_path: Path, closed: list[Path]
) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(V1_FILE, path)
    before = path.read_bytes()
    with pytest.raises(errors.ReadOnlyError) as raised, festival_file(path, read_only=True):
        pass
    assert not raised.value.bad_input  # exit code 1, as a read-only file always was
    with festival_file(path, read_only=True, older_on_a_copy=True) as service:
        copy = service.path
        assert copy != path and copy.name == path.name
        assert service.days()
    assert closed == [copy]
    assert not copy.exists() and not copy.parent.exists()
    assert path.read_bytes() == before


def test_using_an_open_file(tmp_path: Path, closed: list[Path]) -> None:
    path = tmp_path / "f.sqlite3"
    FestivalService.create(path).close()
    closed.clear()
    with pytest.raises(errors.ExistsError), using(FestivalService.open(path)):
        raise errors.ExistsError(path)
    assert closed == [path]
