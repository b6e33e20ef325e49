"""Control characters are taken out of text handed on to workbooks, PDFs and calendars;
messages built from parts read as one text."""

from __future__ import annotations

from pathlib import Path

import pytest

from festival_app.domain.text import tidy_message, without_controls


def test_controls_go_tab_and_newline_stay() -> None:
    text = "Seoul\x00 \x07Plaza\r\n서울\t광장\x7f\x85\x9f end"
    assert without_controls(text) == "Seoul Plaza\n서울\t광장 end"


def test_printable_text_is_returned_as_it_is() -> None:
    text = "Main Stage 메인무대 (Seoul Plaza) — 14:30"
    assert without_controls(text) is text
    assert without_controls("") == ""


@pytest.mark.parametrize(
    ("built", "tidy"),
    [
        ("was not saved. . Nothing was changed.", "was not saved. Nothing was changed."),
        ("before this edit.. Nothing", "before this edit. Nothing"),
        ("x. . . y", "x. y"),
        ("Wait... then go.", "Wait... then go."),
        ("two  spaces ", "two spaces"),
        ("저장되지 않았습니다. . 바뀐 것은 없습니다.", "저장되지 않았습니다. 바뀐 것은 없습니다."),
    ],
)
def test_messages_built_from_parts_have_no_doubled_stops(built: str, tidy: str) -> None:
    assert tidy_message(built) == tidy


def test_a_store_message_inside_an_import_message_reads_as_one_text(tmp_path: Path) -> None:
    from festival_app.imports.errors import WRITE_FAILED, WorkbookError
    from festival_app.store.errors import ReadOnlyError, WriteFailedError

    for inner in (
        ReadOnlyError(tmp_path / "f.sqlite3", ""),
        WriteFailedError(tmp_path / "f.sqlite3", "the disk is full"),
    ):
        text = WorkbookError(WRITE_FAILED, detail=inner.message()).message()
        assert ". ." not in text and ".." not in text, text
