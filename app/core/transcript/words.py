"""One word of a transcript, as Whisper wrote it and when it was said."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    """``word`` keeps Whisper's spelling, case and punctuation ("Um," or "Thursday."):
    punctuation is all we know of where sentences end."""

    word: str
    start_s: float
    end_s: float

    def to_json_dict(self) -> dict[str, object]:
        return {"word": self.word, "start_s": round(self.start_s, 3), "end_s": round(self.end_s, 3)}
