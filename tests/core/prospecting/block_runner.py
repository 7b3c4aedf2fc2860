"""A block running in its own process, to be killed: ``python block_runner.py DB``.

Its monotonic clock runs sixty times fast (a real second is a block minute), so heartbeats
come every half second; after each one it prints the time it wrote.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from app.core.prospecting import HEARTBEAT_S, BlockStore, BlockTimer
from app.core.store import connect


def main() -> None:
    conn = connect(Path(sys.argv[1]))
    timer = BlockTimer(BlockStore(conn), monotonic=lambda: time.monotonic() * 60)
    timer.start(date(2026, 3, 2), 30 * 60)
    beats = 0.0
    while True:
        timer.tick()
        if timer.counted_s - beats >= HEARTBEAT_S:
            beats = timer._beat
            print(f"beat {beats!r}", flush=True)
        time.sleep(0.01)


if __name__ == "__main__":
    main()
