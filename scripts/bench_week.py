"""The week view with five years of daily blocks and 20,000 logged calls, against the same
view on an empty database, in the same run: reading the figures (SQL) and drawing them.

    .venv/bin/python scripts/bench_week.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.core.prospecting.history import fill_history  # noqa: E402
from app.core.prospecting.settings import BlockSettings  # noqa: E402
from app.core.prospecting.week import habit_view  # noqa: E402
from app.core.store import connect  # noqa: E402
from app.ui.today.week_view import WeekView  # noqa: E402

TODAY = date(2026, 3, 4)


def draw_once(conn: object, view: WeekView) -> float:
    start = time.perf_counter()
    view.set_view(habit_view(conn, TODAY, BlockSettings()))  # type: ignore[arg-type]
    view.grab()  # paints the whole widget into a pixmap
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        empty = connect(Path(folder) / "empty.db")
        full = connect(Path(folder) / "full.db")
        fill_history(full, TODAY)
        view = WeekView()
        view.resize(640, 420)
        times: dict[str, list[float]] = {"empty": [], "full": []}
        for conn in (empty, full):  # warm up
            draw_once(conn, view)
        for _ in range(runs):
            for name, conn in (("empty", empty), ("full", full)):
                times[name].append(draw_once(conn, view))
        empty_ms = statistics.median(times["empty"]) * 1000
        full_ms = statistics.median(times["full"]) * 1000
        print(f"empty database:                       {empty_ms:6.1f} ms (median of {runs})")
        print(f"5 years of blocks, 20,000 calls:      {full_ms:6.1f} ms (goal < 100 ms)")
        print(f"ratio: {full_ms / empty_ms:.2f}")
        empty.close()
        full.close()
    del app


if __name__ == "__main__":
    main()
