"""Call scripts in Pitchback's plain-text format (``.pitch``): model, parser, writer, checks.

The format is described for salespeople in docs/script-format.md.
"""

from app.core.script.check import EXTENSION, check_file, read_script
from app.core.script.estimate import (
    SpeechEstimate,
    estimate_voicemail,
    speaking_seconds,
    spoken_text,
    word_count,
)
from app.core.script.model import Branch, Line, LineKind, Problem, Script, Severity, Step
from app.core.script.parser import parse
from app.core.script.prompter import Segment, key_words, outline
from app.core.script.textfile import ScriptFileError, read_text
from app.core.script.writer import write

__all__ = [
    "EXTENSION",
    "Branch",
    "Line",
    "LineKind",
    "Problem",
    "Script",
    "ScriptFileError",
    "Segment",
    "Severity",
    "SpeechEstimate",
    "Step",
    "check_file",
    "estimate_voicemail",
    "key_words",
    "outline",
    "parse",
    "read_script",
    "read_text",
    "speaking_seconds",
    "spoken_text",
    "word_count",
    "write",
]
