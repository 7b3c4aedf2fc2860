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
    import numpy as np

    from app.core.feedback import Envelope, StoredAnalysis
    from app.core.feedback.whisper_helper import WhisperHelper
    from app.core.transcript import Model, Transcript

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


class Transcriber:
    """Turns takes into words: in the Whisper helper process, which can be stopped at once,
    or (in a frozen build, which has no Python to start it with) on this worker thread.

    ``transcribe`` is used from one worker thread only; ``cancel`` and ``close`` from any.
    """

    def __init__(self) -> None:
        self._helper: WhisperHelper | None = None  # made on first use: it loads numpy
        self._lock = threading.Lock()
        self._closed = False
        self._model: Model | None = None  # the in-thread model, without the helper
        self._folder: Path | None = None

    def _the_helper(self) -> WhisperHelper:
        from app.core.feedback.whisper_helper import WhisperHelper
        from app.core.transcript import TranscriptionCancelled

        with self._lock:
            if self._closed:
                raise TranscriptionCancelled
            if self._helper is None:
                self._helper = WhisperHelper()
            return self._helper

    def transcribe(
        self,
        path: Path,
        folder: Path | None,
        language: str,
        progress: Progress,
        cancel: threading.Event,
    ) -> tuple[Transcript, str]:
        """The take's words and the folder of the model that heard them."""
        from app.audio.errors import AudioError
        from app.audio.files import read_audio
        from app.core.transcript import TranscriptError, TranscriptionCancelled

        if cancel.is_set():
            raise TranscriptionCancelled
        try:
            samples, rate = read_audio(path)
        except AudioError as error:
            raise TranscriptError(str(error)) from error
        from app.core.analysis.signal import downmix

        mono = downmix(samples) if samples.ndim == 2 else samples
        return self.transcribe_samples(mono, rate, folder, language, progress, cancel)

    def transcribe_samples(
        self,
        mono: np.ndarray,
        rate: int,
        folder: Path | None,
        language: str,
        progress: Progress,
        cancel: threading.Event,
    ) -> tuple[Transcript, str]:
        """The words in ``mono`` and the folder of the model that heard them."""
        helper = self._the_helper()
        if helper.available():
            return helper.transcribe(mono, rate, folder, language, progress, cancel)
        # no helper (a frozen build): the model is loaded and run on this worker thread
        from app.core.transcript import load_model, transcribe
        from app.core.transcript.model import resolve_model

        _no_tqdm_monitor()
        model_dir, language = resolve_model(language, folder)
        if self._model is None or self._folder != model_dir:
            self._model = None  # free the old one before loading the next
            self._model = load_model(model_dir)
            self._folder = model_dir
        words = transcribe(self._model, mono, rate, language, progress=progress, cancel=cancel)
        return words, str(self._model.folder)

    def cancel(self) -> None:
        with self._lock:
            helper = self._helper
        if helper is not None:
            helper.cancel()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            helper = self._helper
        if helper is not None:
            helper.close()


def _no_tqdm_monitor() -> None:
    """faster-whisper makes a (disabled) tqdm bar for each transcript, and tqdm then starts a
    monitor thread that outlives it, for the life of the app. Nothing here prints progress
    bars, so that thread has nothing to watch."""
    from tqdm import tqdm  # faster-whisper's own dependency

    tqdm.monitor_interval = 0
