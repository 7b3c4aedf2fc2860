"""What can go wrong while turning a take into words."""

from __future__ import annotations


class TranscriptError(Exception):
    """A problem the user can act on; ``str(error)`` is the translated message to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TranscriptionCancelled(Exception):
    """The caller set the cancel event; not an error, so it is no ``TranscriptError``."""
