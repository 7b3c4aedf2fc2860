"""Years of prospecting written straight into the store, for the week view's benchmark and
its test: a block every workday, and calls spread over the same days."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta

from app.core.prospecting.models import OUTCOMES
from app.core.store import transaction


def fill_history(
    conn: sqlite3.Connection, today: date, years: int = 5, calls: int = 20_000, seed: int = 1
) -> None:
    rng = random.Random(seed)
    first = today - timedelta(days=365 * years)
    days = [first + timedelta(days=n) for n in range((today - first).days)]
    workdays = [d for d in days if d.weekday() < 5]
    with transaction(conn):
        conn.executemany(
            "INSERT INTO blocks(day, started_at, planned_s, counted_s, state) "
            "VALUES (?, ?, 1800, ?, 'ended')",
            (
                (d.isoformat(), f"{d.isoformat()}T08:00:00.000000Z", rng.choice((900, 1800)))
                for d in workdays
            ),
        )
        conn.executemany(
            "INSERT INTO real_calls(day, at, outcome) VALUES (?, ?, ?)",
            (
                (d.isoformat(), f"{d.isoformat()}T08:10:00.000000Z", rng.choice(OUTCOMES))
                for d in (rng.choice(workdays) for _ in range(calls))
            ),
        )
