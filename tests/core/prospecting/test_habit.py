"""The habit: a strength that decays slowly, days off that do not count, week totals."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from app.core.prospecting import BlockSettings, BlockStore, CallLog, ProspectStore
from app.core.prospecting.habit import strength
from app.core.prospecting.week import habit_view

MONDAY = date(2026, 3, 2)
SETTINGS = BlockSettings()


def workdays(start: date, count: int) -> list[date]:
    days, day = [], start
    while len(days) < count:
        if SETTINGS.is_workday(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def test_one_sick_day_costs_little_and_weekends_nothing() -> None:
    done = {day: 30.0 for day in workdays(MONDAY, 40)}
    last = max(done)
    full = strength(done, SETTINGS, last + timedelta(days=1))
    sick = dict(done)
    del sick[workdays(MONDAY, 30)[-1]]
    assert 0.8 < full < 1
    assert full - strength(sick, SETTINGS, last + timedelta(days=1)) < 0.05
    # A weekend after the last block leaves the strength as it was.
    saturday = next(
        last + timedelta(days=d) for d in range(7) if (last + timedelta(days=d)).weekday() == 5
    )
    assert strength(done, SETTINGS, saturday + timedelta(days=2)) == strength(
        done, SETTINGS, saturday
    )


def test_skip_days_do_not_count_against_it() -> None:
    done = {day: 30.0 for day in workdays(MONDAY, 20)}
    after = max(done) + timedelta(days=1)
    holiday = workdays(after, 5)
    with_holiday = BlockSettings(skip_days=frozenset(holiday))
    end = holiday[-1] + timedelta(days=1)
    assert strength(done, with_holiday, end) == strength(done, with_holiday, after)
    assert strength(done, SETTINGS, end) < strength(done, SETTINGS, after)


def test_week_view_sums_minutes_and_calls(conn: sqlite3.Connection) -> None:
    blocks = BlockStore(conn)
    for day, minutes in ((MONDAY, 30), (MONDAY + timedelta(days=1), 20)):
        block = blocks.begin(day, 1800)
        blocks.finish(block, minutes * 60)
    prospects = ProspectStore(conn)
    for outcome in ("no_answer", "spoke", "meeting"):
        prospects.log_call(None, CallLog(outcome), MONDAY)  # type: ignore[arg-type]
    view = habit_view(conn, MONDAY + timedelta(days=2), SETTINGS)
    assert view.week_min == 50
    assert view.minutes[MONDAY] == 30
    this_week = view.weeks[-1]
    assert this_week.start == MONDAY
    assert (this_week.calls, this_week.conversations, this_week.meetings) == (3, 2, 1)
    assert len(view.weeks) == 12
