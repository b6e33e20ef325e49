"""Checking published folders against the public schemas (../shared/schemas/)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema
from lxml import etree

# ../shared/schemas beside the checkout (CI lays a copy of shared/ there too).
SCHEMAS = Path(__file__).resolve().parents[3] / "shared" / "schemas" / "c3voc-schedule"


@cache
def xml_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "schedule.xml.xsd")))


@cache
def json_validator() -> jsonschema.Draft6Validator:
    schema = json.loads((SCHEMAS / "schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft6Validator(
        schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
    )


def xml_errors(path: Path) -> list[str]:
    schema = xml_schema()
    ok = schema.validate(etree.parse(str(path)))
    return [] if ok else [str(e) for e in schema.error_log]


def json_errors(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [f"{list(e.path)}: {e.message}" for e in json_validator().iter_errors(data)]
