"""Ears for speech being recorded: a live call's reply, or a take, cut into pieces at the
pauses the listener hears, each handed to the speech service as soon as it ends (a reply goes
before any take), so that when you stop talking only the last short piece is left."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from app.core.practice.call import Heard
from app.core.practice.downsample import OUT_RATE
from app.core.practice.listening import Listener
from app.core.practice.turns import Turn
from app.core.speech import Priority, SpeechService
from app.core.speech.pieces import PieceWords

PAD_S = 0.1  # of audio kept either side of a piece, so no word is cut at its edge
END_PAUSE_S = 0.35  # a pause this long ends a piece: the turn may be over
SHORT_PAUSE_S = 0.2  # ... and this long, once the piece is long enough to transcribe well
LONG_PIECE_S = 1.5
# A long stretch without a real pause is cut at the first breath, so that no piece takes
# long to transcribe once the speaker stops.
MAX_PIECE_S = 4.0
BREATH_S = 0.08
# Whisper alone with a second or so of speech easily "hears" its prompt instead: a piece that
# short waits for the pause at which the call asks for the words (Timing.quick_pause_s).
SHORT_PIECE_S = 1.5
SHORT_PIECE_PAUSE_S = 0.45
CALLER = "live-call"
TAKE_CALLER = "take-words"  # not the Feedback page's: its cancel must not stop a take's words
MIN_REST_S = 0.3  # less than this after the last piece is not worth transcribing

Samples = Callable[[int, int], np.ndarray]  # recording frames [start, stop) at 16 kHz


class PieceCutter:
    """Cuts speech into pieces at the pauses the listener hears, and hands each to ``words``
    as soon as it ends; ``finish`` hands over the rest when the recording stops."""

    def __init__(self, words: PieceWords, samples: Samples, rate: int) -> None:
        self.words = words
        self.samples = samples
        self.rate = rate
        self.cut: int | None = None  # the recording frame up to which pieces were handed over

    def _frames(self, seconds: float) -> int:
        return round(seconds * self.rate)

    def follow(self, heard: Heard, floor: int = 0) -> None:
        """Hand over the piece that a pause has just ended, if any (nothing before ``floor``)."""
        voice_end = heard.voice_end
        if heard.onset is None or voice_end is None:
            return
        cut = self.cut
        if cut is None:
            cut = max(floor, heard.onset - self._frames(PAD_S))
        if voice_end <= cut:
            return
        pause, length = heard.until - voice_end, voice_end - cut
        long_enough = (
            length >= self._frames(LONG_PIECE_S) and pause >= self._frames(SHORT_PAUSE_S)
        ) or (length >= self._frames(MAX_PIECE_S) and pause >= self._frames(BREATH_S))
        end_pause = SHORT_PIECE_PAUSE_S if length < self._frames(SHORT_PIECE_S) else END_PAUSE_S
        if pause >= self._frames(end_pause) or long_enough:
            self._hand_over(cut, voice_end + self._frames(PAD_S))

    def finish(self, end: int) -> None:
        start = self.cut or 0
        if end - start >= self._frames(MIN_REST_S):
            self._hand_over(start, end)

    def _hand_over(self, start: int, stop: int) -> None:
        self.words.add(self.samples(start, stop), OUT_RATE, start / self.rate)
        self.cut = stop


class ReplyEars:
    def __init__(
        self,
        service: SpeechService,
        samples: Samples,
        rate: int,
        folder: Path | None,
        language: str,
    ) -> None:
        self.service = service
        self.samples = samples
        self.rate = rate
        self.folder = folder
        self.language = language
        self._turn = -1
        self._cutter = self._new_cutter()

    def _new_cutter(self) -> PieceCutter:
        words = PieceWords(self.service, CALLER, self.folder, self.language, Priority.LIVE)
        return PieceCutter(words, self.samples, self.rate)

    def follow(self, turn: Turn, heard: Heard) -> None:
        """Hand over the piece of the reply that a pause has just ended, if any."""
        if turn.number != self._turn:
            self._turn, self._cutter = turn.number, self._new_cutter()
        if turn.onset is not None:
            self._cutter.follow(heard, turn.line_end or 0)

    def text_until(self, frame: int) -> str | None:
        return self._cutter.words.text_until(frame / self.rate)

    def text_so_far(self) -> str:
        return self._cutter.words.text_so_far()

    def cancel(self) -> None:
        """The call is over: its queued pieces are dropped (a running one ends on its own)."""
        self.service.cancel(CALLER, stop_running=False)


class TakeEars:
    """A take's words found while it is recorded: at stop only the last piece is left."""

    def __init__(
        self, service: SpeechService, vad_model: Any, rate: int, folder: Path | None, language: str
    ) -> None:
        self.listener = Listener(rate, vad_model)
        self.rate = rate
        self.words = PieceWords(service, TAKE_CALLER, folder, language, Priority.TAKE)
        self._cutter = PieceCutter(self.words, self.listener.samples, rate)

    def hear(self, blocks: list[np.ndarray]) -> None:
        """Take in what was recorded since the last call (a GUI timer drains the queue)."""
        for block in blocks:
            self.listener.feed(block)
        if blocks:
            self._cutter.follow(self.listener.heard(self._cutter.cut or 0))

    def finish(self, frames: int) -> PieceWords:
        """The recording stopped after ``frames``: hand over the rest."""
        self._cutter.finish(frames)
        return self.words
