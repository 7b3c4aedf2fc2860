"""Analysis of a take (no Qt): pauses, speech rate, pitch, loudness and phrasing, and feedback
in plain words.

    analysis = analyze_file(path)            # or analyze(samples, samplerate)
    feedback = describe(analysis, baseline)  # verdict + at most three suggestions
    data = analysis.to_json_dict(transcript, script_text)
"""

from app.core.analysis.analyze import analyze, analyze_file, warm_up
from app.core.analysis.cli import analyze_main
from app.core.analysis.describe import Feedback, describe
from app.core.analysis.errors import (
    AnalysisError,
    AudioFileError,
    NoSpeechError,
    SilentTakeError,
    TooShortError,
)
from app.core.analysis.pauses import Pause, PauseKind, TimedWord, classify_pauses
from app.core.analysis.pitch import PitchStats
from app.core.analysis.report import Analysis

__all__ = [
    "Analysis",
    "AnalysisError",
    "AudioFileError",
    "Feedback",
    "NoSpeechError",
    "Pause",
    "PauseKind",
    "PitchStats",
    "SilentTakeError",
    "TimedWord",
    "TooShortError",
    "analyze",
    "analyze_file",
    "analyze_main",
    "classify_pauses",
    "describe",
    "warm_up",
]
