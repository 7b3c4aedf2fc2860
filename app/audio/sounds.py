"""The sounds of calling your own voicemail: ringback, a greeting or a voice, the beep.

Ringback and beep are synthesized here; the greetings and the "person answers" voices are
recordings made once with espeak-ng (see resources/sounds/README.md).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

import numpy as np

from app.audio.dsp import resample
from app.audio.files import read_audio
from app.core.paths import RESOURCES

SOUNDS = RESOURCES / "sounds"
RATE = 48000
FADE_SECONDS = 0.01
# Ringback as the caller hears it: North American (440 + 480 Hz, 2 s on, 4 s off) for English
# scripts, European (425 Hz, 1 s on, 4 s off) for Dutch ones.
RINGBACK = {"en": ((440.0, 480.0), 2.0, 4.0), "nl": ((425.0,), 1.0, 4.0)}
ANSWER_AFTER_SECONDS = 1.0  # from the start of the last ring's silence to the pickup
BEEP_HZ = 1000.0
BEEP_SECONDS = 0.5


def tone(
    freqs: tuple[float, ...], seconds: float, rate: int = RATE, level: float = 0.2
) -> np.ndarray:
    """Sines of equal level, summed, with short fades so they start and stop without a click."""
    t = np.arange(round(seconds * rate)) / rate
    wave = sum(np.sin(2 * np.pi * f * t) for f in freqs) * (level / len(freqs))
    fade = min(len(t) // 2, round(FADE_SECONDS * rate))
    ramp = np.linspace(0.0, 1.0, fade)
    out = np.asarray(wave, dtype=np.float64)
    out[:fade] *= ramp
    out[len(out) - fade :] *= ramp[::-1]
    return out.astype(np.float32)


def silence(seconds: float, rate: int = RATE) -> np.ndarray:
    return np.zeros(round(seconds * rate), np.float32)


def ringback(rings: int, language: str = "en", rate: int = RATE) -> np.ndarray:
    freqs, on, off = RINGBACK.get(language, RINGBACK["en"])
    parts: list[np.ndarray] = []
    for ring in range(rings):
        parts.append(tone(freqs, on, rate))
        parts.append(silence(off if ring < rings - 1 else ANSWER_AFTER_SECONDS, rate))
    return np.concatenate(parts) if parts else silence(0, rate)


def beep(rate: int = RATE) -> np.ndarray:
    return tone((BEEP_HZ,), BEEP_SECONDS, rate, level=0.3)


@cache
def _clip(path: Path, rate: int) -> np.ndarray:
    data, clip_rate = read_audio(path)
    mono = resample(data.mean(axis=1), clip_rate, rate)
    loud = np.flatnonzero(np.abs(mono) > 0.01)
    if len(loud):
        mono = mono[loud[0] : loud[-1] + 1]
    peak = float(np.max(np.abs(mono))) if len(mono) else 0.0
    return (mono * (0.5 / peak) if peak else mono).astype(np.float32)


def clip(name: str, language: str, rate: int = RATE) -> np.ndarray:
    """A bundled recording, trimmed and levelled: 'greeting' or 'pickup', in en or nl."""
    lang = language if language in RINGBACK else "en"
    return _clip(SOUNDS / f"{name}-{lang}.wav", rate).copy()


CallPhase = Literal["ringing", "greeting", "beep", "answered"]


def call_parts(
    language: str, answered: bool, rings: int = 1, rate: int = RATE
) -> list[tuple[CallPhase, np.ndarray]]:
    """The call's sounds, each with the phase it is: rings, then the greeting and the beep,
    or a person saying their name (after which the line stays silent, waiting)."""
    parts: list[tuple[CallPhase, np.ndarray]] = [("ringing", ringback(rings, language, rate))]
    if answered:
        parts.append(("answered", clip("pickup", language, rate)))
    else:
        greeting = np.concatenate([clip("greeting", language, rate), silence(0.4, rate)])
        parts += [("greeting", greeting), ("beep", beep(rate))]
    return parts


def call_audio(language: str, answered: bool, rings: int = 1, rate: int = RATE) -> np.ndarray:
    """What the caller hears before speaking (``call_parts`` one after the other)."""
    return np.concatenate([audio for _phase, audio in call_parts(language, answered, rings, rate)])


def phase_starts(
    parts: list[tuple[CallPhase, np.ndarray]], rate: int = RATE
) -> list[tuple[float, CallPhase]]:
    """When (seconds into the call's audio) each phase begins."""
    starts, at = [], 0
    for phase, audio in parts:
        starts.append((at / rate, phase))
        at += len(audio)
    return starts
