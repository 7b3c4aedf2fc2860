"""How long the whole analysis of a 30 s take takes, against Praat's two-pass pitch alone.

The take is ../shared/speech/en_spont/acoustic_corpus.wav (26.7 s of spontaneous speech, MIT,
see SOURCES.md there) with its own first 3.3 s appended to make exactly 30 s. The reference
is the plain De Looze & Hirst two-pass pitch on the same samples, with Praat's default time
steps. Both are timed alternately in this process, after one warm-up run of each (the Silero
helper process and model are started then, as the app does once at start-up), and the
medians are compared. Silero runs in a helper process alongside Praat (two cores); with
--no-helper everything runs in this process, one step after another.

    .venv/bin/python scripts/bench_analysis.py [--runs N] [--no-helper]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import parselmouth
import soundfile as sf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.analysis import analyze  # noqa: E402
from app.core.analysis.pitch import CEILING_FACTOR, FIRST_PASS, FLOOR_FACTOR  # noqa: E402
from app.core.analysis.silero_worker import WORKER  # noqa: E402

CLIP = ROOT.parent / "shared" / "speech" / "en_spont" / "acoustic_corpus.wav"
TAKE_S = 30.0
LIMIT = 1.5


def thirty_second_take() -> tuple[np.ndarray, int]:
    samples, rate = sf.read(str(CLIP), dtype="float32")
    missing = int(TAKE_S * rate) - len(samples)
    return np.concatenate([samples, samples[:missing]]), rate


def two_pass_pitch(samples: np.ndarray, rate: int) -> parselmouth.Pitch:
    sound = parselmouth.Sound(samples.astype(np.float64), rate)
    first = sound.to_pitch_ac(pitch_floor=FIRST_PASS[0], pitch_ceiling=FIRST_PASS[1])
    f0 = first.selected_array["frequency"]
    q25, q75 = np.percentile(f0[f0 > 0], [25, 75])
    return sound.to_pitch_ac(pitch_floor=FLOOR_FACTOR * q25, pitch_ceiling=CEILING_FACTOR * q75)


def timed(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--no-helper", action="store_true", help="Silero in this process too")
    args = parser.parse_args()
    if args.no_helper:
        WORKER.available = lambda: False  # type: ignore[method-assign]
    samples, rate = thirty_second_take()
    analyze(samples, rate)
    two_pass_pitch(samples, rate)
    whole, pitch = [], []
    for _ in range(args.runs):
        pitch.append(timed(lambda: two_pass_pitch(samples, rate)))
        whole.append(timed(lambda: analyze(samples, rate)))
    ratios = [w / p for w, p in zip(whole, pitch, strict=True)]
    ratio = statistics.median(whole) / statistics.median(pitch)
    print(f"take: {CLIP.name} extended to {len(samples) / rate:.1f} s at {rate} Hz")
    print(f"Silero: {'in this process' if args.no_helper else 'in the helper process'}")
    print(
        f"Praat two-pass pitch alone: median {statistics.median(pitch):.3f} s, "
        f"best {min(pitch):.3f} s"
    )
    print(
        f"whole analysis:             median {statistics.median(whole):.3f} s, "
        f"best {min(whole):.3f} s"
    )
    print(
        f"ratio of medians: {ratio:.2f} (limit {LIMIT}); of the best runs: "
        f"{min(whole) / min(pitch):.2f}"
    )
    print(
        "ratio per run (other work on the machine shows here): "
        + " ".join(f"{r:.2f}" for r in ratios)
    )
    return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    raise SystemExit(main())
