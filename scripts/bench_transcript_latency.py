"""Stop to transcript for a 30 s take recorded through the audio rig: the take heard piece by
piece while it is recorded (only the last piece left at stop) against today's way (the whole
file transcribed once the take has stopped), in the same run, with the same warm model.

    flock /tmp/pitchback-audio.lock /work/main/.venv/bin/python scripts/bench_transcript_latency.py

With ``--direct`` the take's audio is handed over in the recorder's blocks at the pace it
would be recorded, without the rig (for a machine whose rig is busy): the same speech, the
same pieces and the same service, but no microphone path. Say which one was measured.

Five takes of real read speech (../shared/speech/en_read, joined to 31 s) go into the virtual
microphone and are recorded as the Voicemail page records them (Recorder into a FLAC file,
its blocks handed to the voice detection 40 times a second).
"""

from __future__ import annotations

import contextlib
import queue
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.audio.devices import choose  # noqa: E402
from app.audio.files import read_audio  # noqa: E402
from app.audio.recorder import Recorder  # noqa: E402
from app.core.analysis import vad  # noqa: E402
from app.core.practice.ears import TakeEars  # noqa: E402
from app.core.speech import SpeechService  # noqa: E402
from tests.audio import rig  # noqa: E402

SPEECH = ROOT.parent / "shared" / "speech" / "en_read"
CLIPS = ("sense_and_sensibility_01_concat_0870-0930.wav",
         "sense_and_sensibility_01_austen_64kb-0880.wav",
         "sense_and_sensibility_01_austen_64kb-0930.wav")  # fmt: skip
TAKES = 5
TICK_S = 1 / 40


def take_audio() -> np.ndarray:
    parts = []
    for name in CLIPS:
        clip, rate = sf.read(str(SPEECH / name), dtype="float32")
        parts.append(rig.resample(clip, rate))
    audio = np.concatenate(parts)
    return (0.8 * audio / np.max(np.abs(audio))).astype(np.float32)


def one_take(sd: object, service: SpeechService, path: Path) -> tuple[float, float, str, str]:
    """Seconds from stop to transcript: piece by piece, then the whole file; both texts."""
    audio = take_audio()
    blocks: queue.SimpleQueue[np.ndarray] = queue.SimpleQueue()
    recorder = Recorder(choose("input", "rig_mic").device)
    recorder.monitor = blocks
    with vad.silero() as model:
        ears = TakeEars(service, model, recorder.samplerate, None, "en")
        recorder.start(path)
        with rig.feeding(sd, audio, delay_s=0.3) as feed:  # type: ignore[arg-type]
            while not feed.done.is_set():
                time.sleep(TICK_S)
                got = []
                with contextlib.suppress(queue.Empty):
                    while True:
                        got.append(blocks.get_nowait())
                ears.hear(got)
        result = recorder.stop()
        stopped = time.monotonic()
        rest = []
        with contextlib.suppress(queue.Empty):
            while True:
                rest.append(blocks.get_nowait())
        ears.hear(rest)
        words = ears.finish(result.frames)
        while (pieces := words.transcript(result.seconds)) is None:
            time.sleep(0.01)
        piecewise = time.monotonic() - stopped
    stopped = time.monotonic()
    samples, rate = read_audio(path)
    mono = samples.mean(axis=1) if samples.ndim == 2 else samples
    whole, _folder = service.submit("bench", mono, rate, None, "en").future.result()
    today = time.monotonic() - stopped
    return piecewise, today, pieces.text, whole.text


def one_direct_take(service: SpeechService, path: Path) -> tuple[float, float, str, str]:
    """As ``one_take``, the blocks handed over at recording pace without the audio rig."""
    audio = take_audio()
    sf.write(path, audio, rig.RATE, format="FLAC")
    block = rig.RATE // 100
    with vad.silero() as model:
        ears = TakeEars(service, model, rig.RATE, None, "en")
        start = time.monotonic()
        for first in range(0, len(audio), 4 * block):
            ahead = start + first / rig.RATE - time.monotonic()
            if ahead > 0:
                time.sleep(ahead)
            chunk = audio[first : first + 4 * block]
            ears.hear([chunk[i : i + block] for i in range(0, len(chunk), block)])
        stopped = time.monotonic()
        words = ears.finish(len(audio))
        while (pieces := words.transcript(len(audio) / rig.RATE)) is None:
            time.sleep(0.01)
        piecewise = time.monotonic() - stopped
    stopped = time.monotonic()
    samples, rate = read_audio(path)
    whole, _folder = service.submit("bench", samples, rate, None, "en").future.result()
    return piecewise, time.monotonic() - stopped, pieces.text, whole.text


def main() -> None:
    direct = "--direct" in sys.argv
    sd = None if direct else rig.start()
    service = SpeechService()
    service.warm_up(None, "en").future.result()
    ours, theirs = [], []
    try:
        with tempfile.TemporaryDirectory() as folder:
            for number in range(TAKES):
                path = Path(folder) / f"{number}.flac"
                piecewise, today, text, whole = (
                    one_direct_take(service, path) if direct else one_take(sd, service, path)
                )
                ours.append(piecewise)
                theirs.append(today)
                print(f"take {number + 1}: piece by piece {piecewise:.2f} s, whole file "
                      f"{today:.2f} s", flush=True)  # fmt: skip
                if number == 0:
                    print(f"  pieces: {text[:110]}\n  whole:  {whole[:110]}")
    finally:
        service.close()
    how = "handed over directly, no rig" if direct else "through the audio rig"
    print(f"\nstop -> transcript, {TAKES} takes of {len(take_audio()) / rig.RATE:.0f} s, {how}:")
    print(f"piece by piece: p50 {statistics.median(ours):.2f} s, max {max(ours):.2f} s")
    print(f"whole file:     p50 {statistics.median(theirs):.2f} s, max {max(theirs):.2f} s")
    print(f"ratio p50: {statistics.median(ours) / statistics.median(theirs):.2f}")


if __name__ == "__main__":
    main()
