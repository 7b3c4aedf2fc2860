"""Turning a take into a transcript with faster-whisper: in the background, with progress,
cancellable, fillers kept.

Whisper was trained on cleaned-up transcripts, so by default it leaves out "um" and "uh".
An initial prompt that is itself full of fillers makes it write them down. On the fillers in
shared/speech (mfa_um, mfa_uhum, mfa_crossword, the three MFA monologues: 23 in all) this
prompt finds 22 with tiny.en; a tidier prompt such as "Umm, let me think like, hmm... Okay,
here's what I'm, like, thinking." finds only 7, and no prompt finds 7.

Dutch, with the multilingual base model, measured on a take of the five Flemish clips in
shared/speech/nl_read with four real filled pauses between them (tests/ui/feedback/
test_dutch_take.py), and on the five clips alone for the word error rate (bench_transcript):
without a prompt no filler is written (error rate 17%); the prompt below writes all four, as
"ehm" and "ahm", for 23%. Dropping its "nou" saved no errors in the benchmark and kept fewer
fillers; a Flemish "euh" in the prompt, or a prompt of fillers only, makes base repeat whole
sentences of a short clip (50 to 70%).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import numpy as np

from app.core.i18n import LANGUAGES, _
from app.core.transcript.errors import TranscriptError, TranscriptionCancelled
from app.core.transcript.model import Model
from app.core.transcript.resample import WHISPER_RATE, to_mono_16k
from app.core.transcript.transcript import Transcript
from app.core.transcript.words import Word

DISFLUENT_PROMPTS = {
    "en": "Um, uh, so, like, I was, uh, you know, thinking, hmm, about it.",
    "nl": "Eh, nou, ik dacht, ehm, weet je, eh, eigenlijk wel.",
}
# After the last word Whisper decodes the remaining silence on its own and often "hears" a
# closing "Yeah." or "Thank you.". Such a segment is unsure of itself (average log-probability
# -0.8 to -1.3 in our recordings) and unsure there is speech at all (no-speech probability
# 0.38 to 0.88); real speech there scored above -0.6 and below 0.05.
_HALLUCINATION_NO_SPEECH = 0.3
_HALLUCINATION_LOGPROB = -0.7
# Digital silence (a muted microphone) sends Whisper through every fallback temperature:
# 11 s for 30 s of zeros. Nothing peaking above -60 dBFS holds a voice, so it is not decoded.
_SILENCE_PEAK = 10 ** (-60 / 20)


def _is_silence_hallucination(segment: Any) -> bool:
    return bool(
        segment.no_speech_prob > _HALLUCINATION_NO_SPEECH
        and segment.avg_logprob < _HALLUCINATION_LOGPROB
    )


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise TranscriptionCancelled


def _timed_words(segment: Any, duration_s: float, last_start: float) -> list[Word]:
    """The segment's words, with times kept inside the take and never running backwards."""
    words = []
    for raw in segment.words or ():
        text = raw.word.strip()
        if not text:
            continue
        start = min(max(float(raw.start), last_start, 0.0), duration_s)
        end = min(max(float(raw.end), start), duration_s)
        words.append(Word(text, start, end))
        last_start = start
    return words


def transcribe(
    model: Model,
    samples: np.ndarray,
    samplerate: int,
    language: str = "en",
    progress: Callable[[float], None] | None = None,
    cancel: threading.Event | None = None,
) -> Transcript:
    """What is said in ``samples``, word by word with times.

    Runs for about a tenth of the take's length on two cores; call it from a worker thread.
    ``progress`` gets the fraction of the take covered so far, from that thread, after each
    stretch Whisper decodes (up to 30 s of audio each). ``cancel`` is checked between those
    stretches; once set, ``TranscriptionCancelled`` is raised.
    """
    if language != "en" and not model.multilingual:
        raise TranscriptError(
            _(
                "The speech model in {folder} understands only English. To transcribe "
                "{language}, choose a multilingual Whisper model folder in the settings."
            ).format(folder=model.folder, language=LANGUAGES.get(language, language))
        )
    _check(cancel)
    audio = to_mono_16k(samples, samplerate)
    duration_s = len(audio) / WHISPER_RATE
    words: list[Word] = []
    if len(audio) and float(np.max(np.abs(audio))) > _SILENCE_PEAK:
        segments, _info = model.whisper.transcribe(
            audio,
            language=language,
            initial_prompt=DISFLUENT_PROMPTS.get(language),
            word_timestamps=True,
            vad_filter=False,  # tried: it gained nothing here and cost words on a hoarse voice
        )
        for segment in segments:  # lazy: each step decodes the next stretch of audio
            if not _is_silence_hallucination(segment):
                last_start = words[-1].start_s if words else 0.0
                words.extend(_timed_words(segment, duration_s, last_start))
            if progress is not None:
                progress(min(1.0, float(segment.end) / duration_s))
            _check(cancel)
    if progress is not None:
        progress(1.0)
    return Transcript(tuple(words), duration_s, language)
