"""The reminder with an injected clock: a workday yes, a weekend or skip day no, and a sleep
past the start time gives the banner once."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from app.core.prospecting.reminder import Reminder
from app.core.prospecting.settings import BlockSettings

MONDAY = datetime(2026, 3, 2, 8, 58)
SETTINGS = BlockSettings(start=time(9, 0))


def run(reminder: Reminder, start: datetime, minutes: int) -> list[tuple[datetime, str]]:
    """Check every 30 seconds for ``minutes``, as the page does; what it said and when."""
    said = []
    for step in range(minutes * 2 + 1):
        now = start + timedelta(seconds=30 * step)
        answer = reminder.check(now)
        if answer:
            said.append((now, answer))
    return said


def test_a_workday_notifies_at_the_start_time_once() -> None:
    said = run(Reminder(SETTINGS), MONDAY - timedelta(minutes=1), 30)
    assert said == [(datetime(2026, 3, 2, 9, 0), "notify")]


def test_not_on_a_weekend_nor_a_skip_day() -> None:
    saturday = MONDAY - timedelta(days=2)
    assert run(Reminder(SETTINGS), saturday, 30) == []
    holiday = BlockSettings(start=time(9, 0), skip_days=frozenset({date(2026, 3, 2)}))
    assert run(Reminder(holiday), MONDAY, 30) == []
    assert run(Reminder(holiday), MONDAY + timedelta(days=1), 30) != []


def test_not_when_a_block_was_already_started() -> None:
    reminder = Reminder(SETTINGS)
    reminder.check(MONDAY)
    assert reminder.check(MONDAY + timedelta(minutes=2), block_today=True) is None


def test_asleep_past_the_start_time_shows_the_banner_once() -> None:
    reminder = Reminder(SETTINGS)
    assert reminder.check(MONDAY - timedelta(minutes=30)) is None
    woke = MONDAY + timedelta(hours=1, minutes=10)  # the clock jumps: the laptop slept
    said = run(reminder, woke, 20)
    assert said == [(woke, "banner")]
    assert run(reminder, woke + timedelta(hours=2), 10) == []


def test_snooze_comes_back_ten_minutes_later() -> None:
    reminder = Reminder(SETTINGS)
    said = run(reminder, MONDAY, 3)
    reminder.snooze(said[0][0])
    again = run(reminder, said[0][0] + timedelta(seconds=30), 15)
    assert again == [(said[0][0] + timedelta(minutes=10), "notify")]
