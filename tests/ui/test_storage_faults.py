"""Storage faults seen from the window (issue 10): a read-only data folder (#3), a damaged
database's takes listed again (#4), a second start on the same data folder (#9)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from app.core.library import ScriptLibrary
from app.core.library.starters import ensure_a_script
from app.core.paths import database_path, takes_dir
from app.core.store import connect
from app.core.takes import TakeStore
from tests.small_disk import make_read_only, small_disk


def started(qtbot: Any, home: Path) -> Any:
    from app.__main__ import build

    window = build(home)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.audio_ready, timeout=10000):
        window.show()
    return window


def test_read_only_storage_starts_with_a_banner_and_saving_says_why(
    qtbot: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.library.page import ScriptsPage
    from app.ui.practice import PracticePage
    from app.ui.voicemail import VoicemailPage

    with small_disk(home):
        store = TakeStore(connect(database_path(home)), home)
        store.finish(store.begin(48000).id, 2.0)
        ensure_a_script(ScriptLibrary(store.conn), "en")
        store.conn.close()
        make_read_only(home)
        window = started(qtbot, home)
        assert window.banner.isVisible() and "read-only" in window.banner.text()
        page = window.takes_page
        assert page.model.rowCount() == 1  # what was there is shown

        window.tabs.setCurrentWidget(page)  # the app opens on Today
        qtbot.keyClick(window, Qt.Key.Key_R)
        assert not page.recording
        assert "Pitchback cannot save" in window.notice.text()
        assert page.panel.record_button.text() == "Record"

        scripts = window.show_page(ScriptsPage)
        window.notice.clear()
        monkeypatch.setattr(
            QInputDialog, "getItem", lambda *_a, **_k: ("From the English starter", True)
        )
        scripts.new_script()
        assert "Pitchback cannot save" in window.notice.text()

        voicemail = window.show_page(VoicemailPage)
        window.notice.clear()
        qtbot.keyClick(window, Qt.Key.Key_R)
        assert voicemail.session.state == "idle"
        assert "Pitchback cannot save" in window.notice.text()

        live_call = window.show_page(PracticePage)
        window.notice.clear()
        assert not live_call.start_call()
        assert not live_call.running
        assert "Pitchback cannot save" in window.notice.text()
        window.close()


def write_take(folder: Path, name: str, seconds: float) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    tone = 0.3 * np.sin(np.arange(round(seconds * 48000)) * 2 * np.pi * 440 / 48000)
    sf.write(folder / name, tone.astype(np.float32), 48000, format="FLAC", subtype="PCM_16")


def test_takes_are_listed_again_after_a_damaged_database_is_set_aside(
    qtbot: Any, home: Path
) -> None:
    write_take(takes_dir(home), "20261201-090000-000000.flac", 1.0)
    write_take(takes_dir(home), "20261202-090000-000000.flac", 2.0)
    database_path(home).write_bytes(b"this is not SQLite at all" * 100)
    window = started(qtbot, home)
    page = window.takes_page
    assert page.model.rowCount() == 2
    durations = sorted(page.model.take_at(row).duration_s for row in range(2))
    assert durations == pytest.approx([1.0, 2.0])
    assert all(page.model.take_at(row).recovered for row in range(2))
    assert "damaged" in window.banner.text()
    assert "2 recordings in the takes folder are listed again" in window.banner.text()
    assert list(home.glob("pitchback.db.damaged-*"))  # kept for rescue, never deleted
    window.close()


FIRST = """
import sys
from PySide6.QtWidgets import QApplication
from app.core.instance import claim
from pathlib import Path
instance = claim(Path(sys.argv[1]))  # holds the folder, but answers nobody
print("first" if instance.first else "second", flush=True)
sys.stdin.read()
"""


def test_a_second_start_brings_the_first_window_forward(qtbot: Any, home: Path) -> None:
    from app.ui.single_instance import InstanceServer

    first = started(qtbot, home)
    server = first.findChild(InstanceServer)
    assert server is not None and server.listening
    env = {**os.environ, "PITCHBACK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    with qtbot.waitSignal(server.asked_forward, timeout=10000):
        second = subprocess.Popen(
            [sys.executable, "-m", "app"], env=env, stdout=subprocess.PIPE, text=True
        )
    out, _err = second.communicate(timeout=20)
    assert second.returncode == 0
    assert "already open" in out
    first.close()


def test_a_second_instance_that_cannot_reach_the_first_opens_read_only(
    qtbot: Any, home: Path
) -> None:
    from app.ui.library.page import ScriptsPage

    conn = connect(database_path(home))
    ensure_a_script(ScriptLibrary(conn), "en")
    conn.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", FIRST, str(home)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "first"
        window = started(qtbot, home)
        assert window.banner.isVisible()
        assert "already open on this data" in window.banner.text()
        assert str(holder.pid) in window.banner.text()
        scripts = window.show_page(ScriptsPage)
        script_id = scripts.current_script_id()
        assert script_id is not None
        # The two windows no longer both write the script: this one's writes are refused.
        with pytest.raises(sqlite3.OperationalError):
            window.library.save_text(script_id, "== Opener ==\nOverwritten\n")
        window.close()
    finally:
        holder.communicate("")
