"""Site maps and booth spaces in the festival file (schema version 4)."""

from __future__ import annotations

from festival_app.domain.site_map import BoothSpace, SiteMap
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.store.repositories import BOOL, Repository


class SiteMapRepository(Repository[SiteMap]):
    table = "site_map"
    entity = SiteMap
    label_template = N("StoreError", "The map of {name}")

    def for_venue(self, venue_id: int) -> SiteMap | None:
        found = self.where("venue_id = ?", (venue_id,))
        return found[0] if found else None

    def label(self, obj: SiteMap) -> str:
        row = self.db.conn.execute(
            "SELECT coalesce(nullif(name_en, ''), name_ko) FROM venue WHERE id = ?",
            (obj.venue_id,),
        ).fetchone()
        return str(row[0]) if row else f"#{obj.venue_id}"


class SpaceRepository(Repository[BoothSpace]):
    table = "booth_space"
    entity = BoothSpace
    codecs = {"power": BOOL, "water": BOOL, "gas": BOOL, "blocked": BOOL}
    order_by = "venue_id, code, id"
    label_template = N("StoreError", "The space {name}")

    def label(self, obj: BoothSpace) -> str:
        return obj.code

    def in_venue(self, venue_id: int) -> list[BoothSpace]:
        return self.where("venue_id = ?", (venue_id,))

    def with_codes(self, codes: list[str]) -> list[BoothSpace]:
        return self.where_in("code", codes)
