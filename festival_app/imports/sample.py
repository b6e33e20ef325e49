"""The 2018 festival as sample data, loaded through the same steps as any workbook import."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from festival_app.imports.apply import ImportResult, apply_plan
from festival_app.imports.errors import WorkbookError
from festival_app.imports.format import RawSheet, RawWorkbook
from festival_app.imports.plan import make_plan
from festival_app.imports.sample_maps import add_plans
from festival_app.imports.spaces import apply_spaces
from festival_app.paths import resource
from festival_app.services import FestivalService

SAMPLE_NAME = "festival_2018.json"


def sample_path() -> Path:
    return resource("sample", SAMPLE_NAME)


def raw_from_json(data: dict[str, Any]) -> RawWorkbook:
    """Rows keyed by the workbook's English headers, as if read from a workbook.

    A sheet holding one object (the Festival sheet) is one row. Row numbers count from 2,
    below the header row, so problems point where they would in a spreadsheet.
    """
    raw: RawWorkbook = {}
    for title, content in data.items():
        rows = [content] if isinstance(content, dict) else list(content)
        headers: list[str] = []
        for row in rows:
            headers += [h for h in row if h not in headers]
        raw[title] = RawSheet(title, headers, [(n, dict(r)) for n, r in enumerate(rows, start=2)])
    return raw


def fill_with_sample(service: FestivalService, path: Path | None = None) -> ImportResult:
    """Import the 2018 sample festival into `service` in one batch.

    Raises WorkbookError (naming the first problem) if the sample breaks a rule: that is a
    defect of the shipped data, never the user's.
    """
    data = json.loads((path or sample_path()).read_text(encoding="utf-8"))
    raw = raw_from_json(data)
    plan = make_plan(service, raw)
    if plan.has_errors:
        first = plan.errors()[0]
        raise WorkbookError("The sample data is broken: {problem}", problem=first.message())
    result = apply_plan(service, plan)
    apply_spaces(service, raw)  # the booth areas' maps, every booth on its space
    add_plans(service)  # street plans under them
    return result
