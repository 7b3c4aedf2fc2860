"""The week view's figures with five years of blocks and 20,000 calls: right, and read
through indexes (scripts/bench_week.py times them)."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from app.core.prospecting import BlockSettings
from app.core.prospecting.habit import week_start
from app.core.prospecting.history import fill_history
from app.core.prospecting.models import CONVERSATIONS
from app.core.prospecting.week import habit_view

TODAY = date(2026, 3, 4)


def test_figures_are_right_and_come_from_indexes(conn: sqlite3.Connection) -> None:
    fill_history(conn, TODAY)
    view = habit_view(conn, TODAY, BlockSettings())
    this_week = week_start(TODAY).isoformat()
    calls = conn.execute("SELECT outcome FROM real_calls WHERE day >= ?", (this_week,)).fetchall()
    assert view.weeks[-1].calls == len(calls) > 0
    assert view.weeks[-1].conversations == sum(row[0] in CONVERSATIONS for row in calls)
    assert view.weeks[-1].meetings == sum(row[0] == "meeting" for row in calls)
    assert (
        sum(w.calls for w in view.weeks)
        == conn.execute(
            "SELECT COUNT(*) FROM real_calls WHERE day >= ?", (view.first_day.isoformat(),)
        ).fetchone()[0]
    )
    assert 0.6 < view.strength < 0.9  # half of the blocks are 15 minutes of 30
    assert set(view.minutes) <= {view.first_day + timedelta(days=n) for n in range(84)}
    for sql, params in (
        ("SELECT day, SUM(counted_s) FROM blocks GROUP BY day", ()),
        ("SELECT COUNT(*) FROM real_calls WHERE day >= ? GROUP BY day", ("2026-01-01",)),
    ):
        plan = " ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
        assert "COVERING INDEX" in plan, plan
