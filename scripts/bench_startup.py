"""Time to a shown main window: Pitchback against a bare PySide6 window, in the same run.

Each sample is a fresh process (cold Python, warm disk cache), timed from the first line of
the child to the window being exposed and painted; the two kinds alternate so drift hits both
alike. Pitchback lists audio devices and recovers interrupted takes just after its window is
shown; the time until that is done is printed too.

    .venv/bin/python scripts/bench_startup.py [--runs 7] [--scripts N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import time
t0 = time.perf_counter()
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtTest import QTest
app = QApplication([])
if sys.argv[1] == "bare":
    win = QMainWindow()
    win.resize(900, 640)
else:
    from pathlib import Path
    from app.__main__ import build
    win = build(Path(sys.argv[2]))
    ready_at = []
    win.audio_ready.connect(lambda: ready_at.append(time.perf_counter() - t0))
win.show()
QTest.qWaitForWindowExposed(win)
win.repaint()
shown = time.perf_counter() - t0
ready = shown
if sys.argv[1] == "app":
    from PySide6.QtCore import QEventLoop
    loop = QEventLoop()
    win.audio_ready.connect(loop.quit)
    if not ready_at:
        loop.exec()
    ready = ready_at[0]
print(shown, ready)
"""


def sample(kind: str, home: Path) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(home)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    shown, ready = out.stdout.strip().splitlines()[-1].split()
    return float(shown), float(ready)


def measure(home: Path, runs: int) -> tuple[float, float, float]:
    bare, app, ready = [], [], []
    sample("bare", home)  # warm the disk cache for both
    sample("app", home)
    for _ in range(runs):
        bare.append(sample("bare", home)[0])
        shown, audio = sample("app", home)
        app.append(shown)
        ready.append(audio)
    return statistics.median(bare), statistics.median(app), statistics.median(ready)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        bare, app, ready = measure(home, args.runs)
    print(f"bare PySide6 window shown: {bare * 1000:.0f} ms (median of {args.runs})")
    print(f"Pitchback window shown:    {app * 1000:.0f} ms")
    print(f"ratio: {app / bare:.2f} (goal <= 1.5)")
    print(f"Pitchback audio ready (devices listed, takes recovered): {ready * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
