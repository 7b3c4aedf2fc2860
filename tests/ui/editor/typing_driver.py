"""Run the real app, type into the script editor, print when the last key went in, and wait.

Used by test_crash.py, which kills this process with SIGKILL. Run as a script:

    python -m tests.ui.editor.typing_driver LINE...

with PITCHBACK_HOME and QT_QPA_PLATFORM set. Prints "typed <monotonic seconds>" once the
last key has been typed, then runs the event loop until it is killed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def main(lines: list[str]) -> int:
    app = QApplication(sys.argv[:1])
    from app.__main__ import build
    from tests.ui.editor.conftest import scripts_page

    window = build(Path(os.environ["PITCHBACK_HOME"]))
    window.show()
    QTest.qWaitForWindowExposed(window)
    page = scripts_page(window)
    edit = page.editor.edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    for line in lines:
        QTest.keyClick(edit, Qt.Key.Key_Return)
        QTest.keyClicks(edit, line)
    print("typed", time.monotonic(), flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
