"""A disk that fills up during a recording loses nothing (issue 10, #1), end to end on a
small real disk: the page says so and stops, and the take is listed after the next start
even while the disk is still full."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.audio.files import read_audio
from app.core.paths import takes_dir
from tests.audio import rig
from tests.small_disk import fill, small_disk
from tests.ui.conftest import choose_device
from tests.ui.test_storage_faults import started

pytestmark = pytest.mark.audio


def test_full_disk_keeps_the_take(qtbot: Any, home: Path, sd: Any) -> None:
    noise = np.random.default_rng(3).uniform(-0.5, 0.5, rig.RATE * 30).astype(np.float32)
    with small_disk(home, "3m"):
        window = started(qtbot, home)
        page = window.takes_page
        window.tabs.setCurrentWidget(page)  # the app opens on Today
        choose_device(page.panel.input_box, "rig_mic")
        fill(home, leave=400_000)  # room for about four seconds of this noise
        with rig.feeding(sd, noise):
            qtbot.keyClick(window, Qt.Key.Key_R)
            assert page.recording
            qtbot.waitUntil(lambda: not page.recording, timeout=20000)
        assert "disk is full" in window.notice.text() and "kept" in window.notice.text()
        assert page.panel.record_button.text() == "Record"
        assert window.record_action.text() == "Record"
        (file,) = takes_dir(home).glob("*.flac")
        data, rate = read_audio(file)
        recorded = len(data) / rate
        assert recorded >= 2.0
        window.close()
        page.store.conn.close()  # as when the app exits

        fill(home)  # the disk is still full at the next start
        window = started(qtbot, home)
        page = window.takes_page
        assert page.model.rowCount() == 1
        take = page.model.take_at(0)
        assert take.duration_s == pytest.approx(recorded, abs=0.3)
        assert file.exists() and len(read_audio(file)[0]) == len(data)
        if take.unfinished:  # the database could not finish it: the next start says so
            assert "could not be repaired" in window.notice.text()
            assert "kept and listed" in window.notice.text()
        window.close()
        page.store.conn.close()
