"""Turning a reply into text for the script, on a worker thread, with the transcript core."""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.i18n import _

if TYPE_CHECKING:
    import numpy as np

    from app.core.practice import Turn
    from app.core.transcript import Model


@cache
def _model() -> Model:
    from app.core.transcript import load_model

    return load_model()


def words_of(samples: np.ndarray, rate: int, language: str, cancel: threading.Event) -> str:
    """What was said, as script lines (no fillers); runs on a worker thread."""
    from tqdm import tqdm  # faster-whisper's own dependency

    from app.core.transcript import transcribe, use_what_i_said

    # faster-whisper makes a (disabled) tqdm bar per transcript, and tqdm then starts a
    # monitor thread that outlives it; nothing here shows progress bars (as app.ui.feedback).
    tqdm.monitor_interval = 0
    return use_what_i_said(transcribe(_model(), samples, rate, language, cancel=cancel))


class ReplyTranscriber(QObject):
    done = Signal(object, str)  # Turn, the words ("" when there are none)
    message = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setObjectName("reply-transcript")
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._poll)
        self._job: tuple[Turn, Future[str]] | None = None
        self._cancel = threading.Event()

    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(self, turn: Turn, audio: tuple[np.ndarray, int], language: str) -> bool:
        """Transcribe ``audio`` for ``turn``; False when it cannot be done here (the built-in
        speech model knows English only), and the words must come from the user."""
        if language != "en":
            return False
        if self._job is not None:
            return True
        self._cancel = threading.Event()
        pool = ThreadPoolExecutor(1, thread_name_prefix="reply-transcript")
        future = pool.submit(words_of, audio[0], audio[1], language, self._cancel)
        pool.shutdown(wait=False)
        self._job = (turn, future)
        self._timer.start()
        self.message.emit(_("Writing down what you said…"))
        return True

    def _poll(self) -> None:
        if self._job is None or not self._job[1].done():
            return
        (turn, future), self._job = self._job, None
        self._timer.stop()
        try:
            words = future.result()
        except Exception as exc:  # the transcript's own errors carry a message for the user
            self.message.emit(str(exc))
            words = ""
        self.done.emit(turn, words)

    def shutdown(self) -> None:
        self._cancel.set()
        self._timer.stop()
        job, self._job = self._job, None
        if job is not None:
            job[1].exception()  # wait for the worker, so no thread outlives the page
