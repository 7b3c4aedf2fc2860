"""Peak and RMS levels in dBFS, for the level meter (no numpy here: the UI loads it early)."""

from __future__ import annotations

import math
from dataclasses import dataclass

FLOOR_DB = -100.0


@dataclass(frozen=True)
class Level:
    peak_db: float = FLOOR_DB
    rms_db: float = FLOOR_DB

    @property
    def clipping(self) -> bool:
        return self.peak_db > -0.1


def to_db(amplitude: float) -> float:
    return max(FLOOR_DB, 20.0 * math.log10(amplitude)) if amplitude > 0 else FLOOR_DB
