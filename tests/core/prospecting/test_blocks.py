"""Block time: a monotonic clock, a heartbeat, and what is left after a crash or a sleep."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from app.core.prospecting import HEARTBEAT_S, BlockStore, BlockTimer
from app.core.prospecting.blocks import SLEEP_GAP_S
from app.core.store import connect

ROOT = Path(__file__).resolve().parents[3]
DAY = date(2026, 3, 2)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_counts_pauses_and_ends(conn: sqlite3.Connection) -> None:
    clock, store = Clock(), BlockStore(conn)
    timer = BlockTimer(store, clock)
    block = timer.start(DAY, 30 * 60)
    for _ in range(7):
        clock.now += 20
        timer.tick()
    assert timer.counted_s == 140
    assert store.counted(block) == (120.0, "running")  # the last heartbeat
    timer.pause()
    clock.now += 500  # a coffee while paused does not count
    timer.resume()
    clock.now += 10
    timer.end()
    assert store.counted(block) == (150.0, "ended")
    assert store.seconds_on(DAY) == 150.0


def test_the_block_stops_at_its_length(conn: sqlite3.Connection) -> None:
    clock, store = Clock(), BlockStore(conn)
    timer = BlockTimer(store, clock)
    block = timer.start(DAY, 60)
    for _ in range(4):
        clock.now += 20
        timer.tick()
    assert timer.state == "done"
    assert store.counted(block) == (60.0, "ended")


def test_a_sleep_cuts_the_block_at_its_last_tick(conn: sqlite3.Connection) -> None:
    clock, store = Clock(), BlockStore(conn)
    timer = BlockTimer(store, clock)
    block = timer.start(DAY, 30 * 60)
    clock.now += 25
    timer.tick()
    clock.now += SLEEP_GAP_S + 3600  # the lid closed for an hour
    assert timer.tick() == "cut"
    assert store.counted(block) == (25.0, "cut")


def test_a_block_killed_counts_to_its_last_heartbeat(tmp_path: Path) -> None:
    path = tmp_path / "pitchback.db"
    connect(path).close()
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("block_runner.py")), str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    try:
        assert child.stdout is not None
        beats = [float(child.stdout.readline().split()[1]) for _ in range(3)]
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert beats[-1] >= 3 * HEARTBEAT_S
    conn = connect(path)  # the next start
    store = BlockStore(conn)
    (block,) = store.cut_unfinished()
    counted, state = store.counted(block)
    assert state == "cut"
    # The last heartbeat written; the child may have written one more before it died.
    assert beats[-1] <= counted <= beats[-1] + HEARTBEAT_S + 1
    assert store.cut_unfinished() == []
    conn.close()
