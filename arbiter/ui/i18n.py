"""Interface language: Qt translators for our strings (resources/translations/arbiter_<lang>.qm) and Qt's own
(standard buttons), chosen from the saved setting or the system locale, switchable at run time.

Switching installs the new translators; Qt then sends every widget a ``LanguageChange`` event and each widget
re-reads its texts in ``changeEvent`` (see ``retranslate()`` methods).
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from arbiter.resources import resource_path
from arbiter.ui import settings

log = logging.getLogger(__name__)

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES: dict[str, str] = {ENGLISH: "English", CHINESE: "中文"}

_installed: list[QTranslator] = []
_current = ENGLISH


def system_language() -> str:
    return CHINESE if QLocale.system().language() == QLocale.Language.Chinese else ENGLISH


def preferred_language() -> str:
    saved = settings.get(settings.LANGUAGE)
    return saved if saved in LANGUAGES else system_language()


def current_language() -> str:
    return _current


def install(language: str) -> str:
    """Install the translators for ``language`` (replacing any installed before). Returns the language in force."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("i18n.install() needs a QApplication")
    language = language if language in LANGUAGES else ENGLISH
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != ENGLISH:
        ours = QTranslator(app)
        qm_folder = str(resource_path("translations"))
        if ours.load(f"arbiter_{language}", qm_folder):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("no translation file arbiter_%s.qm in %s", language, qm_folder)
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if language == CHINESE
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    _current = language
    return language


def switch(language: str) -> str:
    """Change the interface language now and remember it."""
    settings.put(settings.LANGUAGE, language)
    return install(language)
