"""The transcript of a take in English or Dutch (faster-whisper, CPU), and what follows from
it: fillers, a word-level diff against the script, and the script rewritten in the words said.

Importing this package is cheap: faster-whisper is imported when a model is loaded.
"""

from app.core.transcript.compare import DiffOp, ScriptDiff, compare_to_script, use_what_i_said
from app.core.transcript.errors import TranscriptError, TranscriptionCancelled
from app.core.transcript.fillers import Filler, FillerCluster, FillerReport, describe
from app.core.transcript.model import Model, default_model_dir, load_model, verify_model
from app.core.transcript.transcribe import transcribe
from app.core.transcript.transcript import Transcript
from app.core.transcript.words import Word

__all__ = [
    "DiffOp",
    "Filler",
    "FillerCluster",
    "FillerReport",
    "Model",
    "ScriptDiff",
    "Transcript",
    "TranscriptError",
    "TranscriptionCancelled",
    "Word",
    "compare_to_script",
    "default_model_dir",
    "describe",
    "load_model",
    "transcribe",
    "use_what_i_said",
    "verify_model",
]
