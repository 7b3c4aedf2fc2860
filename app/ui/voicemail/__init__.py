"""The Voicemail tab: prompter, countdown, calling yourself, phone-line playback, takes."""

from app.ui.voicemail.page import VoicemailPage

__all__ = ["VoicemailPage"]
