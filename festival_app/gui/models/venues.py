"""The Venues table."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication

from festival_app.domain.times import format_time
from festival_app.domain.venues import VENUE_KIND_LABELS, Venue
from festival_app.gui.models.base import Cell, RecordTableModel, number_cell, one_line
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.services import VENUES


class VenueColumn(IntEnum):
    """The columns of the Venues table, in order."""

    NAME = 0
    NAME_KO = 1
    KIND = 2
    ZONE = 3
    CAPACITY = 4
    BOOTH_SPACES = 5
    CODE_PREFIX = 6
    CHANGEOVER = 7
    HOURS = 8
    NOTES = 9


class VenueTableModel(RecordTableModel[Venue]):
    """The venues, one a row."""

    Column = VenueColumn
    context = "VenueTableModel"
    topics = frozenset({VENUES})
    own_topic = VENUES
    numeric = frozenset({VenueColumn.CAPACITY, VenueColumn.BOOTH_SPACES, VenueColumn.CHANGEOVER})
    hidden_columns = frozenset({VenueColumn.CODE_PREFIX, VenueColumn.CHANGEOVER})
    expendable_columns = (VenueColumn.NOTES, VenueColumn.HOURS)
    headers = {
        VenueColumn.NAME: N("VenueTableModel", "Venue"),
        VenueColumn.NAME_KO: N("VenueTableModel", "Venue (Korean)"),
        VenueColumn.KIND: N("VenueTableModel", "Kind"),
        VenueColumn.ZONE: N("VenueTableModel", "Zone"),
        VenueColumn.CAPACITY: N("VenueTableModel", "Capacity"),
        VenueColumn.BOOTH_SPACES: N("VenueTableModel", "Booth spaces"),
        VenueColumn.CODE_PREFIX: N("VenueTableModel", "Code prefix"),
        VenueColumn.CHANGEOVER: N("VenueTableModel", "Changeover (min)"),
        VenueColumn.HOURS: N("VenueTableModel", "Hours"),
        VenueColumn.NOTES: N("VenueTableModel", "Notes"),
    }

    def load(self) -> list[Venue]:
        return self.service.venues()

    def cells(self, venue: Venue) -> list[Cell]:
        hours = (
            f"{format_time(venue.opens)}–{format_time(venue.closes)}"
            if venue.opens and venue.closes
            else ""
        )
        return [
            (venue.name_en, venue.name_en),
            (venue.name_ko, venue.name_ko),
            (QCoreApplication.translate("VenueKind", VENUE_KIND_LABELS[venue.kind]), venue.kind),
            (venue.zone, venue.zone),
            number_cell(venue.capacity),
            number_cell(venue.booth_spaces),
            (venue.code_prefix, venue.code_prefix),
            number_cell(venue.changeover_min),
            (hours, venue.opens),
            (one_line(venue.notes), venue.notes),
        ]
