"""Turning a reply into text for the script, on a worker thread, with the transcript core."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.i18n import _
from app.ui.feedback import jobs
from app.ui.feedback.model_setting import model_folder

if TYPE_CHECKING:
    from pathlib import Path

    import numpy as np

    from app.core.practice import Turn


class ReplyTranscriber(QObject):
    """Transcribes a reply as the Feedback page transcribes a take: the same speech model
    (the one chosen in its settings), in a helper process that can be stopped at once."""

    done = Signal(object, str)  # Turn, the words ("" when there are none)
    message = Signal(str)

    def __init__(self, conn: sqlite3.Connection, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.conn = conn
        self._timer = QTimer(self)
        self._timer.setObjectName("reply-transcript")
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._poll)
        self._job: tuple[Turn, Future[str]] | None = None
        self._cancel = threading.Event()
        self._transcriber = jobs.Transcriber()  # starts its helper on first use

    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(self, turn: Turn, audio: tuple[np.ndarray, int], language: str) -> bool:
        """Transcribe ``audio`` for ``turn``; False when it cannot be done here (the built-in
        speech model knows English only), and the words must come from the user."""
        folder = model_folder(self.conn)
        if language != "en" and folder is None:
            return False
        if self._job is not None:
            return True
        self._cancel = threading.Event()
        pool = ThreadPoolExecutor(1, thread_name_prefix="reply-transcript")
        future = pool.submit(self._words_of, audio[0], audio[1], folder, language, self._cancel)
        pool.shutdown(wait=False)
        self._job = (turn, future)
        self._timer.start()
        self.message.emit(_("Writing down what you said…"))
        return True

    def _words_of(
        self,
        samples: np.ndarray,
        rate: int,
        folder: Path | None,
        language: str,
        cancel: threading.Event,
    ) -> str:
        """What was said, as script lines (no fillers); runs on a worker thread."""
        from app.core.transcript import use_what_i_said

        transcript, _folder = self._transcriber.transcribe_samples(
            samples, rate, folder, language, jobs.Progress(), cancel
        )
        return use_what_i_said(transcript)

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
        self._transcriber.cancel()
        self._timer.stop()
        job, self._job = self._job, None
        if job is not None:
            job[1].exception()  # wait for the worker, so no thread outlives the page
        self._transcriber.close()
