"""Random cell contents never make the importer fail with anything but its own error."""

from __future__ import annotations

import contextlib
from datetime import date, datetime, timedelta

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from festival_app.imports import format as fmt
from festival_app.imports.errors import WorkbookError
from festival_app.imports.format import RawSheet
from festival_app.imports.plan import Snapshot, make_plan
from festival_app.imports.workbook import preview_workbook
from festival_app.services import FestivalService

# What a cell of a workbook can hold once openpyxl has read it.
cells = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "all",
            "yes",
            "O",
            "12:30",
            "2018-09-01",
            "food",
            "KR",
            "M-01",
            "Mugyo-ro",
            "무교로",
            "Beijing",
            "stage",
            "booth area",
            "=1+1",
            "\u3000",
        ]
    ),
    st.integers(min_value=-(2**63), max_value=2**63),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=date(1900, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1)),
    st.times(),
    st.timedeltas(min_value=timedelta(days=-3), max_value=timedelta(days=3)),
)


def _sheet(sheet: fmt.Sheet, data: st.DataObject) -> RawSheet:
    columns = data.draw(st.lists(st.sampled_from(sheet.columns), min_size=1, unique=True))
    headers = [data.draw(st.sampled_from([c.en, c.ko, c.en.upper(), f" {c.en} "])) for c in columns]
    headers += data.draw(st.lists(st.text(max_size=10), max_size=2))
    rows = data.draw(
        st.lists(st.lists(cells, min_size=len(headers), max_size=len(headers)), max_size=6)
    )
    return RawSheet(
        sheet.en, headers, [(n, dict(zip(headers, r, strict=True))) for n, r in enumerate(rows, 2)]
    )


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_cells_never_crash_the_plan(
    sample_service: FestivalService, data: st.DataObject
) -> None:
    snapshot = Snapshot.read(sample_service)
    chosen = data.draw(st.lists(st.sampled_from(fmt.SHEETS), min_size=1, max_size=3, unique=True))
    raw = {s.en: _sheet(s, data) for s in chosen}
    try:
        plan = make_plan(snapshot, raw)
    except WorkbookError:
        return
    for problem in plan.problems:
        assert problem.message()  # every message renders


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(
        st.lists(cells.filter(lambda v: not isinstance(v, timedelta)), min_size=4, max_size=4),
        max_size=4,
    )
)
def test_random_cells_in_a_real_workbook(
    sample_service: FestivalService,
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[list[object]],
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Booths"
    ws.append(["Code", "Venue", "Category", "Days"])
    for row in rows:
        # Values openpyxl itself refuses to store (control characters) are left out.
        with contextlib.suppress(IllegalCharacterError, ValueError, TypeError):
            ws.append(row)
    path = tmp_path_factory.mktemp("fuzz") / "random.xlsx"
    try:
        wb.save(path)
    except (ValueError, TypeError, OverflowError):
        return
    with contextlib.suppress(WorkbookError):
        preview_workbook(sample_service, path)
