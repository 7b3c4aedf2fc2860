"""Hearing the reply live: onsets against word alignments of real speech, and against
synthetic signals whose edges are known by construction."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import numpy as np
import pytest
import soundfile as sf

from app.core.analysis import vad
from app.core.analysis.textgrid import read_textgrid
from app.core.practice.listening import Listener
from tests.audio.rig import resample
from tests.conftest import SPEECH

RATE = 48000
BLOCK = 480  # 10 ms, as the recorder's writer hands them over


@pytest.fixture
def listener() -> Iterator[Listener]:
    with vad.silero() as model:
        yield Listener(RATE, model)


def feed(listener: Listener, audio: np.ndarray) -> None:
    for start in range(0, len(audio), BLOCK):
        listener.feed(audio[start : start + BLOCK])


def tone(seconds: float, level_db: float = -20.0) -> np.ndarray:
    """A buzz with a voice's harmonics: loud enough to count as a voice on energy alone."""
    t = np.arange(round(seconds * RATE)) / RATE
    buzz = sum(np.sin(2 * np.pi * 150 * k * t) / k for k in range(1, 20))
    return (10 ** (level_db / 20) * buzz / np.max(np.abs(buzz))).astype(np.float32)


def noise(seconds: float, level_db: float = -60.0) -> np.ndarray:
    rng = np.random.default_rng(0)
    return (10 ** (level_db / 20) * rng.standard_normal(round(seconds * RATE))).astype(np.float32)


def test_onsets_after_pauses_in_real_speech_match_the_word_alignment() -> None:
    errors = []
    for name in ("acoustic_corpus", "cold_corpus", "cold_corpus3"):
        clip, rate = sf.read(SPEECH / "en_spont" / f"{name}.wav", dtype="float32")
        audio = resample(clip, rate)
        words = read_textgrid(SPEECH / "en_spont" / f"{name}.TextGrid")["words"]
        with vad.silero() as model:
            live = Listener(RATE, model)
            fed = 0
            for gap, after in pairwise(words[1:]):
                if gap.text or gap.end - gap.start < 0.5 or after.text.startswith("<"):
                    continue  # not a pause before a word (a cough is "<vocnoise>")
                # the prospect's line ended early in the pause; the word is the reply
                since = round((gap.start + 0.15) * RATE)
                stop = round((after.start + 0.6) * RATE)
                feed(live, audio[fed:stop])
                fed = stop
                heard = live.heard(since)
                assert heard.onset is not None
                errors.append(heard.onset / RATE - after.start)
    errors_ms = np.round(np.array(errors) * 1000)
    print("onset minus aligned word start, ms:", errors_ms.tolist())
    assert len(errors) >= 10
    assert np.median(np.abs(errors_ms)) <= 30
    assert np.mean(np.abs(errors_ms) <= 60) >= 0.8


@pytest.mark.parametrize("floor", [None, -60.0])
def test_a_voice_after_silence_is_found_to_the_frame(listener: Listener, floor: float) -> None:
    before = noise(1.3, floor) if floor else np.zeros(round(1.3 * RATE), np.float32)
    after = noise(1.5, floor) if floor else np.zeros(round(1.5 * RATE), np.float32)
    feed(listener, np.concatenate([before, tone(1.0), after]))
    heard = listener.heard(since=RATE // 2)
    assert heard.onset is not None and heard.voice_end is not None
    assert abs(heard.onset - 1.3 * RATE) <= 0.015 * RATE
    assert abs(heard.voice_end - 2.3 * RATE) <= 0.02 * RATE
    assert heard.silent_tail
    assert heard.until > 3.5 * RATE


def test_silence_is_final_at_once_but_a_sound_in_the_tail_keeps_the_verdict_open(
    listener: Listener,
) -> None:
    feed(listener, noise(7.0))
    heard = listener.heard(since=RATE // 2)
    assert heard.onset is None and heard.silent_tail
    assert heard.until >= 6.7 * RATE  # Silero's 150 ms look-ahead and the audio in flight
    feed(listener, tone(0.05))
    assert not listener.heard(since=RATE // 2).silent_tail


def test_a_voice_going_on_across_the_end_of_the_line_is_an_answer_without_a_freeze(
    listener: Listener,
) -> None:
    feed(listener, np.concatenate([noise(1.0), tone(1.5), noise(1.0)]))
    assert listener.heard(since=round(1.2 * RATE)).onset == round(1.2 * RATE)


def test_the_tail_of_the_line_itself_is_not_an_answer(listener: Listener) -> None:
    # 0.3 s of sound across the end of the line (a loudspeaker heard by the microphone),
    # then the real answer a second later
    audio = np.concatenate([noise(1.0), tone(0.5), noise(1.0), tone(1.0), noise(1.0)])
    feed(listener, audio)
    heard = listener.heard(since=round(1.2 * RATE))
    assert heard.onset is not None
    assert abs(heard.onset - 2.5 * RATE) <= 0.015 * RATE
