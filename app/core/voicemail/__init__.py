"""Voicemail practice without Qt: settings, the countdown, the prompter, blind comparisons."""

from app.core.voicemail.call import person_answers
from app.core.voicemail.compare import BlindPair, Side, Verdict, Verdicts, blind_pair
from app.core.voicemail.countdown import Countdown, Zone, format_clock
from app.core.voicemail.prompter import Level, Paragraph, Piece, prompter_view, voicemail_of
from app.core.voicemail.settings import (
    LIMIT_RANGE_S,
    PICKUP_CHOICES,
    VoicemailSettings,
    load_settings,
    prompter_level,
    save_settings,
    set_prompter_level,
)

__all__ = [
    "LIMIT_RANGE_S",
    "PICKUP_CHOICES",
    "BlindPair",
    "Countdown",
    "Level",
    "Paragraph",
    "Piece",
    "Side",
    "Verdict",
    "Verdicts",
    "VoicemailSettings",
    "Zone",
    "blind_pair",
    "format_clock",
    "load_settings",
    "person_answers",
    "prompter_level",
    "prompter_view",
    "save_settings",
    "set_prompter_level",
    "voicemail_of",
]
