"""The script picker that the Voicemail and Live call pages share."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QComboBox

from app.core.library import ScriptLibrary
from app.core.store import get_setting


def fill_script_box(
    box: QComboBox,
    library: ScriptLibrary,
    conn: sqlite3.Connection,
    setting: str,
    current: int | None,
) -> None:
    """List the library's scripts in ``box``; select ``current``, else the script remembered
    under ``setting``, else the first."""
    scripts = library.list_scripts()
    box.clear()
    for info in scripts:
        box.addItem(info.title, info.id)
    remembered = get_setting(conn, setting)
    wanted = current or (int(remembered) if remembered else None)
    index = box.findData(wanted) if wanted is not None else -1
    box.setCurrentIndex(max(index, 0) if scripts else -1)
