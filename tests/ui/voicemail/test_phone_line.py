"""Through the audio rig: the phone-line switch takes at least 30 dB off above 4 kHz."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from tests.audio import rig
from tests.ui.voicemail.helpers import add_take, open_starter

pytestmark = pytest.mark.audio


def band_energy(signal: np.ndarray, low: float, high: float) -> float:
    spectrum = np.abs(np.fft.rfft(signal.astype(np.float64))) ** 2
    freqs = np.fft.rfftfreq(len(signal), 1 / rig.RATE)
    return float(spectrum[(freqs >= low) & (freqs < high)].sum())


def play_and_capture(qtbot: Any, window: Any, page: Any, sd: Any) -> np.ndarray:
    with rig.tapping(sd) as tap:
        qtbot.keyClick(window, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: page.playback.state() == "playing", timeout=2000)
        qtbot.waitUntil(lambda: page.playback.state() == "stopped", timeout=6000)
        heard = len(tap.audio())
        qtbot.waitUntil(lambda: len(tap.audio()) > heard + rig.RATE // 4, timeout=2000)
    return tap.audio()


def test_the_phone_line_takes_30_db_off_above_4_khz(qtbot: Any, window: Any, sd: Any) -> None:
    page, script_id = open_starter(window)
    noise = np.clip(0.25 * np.random.default_rng(7).standard_normal(2 * rig.RATE), -0.95, 0.95)
    take = add_take(page, script_id, noise.astype(np.float32))
    page.takes.reload()
    page.takes.select([take.id])
    assert page.playback.take_id == take.id

    assert not page.phone_box.isChecked()
    plain = play_and_capture(qtbot, window, page, sd)
    box = page.phone_box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert box.isChecked() and page.playback.phone_line
    phone = play_and_capture(qtbot, window, page, sd)

    drop = 10 * np.log10(band_energy(plain, 4000, 24000) / band_energy(phone, 4000, 24000))
    kept = 10 * np.log10(band_energy(plain, 500, 3000) / band_energy(phone, 500, 3000))
    print(f"\nphone line: {drop:.1f} dB less above 4 kHz; {kept:+.2f} dB in 500-3000 Hz")
    assert band_energy(plain, 4000, 24000) > 0.5 * band_energy(noise, 4000, 24000)  # it played
    assert drop >= 30
    assert abs(kept) < 0.5  # the voice band itself is untouched
