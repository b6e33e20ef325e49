"""The sections of the window that show records: Festival (with its days), Venues,
Troupes, Program and Booths: their texts, labels, models and editors.

`record_sections` gives them to the window, which builds each when it is first shown
(a large festival starts quickly).
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from festival_app.domain.booths import Booth
from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import ProgramItem
from festival_app.domain.times import format_day
from festival_app.domain.troupes import Troupe
from festival_app.domain.venues import Venue
from festival_app.gui.models.base import RecordTableModel
from festival_app.gui.models.days import DayTableModel
from festival_app.gui.widgets.festival_form import FestivalSection
from festival_app.gui.widgets.record_table import (
    RecordSection,
    SectionSpec,
    SectionTexts,
    describe_booth,
)

if TYPE_CHECKING:
    from festival_app.gui.host import Host


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _editors() -> ModuleType:
    """The record dialogs, imported when the first one opens (a faster start)."""
    from festival_app.gui.dialogs import editors

    return editors


def _models() -> ModuleType:
    """The table models of the sections built on demand."""
    from festival_app.gui.models import booths, program, troupes, venues

    namespace = ModuleType("festival_app.gui.models.all")
    for module in (booths, program, troupes, venues):
        namespace.__dict__.update(vars(module))
    return namespace


def record_sections(host: Host, lang: str) -> list[tuple[str, str, Callable[[], QWidget]]]:
    """The Festival, Venues, Troupes, Program and Booths sections as (key, title, builder):
    each is built when first shown."""
    service = host.service

    def make(
        model: Callable[[], RecordTableModel[Any]], spec: SectionSpec
    ) -> Callable[[], RecordSection]:
        return lambda: RecordSection(host, model(), spec)

    days_spec = SectionSpec(
        "days",
        FestivalDay,
        SectionTexts(
            add=_tr("Add day {0}"),
            edit=_tr("Change day {0}"),
            delete_one=_tr("Delete day {0}"),
            delete_many=_tr("Delete {0} days"),
            ask_one=_tr("Delete the festival day {0}?"),
            ask_many=_tr("Delete these {0} festival days?"),
            search=_tr("Search days"),
            count=_tr("{0} of {1} days"),
        ),
        lambda d: format_day(d.date, lang),
        lambda record, submit, parent: _editors().DayDialog(record, submit, parent),
    )

    def festival() -> QWidget:
        days = RecordSection(host, DayTableModel(service), days_spec)
        days.search.hide()
        return FestivalSection(host, days)

    specs: list[tuple[str, str, Callable[[], RecordTableModel[Any]], SectionSpec]] = [
        (
            "venues",
            _tr("Venues"),
            lambda: _models().VenueTableModel(service),
            SectionSpec(
                "venues",
                Venue,
                SectionTexts(
                    add=_tr("Add venue '{0}'"),
                    edit=_tr("Edit venue '{0}'"),
                    delete_one=_tr("Delete venue '{0}'"),
                    delete_many=_tr("Delete {0} venues"),
                    ask_one=_tr("Delete the venue '{0}'?"),
                    ask_many=_tr("Delete these {0} venues?"),
                    search=_tr("Search venues (name in Korean or English, zone, kind…)"),
                    count=_tr("{0} of {1} venues"),
                ),
                lambda v: v.name(lang),
                lambda record, submit, parent: _editors().VenueDialog(record, submit, parent),
            ),
        ),
        (
            "troupes",
            _tr("Troupes"),
            lambda: _models().TroupeTableModel(service),
            SectionSpec(
                "troupes",
                Troupe,
                SectionTexts(
                    add=_tr("Add troupe '{0}'"),
                    edit=_tr("Edit troupe '{0}'"),
                    delete_one=_tr("Delete troupe '{0}'"),
                    delete_many=_tr("Delete {0} troupes"),
                    ask_one=_tr("Delete the troupe '{0}'?"),
                    ask_many=_tr("Delete these {0} troupes?"),
                    search=_tr("Search troupes (name, city, country, genre, contact…)"),
                    count=_tr("{0} of {1} troupes"),
                ),
                lambda t: t.display_name(lang),
                lambda record, submit, parent: _editors().TroupeDialog(
                    record, submit, lang, parent
                ),
            ),
        ),
        (
            "program",
            _tr("Program"),
            lambda: _models().ProgramTableModel(service),
            SectionSpec(
                "program",
                ProgramItem,
                SectionTexts(
                    add=_tr("Add '{0}'"),
                    edit=_tr("Edit '{0}'"),
                    delete_one=_tr("Delete '{0}'"),
                    delete_many=_tr("Delete {0} program items"),
                    ask_one=_tr("Delete the program item '{0}'?"),
                    ask_many=_tr("Delete these {0} program items?"),
                    search=_tr("Search the program (title, venue, troupe, status…)"),
                    count=_tr("{0} of {1} items"),
                ),
                lambda i: i.title(lang),
                lambda record, submit, parent: _editors().ProgramItemDialog(
                    record, submit, service, lang, parent
                ),
            ),
        ),
        (
            "booths",
            _tr("Booths"),
            lambda: _models().BoothTableModel(service),
            SectionSpec(
                "booths",
                Booth,
                SectionTexts(
                    add=_tr("Add booth '{0}'"),
                    edit=_tr("Edit booth '{0}'"),
                    delete_one=_tr("Delete booth '{0}'"),
                    delete_many=_tr("Delete {0} booths"),
                    ask_one=_tr("Delete the booth {0}?"),
                    ask_many=_tr("Delete these {0} booths?"),
                    search=_tr(
                        "Search booths (code, country in Korean or English, organization, "
                        "exhibitor, contact…)"
                    ),
                    count=_tr("{0} of {1} booths"),
                ),
                lambda b: b.code or b.label(lang),
                lambda record, submit, parent: _editors().BoothDialog(
                    record, submit, service, lang, parent
                ),
                describe=lambda b: describe_booth(b, lang),  # "P-75 (Peru Tourism, Peru)"
            ),
        ),
    ]

    return [("festival", _tr("Festival"), festival)] + [
        (key, title, make(model, spec)) for key, title, model, spec in specs
    ]


__all__ = ["record_sections"]
