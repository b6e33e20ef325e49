"""The import template: an empty application workbook with instructions and drop-downs.

Each data sheet has its header row in the template's language, a second header row in
the other language (the importer skips a row that only repeats headers), drop-down lists
for every fixed list and an example row in grey. The country list lives on a hidden
"Lists" sheet that the drop-downs reference. Made for a festival (`service`), the Venue
and Troupe columns get drop-downs of that festival's own venues, booth areas and troupes.
"""

from __future__ import annotations

import os
from datetime import date, time
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from festival_app.domain import countries
from festival_app.domain.venues import VenueKind
from festival_app.imports import format as fmt
from festival_app.imports.format import CellType, Column, FixedList, Sheet
from festival_app.imports.spaces import add_template_sheet
from festival_app.services import FestivalService
from festival_app.store import outputs

LISTS_SHEET = "Lists"
INSTRUCTIONS = {"en": "Instructions", "ko": "안내"}
FIRST_DATA_ROW = 3  # row 1: headers, row 2: the same headers in the other language
LAST_VALIDATED_ROW = 5000
TEXT_ROWS = 1000  # rows below the example whose phone and code cells are formatted as text
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F3")
_EXAMPLE_FONT = Font(italic=True, color="808080")
_EXAMPLE_NOTE = fmt.EXAMPLE_MARKER

# Example rows from the 2018 festival, keyed by column key. Their Notes cell holds the
# example marker, so a row left in the workbook is skipped on import (with a warning).
# Days has no Notes column and so no example row: its header cells carry comments.
EXAMPLES: dict[str, list[dict[str, Any]]] = {
    fmt.VENUES.en: [
        {
            "name_en": "Main Stage (Seoul Plaza)",
            "name_ko": "서울광장 메인무대",
            "kind": "stage",
            "zone": "Seoul Plaza",
            "capacity": 3000,
            "changeover_min": 10,
            "notes": _EXAMPLE_NOTE,
        },
        {
            "name_en": "Mugyo-ro",
            "name_ko": "무교로",
            "kind": "booth area",
            "zone": "Mugyo-ro",
            "capacity": 4000,
            "booth_spaces": 60,
            "code_prefix": "M",
            "changeover_min": 0,
            "notes": _EXAMPLE_NOTE,
        },
    ],
    fmt.TROUPES.en: [
        {
            "name": "Beijing Song and Dance Ensemble",
            "name_ko": "베이징 가무단",
            "city_en": "Beijing",
            "city_ko": "베이징",
            "country": "CN",
            "relation": "sister",
            "genre": "Chinese classical and folk dance",
            "performers": 24,
            "contact": "Wang Lihua",
            "email": "wang.lihua@example.org",
            "phone": "+86 10 5550 2318",
            "arrival": date(2018, 8, 30),
            "departure": date(2018, 9, 3),
            "notes": _EXAMPLE_NOTE,
        }
    ],
    fmt.PROGRAM.en: [
        {
            "day": date(2018, 9, 1),
            "start": time(14, 0),
            "end": time(14, 20),
            "venue": "Main Stage (Seoul Plaza)",
            "title_en": "Chinese classical dance",
            "title_ko": "중국 고전무용",
            "kind": "performance",
            "troupe": "Beijing Song and Dance Ensemble",
            "city": "Beijing",
            "setup_min": 5,
            "teardown_min": 5,
            "status": "confirmed",
            "notes": _EXAMPLE_NOTE,
        }
    ],
    fmt.BOOTHS.en: [
        {
            "code": "M-01",
            "venue": "Mugyo-ro",
            "category": "food",
            "country": "TH",
            "organization": "Embassy of Thailand",
            "exhibitor": "Baan Thai Kitchen",
            "contact": "Lee Jae-won",
            "email": "food.th@example.org",
            "phone": "+82 2 2555 1001",
            "staff": 4,
            "power": "yes",
            "water": "yes",
            "gas": "no",
            "day_ids": "all",
            "notes": _EXAMPLE_NOTE,
        }
    ],
}

_HEADER_HINTS = {
    "date": "2018-09-01, 2018.09.01, 2018/9/1",
    "opens": "12:00, 1200",
    "closes": "18:00, 1800",
}

