"""The script picker that the Voicemail and Live call pages share."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QComboBox

from app.core.library import ScriptLibrary
from app.core.store import get_setting, remember_setting

IN_USE = "script.in_use"  # the script last opened or chosen on any page: every page follows it
_SEEN = "script_in_use_seen"  # a picker's property: the script in use it last followed


def use_script(conn: sqlite3.Connection, script_id: int, box: QComboBox | None = None) -> None:
    """Make ``script_id`` the script in use; ``box``, the picker that chose it, has seen it."""
    remember_setting(conn, IN_USE, str(script_id))
    if box is not None:
        box.setProperty(_SEEN, str(script_id))


def fill_script_box(
    box: QComboBox,
    library: ScriptLibrary,
    conn: sqlite3.Connection,
    setting: str,
    current: int | None,
) -> None:
    """List the library's scripts in ``box``; select the script in use if it changed since this
    picker last looked (another page opened or chose one), else ``current``, else the script
    remembered under ``setting``, else the first."""
    scripts = library.list_scripts()
    box.clear()
    for info in scripts:
        box.addItem(info.title, info.id)
    remembered = get_setting(conn, setting)
    wanted = current or (int(remembered) if remembered else None)
    in_use = get_setting(conn, IN_USE)
    if in_use and in_use != box.property(_SEEN):
        box.setProperty(_SEEN, in_use)
        wanted = int(in_use)
    index = box.findData(wanted) if wanted is not None else -1
    box.setCurrentIndex(max(index, 0) if scripts else -1)
