"""Getting at the Voicemail tab of the real window, and putting scripts and takes in it."""

from __future__ import annotations

from typing import Any

import numpy as np
import soundfile as sf
from PySide6.QtCore import QMetaMethod, Qt
from PySide6.QtWidgets import QWidget

from app.core.paths import RESOURCES
from app.core.takes import Take
from app.ui.voicemail import VoicemailPage

STARTERS = {
    "en": RESOURCES / "starters" / "en" / "cold-call-starter.pitch",
    "nl": RESOURCES / "starters" / "nl" / "koude-acquisitie-starter.pitch",
}


def voicemail_page(window: Any) -> VoicemailPage:
    page = window.show_page(VoicemailPage)
    assert isinstance(page, VoicemailPage)
    return page


def show_tab(window: Any, page: QWidget) -> None:
    """Bring the tab to the front as a click on it would (the page rereads the library)."""
    window.show_page(type(page))


def leave_and_return(window: Any, page: QWidget) -> None:
    window.tabs.setCurrentIndex(0)
    window.show_page(type(page))


def open_starter(window: Any, language: str = "en") -> tuple[VoicemailPage, int]:
    """A new script from a bundled starter, chosen in the Voicemail tab's script picker."""
    info = window.library.create_from_starter(STARTERS[language], language)
    page = voicemail_page(window)
    show_tab(window, page)
    page.reload_scripts()
    box = page.script_box
    index = box.findData(info.id)
    assert index >= 0
    box.setCurrentIndex(index)
    box.activated.emit(index)
    assert page.script_id == info.id
    alone(page)
    return page, info.id


def alone(page: VoicemailPage) -> None:
    """Nobody else hears of finished takes: the Feedback tab would analyse each one (seconds of
    CPU on a worker thread that outlives the test); these tests are about this tab alone."""
    if page.isSignalConnected(QMetaMethod.fromSignal(page.take_finished)):
        page.take_finished.disconnect()


def add_take(page: VoicemailPage, script_id: int, signal: np.ndarray, rate: int = 48000) -> Take:
    """A finished voicemail take holding ``signal``, as if recorded now."""
    store = page.store
    take = store.begin(rate)
    sf.write(store.path_of(take), signal, rate, format="FLAC", subtype="PCM_16")
    revision = page.library.history.revision_for_practice(script_id)
    store.link(take.id, script_id, revision.id, "voicemail")
    return store.finish(take.id, len(signal) / rate)


def tone(hz: float, seconds: float, rate: int = 48000) -> np.ndarray:
    return (0.3 * np.sin(2 * np.pi * hz * np.arange(int(seconds * rate)) / rate)).astype(np.float32)


def key(qtbot: Any, window: Any, name: str) -> None:
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{name}"))
