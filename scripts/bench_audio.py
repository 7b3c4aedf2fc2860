"""From "record" to the first frame on disk, against PortAudio's own first callback.

The reference is a bare sounddevice InputStream on the same device in the same run: the
time from asking for it to its first callback. Pitchback adds the file, the writer thread
and the flush on top of that.

    .venv/bin/python scripts/bench_audio.py [--runs 20] [--device NAME]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.audio.devices import choose
from app.audio.recorder import Recorder


def bare_first_callback(device_index: int) -> float:
    import sounddevice as sd

    first = threading.Event()
    t0 = time.monotonic()
    with sd.InputStream(
        device=device_index, samplerate=48000, channels=1, callback=lambda *_: first.set()
    ):
        first.wait(2)
        elapsed = time.monotonic() - t0
    return elapsed


def pitchback_first_write(recorder: Recorder, path: Path) -> float:
    t0 = time.monotonic()
    recorder.start(path)
    while recorder.first_write_at is None and time.monotonic() - t0 < 2:
        time.sleep(0.0005)
    first = recorder.first_write_at
    recorder.stop()
    assert first is not None, "no audio arrived"
    return first - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--device", default=None)
    args = parser.parse_args()
    device = choose("input", args.device).device
    recorder = Recorder(device)
    bare, ours = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.runs):
            bare.append(bare_first_callback(device.index))
            ours.append(pitchback_first_write(recorder, Path(tmp) / f"{i}.flac"))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"device: {device.label}")
    print(f"PortAudio first callback: {b * 1000:.1f} ms (median of {args.runs})")
    print(
        f"record -> first frame on disk: {o * 1000:.1f} ms "
        f"(max {max(ours) * 1000:.1f} ms; goal <= 50 ms)"
    )
    print(f"ratio: {o / b:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
