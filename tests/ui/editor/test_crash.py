"""Autosave survives a crash: the app killed 3 s after the last keystroke keeps the text."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from app.core.library import ScriptLibrary
from app.core.store import connect
from tests.conftest import ROOT
from tests.ui.editor.conftest import scripts_page

TYPED = ["== Objection: price ==", "I understand. What would it have to cost?", "-> Goodbye"]


@pytest.mark.slow
def test_text_survives_sigkill_three_seconds_after_the_last_keystroke(
    qtbot: Any, home: Path
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PITCHBACK_HOME": str(home)}
    driver = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.editor.typing_driver", *TYPED],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert driver.stdout is not None
        line = driver.stdout.readline()  # blocks until the driver has typed everything
        assert line.startswith("typed "), driver.communicate(timeout=10)
        last_key = float(line.split()[1])  # the same monotonic clock: this is one machine
        # Waiting for the app to exit doubles as the 3 s wait: it must still be running.
        with pytest.raises(subprocess.TimeoutExpired):
            driver.wait(timeout=max(0.0, last_key + 3.0 - time.monotonic()))
        assert time.monotonic() - last_key >= 3.0
        driver.send_signal(signal.SIGKILL)
        assert driver.wait(timeout=10) == -signal.SIGKILL
    finally:
        if driver.poll() is None:
            driver.kill()
            driver.wait()
        for stream in (driver.stdout, driver.stderr):
            if stream is not None:
                stream.close()

    conn = connect(home / "pitchback.db")
    try:
        (script,) = ScriptLibrary(conn).list_scripts()
        saved = ScriptLibrary(conn).text(script.id)
    finally:
        conn.close()
    assert saved.endswith("\n" + "\n".join(TYPED))

    from app.__main__ import build

    window = build(home)  # the app started again
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.audio_ready, timeout=5000):
        window.show()
    page = scripts_page(window)
    assert page.editor.text() == saved
    assert page.editor.outline.step_names()[-1] == "Objection: price"
    window.close()
