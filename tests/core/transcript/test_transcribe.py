"""Transcribing real speech: accuracy, fillers kept, word times, progress and cancelling.

Figures measured when these tests were written (tiny.en, int8, two cores): word error rate
1.4% on the read clip and 5.0% on acoustic_corpus; fillers 1 of 1 on mfa_um and 5 of 6 on
mfa_uhum (its "hm hm" comes out as one "hmm").
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable

import numpy as np
import pytest

from app.core.transcript import (
    Model,
    Transcript,
    TranscriptError,
    TranscriptionCancelled,
    transcribe,
)
from app.core.transcript.align import align, word_error_rate
from app.core.transcript.normalize import canonical_filler, normalize
from tests.conftest import SPEECH
from tests.core.transcript.conftest import TAKE_RATE, read_clip, reference_text

READ = "en_read/sense_and_sensibility_01_concat_0870-0930.wav"
SPONTANEOUS = "en_spont/acoustic_corpus.wav"

TranscriptOf = Callable[[str], Transcript]


def wer(transcript: Transcript, name: str) -> float:
    return word_error_rate(normalize(transcript.text), normalize(reference_text(name)))


def test_read_speech_is_transcribed_nearly_word_for_word(transcript_of: TranscriptOf) -> None:
    rate = wer(transcript_of(READ), READ)
    assert rate <= 0.15, f"word error rate {rate:.1%} on read speech"


def test_spontaneous_speech_is_transcribed_with_its_fillers(transcript_of: TranscriptOf) -> None:
    transcript = transcript_of(SPONTANEOUS)
    rate = wer(transcript, SPONTANEOUS)
    assert rate <= 0.30, f"word error rate {rate:.1%} on spontaneous speech"
    # The reference has um, uh, um: all three must survive, not be tidied away.
    assert [f.text for f in transcript.fillers if f.text in ("um", "uh")] == ["um", "uh", "um"]


@pytest.mark.parametrize(("name", "at_least"), [("mfa_um", 1), ("mfa_uhum", 4)])
def test_filled_pauses_are_kept(transcript_of: TranscriptOf, name: str, at_least: int) -> None:
    clip = f"en_spont/{name}.flac"
    expected = sum(canonical_filler(w) is not None for w in normalize(reference_text(clip)))
    found = [f.text for f in transcript_of(clip).fillers]
    assert at_least <= len(found) <= expected, f"{found} against {expected} in the reference"


def test_read_speech_has_no_fillers(transcript_of: TranscriptOf) -> None:
    assert transcript_of(READ).fillers == ()


def _textgrid_words(name: str) -> list[tuple[str, float]]:
    """(word, start) from the words tier of an MFA TextGrid in Praat's short text format."""
    text = (SPEECH / name).with_suffix(".TextGrid").read_text("utf-8")
    lines = [line.strip() for line in text.splitlines()]
    at = lines.index('"words"') + 4  # name, xmin, xmax, count
    count = int(lines[at - 1])
    found = []
    for k in range(count):
        start, _end, text = lines[at + 3 * k : at + 3 * k + 3]
        if text.strip('"'):
            found.append((text.strip('"'), float(start)))
    return found


def test_word_times_run_forward_inside_the_take_and_match_a_forced_alignment(
    transcript_of: TranscriptOf,
) -> None:
    transcript = transcript_of(SPONTANEOUS)
    starts = [w.start_s for w in transcript.words]
    assert starts == sorted(starts)
    assert all(0 <= w.start_s <= w.end_s <= transcript.duration_s for w in transcript.words)

    said = [(plain, w.start_s) for w in transcript.words for plain in normalize(w.word)]
    aligned = _textgrid_words(SPONTANEOUS)
    steps = align([p for p, _t in said], [normalize(word)[0] for word, _t in aligned])
    offsets = [abs(said[i][1] - aligned[j][1]) for kind, i, j in steps if kind == "same"]
    assert len(offsets) >= 45
    assert float(np.median(offsets)) <= 0.2, "word starts are off the forced alignment"


def test_progress_rises_to_one(model: Model) -> None:
    samples, rate = read_clip("en_spont/mfa_um.flac")
    seen: list[float] = []
    transcribe(model, samples, rate, progress=seen.append)
    assert seen == sorted(seen)
    assert seen[-1] == 1.0
    assert all(0.0 <= p <= 1.0 for p in seen)


def test_cancel_stops_between_stretches(model: Model) -> None:
    # Three clips end to end: over a minute, so Whisper needs several 30 s stretches.
    parts = [read_clip(name, TAKE_RATE)[0] for name in (SPONTANEOUS, READ, SPONTANEOUS)]
    samples = np.concatenate(parts)
    cancel = threading.Event()
    seen: list[float] = []

    def on_progress(fraction: float) -> None:
        seen.append(fraction)
        cancel.set()

    with pytest.raises(TranscriptionCancelled):
        transcribe(model, samples, TAKE_RATE, progress=on_progress, cancel=cancel)
    assert len(seen) == 1
    assert seen[0] < 0.5


def test_cancel_before_start_does_no_work(model: Model) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(TranscriptionCancelled):
        transcribe(model, np.zeros(TAKE_RATE * 600), TAKE_RATE, cancel=cancel)


def test_a_muted_microphone_gives_an_empty_transcript(model: Model) -> None:
    transcript = transcribe(model, np.zeros(TAKE_RATE * 3, dtype=np.float32), TAKE_RATE)
    assert transcript.words == ()
    assert transcript.text == ""
    assert transcript.duration_s == pytest.approx(3.0)


def test_no_audio_gives_an_empty_transcript(model: Model) -> None:
    transcript = transcribe(model, np.zeros(0), TAKE_RATE)
    assert (transcript.text, transcript.duration_s) == ("", 0.0)


def test_an_english_only_model_refuses_dutch(model: Model) -> None:
    samples, rate = read_clip("nl_read/vl00203.wav")
    with pytest.raises(TranscriptError, match=r"only English.*multilingual"):
        transcribe(model, samples, rate, language="nl")


def test_json_has_text_words_and_fillers(transcript_of: TranscriptOf) -> None:
    transcript = transcript_of("en_spont/mfa_um.flac")
    data = json.loads(json.dumps(transcript.to_json_dict()))
    assert set(data) == {"text", "words", "fillers"}
    assert data["text"] == transcript.text
    assert [w["word"] for w in data["words"]] == [w.word for w in transcript.words]
    assert set(data["words"][0]) == {"word", "start_s", "end_s"}
    assert [f["filler"] for f in data["fillers"]] == ["um"]
    assert set(data["fillers"][0]) == {"filler", "start_s", "end_s"}
