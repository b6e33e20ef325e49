"""What the parts of the Site map section use of the section widget (`SiteMapWidget`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from festival_app.domain.venues import Venue
from festival_app.gui.site_map.scene import SiteScene
from festival_app.services import FestivalService


class SiteMapHost(Protocol):
    """The section as its edits see it: the file, the map shown and one undo step."""

    @property
    def service(self) -> FestivalService: ...

    @property
    def scene(self) -> SiteScene: ...

    @property
    def language(self) -> str: ...

    @property
    def venue_id(self) -> int | None:
        """The booth area shown."""
        ...

    def current_area(self) -> Venue | None:
        """The booth area shown, read from the file."""
        ...

    def run(self, work: Callable[[], object], text: str) -> bool:
        """`work` as one undo step; False when it was refused (and told)."""
        ...
