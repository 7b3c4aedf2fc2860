"""The work behind a take's report, done on worker threads: no Qt and no database here.

The GUI thread reads what is stored, passes it in, and stores what comes back.
"""

from __future__ import annotations

import os
import sys
import threading
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.feedback import Envelope, StoredAnalysis
    from app.core.speech import SpeechService
    from app.core.speech.pieces import PieceWords
    from app.core.transcript import Transcript

WARM_UP_S = 2.0


@dataclass(frozen=True)
class Measured:
    take_id: int
    outline: Envelope | None  # None when the file could not be read
    stored: StoredAnalysis
    fresh: bool  # analysed now, to be stored; False when it came from the store


def measure_take(take_id: int, path: Path, known: StoredAnalysis | None) -> Measured:
    """The take's outline, and its analysis unless ``known`` already holds it."""
    from app.audio.errors import AudioError
    from app.audio.files import read_audio
    from app.core.analysis import AnalysisError
    from app.core.feedback import StoredAnalysis, analyze_with_pitch, envelope

    try:
        samples, rate = read_audio(path)
    except AudioError as error:
        return Measured(take_id, None, StoredAnalysis(None, str(error)), fresh=False)
    outline = envelope(samples, rate)
    if known is not None:
        return Measured(take_id, outline, known, fresh=False)
    try:
        analysis, pitch = analyze_with_pitch(samples, rate)
    except AnalysisError as error:
        return Measured(take_id, outline, StoredAnalysis(None, str(error)), fresh=True)
    return Measured(take_id, outline, StoredAnalysis(analysis, None, pitch), fresh=True)


def warm_up() -> None:
    """Load the analysis (numpy, Praat, the Silero helper process) and run it once on a
    made-up voice, so that the first take's report is as quick as every later one."""
    import numpy as np

    from app.core.analysis import AnalysisError, warm_up
    from app.core.feedback import analyze_with_pitch

    warm_up()
    rate = 16_000
    t = np.arange(int(WARM_UP_S * rate)) / rate
    voice = np.sin(2 * np.pi * (120 + 20 * np.sin(2 * np.pi * 0.5 * t)) * t)
    syllables = 0.5 + 0.5 * np.sin(2 * np.pi * 4 * t)
    # A made-up voice may well not count as speech: the code has run all the same.
    with suppress(AnalysisError):
        analyze_with_pitch((0.3 * voice * syllables).astype(np.float32), rate)


BACKGROUND_NICENESS = 10


def lower_priority() -> None:
    """Make the calling thread, and the threads it starts (CTranslate2's, when it loads the
    model), give way to the rest of the app: a transcript still running when the next take
    stops must not slow that take's report. Linux only (elsewhere priority is per process)."""
    if sys.platform.startswith("linux"):
        with suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICENESS)


class Progress:
    """A fraction written by a worker and read by the GUI thread (a float is swapped whole)."""

    def __init__(self) -> None:
        self.fraction = 0.0

    def __call__(self, fraction: float) -> None:
        self.fraction = fraction


TAKE_CALLER = "feedback"
WAIT_S = 0.05  # how often the worker passes the service's progress on


def transcribe_take(
    service: SpeechService,
    path: Path,
    folder: Path | None,
    language: str,
    progress: Progress,
    cancel: threading.Event,
    pieces: PieceWords | None = None,
) -> tuple[Transcript, str]:
    """The take's words and the folder of the model that heard them, from the app's speech
    service (a live-call reply goes first); runs on a worker thread. ``pieces`` are its words
    handed over while it was recorded: then only the last piece may still be under way."""
    from concurrent.futures import CancelledError
    from concurrent.futures import TimeoutError as StillRunning

    from app.audio.errors import AudioError
    from app.audio.files import read_audio
    from app.core.analysis.signal import downmix
    from app.core.speech import Priority
    from app.core.transcript import TranscriptError, TranscriptionCancelled

    if cancel.is_set():
        raise TranscriptionCancelled
    try:
        samples, rate = read_audio(path)
    except AudioError as error:
        raise TranscriptError(str(error)) from error
    if pieces is not None and (pieces.folder, pieces.language) == (folder, language):
        return _pieces_heard(pieces, len(samples) / rate, progress, cancel)
    mono = downmix(samples) if samples.ndim == 2 else samples
    request = service.submit(TAKE_CALLER, mono, rate, folder, language, Priority.TAKE)
    while True:
        try:
            return request.future.result(timeout=WAIT_S)
        except StillRunning:
            progress(request.progress)
        except CancelledError as error:
            raise TranscriptionCancelled from error


def _pieces_heard(
    pieces: PieceWords, duration_s: float, progress: Progress, cancel: threading.Event
) -> tuple[Transcript, str]:
    from app.core.transcript import TranscriptionCancelled

    while (transcript := pieces.transcript(duration_s)) is None:
        if cancel.wait(WAIT_S):
            raise TranscriptionCancelled
        progress(pieces.progress())
    return transcript, pieces.model_folder()
