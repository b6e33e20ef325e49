"""Planning the Booths sheet: a booth is found by its code, else by its category and
country (or organization); its booth area by the row's Venue, the sheet's title (the
booth workbook has a sheet per area) or the code's prefix."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from festival_app.domain import record_rules
from festival_app.domain.booths import Booth, BoothCategory
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.imports import format as fmt
from festival_app.imports.format import fold, joined
from festival_app.imports.plan.rows import CLEAR, Both, options, record_fields, text
from festival_app.imports.plan.sheets import SheetPlanner

_TITLE_LIMIT = 31  # characters of a sheet title (Excel's limit)


class BoothsPlanner(SheetPlanner):
    """The Booths sheet, and the booth workbook's sheet per booth area."""

    _FIELDS = record_fields(fmt.BOOTHS, Booth, besides=("code", "day_ids"))
    sheet_venue: int | None = None  # the booth area the sheet's title names

    def begin(self, title: str) -> None:
        self.sheet_venue = self._titled_venue(title)

    def _titled_venue(self, title: str) -> int | None:
        """The booth area a sheet's title names (the booth workbook has one per area; a
        sheet title holds at most 31 characters, so a long name is cut)."""
        key = joined(title)
        cut = len(title.strip()) >= _TITLE_LIMIT - 1
        found = {
            venue_id
            for venue_id, venue in self.state.venue_by_id.items()
            for name in (venue.name_en, venue.name_ko)
            if name and key and (key == joined(name) or (cut and joined(name).startswith(key)))
        }
        return found.pop() if len(found) == 1 else None

    def _find(
        self, category: BoothCategory, code: str, row: dict[str, Any]
    ) -> tuple[int | None, bool]:
        """The booth a row means: by its code, else by category and country (or
        organization); (id or None, whether found by the secondary key)."""
        state = self.state
        if code:
            found = state.code_owners.get(code)
            if found is not None:
                return found, False
        organization = fold(text(row, "organization"))
        keys = [(category.value, country) for country in options(row, "country")]
        if not keys and organization:
            keys.append((category.value, organization))
        # A row with a code may only take over a booth that has none yet.
        pool = state.codeless if code else state.booth_keys
        for key in keys:
            candidates = sorted(pool.get(key, ()))
            if len(candidates) > 1:
                codes = ", ".join(sorted(state.booth_by_id[i].code or "-" for i in candidates))
                self.rows.fail(
                    "code",
                    N(
                        "Import",
                        "This row matches several booths ({codes}); give the booth's code.",
                    ),
                    codes=codes,
                )
            if candidates:
                return candidates[0], True
        return None, False

    def _venue(self, row: dict[str, Any], code: str, before: Booth | None) -> int:
        """The booth area: the row's Venue, else the booth's own, else the one the sheet's
        title or the code's prefix names."""
        named = row.get("venue")
        if isinstance(named, str):
            return self.refs.venue_id(named)
        if before is not None:
            return before.venue_id
        if self.sheet_venue is not None:
            return self.sheet_venue
        prefix = code.partition("-")[0] if "-" in code else ""
        by_prefix = [
            i for i, v in self.state.venue_by_id.items() if prefix and v.code_prefix == prefix
        ]
        if len(by_prefix) == 1:
            return by_prefix[0]
        self.rows.fail("venue", N("Import", "Venue is required to add a booth."))
        raise AssertionError  # unreachable: fail raises

    def plan_row(self, row: dict[str, Any]) -> None:
        rows, state = self.rows, self.state
        category: BoothCategory = row["category"]
        given_code = row.get("code")
        if isinstance(given_code, Both):
            rows.fail(
                "code",
                N("Import", "The columns for {header} disagree ({values}); correct one of them."),
                header=rows.header("code"),
                values=", ".join(map(str, given_code.values)),
            )
        code = given_code.upper().replace(" ", "") if isinstance(given_code, str) else ""
        booth_id, matched = self._find(category, code, row)
        before = state.booth_by_id.get(booth_id) if booth_id is not None else None
        venue_id = self._venue(row, code, before)
        key = (
            category.value,
            (options(row, "country") or [""])[0] or fold(text(row, "organization")),
        )
        first = rows.once(("booth", booth_id if booth_id is not None else (code, key)), "code")
        original = state.original(Booth, booth_id)
        base = original if first is not None else before
        given = rows.given(row, self._FIELDS, Booth, base)
        if given_code is not None:
            given["code"] = code  # the clear marker takes the code away; a blank keeps it
        if "day_ids" in row:
            chosen = row["day_ids"]
            chosen = None if chosen is CLEAR else chosen
            given["day_ids"] = frozenset(self.refs.day_id(d, "day_ids") for d in chosen or ())
        if base is None:
            after = Booth(**{**given, "venue_id": venue_id, "id": state.new_id()})
        else:
            after = replace(base, **given, venue_id=venue_id)
        rows.check(record_rules.problems(after, state))
        if first is not None and not rows.again(first, before, original, after):
            return
        if before is not None:
            state.unindex_booth(before)
        state.booth_by_id[after.id or 0] = after
        state.index_booth(after)
        rows.remember("booth", after)
        rows.record(before, after, matched=matched)
