"""How long spoken text takes to say: word counts and speaking time.

Only what is said aloud counts: cue lines, notes and (cues in parentheses) inside a sentence are
left out, and a placeholder is one word whatever it will be replaced by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.script.model import Script, Step

# A token is a run of non-space characters in which a {placeholder} may hold spaces, so that
# {first name} stays one word.
TOKEN = re.compile(r"(?:\{[^{}\n]*\}|\S)+")
_INLINE_CUE = re.compile(r"\([^()\n]*\)")
_SPACES = re.compile(r"[^\S\n]+")

DEFAULT_WORDS_PER_MINUTE = 150.0


def without_cues(text: str) -> str:
    """``text`` with (cues in parentheses) taken out and the spaces left behind tidied."""
    if "(" in text:
        text = _INLINE_CUE.sub(" ", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def is_word(token: str) -> bool:
    """Punctuation on its own ("—", "...") is not a word a listener hears."""
    return any(char.isalnum() for char in token)


def word_count(text: str) -> int:
    return sum(1 for token in TOKEN.findall(without_cues(text)) if is_word(token))


def speaking_seconds(text: str, words_per_minute: float = DEFAULT_WORDS_PER_MINUTE) -> float:
    """Seconds it takes to say ``text`` at a steady ``words_per_minute``."""
    if words_per_minute <= 0:
        raise ValueError(f"words_per_minute must be positive, not {words_per_minute}")
    return word_count(text) * 60.0 / words_per_minute


def spoken_text(step: Step | None) -> str:
    """What is said aloud in ``step``, one line per spoken line of the script."""
    if step is None:
        return ""
    return without_cues("\n".join(step.spoken))


@dataclass(frozen=True)
class SpeechEstimate:
    words: int
    seconds: float


def estimate_voicemail(
    script: Script, words_per_minute: float = DEFAULT_WORDS_PER_MINUTE
) -> SpeechEstimate:
    text = spoken_text(script.voicemail)
    return SpeechEstimate(word_count(text), speaking_seconds(text, words_per_minute))
