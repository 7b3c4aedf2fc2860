"""'Export for a coach…' from the Voicemail take list and the live-call review: one page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.ui.practice import PracticePage
from tests.ui.voicemail.helpers import add_take, open_starter, tone


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(path), ""))


def test_export_a_take_and_a_run(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    page, script_id = open_starter(window)
    take = add_take(page, script_id, tone(220, 1.5))
    page.takes.reload(select=take.id)
    assert page.takes.export_button.isEnabled()
    save_to(monkeypatch, tmp_path / "take.html")
    with qtbot.waitSignal(page.takes.message) as said:
        qtbot.mouseClick(page.takes.export_button, Qt.MouseButton.LeftButton)
    assert "take.html" in said.args[0]
    text = (tmp_path / "take.html").read_text("utf-8")
    assert "data:audio/flac;base64," in text and "chasing late deliveries" in text

    live = window.show_page(PracticePage)
    store = live.store
    revision = window.library.history.revision_for_practice(script_id)
    run = store.begin_run(16000, script_id, revision.id, "none", "weighted")
    sf.write(store.path_of(run), np.zeros(16000, np.float32), 16000, format="FLAC")
    store.finish_run(run.id, 16000, "hung_up")
    live.review.show_script(script_id, select=run.id)
    assert live.review.export_button.isEnabled()
    save_to(monkeypatch, tmp_path / "run.html")
    with qtbot.waitSignal(live.review.message):
        qtbot.mouseClick(live.review.export_button, Qt.MouseButton.LeftButton)
    assert "Live call of" in (tmp_path / "run.html").read_text("utf-8")
