"""Run a built bundle as a user's machine would, and check what it does (scripts/build calls it).

1. ``pitchback --self-check`` in a fresh environment: only HOME (a new, empty folder), PATH (an
   empty folder: no Python, no .venv), LANG and QT_QPA_PLATFORM=offscreen, as ``env -i`` would
   give; and no network (a network namespace of its own, ``unshare -n``, when this runs as
   root). It must pass, with PortAudio and the speech model loaded from inside the bundle.
2. ``pitchback record --seconds 3 --out FILE`` in the same kind of environment, while a
   440 Hz tone plays into the audio rig's microphone (under /tmp/pitchback-audio.lock, like
   the audio tests): the file must hold 3 s of that tone. Skipped when the rig is not running
   (PITCHBACK_TEST_RIG unset: scripts/build starts it on Debian as root).

    .venv/bin/python scripts/check_bundle.py dist/Pitchback
"""

from __future__ import annotations

import argparse
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

TONE_HZ = 440.0
RATE = 48000
SECONDS = 3.0
AUDIO_LOCK = "/tmp/pitchback-audio.lock"


def fresh_env(tmp: Path) -> dict[str, str]:
    home, path = tmp / "home", tmp / "empty-path"
    home.mkdir(parents=True)
    path.mkdir(parents=True)
    return {
        "HOME": str(home),
        "PATH": str(path),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }


@cache
def offline() -> list[str]:
    """The command prefix that takes the network away, or none when this cannot."""
    unshare = shutil.which("unshare")
    if unshare and os.geteuid() == 0 and subprocess.run([unshare, "-n", "true"]).returncode == 0:
        return [unshare, "-n", "--"]
    print("(no network namespace here: the bundle runs with the network as it is)")
    return []


def self_check(program: Path, env: dict[str, str]) -> None:
    assert shutil.which("python3", path=env["PATH"]) is None
    done = subprocess.run(
        [*offline(), str(program), "--self-check"], env=env, capture_output=True, text=True
    )
    print(done.stdout, end="")
    if done.returncode != 0:
        sys.exit(f"the bundle's self-check failed (exit {done.returncode}):\n{done.stderr}")
    bundle = str(program.parent)
    for part in ("audio devices", "speech model"):
        line = next(line for line in done.stdout.splitlines() if line.startswith(f"ok {part}"))
        if bundle not in line:
            sys.exit(f"the bundle's {part} came from outside the bundle: {line}")


@contextmanager
def tone_into_microphone() -> Iterator[None]:
    """A 440 Hz tone into the rig's microphone, for as long as the block runs."""
    import sounddevice as sd

    if "rig_feed" not in [device["name"] for device in sd.query_devices()]:
        sd._terminate()
        sd._initialize()
    phase = 0

    def feed(out: np.ndarray, frames: int, _time: Any, _status: Any) -> None:
        nonlocal phase
        t = (phase + np.arange(frames)) / RATE
        out[:, 0] = 0.5 * np.sin(2 * np.pi * TONE_HZ * t)
        phase += frames

    with open(AUDIO_LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with sd.OutputStream(device="rig_feed", samplerate=RATE, channels=1, callback=feed):
            yield


def record(program: Path, env: dict[str, str], out: Path) -> None:
    import soundfile as sf

    with tone_into_microphone():
        done = subprocess.run(
            [*offline(), str(program), "record", "--seconds", str(SECONDS), "--out", str(out)],
            env=env,
            capture_output=True,
            text=True,
        )
    print(done.stdout + done.stderr, end="")
    if done.returncode != 0:
        sys.exit(f"the bundle's record failed (exit {done.returncode})")
    samples, rate = sf.read(str(out), dtype="float32", always_2d=True)
    mono = samples.mean(axis=1)
    seconds = len(mono) / rate
    spectrum = np.abs(np.fft.rfft(mono * np.hanning(len(mono))))
    peak_hz = float(np.argmax(spectrum)) * rate / len(mono)
    level = float(np.sqrt(np.mean(mono[rate // 2 :] ** 2)))
    print(f"recorded {seconds:.2f} s at {rate} Hz: loudest at {peak_hz:.0f} Hz, RMS {level:.3f}")
    if abs(seconds - SECONDS) > 0.05 or abs(peak_hz - TONE_HZ) > 5 or level < 0.05:
        sys.exit(f"the bundle did not record the {TONE_HZ:.0f} Hz tone for {SECONDS} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("bundle", type=Path, help="the bundle's folder (dist/Pitchback)")
    args = parser.parse_args()
    program = args.bundle.resolve() / "pitchback"
    with tempfile.TemporaryDirectory(prefix="pitchback-bundle-") as tmp:
        print("-- self-check, fresh environment, no network")
        self_check(program, fresh_env(Path(tmp) / "check"))
        if os.environ.get("PITCHBACK_TEST_RIG") != "1":
            print("-- record: skipped, the audio rig is not running")
            print("bundle: 1 passed, 0 failed, 1 skipped")
            return 0
        print("-- record --seconds 3, a tone played into the rig's microphone")
        record(program, fresh_env(Path(tmp) / "record"), Path(tmp) / "take.flac")
    print("bundle: 2 passed, 0 failed")  # a failure has ended this with its reason
    return 0


if __name__ == "__main__":
    sys.exit(main())
