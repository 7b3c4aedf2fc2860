"""``pitchback record`` on a damaged, read-only or full data folder: one clear line, exit 1,
no traceback (issue 10, #5)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.core.paths import database_path
from app.core.store import connect
from tests.small_disk import fill, make_read_only, small_disk

pytestmark = pytest.mark.audio


def record(home: Path) -> tuple[int, list[str]]:
    env = {**os.environ, "PITCHBACK_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-m", "app", "record", "--seconds", "1", "--device", "rig_mic"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    said = [
        line
        for line in (done.stdout + done.stderr).splitlines()
        if line.strip() and not line.startswith(("ALSA lib", "Recording from"))
    ]
    return done.returncode, said


def test_record_says_one_line_when_the_database_is_damaged_read_only_or_full(
    sd: Any, home: Path
) -> None:
    home.mkdir(parents=True)
    database_path(home).write_bytes(b"this is not SQLite at all" * 100)
    code, said = record(home)
    assert code == 1 and len(said) == 1, said
    assert "damaged" in said[0]

    with small_disk(home / "ro"):
        connect(database_path(home / "ro")).close()
        make_read_only(home / "ro")
        code, said = record(home / "ro")
        assert code == 1 and len(said) == 1, said
        assert "Pitchback cannot save" in said[0]

    with small_disk(home / "full", "1m"):
        connect(database_path(home / "full")).close()
        fill(home / "full")
        code, said = record(home / "full")
        assert code == 1 and len(said) == 1, said
        assert "disk is full" in said[0]
