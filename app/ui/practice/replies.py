"""Turning a reply into text for the script, with the app's speech service."""

from __future__ import annotations

import sqlite3
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.core.analysis.signal import downmix
from app.core.i18n import _
from app.core.speech import Priority
from app.core.speech.models import model_for
from app.ui.feedback.model_setting import model_folder

if TYPE_CHECKING:
    import numpy as np

    from app.core.practice import Turn
    from app.ui.speech import Speech

CALLER = "reply-text"


class ReplyTranscriber(QObject):
    """Transcribes a reply as the Feedback page transcribes a take: the same speech model
    (the one chosen in its settings), in the app's one speech service."""

    done = Signal(object, str)  # Turn, the words ("" when there are none)
    message = Signal(str)

    def __init__(self, conn: sqlite3.Connection, speech: Speech, parent: QObject | None = None):
        super().__init__(parent)
        self.conn = conn
        self.speech = speech
        self._turn: Turn | None = None

    @property
    def busy(self) -> bool:
        return self._turn is not None

    def start(self, turn: Turn, audio: tuple[np.ndarray, int], language: str) -> None:
        """Transcribe ``audio`` for ``turn`` (nothing new while one is under way)."""
        folder, spoken = model_for(language, model_folder(self.conn))
        if self._turn is not None:
            return
        self._turn = turn
        samples, rate = audio
        mono = downmix(samples) if samples.ndim == 2 else samples
        self.speech.transcribe(CALLER, mono, rate, folder, spoken, self._on_words,
                               priority=Priority.LIVE)  # fmt: skip
        self.message.emit(_("Writing down what you said…"))

    def _on_words(self, future: Future[Any]) -> None:
        from app.core.transcript import TranscriptionCancelled, use_what_i_said

        turn, self._turn = self._turn, None
        if turn is None or future.cancelled():
            return
        try:
            transcript, _folder = future.result()
            words = use_what_i_said(transcript)
        except TranscriptionCancelled:
            return
        except Exception as exc:  # the transcript's own errors carry a message for the user
            self.message.emit(str(exc))
            words = ""
        self.done.emit(turn, words)

    def shutdown(self) -> None:
        self._turn = None
        self.speech.cancel(CALLER)
