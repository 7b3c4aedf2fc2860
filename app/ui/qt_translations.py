"""Qt's own words (OK, Cancel, the file dialog, a text field's context menu) in the user's
language, from the qtbase_<lang>.qm that PySide6 ships in its translations folder."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

NAME = "pitchback-qtbase"


def install_qt_translations(app: QCoreApplication, language: str) -> bool:
    """Make Qt's standard dialogs and menus speak ``language`` (replacing what an earlier
    call installed); False when Qt has no translation for it (English needs none)."""
    for old in app.findChildren(QTranslator, NAME):
        app.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()
    if language == "en":
        return False
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)  # the application keeps it alive
    translator.setObjectName(NAME)
    if not translator.load(QLocale(language), "qtbase", "_", folder):
        translator.deleteLater()
        return False
    return app.installTranslator(translator)
