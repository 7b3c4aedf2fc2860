"""The devices the user chose, remembered by name in the store's settings.

Light on purpose (PortAudio loads only when a device is actually chosen), so pages can import
it at start-up.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from app.core.store import get_setting, remember_setting

if TYPE_CHECKING:
    from app.audio.devices import Choice, Kind

SETTINGS = {"input": "audio.input_device", "output": "audio.output_device"}


def remembered_name(conn: sqlite3.Connection, kind: Kind) -> str | None:
    return get_setting(conn, SETTINGS[kind])


def remember(conn: sqlite3.Connection, kind: Kind, label: str) -> None:
    if label:
        remember_setting(conn, SETTINGS[kind], label)


def chosen_device(conn: sqlite3.Connection, kind: Kind, wanted: str | None = None) -> Choice:
    """The device named ``wanted``, else the remembered one, else the default (with a note)."""
    from app.audio.devices import choose

    return choose(kind, wanted or remembered_name(conn, kind))
