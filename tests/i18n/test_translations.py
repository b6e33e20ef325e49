"""The Korean translation is complete, current and used; no interface text escapes it."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from festival_app import i18n, language
from tests.helpers.bare_text import bare_texts
from tools import translations  # the tool that writes the .ts and .qm files

REPO = Path(__file__).resolve().parent.parent.parent

SLOT = re.compile(r"\{[a-z_0-9]*\}|%\d")
GLOSSARY = REPO / "docs" / "GLOSSARY.md"


@pytest.fixture(scope="module")
def extraction() -> translations.Extraction:
    return translations.extract()


@pytest.fixture(scope="module")
def korean() -> dict[translations.Key, tuple[str, bool]]:
    return translations.read_ts(translations.ts_path("ko"))


def test_every_marked_text_has_a_finished_korean_translation(
    extraction: translations.Extraction, korean: dict[translations.Key, tuple[str, bool]]
) -> None:
    assert extraction.problems == []
    missing = [key for key in extraction.messages if key not in korean]
    unfinished = [key for key in extraction.messages if key in korean and not korean[key][1]]
    assert missing == [], "run: python tools/translations.py update, translate, release"
    assert unfinished == []
    assert len(extraction.messages) > 700  # the whole program, not a few texts


def test_the_ts_holds_no_texts_the_code_no_longer_has(
    extraction: translations.Extraction, korean: dict[translations.Key, tuple[str, bool]]
) -> None:
    assert sorted(korean.keys() - extraction.messages.keys()) == []
    assert 'type="unfinished"' not in translations.ts_path("ko").read_text(encoding="utf-8")


def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    translations.release_file(translations.ts_path("ko"), fresh)
    assert fresh.read_bytes() == translations.qm_path("ko").read_bytes()


def test_lupdate_finds_nothing_the_extraction_misses(
    tmp_path: Path, extraction: translations.Extraction
) -> None:
    """Qt's own lupdate, on a copy where the `N` alias is spelled out, as a cross-check."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    copy = tmp_path / "festival_app"
    shutil.copytree(REPO / "festival_app", copy)
    files = []
    for path in copy.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "QT_TRANSLATE_NOOP as N" in text:
            path.write_text(re.sub(r"\bN\(", "QT_TRANSLATE_NOOP(", text), encoding="utf-8")
        files.append(str(path))
    ts = tmp_path / "lupdate.ts"
    subprocess.run([str(lupdate), *files, "-locations", "none", "-ts", str(ts)], check=True)
    found = {source for _, source in translations.read_ts(ts)}
    ours = {source for _, source in extraction.messages}
    assert len(found) > 400
    assert sorted(found - ours) == []


def test_translations_keep_every_slot(korean: dict[translations.Key, tuple[str, bool]]) -> None:
    wrong = [
        (source, text)
        for (_, source), (text, _) in korean.items()
        if sorted(SLOT.findall(source)) != sorted(SLOT.findall(text))
    ]
    assert wrong == []


def test_keyboard_accelerators_survive_translation(
    korean: dict[translations.Key, tuple[str, bool]],
) -> None:
    lost = [s for (_, s), (t, _) in korean.items() if re.search(r"&\w", s) and "&" not in t]
    assert lost == []


def _glossary() -> list[tuple[str, str]]:
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if (
            len(cells) >= 2
            and cells[0]
            and not set(cells[0]) <= set("-: ")
            and cells[0] != "English"
        ):
            rows.append((cells[0], cells[1]))
    return rows


def test_the_glossary_terms_are_used_for_their_english_words(
    korean: dict[translations.Key, tuple[str, bool]],
) -> None:
    """One Korean word per English term: a text naming the term uses the glossary's word."""
    glossary = _glossary()
    assert len(glossary) >= 25
    strays = []
    for english, korean_term in glossary:
        pattern = re.compile(rf"\b{re.escape(english)}s?\b", re.IGNORECASE)
        for (_, source), (text, _) in korean.items():
            # Slots, commands and file names are not words of the text.
            words = re.sub(r"\{[a-z_0-9]*\}|festival-app[^'\"]*|[\w-]+\.xlsx", "", source)
            if pattern.search(words) and korean_term not in text:
                strays.append((english, korean_term, source, text))
    assert strays == []


def test_the_interface_sets_no_text_without_translation() -> None:
    sources = sorted((REPO / "festival_app" / "gui").rglob("*.py"))
    sources.append(REPO / "festival_app" / "app.py")
    findings = [f for path in sources for f in bare_texts(path)]
    assert findings == []


def test_the_scan_finds_bare_texts(tmp_path: Path) -> None:
    """The scan itself catches the usual slips and lets through what needs no words."""
    sample = tmp_path / "window.py"
    sample.write_text(
        "label = QLabel('Venues')\n"
        "self.setWindowTitle(f'Open {name}')\n"
        "box.setText('Saved' + name)\n"
        "menu.addAction(self.tr('&File'))\n"
        "QMessageBox.warning(self, 'Error', text)\n"
        "button.setToolTip('{0}')\n"
        "combo.addItem(self.tr('Korean'), 'ko')\n"
        "logger.warning('cannot open %s', path)\n",
        encoding="utf-8",
    )
    found = bare_texts(sample)
    assert [f.split(": ", 1)[1] for f in found] == [
        "QLabel('Venues')",
        "setWindowTitle('Open ')",
        "setText('Saved')",
        "warning('Error')",
    ]


