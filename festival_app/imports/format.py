"""The import workbook format: sheets, columns and fixed lists, in English and Korean.

The template is one instance of this format; any workbook that follows it imports.
Sheet and header names are matched ignoring case and spaces, in English or Korean.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Any

from festival_app.domain.booths import BOOTH_CATEGORY_LABELS, BoothCategory
from festival_app.domain.program import ITEM_KIND_LABELS, ITEM_STATUS_LABELS, ItemKind, ItemStatus
from festival_app.domain.times import normalize_text
from festival_app.domain.troupes import RELATION_LABELS, Relation
from festival_app.domain.venues import VENUE_KIND_LABELS, VenueKind
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate_into

# The Export context's headings and sheet titles that the exported workbooks (booths,
# roster, program: exports/excel.py) use; they are read as the columns they show.
_EXPORT = "Export"


class CellType(StrEnum):
    """How a column's cells are read."""

    TEXT = "text"  # one line, spaces normalised
    NOTES = "notes"  # several lines kept
    INT = "int"
    BOOL = "bool"
    TIME = "time"
    DATE = "date"
    CHOICE = "choice"  # one of a fixed list
    COUNTRY = "country"
    DAYS = "days"  # "all" or dates separated by commas


@dataclass(frozen=True)
class FixedList:
    """A fixed list: each value with its English label (canonical) and Korean label."""

    name: str  # English, for messages: "category"
    values: tuple[tuple[Enum, str, str, tuple[str, ...]], ...]  # (value, en, ko, also)
    # The labels the window and the printouts show (translation context, English
    # sources): a value copied from them, in either language, imports too.
    shown: tuple[str, Mapping[Any, str]] = field(default=("", {}), compare=False)

    def labels(self, language: str = "en") -> list[str]:
        return [en if language == "en" else ko for _, en, ko, _ in self.values]

    def en(self, value: Enum) -> str:
        return next(en for v, en, _, _ in self.values if v == value)

    def ko(self, value: Enum) -> str:
        return next(ko for v, _, ko, _ in self.values if v == value)

    def lookup(self) -> dict[str, Enum]:
        """Every accepted spelling, folded, to its value (built once per list)."""
        return _lookup(self)


VENUE_KINDS = FixedList(
    N("ImportList", "venue kind"),
    (
        (VenueKind.STAGE, "stage", "무대", ("스테이지",)),
        (VenueKind.BOOTH_AREA, "booth area", "부스 구역", ("부스", "부스구역")),
        (VenueKind.PARADE_ROUTE, "parade route", "퍼레이드 경로", ("퍼레이드", "parade")),
        (VenueKind.OTHER, "other", "기타", ()),
    ),
    ("VenueKind", VENUE_KIND_LABELS),
)
ITEM_KINDS = FixedList(
    N("ImportList", "program kind"),
    (
        (ItemKind.PARADE, "parade", "퍼레이드", ("거리 퍼레이드", "행진")),
        (ItemKind.CEREMONY, "ceremony", "행사", ("의식", "개막식", "식전 행사", "식")),
        (ItemKind.PERFORMANCE, "performance", "공연", ()),
        (ItemKind.ENCORE, "encore", "앙코르", ("앙코르 공연", "앵콜")),
        (ItemKind.FINALE, "finale", "피날레", ("폐막", "폐막 공연")),
        (ItemKind.OTHER, "other", "기타", ()),
    ),
    ("ItemKind", ITEM_KIND_LABELS),
)
CATEGORIES = FixedList(
    N("ImportList", "category"),
    (
        (BoothCategory.FOOD, "food", "음식", ("음식 부스", "먹거리")),
        (BoothCategory.TOURISM, "tourism", "관광", ("관광 홍보",)),
        (
            BoothCategory.NGO,
            "NGO",
            "NGO(국제기구)",
            ("국제기구", "NGO / international organization", "international organization"),
        ),
        (BoothCategory.MARRIAGE_CULTURE, "marriage culture", "결혼문화", ("결혼 문화", "wedding")),
        (BoothCategory.EMBASSY, "embassy", "대사관", ()),
        (BoothCategory.EXPERIENCE, "experience", "체험", ()),
        (BoothCategory.OTHER, "other", "기타", ()),
    ),
    ("BoothCategory", BOOTH_CATEGORY_LABELS),
)
RELATIONS = FixedList(
    N("ImportList", "relation"),
    (
        (Relation.SISTER, "sister", "자매도시", ("sister city", "자매")),
        (Relation.FRIENDSHIP, "friendship", "우호도시", ("friendship city", "우호")),
        (Relation.OTHER, "other", "기타", ()),
    ),
    ("Relation", RELATION_LABELS),
)
STATUSES = FixedList(
    N("ImportList", "status"),
    (
        (ItemStatus.DRAFT, "draft", "초안", ("임시",)),
        (ItemStatus.CONFIRMED, "confirmed", "확정", ()),
        (ItemStatus.CANCELLED, "cancelled", "취소", ("canceled",)),
    ),
    ("ItemStatus", ITEM_STATUS_LABELS),
)

