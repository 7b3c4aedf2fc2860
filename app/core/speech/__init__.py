"""The app's one speech service: a Whisper helper process shared by every page, its queue
(a live-call reply first), cancel per caller, and transcription of audio piece by piece as it
is recorded."""

from app.core.speech.service import Priority, Request, SpeechService

__all__ = ["Priority", "Request", "SpeechService"]