def test_the_extraction_reads_every_way_the_code_marks_text(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "module.py").write_text(
        "from festival_app.i18n import QT_TRANSLATE_NOOP as N\n"
        "LABEL = N('Kinds', 'Stage')\n"
        "def _tr(text):\n"
        "    return QCoreApplication.translate('Dialog', text)\n"
        "class Window:\n"
        "    def build(self):\n"
        "        tr = self.tr\n"
        "        self.tr('&File')\n"
        "        tr('Troupes')\n"
        "        _tr('Choose a venue.')\n"
        "        QCoreApplication.translate('Other', 'Zone')\n"
        "        self.tr(f'bad {x}')\n",
        encoding="utf-8",
    )
    found = translations.extract(package)
    assert set(found.messages) == {
        ("Kinds", "Stage"),
        ("Window", "&File"),
        ("Window", "Troupes"),
        ("Dialog", "Choose a venue."),
        ("Other", "Zone"),
    }
    assert len(found.problems) == 1 and "f-string" in found.problems[0]


@pytest.fixture
def korean_messages(qapp: QCoreApplication) -> Iterator[None]:
    translators = language.install(qapp, language.KOREAN)
    yield
    language.uninstall(qapp, translators)


def test_the_installed_program_speaks_korean(korean_messages: None) -> None:
    assert QCoreApplication.translate("MainWindow", "&File") == "파일(&F)"
    # Qt's own buttons follow (qtbase_ko from PySide6's translations folder).
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"
    # Below the GUI, marked texts are rendered through the same translators.
    assert i18n.translate("VenueKind", "Stage") == "무대"
    from festival_app.gui.models.base import language as interface_language

    assert interface_language() == "ko"


def test_an_english_command_line_still_labels_korean_exports() -> None:
    before = i18n.saved_state()
    try:
        i18n.set_language_translator(language.KOREAN, None)
        language.use_without_application(language.ENGLISH)
        assert i18n.translate("VenueKind", "Stage") == "Stage"
        language.korean_labels()
        assert i18n.translate_into("ko", "VenueKind", "Stage") == "무대"
        assert i18n.translate("VenueKind", "Stage") == "Stage"
    finally:
        i18n.restore_state(before)


def test_the_qm_is_found_where_the_program_looks() -> None:
    translator = QTranslator()
    folder = language.translations_folder()
    assert folder is not None
    assert translator.load("festival_ko", str(folder))
    assert translator.translate("ItemStatus", "Confirmed") == "확정"


def test_the_language_follows_env_then_setting_then_system(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(language.ENV_VARIABLE, raising=False)
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert language.chosen_language() == "ko"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert language.chosen_language() == "en"
    assert language.chosen_language("ko") == "ko"  # the setting beats the system
    monkeypatch.setenv(language.ENV_VARIABLE, "en")
    assert language.chosen_language("ko") == "en"  # the variable beats the setting
    settings = tmp_path / "settings.ini"
    settings.write_text("[interface]\nlanguage=ko\n", encoding="utf-8")
    assert language.stored_setting(settings) == "ko"
    assert language.stored_setting(tmp_path / "missing.ini") is None


def _cli(*args: str, lang: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, FESTIVAL_APP_LANG=lang, FESTIVAL_APP_DATA_DIR=str(data))
    return subprocess.run(
        [sys.executable, "-m", "festival_app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=REPO,
    )


def test_the_command_line_speaks_the_chosen_language(tmp_path: Path) -> None:
    target = tmp_path / "새 축제.sqlite3"
    result = _cli("init", str(target), "--empty", lang="ko", data=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{target}을(를) 만들었습니다"
    again = _cli("init", str(target), lang="ko", data=tmp_path)
    assert again.returncode == 2
    assert "이미 있어 그대로 두었습니다" in again.stderr  # a StoreError, translated too
    english = _cli("init", str(tmp_path / "other.sqlite3"), "--empty", lang="en", data=tmp_path)
    assert english.stdout.strip() == f"Created {tmp_path / 'other.sqlite3'}"


def test_the_command_line_follows_the_window_s_language_setting(tmp_path: Path) -> None:
    (tmp_path / "settings.ini").write_text("[interface]\nlanguage=ko\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != language.ENV_VARIABLE}
    env["FESTIVAL_APP_DATA_DIR"] = str(tmp_path)
    target = tmp_path / "f.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "festival_app", "init", str(target), "--empty"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=REPO,
    )
    assert result.stdout.strip() == f"{target}을(를) 만들었습니다"


def test_an_english_command_line_exports_korean_labels(tmp_path: Path, sample_file: Path) -> None:
    import openpyxl

    out = tmp_path / "program.xlsx"
    result = _cli(
        "export", "program", "--db", str(sample_file), "--out", str(out), "--lang", "ko",
        lang="en", data=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote ")
    sheet = openpyxl.load_workbook(out, read_only=True).worksheets[0]
    cells = {str(c) for row in sheet.iter_rows(values_only=True) for c in row if c}
    assert "확정" in cells  # status labels in Korean
    assert "Confirmed" not in cells


def test_english_help_loads_no_translation() -> None:
    """--help in English stays fast: neither Qt nor the translation is loaded for it.
    (Korean help needs the translation, which Qt reads).
    """
    code = (
        "import sys, contextlib, io\n"
        "from festival_app.cli import main\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--help'])\n"
        "print('PySide6.QtCore' in sys.modules)\n"
    )
    env = dict(os.environ, FESTIVAL_APP_LANG="en")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO, env=env
    )
    assert result.stdout.strip() == "False", result.stderr


def test_no_module_under_the_gui_imports_qt_for_the_language_choice() -> None:
    """language.py is shared with the command line: Qt only inside its functions."""
    tree = ast.parse((REPO / "festival_app" / "language.py").read_text(encoding="utf-8"))
    top_level = [
        node
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6")
    ]
    assert top_level == []