YES = ("yes", "y", "true", "o", "예", "네", "1", "○", "v", "✓", "✔")
NO = ("no", "n", "false", "x", "아니오", "아니요", "0", "×", "-")
# The Notes cell of the template's example rows; a row holding it is skipped on import.
EXAMPLE_MARKER = "Example row: replace or delete it. / 예시 행: 고쳐 쓰거나 지우세요."

ALL_DAYS = ("all", "all days", "every day", "전체", "모두", "매일", "전일", "모든 날")
# What the booth workbook writes for a booth present on every day (Export context).
ALL_DAYS_EXPORTED = N("Export", "all days")

# A cell holding just this clears the field on purpose (a blank cell leaves it as it is).
# Matched ignoring case and spaces; the Korean spelling is accepted too.
CLEAR_MARKER = "(clear)"
CLEAR_MARKER_KO = "(지움)"


# Record fields that a sheet shows under another column: a reference, named on the sheet.
FIELD_COLUMN = {"venue_id": "venue", "day_id": "day", "troupe_id": "troupe"}


@dataclass(frozen=True)
class Column:
    """One column of a sheet: the field it fills, its headers and how its cells read."""

    key: str  # the record field (or a reference such as "venue")
    en: str
    ko: str
    cell_type: CellType = CellType.TEXT
    choices: FixedList | None = None
    also: tuple[str, ...] = ()  # further accepted header spellings
    required: bool = False  # needed to create a record
    example: object = None
    width: int = 14
    # Headings (English sources of the Export context) of the exported workbooks that
    # show this column; their Korean translations are accepted too.
    exported: tuple[str, ...] = ()

    def spellings(self) -> list[str]:
        """Every header spelling of this column: both languages, aliases, exports'."""
        out = [self.en, self.ko, *self.also]
        for english in self.exported:
            out += [english, translate_into("ko", _EXPORT, english)]
        return out


