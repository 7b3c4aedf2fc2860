"""Memory of the app's processes once a voicemail take has its transcript and a live call's
reply has been heard: before this change the Feedback page and the Live call each started a
Whisper helper of their own; now they share the one speech service. Both arrangements run in
this one process, one after the other, with the same speech.

    /work/main/.venv/bin/python scripts/bench_memory.py

Resident memory (VmRSS) of this process and every process under it, summed, in MB. This
process stands for the app's own (the same in both); the difference is in the helpers.
"""

from __future__ import annotations

import sys
import tempfile
import threading
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.speech import Priority, SpeechService  # noqa: E402
from app.core.speech.helper import WhisperHelper  # noqa: E402
from tests.speech_models import base_model  # noqa: E402

SPEECH = ROOT.parent / "shared" / "speech"
TAKE = SPEECH / "en_read" / "sense_and_sensibility_01_concat_0870-0930.wav"  # a 25 s take
REPLY = SPEECH / "en_read" / "sense_and_sensibility_01_austen_64kb-0880.wav"
NL_TAKE = SPEECH / "nl_read" / "librivox_nl_reader6513_4370_sec17_30.wav"
NL_REPLY = SPEECH / "nl_read" / "vl04108.wav"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(c) for c in text]
    return found + [g for c in found for g in children(c)]


def total_mb() -> tuple[float, int]:
    import os

    pids = [os.getpid(), *children(os.getpid())]
    return sum(rss_mb(p) for p in pids), len(pids)


def mono(path: Path) -> tuple[np.ndarray, int]:
    samples, rate = sf.read(str(path), dtype="float32")
    return (samples if samples.ndim == 1 else samples.mean(axis=1)), rate


def before(take: Path, reply: Path, folder: Path | None, language: str) -> tuple[float, int]:
    """A helper for the Feedback page and one for the Live call, as before."""
    feedback, live_call = WhisperHelper(), WhisperHelper()
    try:
        for helper, path in ((feedback, take), (live_call, reply)):
            helper.transcribe(*mono(path), folder, language, lambda _f: None, threading.Event())
        return total_mb()
    finally:
        feedback.close()
        live_call.close()


def now(take: Path, reply: Path, folder: Path | None, language: str) -> tuple[float, int]:
    """The one speech service for both."""
    service = SpeechService()
    try:
        service.submit("feedback", *mono(take), folder, language).future.result()
        service.submit("live-call", *mono(reply), folder, language, Priority.LIVE).future.result()
        return total_mb()
    finally:
        service.close()


def main() -> None:
    base = base_model(Path(tempfile.gettempdir()) / "pitchback-base")
    cases = [
        ("English (tiny.en)", TAKE, REPLY, None, "en"),
        ("Dutch (multilingual base)", NL_TAKE, NL_REPLY, base, "nl"),
    ]
    print("resident memory of the app's processes after a take's transcript and a reply")
    for name, take, reply, folder, language in cases:
        old, old_n = before(take, reply, folder, language)
        new, new_n = now(take, reply, folder, language)
        print(f"{name:<26} before: {old:6.0f} MB in {old_n} processes; "
              f"one service: {new:6.0f} MB in {new_n}; saved {old - new:4.0f} MB "
              f"({new / old:.2f}x)")  # fmt: skip


if __name__ == "__main__":
    main()
