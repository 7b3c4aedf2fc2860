"""Time to a shown main window: Pitchback against a bare PySide6 window, in the same run.

Each sample is a fresh process (cold Python, warm disk cache, the package byte-compiled as an
installed one is), timed from the first line of the child to the window being exposed and
painted; the kinds alternate so drift hits all alike. A third window is built by hand from
the widgets the Recorder page is made of (menus, toolbar, tabs, a table, pickers, a slider)
with no Pitchback code: what PySide6 itself costs for such a window, the floor under the
ratio. Pitchback lists audio devices and recovers interrupted takes just after its window is
shown; the time until that is done is printed too.

    .venv/bin/python scripts/bench_startup.py [--runs 7]
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
if sys.argv[1] == "bare":
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([])
    win = QMainWindow()
    win.resize(900, 640)
    win.show()
elif sys.argv[1] == "widgets":
    from PySide6.QtCore import QAbstractTableModel, Qt
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import (
        QApplication, QComboBox, QHBoxLayout, QLabel, QMainWindow, QProgressBar, QPushButton,
        QSlider, QTableView, QTabWidget, QToolBar, QVBoxLayout, QWidget,
    )

    class Takes(QAbstractTableModel):
        def rowCount(self, parent=None):
            return 0

        def columnCount(self, parent=None):
            return 3

        def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
                return ("Date", "Duration", "Name")[section]
            return None

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return None

    app = QApplication([])
    win = QMainWindow()
    win.resize(900, 640)
    tabs = QTabWidget()
    win.setCentralWidget(tabs)
    page = QWidget()
    column = QVBoxLayout(page)
    row = QHBoxLayout()
    column.addLayout(row)
    for widget in (QComboBox(), QComboBox(), QPushButton("Record"), QProgressBar(), QLabel("0:00")):
        row.addWidget(widget)
    table = QTableView()
    table.setModel(Takes(table))
    column.addWidget(table)
    column.addWidget(QSlider(Qt.Orientation.Horizontal))
    tabs.addTab(page, "Recorder")
    for title in ("Scripts", "Voicemail", "Feedback", "Live call"):
        tabs.addTab(QWidget(), title)
    for title in ("&File", "&Edit", "&Take", "&Help"):
        menu = win.menuBar().addMenu(title)
        for key in ("R", "Space", "F2"):
            action = QAction(key, win)
            action.setShortcut(QKeySequence(key))
            menu.addAction(action)
    toolbar = QToolBar("Main")
    toolbar.addAction(QAction("Record", win))
    win.addToolBar(toolbar)
    win.statusBar().addWidget(QLabel())
    win.show()
else:  # exactly what the pitchback command does before its event loop
    from app.__main__ import open_window
    app, win = open_window([])
    ready_at = []
    win.audio_ready.connect(lambda: ready_at.append(time.perf_counter() - t0))
from PySide6.QtTest import QTest
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
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "PITCHBACK_HOME": str(home),
    }
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    shown, ready = out.stdout.strip().splitlines()[-1].split()
    return float(shown), float(ready)


def measure(home: Path, runs: int) -> dict[str, float]:
    kinds = ("bare", "widgets", "app")
    shown: dict[str, list[float]] = {kind: [] for kind in kinds}
    ready = []
    for kind in kinds:  # warm the disk cache for all
        sample(kind, home)
    for _ in range(runs):
        for kind in kinds:
            at, audio = sample(kind, home)
            shown[kind].append(at)
            if kind == "app":
                ready.append(audio)
    medians = {kind: statistics.median(times) for kind, times in shown.items()}
    return {**medians, "ready": statistics.median(ready)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "app")], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        got = measure(Path(tmp), args.runs)
    bare = got["bare"]
    print(f"bare PySide6 window shown:            {bare * 1000:4.0f} ms (median of {args.runs})")
    print(
        f"same kinds of widgets, no app code:   {got['widgets'] * 1000:4.0f} ms "
        f"(ratio {got['widgets'] / bare:.2f}: PySide6's own floor for such a window)"
    )
    print(f"Pitchback window shown:               {got['app'] * 1000:4.0f} ms")
    print(f"ratio: {got['app'] / bare:.2f} (goal <= 1.5)")
    print(f"Pitchback against the hand-built window: {got['app'] / got['widgets']:.2f}")
    print(f"Pitchback audio ready (devices listed, takes recovered): {got['ready'] * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
