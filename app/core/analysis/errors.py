"""Why a take could not be analysed, in words the user can act on."""

from __future__ import annotations


class AnalysisError(Exception):
    """A take that cannot be analysed. ``str(error)`` is the message to show the user."""


class AudioFileError(AnalysisError):
    """The file is missing or is not audio we can decode."""


class SilentTakeError(AnalysisError):
    """Nothing but silence (or a dead microphone) was recorded."""


class NoSpeechError(AnalysisError):
    """There is sound, but no speech in it."""


class TooShortError(AnalysisError):
    """Too little audio to measure anything about speaking."""
