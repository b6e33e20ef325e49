"""Form dialogs to add or change one record; each message appears under its field.

A dialog never writes: it builds the record and hands it to `submit`, which pushes the
undo command. Text that cannot be read (a time like 25:00) is refused at the field before
anything is submitted; rules of the domain come back as a ValidationError whose problems
name their fields.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, time
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from festival_app.domain import countries
from festival_app.domain.booths import BOOTH_CATEGORY_LABELS, Booth, BoothCategory
from festival_app.domain.errors import UserError, ValidationError
from festival_app.domain.festival import FestivalDay
from festival_app.domain.program import (
    ITEM_KIND_LABELS,
    ITEM_STATUS_LABELS,
    ItemKind,
    ItemStatus,
    ProgramItem,
)
from festival_app.domain.site_map import BoothSpace
from festival_app.domain.times import (
    NOT_A_DATE,
    NOT_A_TIME,
    format_time,
    normalize_text,
    parse_date,
    parse_time,
)
from festival_app.domain.troupes import RELATION_LABELS, Relation, Troupe
from festival_app.domain.venues import VENUE_KIND_LABELS, Venue, VenueKind
from festival_app.gui.dates import format_date
from festival_app.gui.dialogs.messages import ERROR_STYLE
from festival_app.i18n import translate
from festival_app.services import FestivalService

Submit = Callable[[Any], None]

MIN_WIDTH = 520  # a form narrower than this looks cramped even with short fields
COMBO_CHARS = 28  # a drop-down asks for room for this many characters at most
POPUP_MAX_WIDTH = 640
SPIN_ARROWS = 48  # a number field's arrows, frame and text margins


def fit_combo(box: QComboBox) -> None:
    """A drop-down asks for room for its entries up to COMBO_CHARS characters, not for
    its longest one: the country list (260 names in two languages) made the form wider
    than the dialog, which cut every field on the right. The list that opens is as wide
    as its entries; a long list's field takes the form's whole width."""
    longest = max((len(box.itemText(i)) for i in range(box.count())), default=0)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(max(4, min(longest, COMBO_CHARS)))
    if longest > COMBO_CHARS:
        box.setSizePolicy(QSizePolicy.Policy.Expanding, box.sizePolicy().verticalPolicy())
    view = box.view()
    wanted = view.sizeHintForColumn(0) + 2 * view.frameWidth() + 24  # and a scroll bar
    view.setMinimumWidth(min(max(wanted, 0), POPUP_MAX_WIDTH))


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordDialog", text)


class FieldsInvalid(Exception):
    """Some fields could not be read; (field, message) pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(m for _, m in problems))
        self.problems = problems


T = TypeVar("T")


