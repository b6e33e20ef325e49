"""The Troupes table."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication

from festival_app.domain.troupes import RELATION_LABELS, Troupe
from festival_app.gui.models.base import (
    Cell,
    RecordTableModel,
    country_cell,
    country_search,
    date_cell,
    number_cell,
    one_line,
)
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.services import PROGRAM, TROUPES


class TroupeColumn(IntEnum):
    """The columns of the Troupes table, in order."""

    NAME = 0
    NAME_KO = 1
    CITY = 2
    CITY_KO = 3
    COUNTRY = 4
    RELATION = 5
    GENRE = 6
    PERFORMERS = 7
    ITEMS = 8
    CONTACT = 9
    EMAIL = 10
    PHONE = 11
    ARRIVAL = 12
    DEPARTURE = 13
    NOTES = 14


class TroupeTableModel(RecordTableModel[Troupe]):
    """The troupes, one a row."""

    Column = TroupeColumn
    context = "TroupeTableModel"
    topics = frozenset({TROUPES, PROGRAM})  # program: the count of items
    own_topic = TROUPES
    numeric = frozenset({TroupeColumn.PERFORMERS, TroupeColumn.ITEMS})
    date_columns = frozenset({TroupeColumn.ARRIVAL, TroupeColumn.DEPARTURE})
    hidden_columns = frozenset(
        {
            TroupeColumn.CITY_KO,
            TroupeColumn.CONTACT,
            TroupeColumn.EMAIL,
            TroupeColumn.PHONE,
            TroupeColumn.ARRIVAL,
            TroupeColumn.DEPARTURE,
            TroupeColumn.NOTES,
        }
    )
    expendable_columns = (TroupeColumn.GENRE, TroupeColumn.RELATION)
    headers = {
        TroupeColumn.NAME: N("TroupeTableModel", "Troupe"),
        TroupeColumn.NAME_KO: N("TroupeTableModel", "Troupe (Korean)"),
        TroupeColumn.CITY: N("TroupeTableModel", "City"),
        TroupeColumn.CITY_KO: N("TroupeTableModel", "City (Korean)"),
        TroupeColumn.COUNTRY: N("TroupeTableModel", "Country"),
        TroupeColumn.RELATION: N("TroupeTableModel", "Relation"),
        TroupeColumn.GENRE: N("TroupeTableModel", "Genre"),
        TroupeColumn.PERFORMERS: N("TroupeTableModel", "Performers"),
        TroupeColumn.ITEMS: N("TroupeTableModel", "Program items"),
        TroupeColumn.CONTACT: N("TroupeTableModel", "Contact"),
        TroupeColumn.EMAIL: N("TroupeTableModel", "Email"),
        TroupeColumn.PHONE: N("TroupeTableModel", "Phone"),
        TroupeColumn.ARRIVAL: N("TroupeTableModel", "Arrival"),
        TroupeColumn.DEPARTURE: N("TroupeTableModel", "Departure"),
        TroupeColumn.NOTES: N("TroupeTableModel", "Notes"),
    }

    def load(self) -> list[Troupe]:
        self._items = self.service.item_counts_by_troupe()
        return self.service.troupes()

    def cells(self, troupe: Troupe) -> list[Cell]:
        relation = QCoreApplication.translate("Relation", RELATION_LABELS[troupe.relation])
        return [
            (troupe.name, troupe.name),
            (troupe.name_ko, troupe.name_ko),
            (troupe.city_en, troupe.city_en),
            (troupe.city_ko, troupe.city_ko),
            country_cell(troupe.country, self.language),
            (relation, troupe.relation),
            (troupe.genre, troupe.genre),
            number_cell(troupe.performers),
            number_cell(self._items.get(troupe.id or 0, 0)),
            (troupe.contact, troupe.contact),
            (troupe.email, troupe.email),
            (troupe.phone, troupe.phone),
            date_cell(troupe.arrival, self.language),
            date_cell(troupe.departure, self.language),
            (one_line(troupe.notes), troupe.notes),
        ]

    def extra_search(self, troupe: Troupe) -> str:
        return country_search(troupe.country)
