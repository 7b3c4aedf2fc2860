"""The analysis of one take: the numbers, and their JSON form (shared by the app and the CLI)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.core.analysis.pauses import Pause, TimedWord, classify_pauses
from app.core.analysis.pitch import PitchStats

FILLERS = frozenset(
    {"um", "uh", "uhm", "erm", "er", "ah", "ahm", "eh", "euh", "ehm", "hm", "hmm", "mm"}
)


@dataclass(frozen=True)
class Analysis:
    duration_s: float
    speech_start_s: float
    speech_end_s: float
    speech_s: float  # speaking time: from the first to the last speech, less the pauses
    pauses: tuple[Pause, ...]
    syllables: int
    pitch: PitchStats | None
    loudness_sd_db: float | None
    phrase_variation: float | None  # coefficient of variation of the phrase lengths
    phrase_count: int
    voiced_fraction: float = 1.0  # of the speech frames, where Praat found voicing
    clipped_fraction: float = 0.0
    damaged_fraction: float = 0.0  # samples that were NaN or infinite, replaced by silence
    nuclei_s: tuple[float, ...] = field(default=(), repr=False)

    @property
    def span_s(self) -> float:
        return self.speech_end_s - self.speech_start_s

    @property
    def articulation_rate(self) -> float:
        """Syllables per second of speaking, pauses left out."""
        return self.syllables / self.speech_s if self.speech_s > 0 else 0.0

    @property
    def speech_rate(self) -> float:
        """Syllables per second from the first to the last word, pauses included."""
        return self.syllables / self.span_s if self.span_s > 0 else 0.0

    @property
    def pauses_per_minute(self) -> float:
        return 60.0 * len(self.pauses) / self.span_s if self.span_s > 0 else 0.0

    @property
    def mean_pause_s(self) -> float | None:
        if not self.pauses:
            return None
        return sum(p.duration_s for p in self.pauses) / len(self.pauses)

    @property
    def longest_pause_s(self) -> float | None:
        return max((p.duration_s for p in self.pauses), default=None)

    def words_per_minute(self, transcript: Mapping[str, Any] | None) -> float | None:
        """Words (fillers left out) per minute from the first to the last speech."""
        words = timed_words(transcript)
        if not words or self.span_s <= 0:
            return None
        spoken = [w for w in words if _normal(w.text) not in FILLERS]
        return 60.0 * len(spoken) / self.span_s

    def to_json_dict(
        self, transcript: Mapping[str, Any] | None = None, script_text: str | None = None
    ) -> dict[str, Any]:
        """The analysis as JSON-ready data. With a transcript, words per minute; with a
        transcript and the script, where each pause falls (``kind`` of each pause)."""
        words = timed_words(transcript)
        kinds = (
            classify_pauses(self.pauses, words, script_text)
            if words and script_text is not None
            else [None] * len(self.pauses)
        )
        pauses: list[dict[str, Any]] = []
        for pause, kind in zip(self.pauses, kinds, strict=True):
            entry: dict[str, Any] = {"start_s": pause.start_s, "end_s": pause.end_s}
            if kind is not None:
                entry["kind"] = kind
            pauses.append(entry)
        wpm = self.words_per_minute(transcript)
        return {
            "duration_s": round(self.duration_s, 3),
            "speech_s": round(self.speech_s, 3),
            "speech_start_s": round(self.speech_start_s, 3),
            "speech_end_s": round(self.speech_end_s, 3),
            "pauses": pauses,
            "pause_count": len(self.pauses),
            "pauses_per_minute": round(self.pauses_per_minute, 2),
            "mean_pause_s": _rounded(self.mean_pause_s, 3),
            "longest_pause_s": _rounded(self.longest_pause_s, 3),
            "syllables": self.syllables,
            "articulation_rate": round(self.articulation_rate, 2),
            "speech_rate": round(self.speech_rate, 2),
            "words_per_minute": _rounded(wpm, 1),
            "pitch": self.pitch.to_json_dict() if self.pitch else None,
            "loudness_sd_db": _rounded(self.loudness_sd_db, 2),
            "phrase_count": self.phrase_count,
            "phrase_variation": _rounded(self.phrase_variation, 3),
            "voiced_fraction": round(self.voiced_fraction, 3),
            "clipped_fraction": round(self.clipped_fraction, 5),
            "damaged_fraction": round(self.damaged_fraction, 5),
            "transcript": dict(transcript) if transcript is not None else None,
        }


def timed_words(transcript: Mapping[str, Any] | None) -> list[TimedWord]:
    """The words of a transcript dict ({"words": [{"text"|"word", "start_s", "end_s"}]})."""
    if not transcript:
        return []
    words: Sequence[Mapping[str, Any]] = transcript.get("words") or []
    out = []
    for word in words:
        text = str(word.get("text", word.get("word", "")))
        out.append(TimedWord(text, float(word["start_s"]), float(word["end_s"])))
    return out


def _normal(text: str) -> str:
    return re.sub(r"[^\w']", "", text.lower())


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
