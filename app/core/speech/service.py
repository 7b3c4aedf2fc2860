"""The app's one speech service: one Whisper helper process, one queue, cancel per caller.

Every page that wants words (the Feedback page's takes, the Live call's replies, a reply
turned into script text) submits a ``Request`` here and polls its future. The queue is
ordered by priority, then by arrival: a live-call reply (``Priority.LIVE``) always goes
before the pieces of a take, so the prospect never waits for the Feedback page. A request
names its own model folder and language; the helper keeps up to two models loaded.

In a frozen build there is no Python to start the helper with: the requests then run on the
service's own worker thread, with the model loaded there (cancel waits for the stretch of
audio being decoded).
"""

from __future__ import annotations

import heapq
import itertools
import sys
import threading
from concurrent.futures import Future
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from app.core.speech.helper import WhisperHelper
    from app.core.transcript import Model, Transcript

WARM_UP_RATE = 16_000


class Priority(IntEnum):
    LIVE = 0  # a reply in a live call: the prospect is waiting for it
    TAKE = 1  # a take (or a piece of one) for the Feedback page
    WARM_UP = 2  # loading a model before anyone needs it


@dataclass(eq=False)
class Request:
    caller: str
    samples: np.ndarray
    rate: int
    folder: Path | None
    language: str
    priority: Priority
    future: Future[tuple[Transcript, str]] = field(default_factory=Future)
    cancel: threading.Event = field(default_factory=threading.Event)
    progress: float = 0.0  # written by the worker; a float is swapped whole

    def _progress(self, fraction: float) -> None:
        self.progress = fraction


class SpeechService:
    """Submit from any thread; results arrive on the futures, from the worker thread."""

    def __init__(self, in_process: bool | None = None) -> None:
        self._in_process = getattr(sys, "frozen", False) if in_process is None else in_process
        self._queue: list[tuple[int, int, Request]] = []
        self._order = itertools.count()
        self._wake = threading.Condition()
        self._running: Request | None = None
        self._closed = False
        self._thread: threading.Thread | None = None
        self._helper: WhisperHelper | None = None
        self._models: dict[str, Model] = {}  # in-process only

    # -- asking ----------------------------------------------------------------------------
    def submit(
        self,
        caller: str,
        samples: np.ndarray,
        rate: int,
        folder: Path | None,
        language: str,
        priority: Priority = Priority.TAKE,
    ) -> Request:
        """Queue mono ``samples`` for transcription; the request's future gets
        ``(Transcript, model folder)`` or the transcript's error."""
        from app.core.transcript.errors import TranscriptionCancelled

        request = Request(caller, samples, rate, folder, language, priority)
        with self._wake:
            if self._closed:
                request.future.set_exception(TranscriptionCancelled())
                return request
            heapq.heappush(self._queue, (int(priority), next(self._order), request))
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="speech", daemon=True)
                self._thread.start()
            self._wake.notify()
        return request

    def warm_up(self, folder: Path | None, language: str) -> Request:
        """Load the model of ``folder`` now (a moment of silence is transcribed), so the first
        real request does not wait for it."""
        import numpy as np

        silence = np.zeros(WARM_UP_RATE // 10, np.float32)
        return self.submit("warm-up", silence, WARM_UP_RATE, folder, language, Priority.WARM_UP)

    def cancel(self, caller: str, stop_running: bool = True) -> None:
        """Drop ``caller``'s queued requests and stop its running one, if any (unless not
        ``stop_running``: stopping the helper costs the next request the model's loading
        time, more than a short piece takes to finish)."""
        with self._wake:
            mine = [item for item in self._queue if item[2].caller == caller]
            self._queue = [item for item in self._queue if item[2].caller != caller]
            heapq.heapify(self._queue)
            running = self._running
            mine_running = running if running is not None and running.caller == caller else None
            if mine_running is not None and stop_running:
                mine_running.cancel.set()
                # Under the lock: the worker cannot move on to another caller's request meanwhile.
                if self._helper is not None:
                    self._helper.cancel()
        for _p, _n, request in mine:
            request.cancel.set()
            request.future.cancel()

    @property
    def pending(self) -> int:
        with self._wake:
            return len(self._queue) + (self._running is not None)

    def close(self) -> None:
        """Cancel everything, end the helper and wait for the worker thread."""
        with self._wake:
            self._closed = True
            queued, self._queue = self._queue, []
            running, thread = self._running, self._thread
            self._wake.notify()
        for _p, _n, request in queued:
            request.future.cancel()
        if running is not None:
            running.cancel.set()
        if self._helper is not None:
            self._helper.close()
        if thread is not None:
            thread.join()

    # -- the worker ------------------------------------------------------------------------
    def _next(self) -> Request | None:
        with self._wake:
            while not self._queue and not self._closed:
                self._wake.wait()
            if self._closed:
                return None
            request = heapq.heappop(self._queue)[2]
            self._running = request
            return request

    def _work(self) -> None:
        while (request := self._next()) is not None:
            try:
                if request.future.set_running_or_notify_cancel():
                    try:
                        request.future.set_result(self._run(request))
                    except BaseException as error:  # handed to whoever waits for it
                        request.future.set_exception(error)
            finally:
                with self._wake:
                    self._running = None

    def _run(self, request: Request) -> tuple[Transcript, str]:
        from app.core.transcript.errors import TranscriptionCancelled

        if request.cancel.is_set():
            raise TranscriptionCancelled
        if not self._in_process:
            if self._helper is None:
                from app.core.speech.helper import WhisperHelper

                self._helper = WhisperHelper()
            return self._helper.transcribe(
                request.samples,
                request.rate,
                request.folder,
                request.language,
                request._progress,
                request.cancel,
            )
        from app.core.speech.helper import _loaded
        from app.core.transcript import load_model, transcribe
        from app.core.transcript.model import resolve_model

        _no_tqdm_monitor()
        folder, language = resolve_model(request.language, request.folder)
        model = _loaded(self._models, str(folder), load_model)
        words = transcribe(
            model,
            request.samples,
            request.rate,
            language,
            progress=request._progress,
            cancel=request.cancel,
        )
        return words, str(model.folder)


def _no_tqdm_monitor() -> None:
    """faster-whisper makes a (disabled) tqdm bar for each transcript, and tqdm then starts a
    monitor thread that outlives it, for the life of the app. Nothing here prints progress
    bars, so that thread has nothing to watch."""
    from tqdm import tqdm  # faster-whisper's own dependency

    tqdm.monitor_interval = 0
