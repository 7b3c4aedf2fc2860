"""The background side of the Feedback page: measuring takes and transcribing them on
executors, with results and progress handed back as signals on the GUI thread.

Measuring comes first and has a thread to itself; the transcript is asked for only once the
take is measured, so that on two cores Whisper never slows the report card down.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.ui.feedback import jobs
from app.ui.feedback.tasks import FuturePoller

if TYPE_CHECKING:
    from app.core.feedback import StoredAnalysis
    from app.ui.speech import Speech


class FeedbackWork(QObject):
    measured = Signal(object)  # jobs.Measured
    transcribed = Signal(int, object, str)  # take id, Transcript, the model's folder
    transcript_failed = Signal(int, str)  # take id, what went wrong in the user's words
    transcript_progress = Signal(int, float)  # take id, fraction of the take done

    def __init__(self, speech: Speech, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.speech = speech  # the app's, shared: this page only cancels its own requests
        self._measure_pool = ThreadPoolExecutor(1, thread_name_prefix="feedback-measure")
        self._words_pool = ThreadPoolExecutor(
            1, thread_name_prefix="feedback-words", initializer=jobs.lower_priority
        )
        self._poller = FuturePoller(self)
        self._measuring: Future[jobs.Measured] | None = None
        self._words: Future[Any] | None = None
        self._cancel = threading.Event()
        self.transcribing: int | None = None  # the take whose words are being found
        self._closed = False

    @property
    def busy(self) -> bool:
        return self._poller.pending > 0

    def warm_up(self) -> None:
        if not self._closed:
            self._poller.watch(self._measure_pool.submit(jobs.warm_up), lambda _f: None)

    def measure(self, take_id: int, path: Path, known: StoredAnalysis | None) -> None:
        """Measure a take (its outline only, when ``known`` holds its analysis)."""
        if self._closed:
            return
        if self._measuring is not None:
            self._measuring.cancel()  # still queued: another take was asked for since
        future = self._measure_pool.submit(jobs.measure_take, take_id, path, known)
        self._measuring = future
        self._poller.watch(future, self._on_measured)

    def _on_measured(self, future: Future[Any]) -> None:
        if not future.cancelled():
            self.measured.emit(future.result())

    def transcribe(self, take_id: int, path: Path, folder: Path | None, language: str) -> None:
        """Find the take's words with the model in ``folder`` (None: the built-in one);
        whatever was being transcribed before is cancelled."""
        if self._closed:
            return
        self.cancel_transcript()
        cancel, progress = threading.Event(), jobs.Progress()
        future = self._words_pool.submit(
            jobs.transcribe_take,
            self.speech.service,
            path,
            folder,
            language,
            progress,
            cancel,
            self.speech.take_words.pop(take_id, None),
        )
        self._cancel, self._words, self.transcribing = cancel, future, take_id
        self._poller.watch(
            future,
            lambda done: self._on_words(take_id, done),
            lambda: self.transcript_progress.emit(take_id, progress.fraction),
        )

    def _on_words(self, take_id: int, future: Future[Any]) -> None:
        from app.core.transcript import TranscriptError, TranscriptionCancelled

        if future is self._words:
            self._words, self.transcribing = None, None
        if future.cancelled():
            return
        try:
            transcript, folder = future.result()
        except TranscriptionCancelled:
            return
        except TranscriptError as error:
            self.transcript_failed.emit(take_id, error.message)
            return
        self.transcribed.emit(take_id, transcript, folder)

    def cancel_transcript(self) -> None:
        self._cancel.set()
        if self._words is not None:
            self._words.cancel()
            self.speech.cancel(jobs.TAKE_CALLER)
        self._words, self.transcribing = None, None

    def shutdown(self) -> None:
        """Cancel what can be cancelled; running work finishes on its own, unheard."""
        self._closed = True
        self.cancel_transcript()
        self._poller.stop()
        self._measure_pool.shutdown(wait=False, cancel_futures=True)
        self._words_pool.shutdown(wait=False, cancel_futures=True)
