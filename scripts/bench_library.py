"""The library and the editor at scale, each against a reference measured in the same run.

1. Start-up: the app started and its Scripts page shown, with 1,000 scripts of 20 revisions
   each, against the same with an empty library (which holds only the starter the first start
   makes). Each sample is a fresh process, from its first line to the page exposed and
   painted; the two kinds alternate so drift hits both alike. Goal: at most 1.3 times.
2. A keystroke in a 200-step script: the text parsed and the branch map laid out and painted
   (the part in view), on the GUI thread; and, for the whole picture, all a keystroke costs
   until the page is painted. Against the starter script (11 steps) and one frame (16 ms).
   Goal: under one frame. Three kinds of keystroke: in spoken text (the map stays as it was),
   in a step's name (boxes move, arrows lose their target), in an answer's target (an arrow
   changes). The app itself waits for a pause in typing (120 ms) before it parses; here every
   keystroke is parsed, the worst case.

    .venv/bin/python scripts/bench_library.py [--runs 7] [--keys 60]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
FRAME_MS = 16.0


CHILD = r"""
import time
t0 = time.perf_counter()
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
app = QApplication([])
from app.__main__ import build
from app.ui.library.page import ScriptsPage
win = build(Path(sys.argv[1]))
page = win.show_page(ScriptsPage)  # as a click on its tab: built on first view
win.show()
QTest.qWaitForWindowExposed(win)
win.repaint()
shown = time.perf_counter() - t0
print(shown, page.panel.model.rowCount())
"""


# -- start-up ------------------------------------------------------------------------------


def start_once(home: Path) -> tuple[float, int]:
    env = {**os.environ, "PITCHBACK_HOME": str(home)}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(home)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    shown, listed = out.stdout.strip().splitlines()[-1].split()
    return float(shown), int(listed)


def bench_startup(runs: int) -> None:
    from app.core.library.sample import populate
    from app.core.store import connect

    with tempfile.TemporaryDirectory() as tmp:
        empty, full = Path(tmp, "empty"), Path(tmp, "full")
        conn = connect(full / "pitchback.db")
        populate(conn, scripts=1000, revisions=20)
        conn.close()
        start_once(empty)  # the first start makes the starter; later ones are alike
        start_once(full)  # and both warm the disk cache
        empty_times, full_times = [], []
        listed = {}
        for _ in range(runs):
            shown, listed["empty"] = start_once(empty)
            empty_times.append(shown)
            shown, listed["full"] = start_once(full)
            full_times.append(shown)
    reference, measured = statistics.median(empty_times), statistics.median(full_times)
    print("Start-up, app started until the Scripts page is shown (median of", runs, "runs):")
    empty = f"empty library ({listed['empty']} script listed)"
    full = f"1,000 scripts x 20 revisions ({listed['full']} listed)"
    print(f"  {empty:48} {reference * 1000:7.0f} ms")
    print(f"  {full:48} {measured * 1000:7.0f} ms")
    print(f"  ratio: {measured / reference:.2f} (goal <= 1.30)")


# -- keystrokes ----------------------------------------------------------------------------


def big_script(steps: int) -> str:
    """A script of ``steps`` steps: two or three answers each, some leading back."""
    lines = ["Title: Long script", "Language: en", "", "== Voicemail ==", "Hi {first_name}."]
    for n in range(1, steps + 1):
        ending = n > steps - 5
        lines += ["", f"== Step {n} ==" + (" (end)" if ending else "")]
        lines += [
            f"Line one of step {n}, with {{first_name}} and a (pause) in it.",
            "// a note for the editor",
            "Is that something you see in your team too, or is it not an issue for you?",
        ]
        if ending:
            continue
        for target in (n + 1, n + 2):
            if target <= steps:
                lines.append(f"> Answer {target} of {n} -> Step {target}")
        if n % 5 == 0:
            lines.append(f"> Back again -> Step {max(1, n // 2)}")
    return "\n".join(lines) + "\n"


def place_cursor(editor: object, line: int, at_end: bool = True) -> None:
    from PySide6.QtGui import QTextCursor

    edit = editor.edit  # type: ignore[attr-defined]
    block = edit.document().findBlockByNumber(line - 1)
    cursor = QTextCursor(block)
    if at_end:
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    edit.setTextCursor(cursor)


def time_keys(editor: object, keys: int, flip: bool) -> dict[str, list[float]]:
    """Milliseconds per keystroke; ``flip`` types and deletes in turn.

    "map": after the key is typed (and painted), the text parsed, the map brought up to date
    and the part of it in view painted. "frame", timed over as many keys again: everything a
    keystroke costs until the page is painted (the key and its highlighting, the outline,
    problems, meter and map, and whatever Qt repaints).
    """
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.core.script import parse

    edit = editor.edit  # type: ignore[attr-defined]
    branch_map = editor.map  # type: ignore[attr-defined]

    def key(n: int) -> None:
        QTest.keyClick(edit, Qt.Key.Key_Backspace if flip and n % 2 else Qt.Key.Key_X)

    parts: dict[str, list[float]] = {"map": [], "frame": [], "parse": []}
    for n in range(keys):
        key(n)
        QApplication.processEvents()  # or repaint() below would paint the editor too
        t0 = time.perf_counter()
        script = parse(edit.toPlainText())
        t1 = time.perf_counter()
        branch_map.show_script(script)
        branch_map.viewport().repaint()
        t2 = time.perf_counter()
        editor.refresh()  # type: ignore[attr-defined]
        QApplication.processEvents()
        parts["parse"].append((t1 - t0) * 1000)
        parts["map"].append((t2 - t0) * 1000)
    for n in range(keys):
        t0 = time.perf_counter()
        key(n)
        editor.refresh()  # type: ignore[attr-defined]
        QApplication.processEvents()  # paints what changed
        parts["frame"].append((time.perf_counter() - t0) * 1000)
    return parts


def _spread(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))], ordered[-1]


def bench_keystrokes(keys: int) -> None:
    from PySide6.QtWidgets import QApplication

    from app.core.paths import RESOURCES
    from app.ui.editor.script_editor import ScriptEditor

    app = QApplication.instance() or QApplication([])
    starter = (RESOURCES / "starters" / "en" / "cold-call-starter.pitch").read_text("utf-8")
    texts = {"starter (11 steps)": starter, "200 steps": big_script(200)}
    print(f"\nPer keystroke ({keys} keys, ms; p95 = 95th percentile):")
    print("  map   = parse the text, update the map, paint the map in view")
    print("  frame = all a keystroke costs until the page is painted (Qt paints what changed)")
    print(f"  {'script, where typed':40} {'map: median':>11} {'p95':>6} {'max':>6}", end="")
    print(f" {'parse':>6}  {'frame: median':>13} {'p95':>6}")
    reference: dict[str, float] = {}
    for name, text in texts.items():
        editor = ScriptEditor()
        editor.resize(1300, 800)
        editor.side.setCurrentWidget(editor.map)
        editor.show()
        editor.load(text)
        app.processEvents()
        script = editor.script
        middle = script.steps[len(script.steps) // 2]
        spoken = next(item.line for item in middle.body if getattr(item, "kind", "") == "spoken")
        branch = middle.branches[0].line
        kinds = {
            "in spoken text": (spoken, False),
            "in a step's name": (middle.line, True),
            "in an answer's target": (branch, True),
        }
        for kind, (line, flip) in kinds.items():
            editor.load(text)
            editor.edit.setFocus()
            place_cursor(editor, line)
            if kind == "in a step's name":
                # Just before " ==", so the name itself changes.
                cursor = editor.edit.textCursor()
                cursor.movePosition(cursor.MoveOperation.StartOfBlock)
                cursor.movePosition(cursor.MoveOperation.Right, n=len(f"== {middle.name}"))
                editor.edit.setTextCursor(cursor)
            gc.collect()
            parts = time_keys(editor, keys, flip)
            median, p95, most = _spread(parts["map"])
            frame, frame95, _most = _spread(parts["frame"])
            label = f"{name}, {kind}"
            print(
                f"  {label:40} {median:11.2f} {p95:6.2f} {most:6.2f}"
                f" {statistics.median(parts['parse']):6.2f}  {frame:13.2f} {frame95:6.2f}"
            )
            if name.startswith("starter"):
                reference[kind] = median
            else:
                print(
                    f"  {'':40} map: {median / reference[kind]:.1f}x the starter, "
                    f"{median / FRAME_MS:.0%} of a {FRAME_MS:.0f} ms frame "
                    f"({p95 / FRAME_MS:.0%} at p95); whole frame {frame / FRAME_MS:.0%}"
                )
        editor.close()
        editor.deleteLater()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keys", type=int, default=60)
    parser.add_argument("--skip-startup", action="store_true")
    args = parser.parse_args()
    if not args.skip_startup:
        bench_startup(args.runs)
    bench_keystrokes(args.keys)
    return 0


if __name__ == "__main__":
    sys.exit(main())