@dataclass(frozen=True)
class Sheet:
    """One sheet of the format: its names in both languages and its columns."""

    en: str
    ko: str
    columns: tuple[Column, ...]
    also: tuple[str, ...] = ()
    in_template: bool = True
    # Sheet titles and headings of the exported workbooks (English sources of the
    # Export context): titles that name this sheet, and headings of derived columns
    # (such as the roster's count of program items) that are ignored without a warning.
    exported_titles: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()

    def headers(self) -> dict[str, Column]:
        """Every accepted header spelling, folded, to its column.

        A header in both languages as the exports write it ("부스 번호 / Code") is
        found too: its folded form without separators is the two spellings joined.
        """
        table: dict[str, Column] = {}
        for column in self.columns:
            spellings = column.spellings()
            for spelling in spellings:
                table.setdefault(fold(spelling), column)
            for first in spellings:
                for second in spellings:
                    if fold(first) != fold(second):
                        table.setdefault(joined(first) + joined(second), column)
        return table

    def find(self, header: str, table: Mapping[str, Column] | None = None) -> Column | None:
        """The column a header names (see `headers`), or None."""
        table = self.headers() if table is None else table
        return table.get(fold(header)) or table.get(joined(header))

    def ignores(self, header: str) -> bool:
        """True for a derived column of an exported workbook (read-only there)."""
        key, bare = fold(header), joined(header)
        for english in self.ignored:
            korean = translate_into("ko", _EXPORT, english)
            if key in (fold(english), fold(korean)) or bare == joined(korean) + joined(english):
                return True
        return False

    def titles(self) -> list[str]:
        """Every sheet title that names this sheet, in either language."""
        out = [self.en, self.ko, *self.also]
        for english in self.exported_titles:
            out += [english, translate_into("ko", _EXPORT, english)]
        return out

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Normalise a name for matching: NFKC, no spaces, case folded.

    Cached: a sheet repeats the same venue, category and country names on every row.
    """
    return _SPACES.sub("", normalize_text(text)).casefold()


_SPACES = re.compile(r"\s+")
# Separators, and the characters a sheet title cannot hold (exports/excel.py replaces them).
_SEPARATORS = re.compile(r"[\s/|·\-–—:\[\]*?\\']+")


def joined(text: str) -> str:
    """`fold` without separators: "부스 번호 / Code" and "부스 번호   Code" (a sheet title,
    where "/" may not stand) both give "부스번호code"."""
    return _SEPARATORS.sub("", normalize_text(text)).casefold()


def halves(text: str) -> list[tuple[str, str]]:
    """The ways to cut a value written in both languages ("음식 / Food") in two.

    A label may itself hold " / " ("NGO / international organization"), so every cut
    is offered, left to right.
    """
    parts = text.split(" / ")
    return [
        (" / ".join(parts[:cut]).strip(), " / ".join(parts[cut:]).strip())
        for cut in range(1, len(parts))
    ]


@functools.cache
def _lookup(fixed: FixedList) -> dict[str, Enum]:
    table: dict[str, Enum] = {}
    for value, en, ko, also in fixed.values:
        for spelling in (en, ko, str(value.value), *also):
            table[fold(spelling)] = value
    context, shown = fixed.shown
    for value, english in shown.items():
        for spelling in (english, translate_into("ko", context, english)):
            table.setdefault(fold(spelling), value)
    return table


def forget_spellings() -> None:
    """Work the accepted spellings of the fixed lists out again (they include the
    labels' Korean translations, which change when other translations are loaded)."""
    _lookup.cache_clear()


FESTIVAL = Sheet(
    N("ImportSheet", "Festival"),
    "축제",
    (
        Column("name_en", N("ImportColumn", "Name"), "축제명", also=("이름",), width=40),
        Column("name_ko", N("ImportColumn", "Name (Korean)"), "축제명(한국어)", width=40),
        Column(
            "min_changeover",
            N("ImportColumn", "Min changeover (min)"),
            "최소 전환 시간(분)",
            CellType.INT,
        ),
    ),
    in_template=False,
)

DAYS = Sheet(
    N("ImportSheet", "Days"),
    "일정",
    (
        Column(
            "date", N("ImportColumn", "Date"), "날짜", CellType.DATE, required=True, also=("일자",)
        ),
        Column("opens", N("ImportColumn", "Opens"), "시작 시각", CellType.TIME, required=True),
        Column("closes", N("ImportColumn", "Closes"), "종료 시각", CellType.TIME, required=True),
    ),
)

VENUES = Sheet(
    N("ImportSheet", "Venues"),
    "장소",
    (
        Column(
            "name_en", N("ImportColumn", "Name"), "이름(영어)", also=("이름", "장소명"), width=30
        ),
        Column("name_ko", N("ImportColumn", "Name (Korean)"), "이름(한국어)", width=24),
        Column("kind", N("ImportColumn", "Kind"), "종류", CellType.CHOICE, VENUE_KINDS),
        Column("zone", N("ImportColumn", "Zone"), "구역", width=20),
        Column("capacity", N("ImportColumn", "Capacity"), "수용 인원", CellType.INT),
        Column("booth_spaces", N("ImportColumn", "Booth spaces"), "부스 칸 수", CellType.INT),
        Column("code_prefix", N("ImportColumn", "Code prefix"), "코드 접두어"),
        Column(
            "changeover_min", N("ImportColumn", "Changeover (min)"), "전환 시간(분)", CellType.INT
        ),
        Column("opens", N("ImportColumn", "Opens"), "시작 시각", CellType.TIME),
        Column("closes", N("ImportColumn", "Closes"), "종료 시각", CellType.TIME),
        Column("notes", N("ImportColumn", "Notes"), "비고", CellType.NOTES, width=40),
    ),
)

TROUPES = Sheet(
    N("ImportSheet", "Troupes"),
    "공연단",
    (
        Column(
            "name",
            N("ImportColumn", "Troupe"),
            "공연단",
            required=True,
            width=32,
            exported=(N("Export", "Troupe"),),
        ),
        Column(
            "name_ko",
            N("ImportColumn", "Troupe (Korean)"),
            "공연단(한국어)",
            width=24,
            exported=(N("Export", "Troupe (Korean)"),),
        ),
        Column(
            "city_en",
            N("ImportColumn", "City"),
            "도시(영어)",
            also=("도시",),
            width=16,
            exported=(N("Export", "City"),),
        ),
        Column(
            "city_ko",
            N("ImportColumn", "City (Korean)"),
            "도시(한국어)",
            width=14,
            exported=(N("Export", "City (Korean)"),),
        ),
        Column(
            "country",
            N("ImportColumn", "Country"),
            "국가",
            CellType.COUNTRY,
            width=20,
            exported=(N("Export", "Country (Korean)"), N("Export", "Country (English)")),
        ),
        Column(
            "relation",
            N("ImportColumn", "Relation"),
            "관계",
            CellType.CHOICE,
            RELATIONS,
            exported=(N("Export", "Relation"),),
        ),
        Column(
            "genre", N("ImportColumn", "Genre"), "장르", width=24, exported=(N("Export", "Genre"),)
        ),
        Column(
            "performers",
            N("ImportColumn", "Performers"),
            "인원",
            CellType.INT,
            exported=(N("Export", "Performers"),),
        ),
        Column(
            "contact",
            N("ImportColumn", "Contact"),
            "담당자",
            width=18,
            exported=(N("Export", "Contact"),),
        ),
        Column(
            "email",
            N("ImportColumn", "Email"),
            "이메일",
            width=26,
            exported=(N("Export", "Email"),),
        ),
        Column(
            "phone",
            N("ImportColumn", "Phone"),
            "전화",
            also=("전화번호",),
            width=18,
            exported=(N("Export", "Phone"),),
        ),
        Column(
            "arrival",
            N("ImportColumn", "Arrival"),
            "도착일",
            CellType.DATE,
            exported=(N("Export", "Arrival"),),
        ),
        Column(
            "departure",
            N("ImportColumn", "Departure"),
            "출발일",
            CellType.DATE,
            exported=(N("Export", "Departure"),),
        ),
        Column(
            "notes",
            N("ImportColumn", "Notes"),
            "비고",
            CellType.NOTES,
            width=40,
            exported=(N("Export", "Notes"),),
        ),
    ),
    exported_titles=(N("Export", "Troupes"),),
    ignored=(N("Export", "Items"),),
)

PROGRAM = Sheet(
    N("ImportSheet", "Program"),
    "프로그램",
    (
        Column(
            "day",
            N("ImportColumn", "Day"),
            "날짜",
            CellType.DATE,
            required=True,
            also=("일자",),
            exported=(N("Export", "Day"),),
        ),
        Column(
            "start",
            N("ImportColumn", "Start"),
            "시작",
            CellType.TIME,
            required=True,
            exported=(N("Export", "Start"),),
        ),
        Column(
            "end",
            N("ImportColumn", "End"),
            "종료",
            CellType.TIME,
            required=True,
            exported=(N("Export", "End"),),
        ),
        Column(
            "venue",
            N("ImportColumn", "Venue"),
            "장소",
            required=True,
            width=30,
            exported=(N("Export", "Venue"),),
        ),
        Column(
            "title_en",
            N("ImportColumn", "Title"),
            "제목(영어)",
            also=("제목",),
            width=32,
            exported=(N("Export", "Title (English)"),),
        ),
        Column(
            "title_ko",
            N("ImportColumn", "Title (Korean)"),
            "제목(한국어)",
            width=24,
            exported=(N("Export", "Title (Korean)"),),
        ),
        Column(
            "kind",
            N("ImportColumn", "Kind"),
            "종류",
            CellType.CHOICE,
            ITEM_KINDS,
            exported=(N("Export", "Kind"),),
        ),
        Column(
            "troupe",
            N("ImportColumn", "Troupe"),
            "공연단",
            width=32,
            exported=(N("Export", "Troupe"),),
        ),
        Column(
            "city", N("ImportColumn", "City"), "도시", width=16, exported=(N("Export", "City"),)
        ),
        Column(
            "setup_min",
            N("ImportColumn", "Setup (min)"),
            "준비 시간(분)",
            CellType.INT,
            exported=(N("Export", "Setup (min)"),),
        ),
        Column(
            "teardown_min",
            N("ImportColumn", "Teardown (min)"),
            "정리 시간(분)",
            CellType.INT,
            exported=(N("Export", "Teardown (min)"),),
        ),
        Column(
            "status",
            N("ImportColumn", "Status"),
            "상태",
            CellType.CHOICE,
            STATUSES,
            exported=(N("Export", "Status"),),
        ),
        Column(
            "notes",
            N("ImportColumn", "Notes"),
            "비고",
            CellType.NOTES,
            width=40,
            exported=(N("Export", "Notes"),),
        ),
    ),
    exported_titles=(N("Export", "Program"),),
)

BOOTHS = Sheet(
    N("ImportSheet", "Booths"),
    "부스",
    (
        Column(
            "code",
            N("ImportColumn", "Code"),
            "부스 번호",
            also=("코드",),
            width=10,
            exported=(N("Export", "Code"),),
        ),
        # Needed to create a booth (unless its code or the sheet names the booth area);
        # a booth found by its code or category and country stays where it is.
        Column(
            "venue", N("ImportColumn", "Venue"), "장소", width=20, exported=(N("Export", "Venue"),)
        ),
        Column(
            "category",
            N("ImportColumn", "Category"),
            "분류",
            CellType.CHOICE,
            CATEGORIES,
            required=True,
            also=("구분",),
            exported=(N("Export", "Category"),),
        ),
        Column(
            "country",
            N("ImportColumn", "Country"),
            "국가",
            CellType.COUNTRY,
            width=20,
            exported=(N("Export", "Country (Korean)"), N("Export", "Country (English)")),
        ),
        Column(
            "organization",
            N("ImportColumn", "Organization"),
            "기관",
            width=30,
            exported=(N("Export", "Organization"),),
        ),
        Column(
            "exhibitor",
            N("ImportColumn", "Exhibitor"),
            "참가업체",
            width=30,
            exported=(N("Export", "Exhibitor"),),
        ),
        Column(
            "contact",
            N("ImportColumn", "Contact"),
            "담당자",
            width=18,
            exported=(N("Export", "Contact"),),
        ),
        Column(
            "email",
            N("ImportColumn", "Email"),
            "이메일",
            width=26,
            exported=(N("Export", "Email"),),
        ),
        Column(
            "phone",
            N("ImportColumn", "Phone"),
            "전화",
            also=("전화번호",),
            width=18,
            exported=(N("Export", "Phone"),),
        ),
        Column(
            "staff",
            N("ImportColumn", "Staff"),
            "근무 인원",
            CellType.INT,
            exported=(N("Export", "Staff"),),
        ),
        Column(
            "power",
            N("ImportColumn", "Power"),
            "전기",
            CellType.BOOL,
            width=8,
            exported=(N("Export", "Power"),),
        ),
        Column(
            "water",
            N("ImportColumn", "Water"),
            "수도",
            CellType.BOOL,
            width=8,
            exported=(N("Export", "Water"),),
        ),
        Column(
            "gas",
            N("ImportColumn", "Gas"),
            "가스",
            CellType.BOOL,
            width=8,
            exported=(N("Export", "Gas"),),
        ),
        Column(
            "day_ids",
            N("ImportColumn", "Days"),
            "참가일",
            CellType.DAYS,
            width=24,
            exported=(N("Export", "Days"),),
        ),
        Column(
            "notes",
            N("ImportColumn", "Notes"),
            "비고",
            CellType.NOTES,
            width=40,
            exported=(N("Export", "Notes"),),
        ),
    ),
    exported_titles=(N("Export", "All booths"),),
)

SHEETS: tuple[Sheet, ...] = (FESTIVAL, DAYS, VENUES, TROUPES, PROGRAM, BOOTHS)
TEMPLATE_SHEETS: tuple[Sheet, ...] = tuple(s for s in SHEETS if s.in_template)


# Sheets of the template and of the booth workbook that hold no data of their own.
AUXILIARY_SHEETS = {"instructions", "안내", "lists", "목록"}
# The optional Spaces sheet is read on its own (imports/spaces.py), after the others.
AUXILIARY_SHEETS |= {"spaces", "부스자리"}
AUXILIARY_EXPORTED = (N("Export", "Summary"),)


def is_auxiliary(title: str) -> bool:
    """The template's instructions and lists, the booth workbook's summary."""
    key = fold(title)
    return key in AUXILIARY_SHEETS or any(
        key in (fold(english), fold(translate_into("ko", _EXPORT, english)))
        or joined(title) == joined(translate_into("ko", _EXPORT, english)) + joined(english)
        for english in AUXILIARY_EXPORTED
    )


def sheet_for(title: str) -> Sheet | None:
    """The sheet a workbook's sheet title names (English or Korean, or both as the
    exported workbooks write them: "전체 부스 / All booths"), or None."""
    key, bare = fold(title), joined(title)
    for sheet in SHEETS:
        titles = sheet.titles()
        if key in map(fold, titles):
            return sheet
        if any(
            bare == joined(first) + joined(second)
            for first in titles
            for second in titles
            if fold(first) != fold(second)
        ):
            return sheet
    return None


# A sheet whose title is not one of the format's is still read when at least this many
# of its headers are columns of one data sheet (the booth workbook's sheet per area).
_IDENTIFYING_HEADERS = 3


def identify(headers: list[str]) -> Sheet | None:
    """The data sheet a header row belongs to, when the title does not say it."""
    scores: list[tuple[int, Sheet]] = []
    for sheet in SHEETS:
        if not sheet.in_template:
            continue
        table = sheet.headers()
        found = {sheet.find(h, table) for h in headers if h}
        found.discard(None)
        scores.append((len(found), sheet))
    scores.sort(key=lambda pair: -pair[0])
    best, runner_up = scores[0], scores[1]
    if best[0] >= _IDENTIFYING_HEADERS and best[0] > runner_up[0]:
        return best[1]
    return None


@dataclass
class RawSheet:
    """A sheet as read: its header row and its data rows, cells as the file holds them."""

    title: str
    headers: list[str] = field(default_factory=list)
    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)
    # The format's sheet (English name) when the header row, not the title, told it.
    identified_as: str = ""
    # Cells that hold a formula the file keeps no value of (row, header, cell like "C7"):
    # read as empty, which the user should hear of.
    unvalued_formulas: list[tuple[int, str, str]] = field(default_factory=list)


RawWorkbook = dict[str, RawSheet]  # keyed by the sheet's title in the file
