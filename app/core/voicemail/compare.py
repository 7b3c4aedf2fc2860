"""Blind comparison of two takes: they play as X and Y in random order, the user picks the
more natural one, then the names are revealed and the verdict is kept with the takes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from app.core.takes import Clock, utc_now

Side = Literal["x", "y"]


@dataclass(frozen=True)
class BlindPair:
    x: int  # take ids
    y: int

    def take_for(self, side: Side) -> int:
        return self.x if side == "x" else self.y


def blind_pair(first: int, second: int, draw: Callable[[], float]) -> BlindPair:
    """The two takes as X and Y, each order equally likely; ``draw`` is in [0, 1)."""
    if first == second:
        raise ValueError("a take cannot be compared with itself")
    return BlindPair(first, second) if draw() < 0.5 else BlindPair(second, first)


@dataclass(frozen=True)
class Verdict:
    id: int
    created_at: datetime
    x_take: int
    y_take: int
    preferred: int

    @property
    def other(self) -> int:
        """The take that was not preferred."""
        return self.y_take if self.preferred == self.x_take else self.x_take


_COLUMNS = "id, created_at, x_take, y_take, preferred"


def _verdict(row: sqlite3.Row | tuple) -> Verdict:
    return Verdict(row[0], datetime.fromisoformat(row[1]), row[2], row[3], row[4])


class Verdicts:
    """The verdicts of blind comparisons, in the same database as the takes."""

    def __init__(self, conn: sqlite3.Connection, clock: Clock = utc_now) -> None:
        self.conn = conn
        self.clock = clock

    def record(self, pair: BlindPair, picked: Side) -> Verdict:
        cursor = self.conn.execute(
            "INSERT INTO verdicts(created_at, x_take, y_take, preferred) VALUES (?, ?, ?, ?)",
            (self.clock().isoformat(), pair.x, pair.y, pair.take_for(picked)),
        )
        return self.get(int(cursor.lastrowid or 0))

    def get(self, verdict_id: int) -> Verdict:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM verdicts WHERE id = ?", (verdict_id,)
        ).fetchone()
        if row is None:
            raise KeyError(verdict_id)
        return _verdict(row)

    def involving(self, take_ids: Iterable[int]) -> list[Verdict]:
        """Verdicts on any of these takes, oldest first."""
        ids = list(take_ids)
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM verdicts WHERE x_take IN ({marks}) OR y_take IN ({marks}) "
            "ORDER BY id",
            (*ids, *ids),
        )
        return [_verdict(row) for row in rows]

    def tally(self, take_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
        """For each take: how many blind comparisons it won, out of how many it was in."""
        ids = list(take_ids)
        counts = {take_id: (0, 0) for take_id in ids}
        for verdict in self.involving(ids):
            for take_id in (verdict.x_take, verdict.y_take):
                if take_id in counts:
                    won, total = counts[take_id]
                    counts[take_id] = (won + (verdict.preferred == take_id), total + 1)
        return counts
