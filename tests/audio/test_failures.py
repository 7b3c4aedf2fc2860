"""Audio failures become clear messages, and what was recorded is kept."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from app.audio.devices import Device, choose
from app.audio.errors import NoDeviceError
from tests.audio import rig

pytestmark = pytest.mark.audio


def test_a_missing_remembered_device_falls_back_with_a_note(sd: Any) -> None:
    choice = choose("input", "USB Headset (gone)")
    assert choice.note is not None and "USB Headset (gone)" in choice.note
    assert choice.device.is_default


def test_no_device_at_all_says_so() -> None:
    with pytest.raises(NoDeviceError, match="No microphone"):
        choose("input", None, devices=[])


def test_a_device_that_cannot_be_opened_gives_a_message(sd: Any, tmp_path: Path) -> None:
    from app.audio.errors import AudioError
    from app.audio.recorder import Recorder

    ghost = Device(999, "Ghost mic", "ALSA", 1, 48000.0, False)
    with pytest.raises(AudioError, match=r"Ghost mic|microphone"):
        Recorder(ghost).start(tmp_path / "take.flac")
    assert not (tmp_path / "take.flac").exists()


def test_full_disk_stops_recording_and_keeps_what_was_written(sd: Any, tmp_path: Path) -> None:
    # A file-size limit is how a full disk can be made here without mounting anything:
    # writes past it fail with EFBIG, which the recorder must treat like ENOSPC.
    script = textwrap.dedent(f"""
        import resource, signal, sys, time
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))
        from app.audio.devices import choose
        from app.audio.recorder import Recorder
        r = Recorder(choose("input", "rig_mic").device)
        r.start(__import__("pathlib").Path({str(tmp_path / "take.flac")!r}))
        t = time.monotonic()
        while r.status().error is None and time.monotonic() - t < 20:
            time.sleep(0.05)
        res = r.stop()
        print(type(res.error).__name__, res.frames)
        print(res.error)
    """)
    with rig.feeding(
        sd,
        rig.resample(
            __import__("numpy")
            .random.default_rng(1)
            .uniform(-0.5, 0.5, 48000 * 20)
            .astype("float32"),
            48000,
        ),
    ):
        out = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
        )
    lines = out.stdout.splitlines()
    assert lines and lines[0].startswith("DiskFullError"), out.stdout + out.stderr
    assert "disk is full" in lines[1] and "kept" in lines[1]
    from app.audio.files import read_audio

    data, _rate = read_audio(tmp_path / "take.flac")
    assert len(data) > 0
