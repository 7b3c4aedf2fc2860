"""The live call's ears: the reply cut into pieces at the pauses the listener hears, each
handed to the speech service as soon as it ends (a reply goes before any take), so that when
you stop talking only the last short piece is left to transcribe."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from app.core.practice.call import Heard
from app.core.practice.downsample import OUT_RATE
from app.core.practice.turns import Turn
from app.core.speech import Priority, SpeechService
from app.core.speech.pieces import PieceWords

PAD_S = 0.1  # of audio kept either side of a piece, so no word is cut at its edge
END_PAUSE_S = 0.35  # a pause this long ends a piece: the turn may be over
SHORT_PAUSE_S = 0.2  # ... and this long, once the piece is long enough to transcribe well
LONG_PIECE_S = 1.5
# Whisper alone with a second or so of speech easily "hears" its prompt instead: a piece that
# short waits for the pause at which the call asks for the words (Timing.quick_pause_s).
SHORT_PIECE_S = 1.5
SHORT_PIECE_PAUSE_S = 0.45
CALLER = "live-call"

Samples = Callable[[int, int], np.ndarray]  # recording frames [start, stop) at 16 kHz


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
        self._cut: int | None = None
        self._words = self._new_words()

    def _new_words(self) -> PieceWords:
        return PieceWords(self.service, CALLER, self.folder, self.language, Priority.LIVE)

    def _frames(self, seconds: float) -> int:
        return round(seconds * self.rate)

    def follow(self, turn: Turn, heard: Heard) -> None:
        """Hand over the piece of the reply that a pause has just ended, if any."""
        if turn.number != self._turn:
            self._turn, self._cut, self._words = turn.number, None, self._new_words()
        voice_end = heard.voice_end
        if turn.onset is None or voice_end is None:
            return
        cut = self._cut
        if cut is None:
            cut = max(turn.line_end or 0, turn.onset - self._frames(PAD_S))
        if voice_end <= cut:
            return
        pause, length = heard.until - voice_end, voice_end - cut
        long_enough = length >= self._frames(LONG_PIECE_S) and pause >= self._frames(SHORT_PAUSE_S)
        end_pause = SHORT_PIECE_PAUSE_S if length < self._frames(SHORT_PIECE_S) else END_PAUSE_S
        if pause >= self._frames(end_pause) or long_enough:
            stop = voice_end + self._frames(PAD_S)
            self._words.add(self.samples(cut, stop), OUT_RATE, cut / self.rate)
            self._cut = stop

    def text_until(self, frame: int) -> str | None:
        return self._words.text_until(frame / self.rate)

    def text_so_far(self) -> str:
        return self._words.text_so_far()

    def cancel(self) -> None:
        self.service.cancel(CALLER)
