"""A take's words found while it is recorded: real spontaneous speech fed in the recorder's
small blocks is handed to the speech service in pieces at its pauses, so that when it stops
only the rest after the last pause is left; the pieces' words are the take's."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from app.core.analysis import vad
from app.core.practice.ears import TakeEars
from app.core.speech import SpeechService
from app.core.transcript.normalize import normalize
from tests.conftest import SPEECH

pytestmark = pytest.mark.slow

CLIP = SPEECH / "en_spont" / "mfa_surround.flac"  # 13 s, with pauses
BLOCK = 480  # 30 ms at 16 kHz, as the recorder's writer hands them over
TICK = 25  # blocks between two looks, as the GUI timer drains the queue


def test_the_words_are_found_piece_by_piece_while_recording() -> None:
    audio, rate = sf.read(str(CLIP), dtype="float32")
    service = SpeechService()
    try:
        with vad.silero() as model:
            ears = TakeEars(service, model, rate, None, "en")
            blocks = [audio[i : i + BLOCK] for i in range(0, len(audio), BLOCK)]
            for start in range(0, len(blocks), TICK):
                ears.hear(blocks[start : start + TICK])
            covered = ears.words.covered_s
            words = ears.finish(len(audio))
        for piece in words._pieces:  # the service works through them on its own thread
            piece.request.future.result(timeout=120)
        transcript = words.transcript(len(audio) / rate)
    finally:
        service.close()
    duration = len(audio) / rate
    assert covered >= 0.6 * duration  # most of it handed over before the stop
    assert transcript is not None
    said = set(normalize(transcript.text))
    expected = set(normalize((CLIP.with_suffix(".txt")).read_text()))
    assert len(said & expected) >= 0.6 * len(expected), transcript.text
    assert np.all(np.diff([w.start_s for w in transcript.words]) >= -0.5)  # in recording time
