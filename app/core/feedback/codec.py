"""Analyses, transcripts and pitch tracks in the form they are stored in, and back.

An analysis is stored as ``Analysis.to_json_dict()`` (without a transcript), so that the
store holds exactly what the command line prints; ``analysis_from_json`` rebuilds the object
``describe`` needs from it. The syllable times are not in that form and come back empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from app.core.analysis import Analysis, Pause, PitchStats
from app.core.transcript import Transcript, Word

# Bump when the stored analysis would no longer match what analysing the take gives.
ANALYSIS_FORMAT = 1


def analysis_from_json(data: Mapping[str, Any]) -> Analysis:
    pitch = data.get("pitch")
    return Analysis(
        duration_s=float(data["duration_s"]),
        speech_start_s=float(data["speech_start_s"]),
        speech_end_s=float(data["speech_end_s"]),
        speech_s=float(data["speech_s"]),
        pauses=tuple(Pause(float(p["start_s"]), float(p["end_s"])) for p in data["pauses"]),
        syllables=int(data["syllables"]),
        pitch=(
            PitchStats(float(pitch["median_hz"]), float(pitch["range_st"]), float(pitch["sd_st"]))
            if pitch
            else None
        ),
        loudness_sd_db=_optional(data.get("loudness_sd_db")),
        phrase_variation=_optional(data.get("phrase_variation")),
        phrase_count=int(data["phrase_count"]),
        voiced_fraction=float(data.get("voiced_fraction", 1.0)),
        clipped_fraction=float(data.get("clipped_fraction", 0.0)),
        damaged_fraction=float(data.get("damaged_fraction", 0.0)),
    )


def transcript_from_json(data: Mapping[str, Any], duration_s: float, language: str) -> Transcript:
    words = tuple(
        Word(str(w["word"]), float(w["start_s"]), float(w["end_s"])) for w in data["words"]
    )
    return Transcript(words, duration_s, language)


def contour_to_blob(f0_hz: np.ndarray) -> bytes:
    return np.asarray(f0_hz, dtype="<f4").tobytes()


def contour_from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<f4").astype(np.float32)


def _optional(value: Any) -> float | None:
    return None if value is None else float(value)