_FIXED_LISTS: tuple[FixedList, ...] = (
    fmt.VENUE_KINDS,
    fmt.ITEM_KINDS,
    fmt.CATEGORIES,
    fmt.RELATIONS,
    fmt.STATUSES,
)

INSTRUCTION_LINES: dict[str, list[str]] = {
    "ko": [
        "서울세계도시문화축제 신청서 가져오기 양식",
        "",
        "1. 시트: 일정, 장소, 공연단, 프로그램, 부스. 필요한 시트만 채워도 됩니다.",
        "2. 1행은 머리글입니다. 2행은 같은 머리글의 영어 표기로, 가져올 때 건너뜁니다. "
        "머리글 순서는 바꿔도 되고, 모르는 열은 경고와 함께 무시됩니다.",
        "3. 회색 기울임꼴 행은 예시입니다. 고쳐 쓰거나 지우세요. 비고 칸에 예시 표시가 남은 "
        "행은 가져올 때 건너뜁니다.",
        "4. 날짜는 2018-09-01, 2018.09.01, 2018/9/1 또는 엑셀 날짜로, 시각은 12:30, 1230 "
        "또는 엑셀 시각으로 적습니다. 시각은 5분 단위입니다.",
        "5. 예/아니오 칸: 예, 아니오, O, X, yes, no 모두 됩니다.",
        "6. 국가: 국가 코드(KR) 또는 한국어·영어 이름(대한민국, Korea).",
        "7. 부스의 참가일: '전체' 또는 날짜를 쉼표로 구분(2018-09-01, 2018-09-02).",
        "8. 같은 파일을 다시 가져와도 중복되지 않습니다. 공연단은 이름과 도시로, 부스는 부스 "
        "번호로(없으면 분류와 국가 또는 기관으로), 프로그램은 날짜·장소·시작·제목으로 "
        "찾아 고칩니다.",
        "9. 가져오기 전에 바뀔 기록을 모두 항목별로(바뀌기 전과 후) 보여 주고, 문제가 있는 "
        "행도 모두 보여 줍니다. 오류가 하나라도 있으면 아무것도 가져오지 않습니다.",
        "10. 빈 칸은 저장된 값을 그대로 둡니다(새 기록에는 기본값). 저장된 값을 일부러 "
        "지우려면 칸에 (clear) 또는 (지움)만 적습니다. 부스 번호 칸이 빈 행은 부스 번호를 "
        "지우지 않습니다.",
        "11. 부스 번호 없이 분류와 국가(또는 기관)로 부스를 찾으면, 미리 보기에 어느 "
        "부스(예: P-49 페루 대사관)에 해당하는지 표시됩니다. 여러 부스에 해당할 수 있는 "
        "행은 오류이며 부스 번호가 필요합니다.",
        "12. 프로그램의 '내보내기'로 만든 부스 목록, 공연단 명단, 프로그램 엑셀 파일도 고쳐서 "
        "다시 가져올 수 있습니다.",
    ],
    "en": [
        "Seoul Friendship Festival: application import form",
        "",
        "1. Sheets: Days, Venues, Troupes, Program, Booths. Fill only the sheets you need.",
        "2. Row 1 holds the headers; row 2 repeats them in Korean and is skipped on import. "
        "Columns may be in any order; unknown columns are ignored with a warning.",
        "3. Rows in grey italics are examples: replace or delete them. A row whose Notes "
        "still hold the example mark is skipped on import.",
        "4. Dates as 2018-09-01, 2018.09.01, 2018/9/1 or Excel dates; times as 12:30, 1230 "
        "or Excel times, on 5-minute steps.",
        "5. Yes/no cells accept yes, no, y, n, true, false, O, X, 예, 아니오.",
        "6. Countries: the ISO code (KR) or the English or Korean name (Korea, 대한민국).",
        "7. Booth days: 'all' or dates separated by commas (2018-09-01, 2018-09-02).",
        "8. Importing the same file again creates no duplicates: a troupe is found by name "
        "and city, a booth by its code (without one, by category and country or "
        "organization), a program item by day, venue, start and title.",
        "9. Before anything is written, the program shows every record that will change, "
        "field by field (before and after), and every row with a problem. If any row has an "
        "error, nothing is imported.",
        "10. A blank cell leaves the stored value as it is (a new record gets the default). "
        "To clear a stored value on purpose, write just (clear) or (지움) in the cell. A "
        "booth row without a code never removes a booth's code.",
        "11. A booth found without its code, by category and country (or organization), is "
        "shown as 'matches P-49 …' in the preview. A row that could mean several booths is "
        "an error and needs the code.",
        "12. The booth list, troupe roster and program workbooks that Export writes can be "
        "edited and imported back as well.",
    ],
}


