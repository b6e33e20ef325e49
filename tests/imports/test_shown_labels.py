"""Fixed-list values copied from the window or a printout, in either language, import."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from festival_app import i18n, language
from festival_app.domain.booths import BoothCategory
from festival_app.domain.program import ItemKind, ItemStatus
from festival_app.domain.troupes import Relation
from festival_app.imports import format as fmt


@pytest.fixture
def korean_labels() -> Iterator[None]:
    saved = i18n.saved_state()
    fmt.forget_spellings()
    language.korean_labels()
    yield
    i18n.restore_state(saved)
    fmt.forget_spellings()


@pytest.mark.parametrize(
    ("fixed", "context", "english", "value"),
    [
        (fmt.ITEM_KINDS, "ItemKind", "Ceremony", ItemKind.CEREMONY),
        (fmt.CATEGORIES, "BoothCategory", "NGO / international organization", BoothCategory.NGO),
        (fmt.RELATIONS, "Relation", "Sister city", Relation.SISTER),
        (fmt.STATUSES, "ItemStatus", "Cancelled", ItemStatus.CANCELLED),
    ],
)
def test_labels_shown_by_the_program_import(
    korean_labels: None, fixed: fmt.FixedList, context: str, english: str, value: object
) -> None:
    korean = i18n.translate_into("ko", context, english)
    assert korean != english  # the Korean translation is loaded
    table = fixed.lookup()
    assert table[fmt.fold(english)] == value
    assert table[fmt.fold(korean)] == value
