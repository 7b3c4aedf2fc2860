"""A take's transcript: its words with times, and the fillers among them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from app.core.transcript.fillers import Filler, FillerReport, filler_report, find_fillers
from app.core.transcript.words import Word


def join_words(words: Iterable[str]) -> str:
    """Words as one text; Whisper splits "ill-disposed" into "ill" and "-disposed"."""
    text = ""
    for word in words:
        glued = not text or word.startswith("-") or text.endswith("-")
        text += word if glued else f" {word}"
    return text


@dataclass(frozen=True)
class Transcript:
    """What was said in a take of ``duration_s`` seconds, in ``language`` ('en', 'nl')."""

    words: tuple[Word, ...]
    duration_s: float
    language: str = "en"
    text: str = field(init=False)

    def __post_init__(self) -> None:
        # Derived, so the text can never disagree with the words it is made of.
        object.__setattr__(self, "text", join_words(w.word for w in self.words))

    @cached_property
    def fillers(self) -> tuple[Filler, ...]:
        return find_fillers(self.words, self.language)

    @cached_property
    def filler_report(self) -> FillerReport:
        return filler_report(self.fillers, self.duration_s)

    def to_json_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "words": [w.to_json_dict() for w in self.words],
            "fillers": [f.to_json_dict() for f in self.fillers],
        }
