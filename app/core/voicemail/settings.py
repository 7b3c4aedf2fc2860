"""Voicemail settings, kept in the database's settings table (by name, never by widget index)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.core.store import get_setting, put_setting
from app.core.voicemail.prompter import Level

LIMIT_RANGE_S = (15, 60)
DEFAULT_LIMIT_S = 30
# "Sometimes a person answers": 0 never, else one call in n.
PICKUP_CHOICES = (0, 10, 5, 3)
_KEY = "voicemail."


@dataclass(frozen=True)
class VoicemailSettings:
    # The settings page offers LIMIT_RANGE_S; the core takes any positive limit (tests use 3 s).
    limit_s: float = DEFAULT_LIMIT_S
    call_yourself: bool = False
    pickup_one_in: int = 0
    phone_line: bool = False
    rings: int = 1


def _int(conn: sqlite3.Connection, name: str, default: int) -> int:
    try:
        return int(get_setting(conn, _KEY + name) or default)
    except ValueError:
        return default


def load_settings(conn: sqlite3.Connection) -> VoicemailSettings:
    low, high = LIMIT_RANGE_S
    pickup = _int(conn, "pickup_one_in", 0)
    return VoicemailSettings(
        limit_s=min(high, max(low, _int(conn, "limit_s", DEFAULT_LIMIT_S))),
        call_yourself=_int(conn, "call_yourself", 0) == 1,
        pickup_one_in=pickup if pickup in PICKUP_CHOICES else 0,
        phone_line=_int(conn, "phone_line", 0) == 1,
    )


def save_settings(conn: sqlite3.Connection, settings: VoicemailSettings) -> None:
    low, high = LIMIT_RANGE_S
    put_setting(conn, _KEY + "limit_s", str(min(high, max(low, round(settings.limit_s)))))
    put_setting(conn, _KEY + "call_yourself", str(int(settings.call_yourself)))
    put_setting(conn, _KEY + "pickup_one_in", str(settings.pickup_one_in))
    put_setting(conn, _KEY + "phone_line", str(int(settings.phone_line)))


def prompter_level(conn: sqlite3.Connection, script_id: int) -> Level:
    """How far the user has stepped the prompter down for this script."""
    try:
        return Level(_int(conn, f"prompter_level.{script_id}", Level.FULL))
    except ValueError:
        return Level.FULL


def set_prompter_level(conn: sqlite3.Connection, script_id: int, level: Level) -> None:
    put_setting(conn, _KEY + f"prompter_level.{script_id}", str(int(level)))
