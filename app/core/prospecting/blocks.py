"""The block: a timer counted on a monotonic clock and kept in the store by a heartbeat.

The running block writes the time counted so far every HEARTBEAT_S seconds, so a crash loses
at most that much: on the next start the block is marked 'cut' and counts up to its last
heartbeat, never to infinity. A tick that comes far later than the one before means the
computer slept (or the process was stopped); the block is then cut at the last tick before
the gap, since nobody was prospecting while the lid was closed.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from app.core.prospecting.models import Clock, stamp, utc_now

Monotonic = Callable[[], float]
HEARTBEAT_S = 30.0
SLEEP_GAP_S = 90.0  # no tick for this long: the computer slept

ActivityKind = Literal["voicemail_take", "live_run", "real_call"]
State = Literal["idle", "running", "paused", "done", "cut"]


class BlockStore:
    def __init__(self, conn: sqlite3.Connection, clock: Clock = utc_now) -> None:
        self.conn = conn
        self.clock = clock

    def begin(self, day: date, planned_s: int) -> int:
        cur = self.conn.execute(
            "INSERT INTO blocks(day, started_at, planned_s) VALUES (?, ?, ?)",
            (day.isoformat(), stamp(self.clock()), planned_s),
        )
        return int(cur.lastrowid or 0)

    def heartbeat(self, block_id: int, counted_s: float) -> None:
        self.conn.execute("UPDATE blocks SET counted_s = ? WHERE id = ?", (counted_s, block_id))

    def finish(self, block_id: int, counted_s: float, state: str = "ended") -> None:
        self.conn.execute(
            "UPDATE blocks SET counted_s = ?, state = ? WHERE id = ?", (counted_s, state, block_id)
        )

    def cut_unfinished(self) -> list[int]:
        """Blocks a crash left 'running': they keep the time of their last heartbeat."""
        ids = [row[0] for row in self.conn.execute("SELECT id FROM blocks WHERE state = 'running'")]
        if ids:  # no write at all on a normal start
            self.conn.execute("UPDATE blocks SET state = 'cut' WHERE state = 'running'")
        return ids

    def counted(self, block_id: int) -> tuple[float, str]:
        row = self.conn.execute(
            "SELECT counted_s, state FROM blocks WHERE id = ?", (block_id,)
        ).fetchone()
        if row is None:
            raise KeyError(block_id)
        return float(row[0]), str(row[1])

    def seconds_on(self, day: date) -> float:
        row = self.conn.execute(
            "SELECT COALESCE(SUM(counted_s), 0) FROM blocks WHERE day = ?", (day.isoformat(),)
        ).fetchone()
        return float(row[0])

    def note(self, block_id: int, kind: ActivityKind, ref_id: int | None, seconds: float) -> None:
        """Something done in Pitchback during the block, which counts toward it."""
        self.conn.execute(
            "INSERT INTO block_activity(block_id, kind, ref_id, seconds) VALUES (?, ?, ?, ?)",
            (block_id, kind, ref_id, seconds),
        )

    def activity(self, block_id: int) -> dict[str, int]:
        rows = self.conn.execute(
            "SELECT kind, COUNT(*) FROM block_activity WHERE block_id = ? GROUP BY kind",
            (block_id,),
        )
        return {row[0]: int(row[1]) for row in rows}


@dataclass
class BlockTimer:
    """Today's block as it runs: start, pause, resume, end; ``tick`` as often as you like."""

    store: BlockStore
    monotonic: Monotonic = time.monotonic
    block_id: int | None = None
    planned_s: int = 0
    counted_s: float = 0.0
    state: State = "idle"
    _last: float = 0.0  # the monotonic time counted up to
    _beat: float = 0.0  # the counted time at the last heartbeat

    def start(self, day: date, planned_s: int) -> int:
        self.block_id = self.store.begin(day, planned_s)
        self.planned_s, self.counted_s, self._beat = planned_s, 0.0, 0.0
        self._last = self.monotonic()
        self.state = "running"
        return self.block_id

    @property
    def active(self) -> bool:
        return self.state in ("running", "paused")

    @property
    def remaining_s(self) -> float:
        return max(0.0, self.planned_s - self.counted_s)

    def tick(self) -> State:
        """Count the time since the last tick; returns the state after it."""
        if self.state != "running" or self.block_id is None:
            return self.state
        now = self.monotonic()
        gap = now - self._last
        if gap > SLEEP_GAP_S:
            self._finish("cut")
            return self.state
        self.counted_s += max(0.0, gap)
        self._last = now
        if self.counted_s >= self.planned_s:
            self.counted_s = float(self.planned_s)
            self._finish("done")
        elif self.counted_s - self._beat >= HEARTBEAT_S:
            self._beat = self.counted_s
            self.store.heartbeat(self.block_id, self.counted_s)
        return self.state

    def pause(self) -> None:
        if self.state == "running" and self.block_id is not None:
            self.tick()
            if self.state == "running":
                self.state = "paused"
                self.store.heartbeat(self.block_id, self.counted_s)

    def resume(self) -> None:
        if self.state == "paused":
            self._last = self.monotonic()
            self.state = "running"

    def end(self) -> None:
        if self.state == "running":
            self.tick()
        if self.active:
            self._finish("done")

    def _finish(self, state: State) -> None:
        assert self.block_id is not None
        self.state = state
        self.store.finish(self.block_id, self.counted_s, "cut" if state == "cut" else "ended")
