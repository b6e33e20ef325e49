"""The SQL that differs between the two engines a festival can live in.

The schema and its migrations are written once, in store/schema.py, as SQLite DDL (what
every festival file was created with). `postgres_ddl` derives PostgreSQL's DDL from that
text by a few exact rewrites, each of a construct the schema uses, so both engines hold
the same tables, foreign keys, CHECKs and unique keys (tests/store/test_engines.py proves
it by breaking each rule on both). Queries are written with `?` placeholders; the
PostgreSQL connection turns them into psycopg's `%s` (`postgres_query`). What cannot be
rewritten safely (case-insensitive comparison, string aggregation, the clock) is asked of
the engine's `Dialect` by the repositories. A migration whose SQLite text has no exact
rewrite (triggers, SQLite's random functions) has a PostgreSQL text of its own beside it
(schema.POSTGRES_MIGRATIONS); `postgres_ddl` refuses SQLite's own words rather than guess.

Nothing here imports a database driver.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Dialect:
    """How one engine spells the few things the repositories need."""

    name: str
    # The current time in UTC as 'YYYY-MM-DDTHH:MM:SSZ' (the changed_at of a write).
    now: str
    # "{0}" compared and ordered without regard to (ASCII) case.
    nocase: str
    # The comma-joined values of the integer expression "{0}" (an aggregate).
    join_ints: str

    def fold(self, expression: str) -> str:
        return self.nocase.format(expression)

    def joined(self, expression: str) -> str:
        return self.join_ints.format(expression)


SQLITE = Dialect(
    name="sqlite",
    now="strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
    nocase="{0} COLLATE NOCASE",
    join_ints="group_concat({0})",
)

POSTGRES = Dialect(
    name="postgresql",
    now="to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
    nocase="lower({0})",
    join_ints="string_agg(({0})::text, ',')",
)


# -- DDL: SQLite's text to PostgreSQL's ------------------------------------------------

# `X GLOB 'pattern'`: a whole-string match of literal characters, [...] classes, `*` (any
# characters) and `?` (one character), as an anchored regular expression. PostgreSQL's
# `.` matches any character, a newline too, as GLOB's `*` and `?` do.
_GLOB = re.compile(r"GLOB '([^']*)'")
_GLOB_PART = re.compile(r"\[[^\]]+\]|\*|\?")
# Text columns compare byte by byte on SQLite (BINARY): the "C" collation does the same
# on PostgreSQL, whatever the server's locale, so unique keys and ordering agree.
_TEXT = re.compile(r"\bTEXT\b")
# AUTOINCREMENT only stops SQLite from handing out a deleted row's id again; an identity
# column never hands out an id twice, so both become the same identity column.
_ROWID_KEY = re.compile(r"\bINTEGER PRIMARY KEY(?: AUTOINCREMENT)?\b")
_TABLE_OPTIONS = re.compile(r"\)\s*STRICT(?:,\s*WITHOUT ROWID)?\s*;")
# SQLite's BLOB is PostgreSQL's BYTEA; the empty blob x'' is the empty bytea.
_BLOB = re.compile(r"\bBLOB\b")
_EMPTY_BLOB = re.compile(r"\bx''")
# SQLite's REAL is an 8-byte IEEE float: PostgreSQL's DOUBLE PRECISION (its REAL is 4).
_REAL = re.compile(r"\bREAL\b")
# json_valid(x): whether x is JSON text. PostgreSQL 15 has no `IS JSON` (16 has), so a
# function of our own (JSON_VALID_FUNCTION) answers it; a CHECK calling it refuses bad
# text as a CHECK violation, as SQLite's does, not as a failed cast.
_JSON_VALID = re.compile(r"\bjson_valid\(")
JSON_VALID_FUNCTION = (
    "CREATE OR REPLACE FUNCTION festival_json_valid(value text) RETURNS boolean "
    "LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN PERFORM value::json; RETURN true; "
    "EXCEPTION WHEN invalid_text_representation OR untranslatable_character THEN "
    "RETURN false; END $$;\n"
)
# What the rewrites must never touch: quoted text of the script's own PostgreSQL (a
# plpgsql body between $$ and $$, in the texts of schema.POSTGRES_MIGRATIONS).
_DOLLAR_QUOTED = re.compile(r"(\$\$.*?\$\$)", re.DOTALL)


def _literal(text: str) -> str:
    """`text` matched literally in a PostgreSQL regular expression."""
    return "".join("\\" + c if c in ".^$*+?()[]{}|\\" else c for c in text)


def _glob_to_regex(match: re.Match[str]) -> str:
    pattern = match.group(1)
    out = []
    position = 0
    for part in _GLOB_PART.finditer(pattern):
        out.append(_literal(pattern[position : part.start()]))
        token = part.group(0)
        out.append({"*": ".*", "?": "."}.get(token, token))
        position = part.end()
    out.append(_literal(pattern[position:]))
    return "~ '^" + "".join(out) + "$'"


# SQLite's own words with no exact rewrite: a migration using them needs a PostgreSQL
# text of its own (schema.POSTGRES_MIGRATIONS).
_SQLITE_ONLY = re.compile(r"\bRAISE\s*\(|\brandomblob\b|\bsqlite_\w+")


def _rewrite(text: str) -> str:
    if re.search(r"\bGLOB\b", _GLOB.sub("", text)):
        raise ValueError("a GLOB pattern this translation does not know")
    unknown = _SQLITE_ONLY.search(text)
    if unknown:
        raise ValueError(
            f"{unknown.group(0)!r} has no PostgreSQL spelling here: give the migration a "
            "PostgreSQL text of its own (schema.POSTGRES_MIGRATIONS)"
        )
    text = _TABLE_OPTIONS.sub(");", text)
    text = _ROWID_KEY.sub("INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", text)
    text = _GLOB.sub(_glob_to_regex, text)
    text = _BLOB.sub("BYTEA", text)
    text = _EMPTY_BLOB.sub(r"'\\x'::bytea", text)
    text = _REAL.sub("DOUBLE PRECISION", text)
    text = _JSON_VALID.sub("festival_json_valid(", text)
    return _TEXT.sub('TEXT COLLATE "C"', text)


def postgres_ddl(script: str) -> str:
    """A migration script of store/schema.py as PostgreSQL runs it.

    - `STRICT` and `WITHOUT ROWID` go (PostgreSQL's types are always strict);
    - an `INTEGER PRIMARY KEY` (SQLite's rowid), with or without AUTOINCREMENT, becomes
      an identity column that still takes explicit ids (undo puts a record back under
      its own id) and never hands out an id twice;
    - `GLOB` shapes become anchored regular expressions;
    - `TEXT` columns collate as "C", byte by byte like SQLite;
    - `BLOB` becomes `BYTEA` (x'' the empty bytea), `REAL` `DOUBLE PRECISION`;
    - `json_valid(x)` calls a function of the same meaning (JSON_VALID_FUNCTION, created
      first by a script that uses it).

    Text between `$$` quotes (plpgsql written for PostgreSQL) is left as it is.
    """
    parts = _DOLLAR_QUOTED.split(script)
    text = "".join(p if i % 2 else _rewrite(p) for i, p in enumerate(parts))
    if _JSON_VALID.search(_DOLLAR_QUOTED.sub("", script)):
        text = JSON_VALID_FUNCTION + text
    return text


# -- queries: `?` placeholders to psycopg's ---------------------------------------------


@functools.lru_cache(maxsize=1024)
def postgres_query(sql: str) -> str:
    """`sql` with each `?` placeholder as `%s` and each literal `%` doubled (psycopg's
    format); quoted text and names are left alone."""
    out: list[str] = []
    quote = ""
    for char in sql:
        if quote:
            if char == quote:
                quote = ""
            out.append("%%" if char == "%" else char)
        elif char in "'\"":
            quote = char
            out.append(char)
        elif char == "?":
            out.append("%s")
        elif char == "%":
            out.append("%%")
        else:
            out.append(char)
    if quote:
        raise ValueError(f"unclosed quote in {sql!r}")
    return "".join(out)