def build_template(language: str = "en", service: FestivalService | None = None) -> Workbook:
    """The template workbook with headers in `language` ('en' or 'ko'); with `service`,
    its Venue and Troupe columns offer that festival's venues and troupes."""
    language = "ko" if language == "ko" else "en"
    other = "en" if language == "ko" else "ko"
    workbook = Workbook()
    intro = workbook.active
    assert intro is not None
    intro.title = INSTRUCTIONS[language]
    _instructions(intro, language, other)
    lists = workbook.create_sheet(LISTS_SHEET)
    ranges = _lists(lists, language, _festival_lists(service, language) if service else [])
    lists.sheet_state = "hidden"
    for sheet in fmt.TEMPLATE_SHEETS:
        ws = workbook.create_sheet(_label(sheet, language))
        _data_sheet(ws, sheet, language, other, ranges)
    add_template_sheet(workbook, language)  # optional: a site map's layout
    # The hidden lists go last so the visible tabs read in order.
    workbook.move_sheet(lists, offset=len(workbook.sheetnames) - 1 - workbook.index(lists))
    workbook.active = 1
    return workbook


def write_template(
    path: str | os.PathLike[str], language: str = "en", service: FestivalService | None = None
) -> Path:
    """Write the template to `path`, whole or not at all, never over a festival file, its
    journal or lock file (OutputError otherwise; see store.outputs). With `service`, the
    drop-downs list that festival's venues and troupes."""
    target = Path(path)
    outputs.refuse_protected_target(target)
    workbook = build_template(language, service)
    with outputs.atomic_output(target) as part:
        workbook.save(part)
    return target


def _label(item: Sheet | Column, language: str) -> str:
    return item.ko if language == "ko" else item.en


def _instructions(ws: Worksheet, language: str, other: str) -> None:
    row = 1
    for lang in (language, other):
        for number, line in enumerate(INSTRUCTION_LINES[lang]):
            cell = ws.cell(row=row, column=1, value=line)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if number == 0:
                cell.font = Font(bold=True, size=14)
            row += 1
        row += 1
    ws.column_dimensions["A"].width = 110


# Lists of the festival's own records (template --db), keyed by the column they serve.
VENUE_LIST, BOOTH_AREA_LIST, TROUPE_LIST = "venue", "booth area", "troupe"


def _festival_lists(service: FestivalService, language: str) -> list[tuple[str, list[str]]]:
    """The festival's venues, booth areas and troupes, named in `language`, each once."""
    venues = service.venues()
    troupes = service.troupes()

    def unique(names: list[str]) -> list[str]:
        return list(dict.fromkeys(n for n in names if n))

    out = [
        (VENUE_LIST, unique([v.name(language) for v in venues])),
        (
            BOOTH_AREA_LIST,
            unique([v.name(language) for v in venues if v.kind == VenueKind.BOOTH_AREA]),
        ),
        (
            TROUPE_LIST,
            sorted(unique([t.display_name(language) for t in troupes]), key=str.casefold),
        ),
    ]
    return [(name, items) for name, items in out if items]


