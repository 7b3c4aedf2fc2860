"""Words of audio still being recorded, transcribed a piece at a time as the voice pauses.

Whisper needs the whole of what it transcribes, so a take or a reply is handed to the speech
service in pieces cut where the voice detection heard a pause: when the recording stops, only
the last piece is left to do. Times in the pieces' transcripts are moved to the recording's.
"""

from __future__ import annotations

from concurrent.futures import CancelledError
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.core.speech.service import Priority, Request, SpeechService
from app.core.transcript import Transcript, TranscriptError, TranscriptionCancelled, Word
from app.core.transcript.transcript import join_words


@dataclass
class _Piece:
    start_s: float
    end_s: float
    request: Request


class PieceWords:
    """One recording's words, piece by piece; used from one thread (the GUI's or a test's)."""

    def __init__(
        self,
        service: SpeechService,
        caller: str,
        folder: Path | None,
        language: str,
        priority: Priority = Priority.TAKE,
    ) -> None:
        self.service = service
        self.caller = caller
        self.folder = folder
        self.language = language
        self.priority = priority
        self._pieces: list[_Piece] = []

    def add(self, samples: np.ndarray, rate: int, start_s: float) -> None:
        """Transcribe mono ``samples`` that start ``start_s`` into the recording."""
        end_s = start_s + len(samples) / rate
        request = self.service.submit(
            self.caller, samples, rate, self.folder, self.language, self.priority
        )
        self._pieces.append(_Piece(start_s, end_s, request))

    @property
    def covered_s(self) -> float:
        """Where the last piece handed over ends."""
        return self._pieces[-1].end_s if self._pieces else 0.0

    @property
    def done(self) -> bool:
        return all(p.request.future.done() for p in self._pieces)

    def progress(self) -> float:
        """The share of the audio handed over whose words are in."""
        total = sum(p.end_s - p.start_s for p in self._pieces)
        if not total:
            return 1.0
        heard = sum((p.end_s - p.start_s) * _fraction(p.request) for p in self._pieces)
        return heard / total

    def words(self, until_s: float | None = None) -> list[Word] | None:
        """The words of the pieces that start before ``until_s`` (all: None), in recording
        time; None while one of them is still being transcribed."""
        found: list[Word] = []
        for piece in self._pieces:
            if until_s is not None and piece.start_s >= until_s:
                break
            if not piece.request.future.done():
                return None
            found.extend(_moved(piece))
        return found

    def text_until(self, until_s: float) -> str | None:
        """Everything said before ``until_s``, once it is all in (and handed over)."""
        if self.covered_s < until_s:
            return None
        found = self.words(until_s)
        return None if found is None else join_words(w.word for w in found)

    def text_so_far(self) -> str:
        done = [p for p in self._pieces if p.request.future.done()]
        return join_words(w.word for p in done for w in _moved(p))

    def transcript(self, duration_s: float) -> Transcript | None:
        """The whole recording's transcript, once every piece is in; a failed piece's error
        is raised (``TranscriptError``)."""
        found = self.words()
        if found is None:
            return None
        for piece in self._pieces:
            error = _error(piece.request)
            if error is not None:
                raise error
        return Transcript(tuple(found), duration_s, self.language)

    def model_folder(self) -> str:
        """The folder of the model that heard the pieces (as the service reports it)."""
        for piece in self._pieces:
            future = piece.request.future
            if future.done() and not future.cancelled() and future.exception() is None:
                return future.result()[1]
        if self.folder is not None:
            return str(self.folder)
        from app.core.transcript import default_model_dir

        return str(default_model_dir())

    def cancel(self) -> None:
        self.service.cancel(self.caller)


def _fraction(request: Request) -> float:
    return 1.0 if request.future.done() else request.progress


def _error(request: Request) -> TranscriptError | None:
    future = request.future
    if future.cancelled():
        return None
    error = future.exception()
    return error if isinstance(error, TranscriptError) else None


def _moved(piece: _Piece) -> list[Word]:
    """The piece's words in recording time; none when it failed or was cancelled."""
    future = piece.request.future
    try:
        transcript, _folder = future.result(timeout=0)
    except (CancelledError, TranscriptError, TranscriptionCancelled):
        return []
    at = piece.start_s
    return [Word(w.word, w.start_s + at, w.end_s + at) for w in transcript.words]
