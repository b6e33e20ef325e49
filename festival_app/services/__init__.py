"""Use cases shared by the window, the command line, imports and exports.

`FestivalService` (services.festival) is the festival in one open file; change notices
name topics (services.topics); deletes take what depends on them along and can be put
back (services.removals); undo and redo write only over rows this service last wrote
(services.row_versions).
"""

from festival_app.domain.record_rules import Record
from festival_app.services.festival import ChangeLog, FestivalService, Written
from festival_app.services.removals import Dependents, Removal
from festival_app.services.topics import (
    BOOTHS,
    CLASHES,
    DAYS,
    EVERYTHING,
    FESTIVAL,
    PROGRAM,
    RELEASES,
    SITE_MAPS,
    SPACES,
    TROUPES,
    VENUES,
    ChangeListener,
)

__all__ = [
    "BOOTHS",
    "CLASHES",
    "DAYS",
    "EVERYTHING",
    "FESTIVAL",
    "PROGRAM",
    "RELEASES",
    "SITE_MAPS",
    "SPACES",
    "TROUPES",
    "VENUES",
    "ChangeListener",
    "ChangeLog",
    "Dependents",
    "FestivalService",
    "Record",
    "Removal",
    "Written",
]
