"""What the week view shows, aggregated in SQL so that years of blocks and thousands of calls
draw at once: minutes per day, twelve weeks of days, and calls, conversations, meetings and
practice minutes per week."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from app.core.prospecting.habit import strength, week_start
from app.core.prospecting.models import CONVERSATIONS
from app.core.prospecting.settings import GOAL_FOUR_WEEKS_MIN, GOAL_WEEK_MIN, BlockSettings

WEEKS = 12


@dataclass(frozen=True)
class WeekTotals:
    start: date  # a Monday
    calls: int = 0
    conversations: int = 0
    meetings: int = 0
    practice_min: float = 0.0


@dataclass(frozen=True)
class HabitView:
    today: date
    minutes: dict[date, float]  # per day, the last WEEKS weeks (days with a block only)
    weeks: list[WeekTotals]  # oldest first, this week last
    strength: float
    week_min: float  # this week (Monday to today)
    four_weeks_min: float  # the last 28 days
    goal_week_min: int = GOAL_WEEK_MIN
    goal_four_weeks_min: int = GOAL_FOUR_WEEKS_MIN

    @property
    def first_day(self) -> date:
        return week_start(self.today) - timedelta(weeks=WEEKS - 1)


def habit_view(conn: sqlite3.Connection, today: date, settings: BlockSettings) -> HabitView:
    first = week_start(today) - timedelta(weeks=WEEKS - 1)
    all_days = {
        date.fromisoformat(row[0]): float(row[1]) / 60.0
        for row in conn.execute("SELECT day, SUM(counted_s) FROM blocks GROUP BY day")
    }
    recent = {day: m for day, m in all_days.items() if first <= day <= today}
    week_min = sum(m for day, m in recent.items() if day >= week_start(today))
    four_weeks = sum(m for day, m in recent.items() if day > today - timedelta(days=28))
    return HabitView(
        today=today,
        minutes=recent,
        weeks=_weeks(conn, first, today),
        strength=strength(all_days, settings, today),
        week_min=week_min,
        four_weeks_min=four_weeks,
    )


def _weeks(conn: sqlite3.Connection, first: date, today: date) -> list[WeekTotals]:
    start = first.isoformat()
    marks = ", ".join("?" * len(CONVERSATIONS))
    found: dict[int, dict[str, float]] = {}
    week_of = "CAST((julianday(day) - julianday(?)) / 7 AS INTEGER)"
    for row in conn.execute(
        f"SELECT {week_of} AS w, COUNT(*), SUM(outcome IN ({marks})), SUM(outcome = 'meeting') "
        "FROM real_calls WHERE day >= ? GROUP BY w",
        (start, *CONVERSATIONS, start),
    ):
        found.setdefault(row[0], {}).update(calls=row[1], conversations=row[2], meetings=row[3])
    # Takes and practice runs are stamped in UTC; their week is that of the local day.
    since = datetime.combine(first, time(0)).astimezone(UTC) - timedelta(days=1)
    since_iso = since.strftime("%Y-%m-%dT%H:%M:%S")
    local_week = (
        "CAST((julianday(date(substr({col}, 1, 19), 'localtime')) - julianday(?)) / 7 AS INTEGER)"
    )
    for sql in (
        f"SELECT {local_week.format(col='created_at')} AS w, SUM(duration_s) FROM takes "
        "WHERE created_at >= ? AND deleted_at IS NULL AND state != 'recording' GROUP BY w",
        f"SELECT {local_week.format(col='started_at')} AS w, "
        "SUM(CAST(frames AS REAL) / samplerate) FROM practice_runs "
        "WHERE started_at >= ? AND state != 'recording' GROUP BY w",
    ):
        for row in conn.execute(sql, (start, since_iso)):
            if row[0] is not None and row[0] >= 0:
                bucket = found.setdefault(row[0], {})
                bucket["practice_min"] = bucket.get("practice_min", 0.0) + (row[1] or 0.0) / 60.0
    return [
        WeekTotals(
            start=first + timedelta(weeks=index),
            calls=int(found.get(index, {}).get("calls", 0)),
            conversations=int(found.get(index, {}).get("conversations", 0)),
            meetings=int(found.get(index, {}).get("meetings", 0)),
            practice_min=float(found.get(index, {}).get("practice_min", 0.0)),
        )
        for index in range(WEEKS)
        if first + timedelta(weeks=index) <= today
    ]
