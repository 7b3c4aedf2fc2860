"""The prospect's voice, where it needs no Qt: lines played through the app's own output (the
user's or a colleague's recordings), or no voice at all (the text, for as long as it takes
to say). The operating system's voices live in the UI layer, since Qt drives them.

Every voice says when its line started and ended on PortAudio's stream clock, the clock the
run's recording is anchored to.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Protocol

import numpy as np

from app.audio.devices import Device
from app.audio.player import Player
from app.audio.practice.lines import load_line
from app.core.practice.call import Say
from app.core.script.estimate import speaking_seconds

MIN_LINE_S = 0.8  # even "Yes." takes a moment to hear
PAUSE_S = 0.3  # the breath a person takes after their line


class ProspectVoice(Protocol):
    def say(self, line: Say) -> None:
        """Start saying ``line``; raises AudioError when the voice cannot be heard."""
        ...

    def timing(self) -> tuple[float | None, float | None]:
        """When the current line started and (will have) ended, in stream time, once known."""
        ...

    def stop(self) -> None: ...


class TextOnly:
    """No voice: the line is on screen, and "said" for as long as a person takes to say it."""

    def __init__(self, now: Callable[[], float | None]) -> None:
        self._now = now
        self._times: tuple[float | None, float | None] = (None, None)

    def say(self, line: Say) -> None:
        start = self._now()
        if start is None:
            self._times = (None, None)
            return
        seconds = max(MIN_LINE_S, speaking_seconds(line.text) + PAUSE_S)
        self._times = (start, start + seconds)

    def timing(self) -> tuple[float | None, float | None]:
        return self._times

    def stop(self) -> None:
        self._times = (None, None)


class PlayedLines:
    """Recorded lines, one per answer, played through the app's own output and timed to the
    sample by the player's DAC times; a line nobody recorded goes to ``fallback``."""

    def __init__(
        self, device: Device | None, lines: Mapping[str, Path], fallback: ProspectVoice
    ) -> None:
        self.player = Player(device)
        self.lines = dict(lines)
        self.fallback = fallback
        self._cache: dict[str, tuple[np.ndarray, int]] = {}
        self._current: ProspectVoice | None = None

    def say(self, line: Say) -> None:
        self.player.stop()
        self.fallback.stop()
        path = self.lines.get(line.key)
        if path is None:
            self._current = self.fallback
            self.fallback.say(line)
            return
        if line.key not in self._cache:
            self._cache[line.key] = load_line(path)
        audio, rate = self._cache[line.key]
        self._current = None
        self.player.load(audio, rate)
        self.player.play()

    def timing(self) -> tuple[float | None, float | None]:
        if self._current is not None:
            return self._current.timing()
        return (self.player.start_dac_time, self.player.end_dac_time)

    def stop(self) -> None:
        self.player.stop()
        self.fallback.stop()
