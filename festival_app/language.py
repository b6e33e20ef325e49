"""Which language the program speaks, and installing its translations.

The choice, strongest first: the environment variable FESTIVAL_APP_LANG (ko or en), the
Language setting (Settings > Language in the window), the system's locale. Korean
translations come from `resources/translations/festival_ko.qm` (ours) and Qt's own
`qtbase_ko.qm` (buttons and file dialogs). Only QtCore is needed, so the command line can
use this too; it imports Qt only once a translation is actually wanted.
"""

from __future__ import annotations

import configparser
import locale
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from festival_app import i18n, paths

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator

logger = logging.getLogger(__name__)

KOREAN = "ko"
ENGLISH = "en"
LANGUAGES = (KOREAN, ENGLISH)
ENV_VARIABLE = "FESTIVAL_APP_LANG"
SETTING_KEY = "interface/language"  # declared for the window in gui/settings.py
TRANSLATION_NAME = "festival"


def normalise(value: str | None) -> str | None:
    """'ko', 'ko_KR.UTF-8', 'Korean' -> 'ko'; 'en…' -> 'en'; anything else None."""
    text = (value or "").strip().lower()
    if text.startswith(("ko", "kor")):
        return KOREAN
    if text.startswith("en"):
        return ENGLISH
    return None


def system_language() -> str:
    """Korean when the system's locale is Korean, English otherwise."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        chosen = normalise(os.environ.get(name))
        if chosen:
            return chosen
        if os.environ.get(name):
            return ENGLISH
    try:
        from PySide6.QtCore import QLocale

        return KOREAN if QLocale.system().language() == QLocale.Language.Korean else ENGLISH
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        return normalise(locale.getlocale()[0]) or ENGLISH


def stored_setting(settings_file: Path | None = None) -> str | None:
    """The Language setting read straight from the settings file (no Qt needed)."""
    path = settings_file or paths.settings_file()
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return None
    section, _, key = SETTING_KEY.partition("/")
    return normalise(parser.get(section, key, fallback=None))


def chosen_language(setting: str | None = None) -> str:
    """The language to speak: FESTIVAL_APP_LANG, else `setting`, else the system's."""
    return normalise(os.environ.get(ENV_VARIABLE)) or normalise(setting) or system_language()


def translations_folder() -> Path | None:
    try:
        folder = paths.resource("translations")
    except FileNotFoundError:
        return None
    return folder if folder.is_dir() else None


def load_ours(language: str) -> QTranslator | None:
    """Our compiled translation for `language` (None for English, the source)."""
    from PySide6.QtCore import QTranslator

    folder = translations_folder()
    if language == ENGLISH or folder is None:
        return None
    translator = QTranslator()
    if not translator.load(f"{TRANSLATION_NAME}_{language}", str(folder)):
        logger.warning("no %s translation in %s", language, folder)
        return None
    return translator


def load_qt(language: str) -> QTranslator | None:
    """Qt's own translation (standard buttons, file dialogs) for `language`."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    if language == ENGLISH:
        return None
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{language}", folder):
        logger.info("Qt has no %s translation in %s", language, folder)
        return None
    return translator


def _as_function(translator: QTranslator | None) -> i18n.Translator | None:
    if translator is None:
        return None

    def translate(context: str, text: str) -> str:
        return translator.translate(context, text) or text

    return translate


def use_without_application(language: str) -> None:
    """Translate messages below the GUI (the command line) without a Qt application.

    English needs nothing loaded, so an English command line never imports Qt for this.
    """
    if language == ENGLISH:
        i18n.set_translator(None)
        return
    ours = _as_function(load_ours(language))
    i18n.set_translator(ours)
    if language == KOREAN:
        i18n.set_language_translator(KOREAN, ours)


def korean_labels() -> None:
    """Let exports label in Korean whatever the interface speaks (loaded once)."""
    if i18n.language_translator(KOREAN) is None:
        i18n.set_language_translator(KOREAN, _as_function(load_ours(KOREAN)))


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's and our translators in `app` and make `language` the default locale.

    Returns the installed translators (they must live as long as the application).
    """
    from PySide6.QtCore import QCoreApplication, QLocale

    installed = [t for t in (load_qt(language), load_ours(language)) if t is not None]
    for translator in installed:
        translator.setParent(app)
        app.installTranslator(translator)
    if language == KOREAN:
        QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    i18n.set_translator(QCoreApplication.translate)
    korean = installed[-1] if language == KOREAN and installed else load_ours(KOREAN)
    if korean is not None and korean.parent() is None:
        korean.setParent(app)
    i18n.set_language_translator(KOREAN, _as_function(korean))
    return installed


def uninstall(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Take installed translators out again (tests switch languages)."""
    from PySide6.QtCore import QLocale

    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())
    i18n.set_translator(None)
    i18n.set_language_translator(KOREAN, None)