class _Reader:
    """Reads typed text into values, collecting a message per unreadable field."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def time(self, name: str, edit: QLineEdit, *, optional: bool = False) -> time | None:
        missing = None if optional else _tr("Enter a time like 14:30.")
        return self._parsed(name, edit, parse_time, missing, NOT_A_TIME)

    def date(self, name: str, edit: QLineEdit, *, optional: bool = True) -> date | None:
        missing = None if optional else _tr("Enter a date like 2018-09-01.")
        return self._parsed(name, edit, parse_date, missing, NOT_A_DATE)

    def _parsed(
        self,
        name: str,
        edit: QLineEdit,
        parse: Callable[[str], T],
        missing: str | None,
        unreadable: str,
    ) -> T | None:
        """The field's text read by `parse`; None and a message when it cannot be read,
        or when it is empty and `missing` says what to enter."""
        text = normalize_text(edit.text())
        if not text:
            if missing is not None:
                self.problems.append((name, missing))
            return None
        try:
            return parse(text)
        except ValueError:
            self.problems.append((name, translate("Times", unreadable).format(text)))
            return None

    def number(self, name: str, edit: QLineEdit) -> int | None:
        text = normalize_text(edit.text())
        if not text:
            return None
        try:
            return int(text)
        except ValueError:
            self.problems.append((name, _tr("'{0}' is not a whole number.").format(text)))
            return None

    def done(self) -> None:
        if self.problems:
            raise FieldsInvalid(self.problems)


class OptionalNumberBox(QSpinBox):
    """A whole number, or nothing ("unknown"): the field may be left blank.

    Blank is the spin box's minimum, UNKNOWN, shown as empty text (with "unknown" greyed
    in); anything but digits is refused as it is typed."""

    UNKNOWN = -1

    def __init__(self, value: int | None, maximum: int = 100_000) -> None:
        super().__init__()
        self.setRange(self.UNKNOWN, maximum)
        self.lineEdit().setPlaceholderText(_tr("unknown"))
        self.set_number(value)

    def number(self) -> int | None:
        value = self.value()
        return None if value == self.UNKNOWN else value

    def set_number(self, value: int | None) -> None:
        self.setValue(self.UNKNOWN if value is None else value)

    def textFromValue(self, value: int) -> str:
        return "" if value == self.UNKNOWN else super().textFromValue(value)

    def valueFromText(self, text: str) -> int:
        return self.UNKNOWN if not text.strip() else super().valueFromText(text)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if not text.strip():
            return (QValidator.State.Acceptable, text, pos)
        if not text.strip().isdigit():
            return (QValidator.State.Invalid, text, pos)
        return super().validate(text, pos)


class SearchableCombo(QComboBox):
    """A drop-down of many entries that finds them by typing any part of their text
    (a country in English or Korean: each entry holds both names).

    Typed text that is not an entry is settled when the field is left: an entry `lookup`
    finds for it (a country's other spellings), else the one entry holding it, else the
    choice stays as it was."""

    def __init__(
        self,
        choices: Sequence[tuple[Any, str]],
        current: Any,
        lookup: Callable[[str], Any] | None = None,
    ) -> None:
        super().__init__()
        for value, label in choices:
            self.addItem(label, value)
        index = next((i for i, (v, _) in enumerate(choices) if v == current), 0)
        self.setCurrentIndex(index)
        self.lookup = lookup
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.completer()
        edit = self.lineEdit()
        assert completer is not None and edit is not None  # an editable combo has both
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        edit.editingFinished.connect(self.settle)

    def settle(self) -> None:
        """Make the typed text one of the entries (see the class)."""
        typed = normalize_text(self.currentText())
        key = typed.casefold()
        texts = [self.itemText(i).casefold() for i in range(self.count())]
        index = -1
        if key in texts:
            index = texts.index(key)
        elif not key:
            index = self.findData("")  # "(none)", when there is one
        elif self.lookup is not None and (found := self.lookup(typed)) is not None:
            index = self.findData(found)
        if index < 0 and key:
            holding = [i for i, text in enumerate(texts) if key in text]
            index = holding[0] if len(holding) == 1 else -1
        if index < 0:
            index = self.currentIndex()
        self.setCurrentIndex(index)
        self.setEditText(self.itemText(index))

    def currentData(self, role: int = Qt.ItemDataRole.UserRole) -> Any:
        self.settle()  # what was typed, read as one of the entries
        return super().currentData(role)


def country_combo(language: str, current: str) -> SearchableCombo:
    """The countries (both names in each entry, sorted in `language`), searchable."""
    return SearchableCombo(_country_choices(language), current, countries.find)


def next_free_code(venue: Venue, used: set[str], drawn: Sequence[BoothSpace] = ()) -> str:
    """The booth area's first space that no booth has: of the spaces `drawn` on its map
    (not blocked) when it has any, else of its numbered spaces; "" when all are taken."""
    if drawn:
        open_spaces = [s for s in drawn if not s.blocked and s.code not in used]
        first = min(
            open_spaces, key=lambda s: (venue.space_number(s.code) or 0, s.code), default=None
        )
        return first.code if first is not None else ""
    for number in range(1, (venue.booth_spaces or 0) + 1):
        code = venue.space_code(number)
        if code not in used:
            return code
    return ""


class RecordDialog(QDialog):
    """A form for one record. Subclasses add fields and say how to build the record."""

    def __init__(self, title: str, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.submit = submit
        self._errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        outer = QVBoxLayout(self)
        self.general_error = QLabel()
        self.general_error.setObjectName("error_general")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        outer.addWidget(self.general_error)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        body_layout.addLayout(self.form)
        body_layout.addStretch(1)  # spare height below the fields, not between them
        self.form_area = QScrollArea()
        self.form_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_area.setWidget(body)
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(self.form_area)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self._sized = False  # sized to the form when first shown (see sizeHint)

    # -- size --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        """The whole form, at least MIN_WIDTH wide, within the screen's free area (the
        form scrolls when the screen is lower than it)."""
        outer = self.layout()
        assert outer is not None
        margins = outer.contentsMargins()
        spacing = outer.spacing()
        form = self.form_area.widget()
        assert form is not None
        body = form.sizeHint()
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = max(MIN_WIDTH, body.width() + scrollbar + margins.left() + margins.right())
        height = body.height() + self.buttons.sizeHint().height() + spacing
        height += margins.top() + margins.bottom()
        if not self.general_error.isHidden():
            height += self.general_error.sizeHint().height() + spacing
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            # Room for the window's frame and title bar, which the size does not include.
            width = min(width, room.width() - 40)
            height = min(height, room.height() - 60)
        return QSize(width, height)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._sized:  # before QDialog centres it on its parent
            self._sized = True
            self.resize(self.sizeHint())
        super().showEvent(event)

    # -- building the form -------------------------------------------------------------

    def add(self, name: str, label: str, widget: QWidget, hint: str = "") -> None:
        for combo in [widget, *widget.findChildren(QComboBox)]:
            if isinstance(combo, QComboBox):
                fit_combo(combo)
        if isinstance(widget, QAbstractSpinBox) and widget.lineEdit().placeholderText():
            # Room for the hint ("unknown") beside the arrows, not just for the digits.
            shown = widget.fontMetrics().horizontalAdvance(widget.lineEdit().placeholderText())
            widget.setMinimumWidth(max(widget.minimumSizeHint().width(), shown + SPIN_ARROWS))
        box = QWidget()
        # The row takes the form's width, so that a hint or a message under a narrow field
        # (a number) wraps at the form's edge, not at the field's, and is not cut.
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        policy = widget.sizePolicy().horizontalPolicy().value
        if policy & QSizePolicy.PolicyFlag.ExpandFlag.value:
            column.addWidget(widget)
        else:  # a narrow field keeps its own width, on the left
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        if hint:
            note = QLabel(hint)
            note.setStyleSheet("color: palette(mid);")
            note.setWordWrap(True)
            column.addWidget(note)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self._errors[name] = error
        self.fields[name] = widget
        self.form.addRow(label, box)

    @staticmethod
    def line(text: str = "", placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        edit.setPlaceholderText(placeholder)
        return edit

    @staticmethod
    def combo(choices: Sequence[tuple[Any, str]], current: Any) -> QComboBox:
        box = QComboBox()
        for value, label in choices:
            box.addItem(label, value)
        index = next((i for i, (v, _) in enumerate(choices) if v == current), 0)
        box.setCurrentIndex(index)
        return box

    @staticmethod
    def spin(value: int, maximum: int = 24 * 60) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, maximum)
        box.setValue(value)
        return box

    @staticmethod
    def notes(text: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(text)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(80)
        return edit

    # -- messages ----------------------------------------------------------------------

    def error_text(self, name: str) -> str:
        """The message shown under a field ('' when none); 'general' for the top one."""
        label = self.general_error if name == "general" else self._errors.get(name)
        return label.text() if label is not None and not label.isHidden() else ""

    def set_error(self, name: str, message: str) -> None:
        label = self._errors.get(name)
        if label is None:  # a rule about the whole record
            label = self.general_error
            if not label.isHidden() and label.text():
                message = f"{label.text()}\n{message}"
        elif not label.isHidden() and label.text():
            message = f"{label.text()}\n{message}"
        label.setText(message)
        label.show()

    def clear_errors(self) -> None:
        for label in [self.general_error, *self._errors.values()]:
            label.clear()
            label.hide()

    def _focus_first_error(self) -> None:
        for name, label in self._errors.items():
            if not label.isHidden():
                self.fields[name].setFocus()
                return

    # -- saving ------------------------------------------------------------------------

    def build(self) -> Any:
        """The record from the fields; raise FieldsInvalid for unreadable text."""
        raise NotImplementedError

    def accept(self) -> None:
        self.clear_errors()
        try:
            record = self.build()
        except FieldsInvalid as exc:
            for name, message in exc.problems:
                self.set_error(name, message)
            self._focus_first_error()
            return
        try:
            self.submit(record)
        except ValidationError as exc:
            for problem in exc.problems:
                self.set_error(problem.field, problem.message())
            self._focus_first_error()
            return
        except UserError as exc:  # a full disk, a record changed elsewhere
            self.set_error("", exc.message())
            return
        super().accept()


def _country_choices(language: str) -> list[tuple[str, str]]:
    other = "ko" if language != "ko" else "en"
    named = [
        (code, f"{countries.name(code, language)} ({countries.name(code, other)})")
        for code in countries.codes()
    ]
    named.sort(key=lambda pair: pair[1].casefold())
    return [("", _tr("(none)")), *named]


def _labels(labels: dict[Any, str], context: str) -> list[tuple[Any, str]]:
    return [(value, QCoreApplication.translate(context, label)) for value, label in labels.items()]


def _text(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    assert isinstance(widget, QLineEdit)
    return normalize_text(widget.text())


def _time_text(value: time | None) -> str:
    return format_time(value) if value is not None else ""


class DayDialog(RecordDialog):
    """Add or edit a festival day."""

    def __init__(
        self, day: FestivalDay | None, submit: Submit, parent: QWidget | None = None
    ) -> None:
        title = _tr("Add festival day") if day is None else _tr("Edit festival day")
        super().__init__(title, submit, parent)
        self.day = day
        self.add("date", _tr("Date"), self.line(day.date.isoformat() if day else "", "2018-09-01"))
        self.add("opens", _tr("Opens"), self.line(_time_text(day.opens if day else None), "12:00"))
        self.add(
            "closes", _tr("Closes"), self.line(_time_text(day.closes if day else None), "18:00")
        )

    def build(self) -> FestivalDay:
        read = _Reader()
        day = read.date("date", self.fields["date"], optional=False)  # type: ignore[arg-type]
        opens = read.time("opens", self.fields["opens"])  # type: ignore[arg-type]
        closes = read.time("closes", self.fields["closes"])  # type: ignore[arg-type]
        read.done()
        assert day is not None and opens is not None and closes is not None
        if self.day is not None:
            return replace(self.day, date=day, opens=opens, closes=closes)
        return FestivalDay(date=day, opens=opens, closes=closes)


class VenueDialog(RecordDialog):
    """Add or edit a venue."""

    def __init__(self, venue: Venue | None, submit: Submit, parent: QWidget | None = None) -> None:
        title = _tr("Add venue") if venue is None else _tr("Edit venue '{0}'").format(venue.name())
        super().__init__(title, submit, parent)
        self.venue = venue
        v = venue or Venue(name_en="")
        self.add("name_en", _tr("Name"), self.line(v.name_en, "Main Stage"))
        self.add("name_ko", _tr("Name (Korean)"), self.line(v.name_ko, "메인 무대"))
        self.add("kind", _tr("Kind"), self.combo(_labels(VENUE_KIND_LABELS, "VenueKind"), v.kind))
        self.add("zone", _tr("Zone"), self.line(v.zone, "Seoul Plaza"))
        self.add(
            "capacity", _tr("Capacity"), self.line("" if v.capacity is None else str(v.capacity))
        )
        self.add(
            "booth_spaces",
            _tr("Booth spaces"),
            self.line("" if v.booth_spaces is None else str(v.booth_spaces)),
            _tr("For booth areas: how many numbered spaces (M-01 … M-60)."),
        )
        self.add("code_prefix", _tr("Code prefix"), self.line(v.code_prefix, "M"))
        self.add("changeover_min", _tr("Changeover (minutes)"), self.spin(v.changeover_min))
        self.add(
            "opens", _tr("Opens"), self.line(_time_text(v.opens)), _tr("Empty: the day's hours.")
        )
        self.add("closes", _tr("Closes"), self.line(_time_text(v.closes)))
        self.add("notes", _tr("Notes"), self.notes(v.notes))

    def build(self) -> Venue:
        read = _Reader()
        f = self.fields
        kind_box = f["kind"]
        assert isinstance(kind_box, QComboBox) and isinstance(f["changeover_min"], QSpinBox)
        values: dict[str, Any] = {
            "name_en": _text(f["name_en"]),
            "name_ko": _text(f["name_ko"]),
            "kind": VenueKind(kind_box.currentData()),
            "zone": _text(f["zone"]),
            "capacity": read.number("capacity", f["capacity"]),  # type: ignore[arg-type]
            "booth_spaces": read.number("booth_spaces", f["booth_spaces"]),  # type: ignore[arg-type]
            "code_prefix": _text(f["code_prefix"]).upper(),
            "changeover_min": f["changeover_min"].value(),
            "opens": read.time("opens", f["opens"], optional=True),  # type: ignore[arg-type]
            "closes": read.time("closes", f["closes"], optional=True),  # type: ignore[arg-type]
            "notes": _text(f["notes"]),
        }
        read.done()
        return replace(self.venue, **values) if self.venue else Venue(**values)


class TroupeDialog(RecordDialog):
    """Add or edit a troupe."""

    def __init__(
        self, troupe: Troupe | None, submit: Submit, language: str, parent: QWidget | None = None
    ) -> None:
        title = (
            _tr("Add troupe") if troupe is None else _tr("Edit troupe '{0}'").format(troupe.name)
        )
        super().__init__(title, submit, parent)
        self.troupe = troupe
        t = troupe or Troupe(name="")
        self.add("name", _tr("Troupe"), self.line(t.name))
        self.add("name_ko", _tr("Troupe (Korean)"), self.line(t.name_ko))
        self.add("city_en", _tr("City"), self.line(t.city_en, "Beijing"))
        self.add("city_ko", _tr("City (Korean)"), self.line(t.city_ko, "베이징"))
        self.add("country", _tr("Country"), country_combo(language, t.country))
        self.add(
            "relation",
            _tr("Relation to Seoul"),
            self.combo(_labels(RELATION_LABELS, "Relation"), t.relation),
        )
        self.add("genre", _tr("Genre"), self.line(t.genre))
        self.add(
            "performers",
            _tr("Performers"),
            self.line("" if t.performers is None else str(t.performers)),
        )
        self.add("contact", _tr("Contact person"), self.line(t.contact))
        self.add("email", _tr("Email"), self.line(t.email, "name@example.org"))
        self.add("phone", _tr("Phone"), self.line(t.phone))
        self.add(
            "language",
            _tr("Notices in"),
            self.combo(
                [("", _tr("Korean and English")), ("ko", _tr("Korean")), ("en", _tr("English"))],
                t.language,
            ),
        )
        self.add(
            "arrival",
            _tr("Arrival"),
            self.line(t.arrival.isoformat() if t.arrival else "", "2018-08-31"),
        )
        self.add(
            "departure",
            _tr("Departure"),
            self.line(t.departure.isoformat() if t.departure else "", "2018-09-03"),
        )
        self.add("notes", _tr("Notes"), self.notes(t.notes))

    def build(self) -> Troupe:
        read = _Reader()
        f = self.fields
        country, relation, notices = f["country"], f["relation"], f["language"]
        assert isinstance(country, QComboBox) and isinstance(relation, QComboBox)
        assert isinstance(notices, QComboBox)
        values: dict[str, Any] = {
            "name": _text(f["name"]),
            "name_ko": _text(f["name_ko"]),
            "city_en": _text(f["city_en"]),
            "city_ko": _text(f["city_ko"]),
            "country": country.currentData() or "",
            "relation": Relation(relation.currentData()),
            "genre": _text(f["genre"]),
            "performers": read.number("performers", f["performers"]),  # type: ignore[arg-type]
            "contact": _text(f["contact"]),
            "email": _text(f["email"]),
            "phone": _text(f["phone"]),
            "language": notices.currentData() or "",
            "arrival": read.date("arrival", f["arrival"]),  # type: ignore[arg-type]
            "departure": read.date("departure", f["departure"]),  # type: ignore[arg-type]
            "notes": _text(f["notes"]),
        }
        read.done()
        return replace(self.troupe, **values) if self.troupe else Troupe(**values)


class ProgramItemDialog(RecordDialog):
    """Add or edit a program item."""

    def __init__(
        self,
        item: ProgramItem | None,
        submit: Submit,
        service: FestivalService,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            _tr("Add program item")
            if item is None
            else _tr("Edit program item '{0}'").format(item.title(language))
        )
        super().__init__(title, submit, parent)
        self.item = item
        days = service.days()
        venues = service.venues()
        troupes = service.troupes()
        it = item or ProgramItem(
            day_id=days[0].id if days and days[0].id else 0,
            venue_id=venues[0].id if venues and venues[0].id else 0,
            start=time(12, 0),
            end=time(12, 30),
            title_en="",
        )
        self.add(
            "day_id", _tr("Day"), self.combo([(d.id, format_date(d.date)) for d in days], it.day_id)
        )
        self.add(
            "venue_id",
            _tr("Venue"),
            self.combo([(v.id, v.name(language)) for v in venues], it.venue_id),
        )
        self.add("start", _tr("Start"), self.line(format_time(it.start) if item else "", "14:00"))
        self.add("end", _tr("End"), self.line(format_time(it.end) if item else "", "14:30"))
        self.add("title_en", _tr("Title"), self.line(it.title_en))
        self.add("title_ko", _tr("Title (Korean)"), self.line(it.title_ko))
        self.add("kind", _tr("Kind"), self.combo(_labels(ITEM_KIND_LABELS, "ItemKind"), it.kind))
        self.add(
            "troupe_id",
            _tr("Troupe"),
            self.combo(
                [(None, _tr("(none)")), *((t.id, t.display_name(language)) for t in troupes)],
                it.troupe_id,
            ),
        )
        self.add("setup_min", _tr("Setup before (minutes)"), self.spin(it.setup_min))
        self.add("teardown_min", _tr("Teardown after (minutes)"), self.spin(it.teardown_min))
        self.add(
            "status",
            _tr("Status"),
            self.combo(_labels(ITEM_STATUS_LABELS, "ItemStatus"), it.status),
        )
        self.add("notes", _tr("Notes"), self.notes(it.notes))

    def build(self) -> ProgramItem:
        read = _Reader()
        f = self.fields
        boxes = [f[n] for n in ("day_id", "venue_id", "kind", "troupe_id", "status")]
        spins = [f["setup_min"], f["teardown_min"]]
        assert all(isinstance(b, QComboBox) for b in boxes)
        assert all(isinstance(s, QSpinBox) for s in spins)
        day, venue, kind, troupe, status = (b.currentData() for b in boxes)  # type: ignore[attr-defined]
        values: dict[str, Any] = {
            "day_id": day or 0,
            "venue_id": venue or 0,
            "start": read.time("start", f["start"]),  # type: ignore[arg-type]
            "end": read.time("end", f["end"]),  # type: ignore[arg-type]
            "title_en": _text(f["title_en"]),
            "title_ko": _text(f["title_ko"]),
            "kind": ItemKind(kind),
            "troupe_id": troupe,
            "setup_min": spins[0].value(),  # type: ignore[attr-defined]
            "teardown_min": spins[1].value(),  # type: ignore[attr-defined]
            "status": ItemStatus(status),
            "notes": _text(f["notes"]),
        }
        read.done()
        return replace(self.item, **values) if self.item else ProgramItem(**values)


class BoothDialog(RecordDialog):
    """Add or edit a booth."""

    def __init__(
        self,
        booth: Booth | None,
        submit: Submit,
        service: FestivalService,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            _tr("Add booth")
            if booth is None
            else _tr("Edit booth '{0}'").format(booth.code or booth.label(language))
        )
        super().__init__(title, submit, parent)
        self.booth = booth
        self.service = service
        areas = [v for v in service.venues() if v.kind == VenueKind.BOOTH_AREA]
        days = service.days()
        b = booth or Booth(
            venue_id=areas[0].id if areas and areas[0].id else 0, category=BoothCategory.FOOD
        )
        self.add("code", _tr("Code"), self.line(b.code), _tr("Empty until a space is assigned."))
        self.add(
            "venue_id",
            _tr("Booth area"),
            self.combo(
                [(v.id, f"{v.name(language)} ({v.code_prefix})") for v in areas], b.venue_id
            ),
        )
        # The code's hint is the chosen area's next free space (this booth's own is free).
        self.areas = {v.id: v for v in areas}
        self.drawn: dict[int, list[BoothSpace]] = {}  # the areas' spaces on their maps
        self.used_codes = {
            x.code for x in service.booths() if x.code and (booth is None or x.id != booth.id)
        }
        area_box = self.fields["venue_id"]
        assert isinstance(area_box, QComboBox)
        area_box.currentIndexChanged.connect(lambda *_: self._show_free_code())
        self._show_free_code()
        self.add(
            "category",
            _tr("Category"),
            self.combo(_labels(BOOTH_CATEGORY_LABELS, "BoothCategory"), b.category),
        )
        self.add("country", _tr("Country"), country_combo(language, b.country))
        self.add(
            "organization",
            _tr("Organization"),
            self.line(b.organization),
            _tr("For booths of an organization rather than a country."),
        )
        self.add("exhibitor", _tr("Exhibitor"), self.line(b.exhibitor))
        self.add("contact", _tr("Contact person"), self.line(b.contact))
        self.add("email", _tr("Email"), self.line(b.email, "name@example.org"))
        self.add("phone", _tr("Phone"), self.line(b.phone))
        self.add("staff", _tr("Staff"), OptionalNumberBox(b.staff), _tr("Blank: not known yet."))
        needs = QWidget()
        row = QHBoxLayout(needs)
        row.setContentsMargins(0, 0, 0, 0)
        self.power = QCheckBox(_tr("Power"))
        self.water = QCheckBox(_tr("Water"))
        self.gas = QCheckBox(_tr("Gas"))
        for box, wanted in ((self.power, b.power), (self.water, b.water), (self.gas, b.gas)):
            box.setChecked(wanted)
            row.addWidget(box)
        row.addStretch(1)
        self.add("needs", _tr("Needs"), needs)
        present = QWidget()
        row = QHBoxLayout(present)
        row.setContentsMargins(0, 0, 0, 0)
        self.day_boxes: list[tuple[int, QCheckBox]] = []
        for day in days:
            box = QCheckBox(format_date(day.date))
            box.setChecked(day.id in b.day_ids)
            self.day_boxes.append((day.id or 0, box))
            row.addWidget(box)
        row.addStretch(1)
        self.add("day_ids", _tr("Days present"), present, _tr("None ticked: every day."))
        self.add("notes", _tr("Notes"), self.notes(b.notes))

    def build(self) -> Booth:
        read = _Reader()
        f = self.fields
        venue, category, country = f["venue_id"], f["category"], f["country"]
        assert isinstance(venue, QComboBox) and isinstance(category, QComboBox)
        assert isinstance(country, QComboBox)
        values: dict[str, Any] = {
            "code": _text(f["code"]).upper(),
            "venue_id": venue.currentData() or 0,
            "category": BoothCategory(category.currentData()),
            "country": country.currentData() or "",
            "organization": _text(f["organization"]),
            "exhibitor": _text(f["exhibitor"]),
            "contact": _text(f["contact"]),
            "email": _text(f["email"]),
            "phone": _text(f["phone"]),
            "staff": f["staff"].number(),  # type: ignore[attr-defined]
            "power": self.power.isChecked(),
            "water": self.water.isChecked(),
            "gas": self.gas.isChecked(),
            "day_ids": frozenset(d for d, box in self.day_boxes if box.isChecked()),
            "notes": _text(f["notes"]),
        }
        read.done()
        return replace(self.booth, **values) if self.booth else Booth(**values)

    def _show_free_code(self) -> None:
        area_box = self.fields["venue_id"]
        assert isinstance(area_box, QComboBox)
        area = self.areas.get(area_box.currentData())
        edit = self.fields["code"]
        assert isinstance(edit, QLineEdit)
        free = ""
        if area is not None and area.id is not None:
            if area.id not in self.drawn:  # read once per area, when first chosen
                self.drawn[area.id] = self.service.spaces(area.id)
            free = next_free_code(area, self.used_codes, self.drawn[area.id])
        if free:
            edit.setPlaceholderText(free)
            edit.setToolTip(_tr("The next free space in this area is {0}.").format(free))
        else:
            edit.setPlaceholderText("")
            edit.setToolTip(_tr("Every space of this area is taken."))


__all__ = [
    "BoothDialog",
    "DayDialog",
    "FieldsInvalid",
    "OptionalNumberBox",
    "ProgramItemDialog",
    "RecordDialog",
    "SearchableCombo",
    "TroupeDialog",
    "VenueDialog",
    "country_combo",
    "next_free_code",
]
