"""The prospect's recorded lines, read and cut to the voice, ready for the player."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from app.audio.files import read_audio
from app.core.practice.lines import trimmed


def load_line(path: Path) -> tuple[np.ndarray, int]:
    """The line at ``path`` as mono float32 from its first to its last voiced sound.

    Raises AudioFileError when the file cannot be read.
    """
    data, rate = read_audio(path)
    mono = data.mean(axis=1) if data.shape[1] > 1 else data[:, 0]
    return trimmed(mono, rate), rate
