"""Qt's own buttons and menus speak the user's language, chosen at start-up from the
`language` setting ('' = the system's)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox

from app.core import i18n
from app.core.store import connect, put_setting
from app.ui.qt_translations import install_qt_translations


def _buttons() -> tuple[str, str]:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = box.button(QDialogButtonBox.StandardButton.Ok).text()
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel).text()
    box.deleteLater()
    return ok.replace("&", ""), cancel.replace("&", "")


def test_qt_dialog_buttons_follow_the_language(qapp: Any) -> None:
    assert install_qt_translations(qapp, "nl")
    assert _buttons()[1] == "Annuleren"
    assert install_qt_translations(qapp, "nl")  # again: replaces, never stacks
    assert len([t for t in qapp.findChildren(object) if t.objectName() == "pitchback-qtbase"]) == 1
    assert not install_qt_translations(qapp, "en")
    assert _buttons() == ("OK", "Cancel")


def test_the_language_setting_is_applied_at_start_up(qtbot: Any, qapp: Any, home: Path) -> None:
    conn = connect(home / "pitchback.db")
    put_setting(conn, "language", "nl")
    conn.close()
    from app.__main__ import build

    win = build(home)
    qtbot.addWidget(win)
    try:
        assert i18n.language() == "nl"
        assert _buttons()[1] == "Annuleren"
        assert "&Bestand" in [action.text() for action in win.menuBar().actions()]
    finally:
        win.close()
        install_qt_translations(qapp, "en")
