"""The voicemail countdown: time left, the colour it shows, and any overrun.

Amber and red are counted back from the limit (10 and 5 s before it), so with the default
30 s limit the clock turns amber at 20 s and red at 25 s, and with any other limit the warning
still leaves the same time to wrap up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

Zone = Literal["calm", "amber", "red", "over"]
AMBER_LEFT_S = 10.0
RED_LEFT_S = 5.0


@dataclass(frozen=True)
class Countdown:
    limit_s: float

    def limit_frames(self, samplerate: int) -> int:
        return round(self.limit_s * samplerate)

    def remaining(self, elapsed_s: float) -> float:
        return max(0.0, self.limit_s - elapsed_s)

    def overrun(self, elapsed_s: float) -> float:
        return max(0.0, elapsed_s - self.limit_s)

    def zone(self, elapsed_s: float) -> Zone:
        left = self.limit_s - elapsed_s
        if left < 0:
            return "over"
        if left <= RED_LEFT_S:
            return "red"
        if left <= AMBER_LEFT_S:
            return "amber"
        return "calm"

    def display(self, elapsed_s: float) -> str:
        """What the big clock shows: whole seconds left (rounded up), or "+m:ss" over."""
        over = self.overrun(elapsed_s)
        if over > 0:
            return "+" + format_clock(math.floor(over))
        return format_clock(math.ceil(self.remaining(elapsed_s) - 1e-9))


def format_clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}:{secs:02d}"