def _lists(
    ws: Worksheet, language: str, festival: list[tuple[str, list[str]]] | None = None
) -> dict[str, str]:
    """Write every fixed list, the countries and the festival's own lists; returns list
    name -> absolute range."""
    columns: list[tuple[str, list[str]]] = [
        (fixed.name, fixed.labels(language)) for fixed in _FIXED_LISTS
    ]
    columns.append(("yes/no", ["예", "아니오"] if language == "ko" else ["yes", "no"]))
    names = sorted({countries.name(code, language) for code in countries.codes()})
    columns.append(("country", names))
    columns += festival or []
    ranges: dict[str, str] = {}
    for index, (name, items) in enumerate(columns, start=1):
        letter = get_column_letter(index)
        ws.cell(row=1, column=index, value=name).font = Font(bold=True)
        for row, item in enumerate(items, start=2):
            ws.cell(row=row, column=index, value=item)
        ranges[name] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(items) + 1}"
        ws.column_dimensions[letter].width = max(12, *(len(i) + 2 for i in items))
    return ranges


def _data_sheet(
    ws: Worksheet, sheet: Sheet, language: str, other: str, ranges: dict[str, str]
) -> None:
    examples = EXAMPLES.get(sheet.en, [])
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        head = ws.cell(row=1, column=index, value=_label(column, language))
        head.font = Font(bold=True)
        head.fill = _HEADER_FILL
        if column.key in _HEADER_HINTS:
            head.comment = Comment(_HEADER_HINTS[column.key], "festival-app")
        second = ws.cell(row=2, column=index, value=_label(column, other))
        second.font = Font(italic=True, color="505050")
        second.fill = _HEADER_FILL
        longest = 0
        for offset, example in enumerate(examples):
            value = _example_value(column, example.get(column.key), language)
            if value is None:
                continue
            cell = ws.cell(row=FIRST_DATA_ROW + offset, column=index, value=value)
            cell.font = _EXAMPLE_FONT
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, time):
                cell.number_format = "hh:mm"
            longest = max(longest, len(str(value)))
        _format_column(ws, column, index, FIRST_DATA_ROW + len(examples))
        _validate(ws, sheet, column, letter, ranges)
        width = max(column.width, len(column.en) + 3, 2 * len(column.ko) + 3, longest + 2)
        ws.column_dimensions[letter].width = min(width, 60)
    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=1)
    ws.sheet_view.zoomScale = 100


def _example_value(column: Column, value: Any, language: str) -> Any:
    if value is None:
        return None
    if column.cell_type == CellType.CHOICE and column.choices is not None:
        table = column.choices.lookup()
        return (column.choices.ko if language == "ko" else column.choices.en)(
            table[fmt.fold(value)]
        )
    if column.cell_type == CellType.COUNTRY:
        return countries.name(value, language)
    if column.cell_type == CellType.BOOL and language == "ko":
        return "예" if value == "yes" else "아니오"
    if column.cell_type == CellType.DAYS and language == "ko" and value == "all":
        return "전체"
    return value


def _format_column(ws: Worksheet, column: Column, index: int, first: int) -> None:
    # Phone numbers and codes typed later stay text: 010... keeps its leading zero.
    if column.key in ("phone", "code", "code_prefix"):
        for row in range(first, FIRST_DATA_ROW + TEXT_ROWS):
            ws.cell(row=row, column=index).number_format = "@"


def _validate(
    ws: Worksheet, sheet: Sheet, column: Column, letter: str, ranges: dict[str, str]
) -> None:
    source: str | None = None
    if column.cell_type == CellType.CHOICE and column.choices is not None:
        source = ranges[column.choices.name]
    elif column.cell_type == CellType.BOOL:
        source = ranges["yes/no"]
    elif column.cell_type == CellType.COUNTRY:
        source = ranges["country"]
    elif column.key == "venue":  # Program and Booths; made with --db only
        source = ranges.get(BOOTH_AREA_LIST if sheet is fmt.BOOTHS else VENUE_LIST)
    elif column.key == "troupe":
        source = ranges.get(TROUPE_LIST)
    if source is None:
        return
    validation = DataValidation(
        type="list",
        formula1=f"={source}",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",  # the importer also reads codes and other spellings
        errorTitle="?",
        error="Choose from the list (another spelling is checked on import). / "
        "목록에서 고르세요 (다른 표기는 가져올 때 확인합니다).",
    )
    validation.add(f"{letter}{FIRST_DATA_ROW}:{letter}{LAST_VALIDATED_ROW}")
    ws.add_data_validation(validation)
