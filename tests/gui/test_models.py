"""Every table model passes Qt's model tester, sorts by typed keys and searches KO/EN."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from festival_app.domain import countries
from festival_app.gui.models.base import RECORD_ROLE, SORT_ROLE, RecordTableModel
from festival_app.gui.models.booths import BoothColumn, BoothTableModel
from festival_app.gui.models.days import DayColumn, DayTableModel
from festival_app.gui.models.program import ProgramColumn, ProgramTableModel
from festival_app.gui.models.troupes import TroupeColumn, TroupeTableModel
from festival_app.gui.models.venues import VenueTableModel
from festival_app.services import FestivalService
from tests.helpers.interface_language import tr

MODELS: list[type[RecordTableModel[Any]]] = [
    DayTableModel,
    VenueTableModel,
    TroupeTableModel,
    ProgramTableModel,
    BoothTableModel,
]


@pytest.mark.parametrize("model_class", MODELS, ids=lambda m: m.__name__)
def test_model_passes_the_model_tester(
    qtmodeltester: Any, sample_service: FestivalService, model_class: type[RecordTableModel[Any]]
) -> None:
    model = model_class(sample_service)
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_search("a")
    qtmodeltester.check(model, force_py=True)


def test_booth_model_shows_names_not_ids(qapp: Any, sample_service: FestivalService) -> None:
    model = BoothTableModel(sample_service)
    rows = [[model.index(r, c).data() for c in BoothColumn] for r in range(model.rowCount())]
    by_country = {row[BoothColumn.COUNTRY]: row for row in rows}
    germany = countries.name("DE", model.language)  # from ISO code DE, in the shown language
    assert germany in by_country
    labels = {tr("BoothCategory", "Food"), tr("BoothCategory", "Tourism")}
    assert by_country[germany][BoothColumn.CATEGORY] in labels
    assert all(row[BoothColumn.VENUE] for row in rows)  # venue name, never an id
    assert not any(row[BoothColumn.VENUE].isdigit() for row in rows)


def test_search_finds_korean_and_english_country_names(
    qapp: Any, sample_service: FestivalService
) -> None:
    model = BoothTableModel(sample_service)
    model.set_search("germany")
    english = {model.record(r).id for r in range(model.rowCount())}
    model.set_search("독일")
    korean = {model.record(r).id for r in range(model.rowCount())}
    assert english and english == korean
    assert all(model.record(r).country == "DE" for r in range(model.rowCount()))
    model.set_search("UNHCR")
    assert model.rowCount() >= 1
    model.set_search("unhcr  SEOUL")  # every word, any case
    assert model.rowCount() >= 1
    model.set_search("no such booth anywhere")
    assert model.rowCount() == 0
    model.set_search("")
    assert model.rowCount() == model.total_count() == len(sample_service.booths())


def test_troupe_search_by_korean_city(qapp: Any, sample_service: FestivalService) -> None:
    model = TroupeTableModel(sample_service)
    troupe = next(t for t in sample_service.troupes() if t.city_ko)
    model.set_search(troupe.city_ko)
    assert troupe.id in {model.record(r).id for r in range(model.rowCount())}


def test_sorting_uses_numbers_and_times_not_text(
    qapp: Any, sample_service: FestivalService
) -> None:
    program = ProgramTableModel(sample_service)
    program.sort(ProgramColumn.START, Qt.SortOrder.AscendingOrder)
    starts = [
        program.index(r, ProgramColumn.START).data(SORT_ROLE) for r in range(program.rowCount())
    ]
    assert starts == sorted(starts)
    program.sort(ProgramColumn.START, Qt.SortOrder.DescendingOrder)
    starts = [program.record(r).start for r in range(program.rowCount())]
    assert starts == sorted(starts, reverse=True)

    booths = BoothTableModel(sample_service)
    booths.sort(BoothColumn.CODE, Qt.SortOrder.AscendingOrder)
    codes = [booths.record(r).code for r in range(booths.rowCount())]
    same_prefix = [c for c in codes if c.startswith(codes[0].split("-")[0] + "-")]
    numbers = [int(c.split("-")[1]) for c in same_prefix]
    assert numbers == sorted(numbers)  # P-2 before P-10, not text order

    troupes = TroupeTableModel(sample_service)
    troupes.sort(TroupeColumn.PERFORMERS, Qt.SortOrder.AscendingOrder)
    counts = [troupes.record(r).performers for r in range(troupes.rowCount())]
    known = [c for c in counts if c is not None]
    assert known == sorted(known)
    assert counts[: len(known)] == known  # unknown counts last


def test_change_of_one_record_emits_a_narrow_data_changed(
    qapp: Any, sample_service: FestivalService
) -> None:
    from dataclasses import replace

    model = BoothTableModel(sample_service)
    resets: list[bool] = []
    changes: list[tuple[QModelIndex, QModelIndex]] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda a, b, roles=(): changes.append((a, b)))
    booth = model.record(5)
    sample_service.save(replace(booth, exhibitor="새 출품자"))
    assert not resets
    assert [(a.row(), b.row()) for a, b in changes] == [(5, 5)]
    assert model.index(5, BoothColumn.EXHIBITOR).data() == "새 출품자"
    assert model.index(5, 0).data(RECORD_ROLE).exhibitor == "새 출품자"


def test_days_model_refuses_unreadable_time(qapp: Any, sample_service: FestivalService) -> None:
    model = DayTableModel(sample_service)
    refused: list[str] = []

    class Sink:
        def commit(self, record: Any) -> bool:
            raise AssertionError("nothing may be committed")

        def refuse(self, message: str) -> None:
            refused.append(message)

    model.committer = Sink()
    assert not model.setData(model.index(0, DayColumn.OPENS), "25:99")
    assert refused and "25:99" in refused[0]


def test_typing_on_gives_the_same_rows_as_a_fresh_search(
    qapp: Any, sample_service: FestivalService
) -> None:
    typed = BoothTableModel(sample_service)
    typed.sort(BoothColumn.COUNTRY, Qt.SortOrder.DescendingOrder)
    fresh = BoothTableModel(sample_service)
    fresh.sort(BoothColumn.COUNTRY, Qt.SortOrder.DescendingOrder)
    text = "embassy of ki"
    for end in [*range(1, len(text) + 1), *range(len(text) - 1, -1, -1)]:
        typed.set_search(text[:end])
        fresh.set_search("")
        fresh.set_search(text[:end])
        assert [typed.record(r).id for r in range(typed.rowCount())] == [
            fresh.record(r).id for r in range(fresh.rowCount())
        ], text[:end]
    typed.set_search("embassy of ki")
    assert 0 < typed.rowCount() < typed.total_count()
