"""The block's settings (length, workdays, start time, skip days, start at login), stored in
the settings table under ``block.``."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, time

from app.core.store import get_setting, put_setting

_KEY = "block."
GOAL_WEEK_MIN = 150  # 2.5 hours a week
GOAL_FOUR_WEEKS_MIN = 600  # 10 hours in four weeks


@dataclass(frozen=True)
class BlockSettings:
    length_min: int = 30
    workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday is 0, as date.weekday()
    start: time = time(9, 0)
    skip_days: frozenset[date] = field(default_factory=frozenset)  # holidays, sick days
    start_at_login: bool = False

    def is_workday(self, day: date) -> bool:
        return day.weekday() in self.workdays and day not in self.skip_days

    def counts(self, day: date) -> bool:
        """Whether a day without a block counts against the habit."""
        return self.is_workday(day)


def parse_days(text: str) -> tuple[frozenset[date], list[str]]:
    """Skip days written one per line or separated by commas (2026-12-25); the bad ones back."""
    found: set[date] = set()
    bad: list[str] = []
    for part in (p.strip() for p in text.replace(",", "\n").splitlines()):
        if not part:
            continue
        try:
            found.add(date.fromisoformat(part))
        except ValueError:
            bad.append(part)
    return frozenset(found), bad


def load_block_settings(conn: sqlite3.Connection) -> BlockSettings:
    default = BlockSettings()
    try:
        length = min(240, max(5, int(get_setting(conn, _KEY + "length_min") or 30)))
    except ValueError:
        length = default.length_min
    workdays_text = get_setting(conn, _KEY + "workdays")
    workdays = default.workdays
    if workdays_text is not None:
        workdays = frozenset(int(d) for d in workdays_text.split(",") if d.strip().isdigit())
    try:
        start = time.fromisoformat(get_setting(conn, _KEY + "start") or "09:00")
    except ValueError:
        start = default.start
    skip, _bad = parse_days(get_setting(conn, _KEY + "skip_days") or "")
    return BlockSettings(
        length_min=length,
        workdays=frozenset(d for d in workdays if 0 <= d <= 6),
        start=start,
        skip_days=skip,
        start_at_login=get_setting(conn, _KEY + "start_at_login") == "1",
    )


def save_block_settings(conn: sqlite3.Connection, settings: BlockSettings) -> None:
    put_setting(conn, _KEY + "length_min", str(settings.length_min))
    put_setting(conn, _KEY + "workdays", ",".join(str(d) for d in sorted(settings.workdays)))
    put_setting(conn, _KEY + "start", settings.start.strftime("%H:%M"))
    put_setting(
        conn, _KEY + "skip_days", "\n".join(d.isoformat() for d in sorted(settings.skip_days))
    )
    put_setting(conn, _KEY + "start_at_login", "1" if settings.start_at_login else "0")
