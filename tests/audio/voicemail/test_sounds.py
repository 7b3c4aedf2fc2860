"""The sounds of calling yourself: ringback cadence and pitch, the greeting, the beep."""

from __future__ import annotations

import numpy as np

from app.audio import sounds

RATE = sounds.RATE


def peaks(signal: np.ndarray, count: int) -> list[float]:
    spectrum = np.abs(np.fft.rfft(signal))
    freqs = np.fft.rfftfreq(len(signal), 1 / RATE)
    found: list[float] = []
    for index in np.argsort(spectrum)[::-1]:
        if all(abs(freqs[index] - f) > 10 for f in found):
            found.append(float(freqs[index]))
        if len(found) == count:
            break
    return sorted(found)


def on_off(signal: np.ndarray) -> list[tuple[float, float]]:
    """Where the sound is on, as (start, end) seconds, from 10 ms frame levels."""
    frame = RATE // 100
    levels = np.sqrt(np.mean(signal[: len(signal) // frame * frame].reshape(-1, frame) ** 2, 1))
    on = np.concatenate([[False], levels > 0.01, [False]])
    edges = np.flatnonzero(np.diff(on.astype(int)))
    return [(a / 100, b / 100) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def test_english_ringback_is_440_plus_480_hz_two_seconds_on_four_off() -> None:
    ring = sounds.ringback(2, "en")
    assert [round(f) for f in peaks(ring, 2)] == [440, 480]
    spans = on_off(ring)
    assert [(round(a, 1), round(b, 1)) for a, b in spans] == [(0.0, 2.0), (6.0, 8.0)]
    assert len(ring) / RATE == 9.0  # the last ring is answered a second later


def test_dutch_ringback_is_the_european_425_hz() -> None:
    ring = sounds.ringback(1, "nl")
    assert [round(f) for f in peaks(ring, 1)] == [425]
    assert [(round(a, 1), round(b, 1)) for a, b in on_off(ring)] == [(0.0, 1.0)]


def test_the_call_ends_with_the_beep_or_with_a_person_saying_their_name() -> None:
    greeting = sounds.clip("greeting", "en")
    pickup = sounds.clip("pickup", "en")
    assert 2.5 < len(greeting) / RATE < 6
    assert 0.5 < len(pickup) / RATE < 2
    assert np.max(np.abs(greeting)) == np.float32(0.5)
    voicemail = sounds.call_audio("en", answered=False, rings=1)
    beep = voicemail[-int(sounds.BEEP_SECONDS * RATE) :]
    assert [round(f) for f in peaks(beep, 1)] == [1000]
    assert len(voicemail) == len(sounds.ringback(1)) + len(greeting) + int(0.4 * RATE) + len(beep)
    answered = sounds.call_audio("en", answered=True, rings=1)
    assert np.array_equal(answered[-len(pickup) :], pickup)
    assert len(sounds.call_audio("nl", answered=False)) != len(voicemail)


def test_every_bundled_voice_is_there_and_documented() -> None:
    readme = (sounds.SOUNDS / "README.md").read_text("utf-8")
    for name in ("greeting", "pickup"):
        for language in ("en", "nl"):
            assert f"{name}-{language}.wav" in readme
            assert len(sounds.clip(name, language)) > RATE // 2
    assert "CC0" in readme
