"""Transcripts written by hand, for tests that need no model."""

from __future__ import annotations

from app.core.transcript import Transcript, Word


def spoken(text: str, every_s: float = 0.5, duration_s: float | None = None) -> Transcript:
    """``text`` as Whisper might have written it, one word every ``every_s`` seconds."""
    words = tuple(
        Word(token, i * every_s, i * every_s + every_s * 0.8)
        for i, token in enumerate(text.split())
    )
    return Transcript(words, duration_s if duration_s is not None else len(words) * every_s)
