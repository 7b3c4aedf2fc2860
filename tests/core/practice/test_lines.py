"""A recorded line is cut to the voice, so the freeze counts from where the voice stops."""

from __future__ import annotations

import numpy as np

from app.core.practice.downsample import Downsampler
from app.core.practice.lines import trimmed, voiced_span

RATE = 48000


def test_silence_around_a_recorded_line_is_cut_off() -> None:
    rng = np.random.default_rng(1)
    voice = 0.3 * np.sin(2 * np.pi * 200 * np.arange(RATE) / RATE)
    room = 0.001 * rng.standard_normal(RATE // 2)
    line = np.concatenate([room, voice, room, room]).astype(np.float32)
    start, end = voiced_span(line, RATE)
    assert abs(start - RATE // 2) <= 0.04 * RATE
    assert abs(end - 3 * RATE // 2) <= 0.04 * RATE
    assert len(trimmed(line, RATE)) == end - start
    assert voiced_span(np.zeros(RATE, np.float32), RATE) == (0, 0)


def test_streaming_to_16_khz_in_odd_blocks_matches_the_signal() -> None:
    for rate in (48000, 44100):
        t = np.arange(rate) / rate
        x = np.sin(2 * np.pi * 440 * t).astype(np.float32)
        down = Downsampler(rate)
        out = np.concatenate([down.feed(x[i : i + 517]) for i in range(0, len(x), 517)])
        expected = np.sin(2 * np.pi * 440 * np.arange(len(out)) / 16000)
        assert 15900 < len(out) <= 16000
        assert np.max(np.abs(out[100:-100] - expected[100:-100])) < 1e-3
