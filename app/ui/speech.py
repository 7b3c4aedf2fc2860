"""The speech service on the GUI side: one for the app, made in app.__main__ and handed to
every page that needs words. Results come back on the GUI thread: a timer looks at the
pending requests (only while there are any) and calls each one's handler once it is done."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from app.core.speech import Priority, Request, SpeechService

if TYPE_CHECKING:
    import numpy as np

    from app.core.speech.pieces import PieceWords

POLL_MS = 15

Done = Callable[[Future[Any]], None]


class Speech(QObject):
    def __init__(self, service: SpeechService | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service or SpeechService()
        # Takes whose words were handed over while they were recorded, by take id, until the
        # Feedback page asks for them.
        self.take_words: dict[int, PieceWords] = {}
        self._watched: list[tuple[Request, Done, Callable[[float], None] | None]] = []
        self._timer = QTimer(self)
        self._timer.setObjectName("speech-results")
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def transcribe(
        self,
        caller: str,
        samples: np.ndarray,
        rate: int,
        folder: Path | None,
        language: str,
        done: Done,
        progress: Callable[[float], None] | None = None,
        priority: Priority = Priority.TAKE,
    ) -> Request:
        """Queue ``samples``; ``done(future)`` is called on this thread once it is over."""
        request = self.service.submit(caller, samples, rate, folder, language, priority)
        self._watched.append((request, done, progress))
        self._timer.start()
        return request

    def warm_up(self, folder: Path | None, language: str) -> None:
        """Load the model in the background, before the first reply or take needs it."""
        self.service.warm_up(folder, language)

    def cancel(self, caller: str) -> None:
        self.service.cancel(caller)

    def _poll(self) -> None:
        states = [(w, w[0].future.done()) for w in self._watched]  # once: a worker may finish
        finished = [w for w, done in states if done]
        self._watched = [w for w, done in states if not done]
        if not self._watched:
            self._timer.stop()
        for request, _done, progress in self._watched:
            if progress is not None:
                progress(request.progress)
        for request, done, _progress in finished:
            done(request.future)

    def close(self) -> None:
        self._timer.stop()
        self._watched.clear()
        self.service.close()
