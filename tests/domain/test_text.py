"""Control characters are taken out of text handed on to workbooks, PDFs and calendars."""

from __future__ import annotations

from festival_app.domain.text import without_controls


def test_controls_go_tab_and_newline_stay() -> None:
    text = "Seoul\x00 \x07Plaza\r\n서울\t광장\x7f\x85\x9f end"
    assert without_controls(text) == "Seoul Plaza\n서울\t광장 end"


def test_printable_text_is_returned_as_it_is() -> None:
    text = "Main Stage 메인무대 (Seoul Plaza) — 14:30"
    assert without_controls(text) is text
    assert without_controls("") == ""
