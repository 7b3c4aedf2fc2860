"""Pauses against the word alignments of real spontaneous speech, and against silences whose
place is known because we put them there."""

from __future__ import annotations

import numpy as np
import pytest

from app.core.analysis import analyze
from app.core.analysis.pauses import (
    Pause,
    find_pauses,
    phrase_variation,
    phrases,
    speech_span,
)
from app.core.analysis.vad import speech_frames
from tests.core.analysis.conftest import SPEECH, SPONTANEOUS, load, reference, tracks
from tests.core.analysis.scoring import NEAR, Score, score


def detected_gaps(name: str) -> list[Pause]:
    track = tracks(f"en_spont/{name}.wav")
    speech = speech_frames(track.level, track.speech_prob)
    return find_pauses(speech, track.step_s, min_pause_s=NEAR)


def pooled() -> Score:
    total = Score()
    for name in SPONTANEOUS:
        total = total + score(SPEECH / "en_spont" / f"{name}.TextGrid", detected_gaps(name))
    return total


def test_pauses_match_the_word_alignments_pooled_over_the_spontaneous_clips() -> None:
    result = pooled()
    assert result.references == 17  # 18 gaps, two of them joined by the cough in cold_corpus3
    assert result.recall >= 0.9, result.missed
    assert result.precision >= 0.9, result.extra
    assert result.strict_recall >= 0.9
    assert float(np.median(result.boundary_errors)) <= 0.05


@pytest.mark.parametrize("name", SPONTANEOUS)
def test_each_clip_finds_most_of_its_pauses(name: str) -> None:
    result = score(SPEECH / "en_spont" / f"{name}.TextGrid", detected_gaps(name))
    assert result.recall >= 0.8
    assert result.precision >= 0.8
    assert float(np.median(result.boundary_errors)) <= 0.05


def _with_silences(noise: bool) -> tuple[np.ndarray, int, list[tuple[float, float]]]:
    samples, rate = load("en_spont/acoustic_corpus.wav")
    data = reference()
    quiet = samples[int(data["room_noise_s"][0] * rate) : int(data["room_noise_s"][1] * rate)]
    pieces, truth, cursor, shift = [], [], 0, 0.0
    for insertion in data["insertions"]:
        at = int(insertion["at_s"] * rate)
        length = int(insertion["silence_s"] * rate)
        gap = quiet[:length].copy() if noise else np.zeros(length, dtype=np.float32)
        pieces += [samples[cursor:at], gap]
        start = at / rate + shift
        truth.append((start, start + length / rate))
        shift += length / rate
        cursor = at
    pieces.append(samples[cursor:])
    return np.concatenate(pieces), rate, truth


@pytest.mark.parametrize("noise", [False, True], ids=["digital silence", "room noise"])
def test_inserted_silences_are_found_to_within_30_ms(noise: bool) -> None:
    samples, rate, truth = _with_silences(noise)
    pauses = analyze(samples, rate).pauses
    for start, end in truth:
        found = [p for p in pauses if p.start_s < end and p.end_s > start]
        assert len(found) == 1, (start, end, pauses)
        assert abs(found[0].start_s - start) <= 0.03
        assert abs(found[0].end_s - end) <= 0.03


def test_pauses_lie_between_the_first_and_the_last_speech() -> None:
    speech = np.array([0] * 50 + [1] * 30 + [0] * 40 + [1] * 30 + [0] * 20 + [1] * 10 + [0] * 60)
    mask = speech.astype(bool)
    assert find_pauses(mask, 0.01) == [Pause(0.8, 1.2)]
    assert find_pauses(mask, 0.01, min_pause_s=0.15) == [Pause(0.8, 1.2), Pause(1.5, 1.7)]
    assert speech_span(mask, 0.01) == (0.5, 1.8)
    assert find_pauses(np.zeros(100, bool), 0.01) == []
    assert speech_span(np.zeros(100, bool), 0.01) is None


def test_phrase_lengths_and_their_variation() -> None:
    durations = phrases((0.5, 1.8), [Pause(0.8, 1.2)])
    assert durations == pytest.approx([0.3, 0.6])
    assert phrase_variation(durations) is None  # too few to judge
    assert phrase_variation([2.0, 2.0, 2.0]) == 0.0
    assert phrase_variation([1.0, 2.0, 3.0]) == pytest.approx(np.std([1, 2, 3]) / 2)
