"""Reading and repairing take files.

A FLAC file whose recorder was killed has no length in its header (libsndfile reports an
absurd frame count), so takes are always read block by block until the end of the data.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import soundfile as sf

from app.audio.errors import AudioFileError

BLOCK = 4096  # small, so a damaged tail costs a few milliseconds, not seconds


def read_audio(path: Path, dtype: str = "float32") -> tuple[np.ndarray, int]:
    """All frames of ``path`` as a (frames, channels) array, and the sample rate."""
    try:
        with sf.SoundFile(path) as f:
            blocks: list[np.ndarray] = []
            while True:
                try:
                    block = f.read(BLOCK, dtype=dtype, always_2d=True)
                except (sf.LibsndfileError, RuntimeError):
                    if not blocks:
                        raise
                    break  # a half-written last frame: keep everything before it
                if not len(block):
                    break
                blocks.append(block)
            channels, rate = f.channels, f.samplerate
    except (sf.LibsndfileError, RuntimeError, OSError) as exc:
        raise AudioFileError.unreadable(path.name) from exc
    if not blocks:
        return np.zeros((0, channels), dtype=dtype), rate
    return np.concatenate(blocks), rate


def repair(path: Path) -> float:
    """Rewrite a take whose header lacks its length; returns its duration in seconds.

    The new file replaces the old one atomically, so a crash here loses nothing either.
    """
    data, rate = read_audio(path, dtype="int16")
    rewrite(path, data, rate)
    return len(data) / rate


def rewrite(path: Path, data: np.ndarray, rate: int) -> None:
    """Replace ``path`` with ``data`` atomically; on failure the old file is left as it was."""
    tmp = path.with_name(path.name + ".repair")
    try:
        sf.write(tmp, data, rate, format="FLAC", subtype="PCM_16")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a half-written copy on a full disk: give the room back
        raise
