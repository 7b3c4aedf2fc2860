"""How fast and how well the transcript works on this machine, in English and in Dutch.

    .venv/bin/python scripts/bench_transcript.py [--repeats 3] [--threads 2] [--model DIR]

For each language, the model Pitchback picks for it (``resolve_model``) and, for English, the
other candidate (multilingual base told language="en") as the reference of the same run:

- real-time factor: the clips are brought to 48 kHz like a recorded take and transcribed
  ``--repeats`` times on ``--threads`` threads; the median over all runs of the wall time
  divided by the clip's duration. Budget 0.25 (the issue's goal on 2 cores). English is timed
  on a 25 s read and a 27 s spontaneous take, Dutch on the five Flemish clips joined (16 s).
- word error rate, pooled over the clips: English read and spontaneous speech, Dutch over
  the five Flemish clips of nl_read (goal: at most 20%).
- English filled pauses found on the clips that have them (um, uh, hm, er).

Other processes on the machine slow the wall time down; the load average tells.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile as sf

from app.core.transcript import Model, Transcript, load_model, transcribe
from app.core.transcript.align import word_error_rate
from app.core.transcript.model import resolve_model
from app.core.transcript.multilingual import base_model_dir
from app.core.transcript.normalize import canonical_filler, normalize

SPEECH = Path(__file__).resolve().parents[2] / "shared" / "speech"
RTF_BUDGET = 0.25
WER_GOAL_NL = 0.20
TAKE_RATE = 48_000
READ = (
    "en_read/sense_and_sensibility_01_concat_0870-0930.wav",
    "en_read/librispeech_61-70968-0000.flac",
)
SPONTANEOUS = (
    "en_spont/acoustic_corpus.wav",
    "en_spont/cold_corpus.wav",
    "en_spont/cold_corpus3.wav",
)
WITH_FILLERS = tuple(f"en_spont/mfa_{name}.flac" for name in ("um", "uhum", "crossword"))
FLEMISH = tuple(f"nl_read/vl{n}.wav" for n in ("00203", "04108", "09647", "12745", "14994"))
# Timed: takes of a voicemail's length. The Flemish clips last 2 to 4 s each, and Whisper
# decodes any clip as a 30 s window, so they are timed joined (0.4 s apart, 16 s in all).
TIMED = {"en": (READ[0], SPONTANEOUS[0]), "nl": ("+".join(FLEMISH),)}
GAP_S = 0.4


def as_take(name: str) -> tuple[np.ndarray, int]:
    """The clip (or clips joined by "+") as the recorder would have saved it: 48 kHz."""
    pieces = []
    for part in name.split("+"):
        audio, rate = sf.read(SPEECH / part, dtype="float64", always_2d=False)
        frames = round(len(audio) * TAKE_RATE / rate)
        pieces += [np.fft.irfft(np.fft.rfft(audio), frames) * (frames / len(audio))]
        pieces += [np.zeros(round(GAP_S * TAKE_RATE))]
    return np.concatenate(pieces[:-1]), TAKE_RATE


def reference(name: str) -> list[str]:
    return normalize((SPEECH / name).with_suffix(".txt").read_text("utf-8"))


def pooled_wer(results: dict[str, Transcript], names: tuple[str, ...]) -> float:
    said = [w for n in names for w in normalize(results[n].text)]
    return word_error_rate(said, [w for n in names for w in reference(n)])


def measure(model: Model, language: str, repeats: int) -> tuple[float, dict[str, Transcript]]:
    """The median real-time factor over the timed clips, and a transcript of every clip."""
    results: dict[str, Transcript] = {}
    factors = []
    names = TIMED[language] + (READ + SPONTANEOUS + WITH_FILLERS if language == "en" else FLEMISH)
    for name in dict.fromkeys(names):
        samples, rate = as_take(name)
        runs = repeats if name in TIMED[language] else 1
        for _run in range(runs):
            started = time.perf_counter()
            results[name] = transcribe(model, samples, rate, language)
            if name in TIMED[language]:
                factors.append((time.perf_counter() - started) * rate / len(samples))
    return statistics.median(factors), results


def report(label: str, rtf: float, results: dict[str, Transcript], language: str) -> None:
    mark = "<=" if rtf <= RTF_BUDGET else ">"
    print(f"  {label}: real-time factor {rtf:.3f} (median) {mark} {RTF_BUDGET}")
    if language == "nl":
        wer = pooled_wer(results, FLEMISH)
        each = ", ".join(f"{Path(n).stem} {pooled_wer(results, (n,)):.0%}" for n in FLEMISH)
        goal = "<=" if wer <= WER_GOAL_NL else ">"
        print(
            f"  {label}: word error rate {wer:.1%} pooled over 5 Flemish clips "
            f"{goal} {WER_GOAL_NL:.0%} ({each})"
        )
        for name in FLEMISH[:2]:
            print(f"    {Path(name).stem}: {results[name].text!r}")
        return
    read, spont = pooled_wer(results, READ), pooled_wer(results, SPONTANEOUS)
    heard = sum(
        sum(f.text not in ("you know", "like") for f in results[n].fillers) for n in WITH_FILLERS
    )
    truth = sum(sum(canonical_filler(w) is not None for w in reference(n)) for n in WITH_FILLERS)
    print(
        f"  {label}: word error rate read {read:.1%}, spontaneous {spont:.1%} (pooled); "
        f"filled pauses heard {heard} of {truth}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--model", type=Path, default=None, help="a model folder for both")
    args = parser.parse_args()
    print(
        f"{args.threads} threads on {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}"
    )
    with tempfile.TemporaryDirectory() as cache:
        started = time.perf_counter()
        base = base_model_dir(Path(cache))
        print(f"multilingual base joined and checked in {time.perf_counter() - started:.1f} s")
        ok = True
        for language in ("en", "nl"):
            folder, told = resolve_model(language, args.model, Path(cache))
            candidates = [(f"Pitchback's pick ({folder.parent.name}/{folder.name})", folder)]
            if language == "en" and args.model is None:
                candidates.append(("reference: multilingual base, told English", base))
            print(f"{language}:")
            for label, candidate in candidates:
                model = load_model(candidate, args.threads)
                rtf, results = measure(model, told, args.repeats)
                report(label, rtf, results, told)
                ok &= rtf <= RTF_BUDGET or label.startswith("reference")
                del model
    print(f"load average at the end {os.getloadavg()[0]:.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
