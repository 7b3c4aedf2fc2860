"""Delivery feedback on a take, without Qt: its report card, its pitch track and outline for
drawing, the transcript marked against the script, the natural-voice yardstick, and what is
kept of all this per take.

    analysis, pitch = analyze_with_pitch(samples, rate)
    report = build_report(analysis, records.baseline(), earlier, transcript, voicemail)
"""

from app.core.feedback.measure import Envelope, PitchTrack, analyze_with_pitch, envelope
from app.core.feedback.records import FeedbackRecords, StoredAnalysis, TakePoint
from app.core.feedback.report import Figure, Report, build_report
from app.core.feedback.wording import (
    MarkedWord,
    marked_words,
    revise_in_my_words,
    script_in_my_words,
    voicemail_text,
    with_voicemail,
)

__all__ = [
    "Envelope",
    "FeedbackRecords",
    "Figure",
    "MarkedWord",
    "PitchTrack",
    "Report",
    "StoredAnalysis",
    "TakePoint",
    "analyze_with_pitch",
    "build_report",
    "envelope",
    "marked_words",
    "revise_in_my_words",
    "script_in_my_words",
    "voicemail_text",
    "with_voicemail",
]
