"""What the voicemail prompter shows at each of its four levels.

The user steps down as the words become theirs: the full text; key words only (the first
words of each sentence and every placeholder, the rest faded); the outline; nothing at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Literal

from app.core.script import Line, LineKind, Step, key_words, outline, parse

Style = Literal["spoken", "faded", "cue"]


class Level(IntEnum):
    FULL = 0
    KEY_WORDS = 1
    OUTLINE = 2
    NOTHING = 3


@dataclass(frozen=True)
class Piece:
    text: str
    style: Style


Paragraph = tuple[Piece, ...]


def voicemail_of(text: str) -> Step | None:
    """The voicemail part of a script's text, if it has one."""
    return parse(text).voicemail


def prompter_view(step: Step | None, level: Level) -> list[Paragraph]:
    """The paragraphs to show; notes (for whoever edits the script) are never shown."""
    if step is None or level == Level.NOTHING:
        return []
    if level == Level.OUTLINE:
        cues = {f"({cue})" for cue in step.cues}
        return [(Piece(item, "cue" if item in cues else "spoken"),) for item in outline(step)]
    paragraphs: list[Paragraph] = []
    for item in step.body:
        if not isinstance(item, Line):
            continue
        if item.kind == LineKind.CUE:
            paragraphs.append((Piece(f"({item.text})", "cue"),))
        elif item.kind == LineKind.SPOKEN and level == Level.KEY_WORDS:
            segments = key_words(item.text)
            paragraphs.append(
                tuple(Piece(s.text, "spoken" if s.is_key else "faded") for s in segments)
            )
        elif item.kind == LineKind.SPOKEN:
            paragraphs.append((Piece(item.text, "spoken"),))
    return paragraphs
