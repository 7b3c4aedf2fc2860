"""Habit, not guilt: minutes against the goal, and a strength that decays slowly.

The strength follows Loop Habit Tracker's habit score (iSoron/uhabits, uhabits-core
``models/Score.kt``): an exponential moving average, each day's score being yesterday's times
a multiplier plus that day's value times (1 - multiplier), with the multiplier
0.5 ** (sqrt(frequency) / 13), so for a daily habit a missed day costs about 5% and half of
the strength fades only after 13 missed days. As in Loop, a skipped day leaves the score as it
was: here the days off (not a workday, or a skip day or holiday) do not count against it. The
value of a day is the share of the planned block done (a 15-minute block is half a day), so a
short block still helps. Written for Pitchback from that description; no code copied.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, timedelta

from app.core.prospecting.settings import BlockSettings

MULTIPLIER = 0.5 ** (math.sqrt(1.0) / 13.0)  # a habit planned once a workday


def strength(
    minutes: Mapping[date, float], settings: BlockSettings, today: date, since: date | None = None
) -> float:
    """The habit's strength today, from 0 to 1, from the minutes prospected on each day."""
    if not minutes:
        return 0.0
    day = since or min(minutes)
    score = 0.0
    goal = max(1, settings.length_min)
    while day <= today:
        done = minutes.get(day, 0.0)
        if done > 0 or (settings.counts(day) and day < today):  # today is not over yet
            value = min(1.0, done / goal)
            score = score * MULTIPLIER + value * (1.0 - MULTIPLIER)
        day += timedelta(days=1)
    return score


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())
