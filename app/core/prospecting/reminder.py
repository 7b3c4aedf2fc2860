"""When to remind: at the start time on a workday, once a day, from an injected clock.

The page asks ``check(now)`` every half minute. The answer is 'notify' (a tray message) when
the start time has just passed, and 'banner' (shown in the window, once) when it passed while
nobody was looking: the app started later, or the clock jumped because the computer slept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from app.core.prospecting.settings import BlockSettings

Reminding = Literal["notify", "banner"]
CHECK_GAP = timedelta(minutes=2)  # a longer gap between two checks: the computer slept
SNOOZE = timedelta(minutes=10)


@dataclass
class Reminder:
    settings: BlockSettings
    reminded_on: date | None = None  # the day already reminded (kept in the settings)
    last_check: datetime | None = None
    snoozed_until: datetime | None = None

    def check(self, now: datetime, block_today: bool = False) -> Reminding | None:
        previous, self.last_check = self.last_check, now
        day = now.date()
        asleep = previous is None or now - previous > CHECK_GAP
        if self.snoozed_until is not None:
            if now < self.snoozed_until:
                return None
            self.snoozed_until = None
            return None if block_today else ("banner" if asleep else "notify")
        if block_today or self.reminded_on == day or not self.settings.is_workday(day):
            return None
        if now < datetime.combine(day, self.settings.start, now.tzinfo):
            return None
        self.reminded_on = day
        return "banner" if asleep else "notify"

    def snooze(self, now: datetime) -> None:
        self.snoozed_until = now + SNOOZE
