"""Shared helpers for the analysis tests: the real speech of ../shared/speech (see SOURCES.md
there for sources and licenses) and analyses computed once per session."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import numpy as np
import soundfile as sf

from app.core.analysis.features import Tracks, compute_tracks
from app.core.analysis.signal import ArraySource

SPEECH = Path(__file__).resolve().parents[3].parent / "shared" / "speech"
DATA = Path(__file__).resolve().parent / "data"
SPONTANEOUS = ("acoustic_corpus", "cold_corpus", "cold_corpus3")


def reference() -> dict:
    return json.loads((DATA / "reference.json").read_text("utf-8"))


@cache
def load(relative: str) -> tuple[np.ndarray, int]:
    samples, rate = sf.read(str(SPEECH / relative), dtype="float32")
    samples.flags.writeable = False  # shared between tests
    return samples, rate


@cache
def tracks(relative: str) -> Tracks:
    return compute_tracks(ArraySource(*load(relative)))
