"""The Dutch model in the box: joined once from its two packages into the cache, checked by
hash; parts missing or damaged give a plain message, and English keeps working."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.transcript import Model, Transcript, TranscriptError, transcribe
from app.core.transcript.model import default_model_dir, resolve_model, sha256_of
from app.core.transcript.multilingual import (
    FOLDER_NAME,
    MODEL_BIN_SHA256,
    base_model_dir,
    part_folders,
)
from tests.core.transcript.conftest import read_clip

DAMAGED = "missing or damaged"


def test_the_parts_are_joined_once_into_the_cache_and_checked(tmp_path: Path) -> None:
    folder = base_model_dir(tmp_path)
    assert folder == tmp_path / FOLDER_NAME
    assert sorted(p.name for p in folder.iterdir()) == [
        "config.json",
        "model.bin",
        "tokenizer.json",
        "vocabulary.txt",
    ]
    assert sha256_of(folder / "model.bin") == MODEL_BIN_SHA256
    joined = (folder / "model.bin").stat().st_mtime_ns
    assert base_model_dir(tmp_path) == folder
    assert (folder / "model.bin").stat().st_mtime_ns == joined  # not joined again


def test_a_damaged_joined_file_is_joined_again(tmp_path: Path) -> None:
    folder = base_model_dir(tmp_path)
    with (folder / "model.bin").open("r+b") as weights:
        weights.seek(1000)
        weights.write(b"\0\0\0\0")
    base_model_dir(tmp_path)
    assert sha256_of(folder / "model.bin") == MODEL_BIN_SHA256


def _damaged_parts(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the installed parts with one byte of the second half changed."""
    first, second = part_folders()
    copies = tmp_path / "part1", tmp_path / "part2"
    copies[0].mkdir()
    for source in first.iterdir():
        (copies[0] / source.name).symlink_to(source)
    shutil.copytree(second, copies[1])
    with (copies[1] / "model.bin.part2").open("r+b") as half:
        half.seek(5_000_000)
        byte = half.read(1)
        half.seek(5_000_000)
        half.write(bytes([byte[0] ^ 0xFF]))
    return copies


def test_damaged_parts_give_a_plain_message_and_leave_no_model(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with pytest.raises(TranscriptError, match=DAMAGED) as error:
        base_model_dir(cache, _damaged_parts(tmp_path))
    assert "Reinstall Pitchback" in error.value.message
    assert "English transcripts still work" in error.value.message
    left = sorted(p.name for p in (cache / FOLDER_NAME).iterdir())
    assert "model.bin" not in left
    assert not [name for name in left if name.startswith(".")]  # no half-written file


def test_missing_parts_give_the_same_message(tmp_path: Path) -> None:
    empty = tmp_path / "a", tmp_path / "b"
    for folder in empty:
        folder.mkdir()
    with pytest.raises(TranscriptError, match=DAMAGED):
        base_model_dir(tmp_path / "cache", empty)


def test_without_the_dutch_model_english_still_works(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    model: Model,
    transcript_of: Callable[[str], Transcript],
) -> None:
    parts = _damaged_parts(tmp_path)
    monkeypatch.setattr("app.core.transcript.multilingual.part_folders", lambda: parts)
    with pytest.raises(TranscriptError, match=DAMAGED):
        resolve_model("nl", None, tmp_path / "cache")
    folder, language = resolve_model("en", None, tmp_path / "cache")
    assert (folder, language) == (default_model_dir(), "en")
    assert model.folder == folder  # the session's model is the one English gets
    words = transcribe(model, *read_clip("en_spont/mfa_youknow.flac")).text.lower()
    assert "you know" in words


def test_a_chosen_folder_serves_every_language(tmp_path: Path) -> None:
    assert resolve_model("nl", tmp_path, tmp_path / "cache") == (tmp_path, "nl")
    assert resolve_model("fr", tmp_path, tmp_path / "cache") == (tmp_path, "en")
