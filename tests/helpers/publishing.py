"""Checking published folders against the public schemas (../shared/schemas/).

XML Schema with xmlschema (pure Python), not lxml: with lxml installed, openpyxl writes
workbooks through lxml, and a failed write raises lxml's own error instead of OSError
(tests/cli/test_outputs.py); the program must behave the same in its tests as for users."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema
import xmlschema

# ../shared/schemas beside the checkout (CI lays a copy of shared/ there too).
SCHEMAS = Path(__file__).resolve().parents[3] / "shared" / "schemas" / "c3voc-schedule"


@cache
def xml_schema() -> xmlschema.XMLSchema10:
    return xmlschema.XMLSchema10(str(SCHEMAS / "schedule.xml.xsd"))


@cache
def json_validator() -> jsonschema.Draft6Validator:
    schema = json.loads((SCHEMAS / "schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft6Validator(
        schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
    )


def xml_errors(path: Path) -> list[str]:
    return [e.reason or str(e) for e in xml_schema().iter_errors(str(path))]


def json_errors(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [f"{list(e.path)}: {e.message}" for e in json_validator().iter_errors(data)]
