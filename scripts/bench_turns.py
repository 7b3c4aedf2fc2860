"""How soon the prospect answers: from the end of your last word to the first sound of the
prospect's answer on the speaker, through the audio rig, for a listening call (end of turn
from the voice detection and the words, the reply transcribed as it is spoken) against
today's fixed rule (1.2 s of silence ends the reply), in the same run.

    flock /tmp/pitchback-audio.lock /work/main/.venv/bin/python scripts/bench_turns.py

Each reply (real speech from ../shared/speech, 2-15 s, English and Dutch, plus the four
espeak-ng replies of tests/audio/practice/replies) is fed into the virtual microphone after
the call has picked up; the prospect's answer is a recorded line played on the virtual
speaker, recorded back from its tap. Both are stamped on PortAudio's stream clock. A reply
whose answer starts before its last word ends was cut off too early (the speaker was only
pausing); that share is counted on the spontaneous clips (en_spont).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.audio.devices import choose  # noqa: E402
from app.audio.practice.live import LiveRecording  # noqa: E402
from app.audio.practice.session import LineSaid, Session  # noqa: E402
from app.audio.practice.voices import PlayedLines, TextOnly  # noqa: E402
from app.audio.recorder import Recorder  # noqa: E402
from app.core.library import ScriptLibrary  # noqa: E402
from app.core.practice import Call, PracticeStore, RandomChoice, branch_key  # noqa: E402
from app.core.practice.ears import ReplyEars  # noqa: E402
from app.core.script import parse  # noqa: E402
from app.core.speech import SpeechService  # noqa: E402
from app.core.store import connect  # noqa: E402
from tests.audio import rig  # noqa: E402
from tests.audio.practice.timed import RATE, scheduled_feed, timed_tap  # noqa: E402
from tests.speech_models import base_model  # noqa: E402

SPEECH = ROOT.parent / "shared" / "speech"
OWN = ROOT / "tests" / "audio" / "practice" / "replies"
REPLIES = [
    *(f"en_read/sense_and_sensibility_01_austen_64kb-{n}.wav" for n in
      ("0870", "0880", "0890", "0920", "0930")),
    "en_read/librispeech_61-70968-0000.flac",
    *(f"en_spont/mfa_{n}.flac" for n in
      ("um", "uhum", "crossword", "youknow", "surround", "erpause")),
    *(f"nl_read/{n}.wav" for n in ("vl00203", "vl04108", "vl09647", "vl12745", "vl14994")),
    "nl_read/librivox_nl_reader6513_4370_sec17_30.wav",
    *(f"own/{n}.flac" for n in ("good-en", "give-up-en", "good-nl", "give-up-nl")),
]  # fmt: skip
SCRIPT = """\
Title: Bench
Language: {language}

== Voicemail ==
Hi.

== Opener ==
Hi, this is Sam from Acme. Can I take thirty seconds to tell you why I'm calling?
> Sure, go ahead -> Goodbye

== Goodbye == (end)
Thank you for your time.
"""
ANSWER = SPEECH / "misc" / "the_north_wind_and_the_sun.wav"
VOICED = 0.02  # of the clip's peak: above this a sample belongs to a word


@dataclass
class Result:
    clip: str
    listening: bool
    gap_s: float  # from the last word's end to the answer's first sound (negative: cut off)


def clip_audio(name: str) -> np.ndarray:
    path = OWN / name.removeprefix("own/") if name.startswith("own/") else SPEECH / name
    audio, rate = sf.read(str(path), dtype="float32")
    audio = audio.mean(axis=1) if audio.ndim == 2 else audio
    return (0.8 * rig.resample(audio, rate) / np.max(np.abs(audio))).astype(np.float32)


def language_of(name: str) -> str:
    return "nl" if name.startswith("nl_") or name.endswith("-nl.flac") else "en"


def one_turn(
    sd: Any, home: Path, service: SpeechService | None, name: str, folder: Path | None
) -> float:
    """The gap for one reply: negative when the answer came before the reply's last word."""
    language = language_of(name)
    text = SCRIPT.format(language=language)
    conn = connect(home / "pitchback.db")
    try:
        script = ScriptLibrary(conn).create(name, language, text)
        store = PracticeStore(conn, home)
        answer_path = home / "answer.flac"
        if not answer_path.exists():
            sf.write(answer_path, clip_audio("misc/the_north_wind_and_the_sun.wav"), RATE)
        lines = {branch_key("Opener", "Sure, go ahead"): answer_path}
        run = store.begin_run(RATE, script.id, voice="recorded", choice="random")
        live = LiveRecording(Recorder(choose("input", "rig_mic").device))
        ears = None
        if service is not None:
            ears = ReplyEars(service, lambda a, b: live.listener.samples(a, b),  # type: ignore[union-attr]
                             RATE, folder, language)  # fmt: skip
        call = Call(parse(text), RandomChoice(random.Random(0)), RATE, ears=ears)
        text_voice = TextOnly(live.stream_now)
        voice = PlayedLines(choose("output", "rig_speaker").device, lines, text_voice)
        session = Session(call, live, voice, store, run, text_voice, picked_up=True, ears=ears)
        reply = clip_audio(name)
        loud = np.flatnonzero(np.abs(reply) > VOICED * np.max(np.abs(reply)))
        last_word = loud[-1] / RATE
        with timed_tap(sd) as tap, scheduled_feed(sd, reply) as feed:
            session.start()
            started: float | None = None
            deadline = time.monotonic() + len(reply) / RATE + 15
            answered = False
            while time.monotonic() < deadline:
                if started is None and session.live.anchored:
                    now = session.live.stream_now()
                    if now is not None:
                        started = now + 0.3
                        feed.start_at(started)
                answered = answered or any(isinstance(e, LineSaid) for e in session.tick())
                if answered and tap.sounds(floor=1e-3, gap_s=0.05):
                    break
                time.sleep(0.01)
            session.hang_up()
            sounds = tap.sounds(floor=1e-3, gap_s=0.05)
        assert started is not None and sounds, f"no answer to {name}"
        return sounds[0][0] - (started + last_word)
    finally:
        conn.close()


def percentile(values: list[float], share: float) -> float:
    return float(np.percentile(np.asarray(values), share * 100))


def main() -> None:
    sd = rig.start()
    service = SpeechService()
    nl_folder = base_model(Path(tempfile.gettempdir()) / "pitchback-base")
    service.warm_up(None, "en").future.result()
    service.warm_up(nl_folder, "nl").future.result()
    results: list[Result] = []
    try:
        with tempfile.TemporaryDirectory() as folder:
            for name in REPLIES:
                for listening in (True, False):
                    home = Path(folder) / f"{len(results)}"
                    nl = nl_folder if language_of(name) == "nl" else None
                    gap = one_turn(sd, home, service if listening else None, name, nl)
                    results.append(Result(name, listening, gap))
                    mode = "listening " if listening else "fixed 1.2s"
                    print(f"{mode} {gap:+6.2f} s  {name}", flush=True)
    finally:
        service.close()
    print()
    print(f"{len(REPLIES)} replies of 2-15 s; gap = last word's end -> prospect's first sound")
    for listening in (True, False):
        gaps = [r.gap_s for r in results if r.listening == listening]
        spont = [r.gap_s for r in results if r.listening == listening and "en_spont" in r.clip]
        early = sum(g < 0 for g in spont)
        mode = "listening (VAD + words)" if listening else "today (fixed 1.2 s)    "
        print(f"{mode}: p50 {statistics.median(gaps):.2f} s, p90 {percentile(gaps, 0.9):.2f} s, "
              f"max {max(gaps):.2f} s; cut off too early on spontaneous clips: "
              f"{early}/{len(spont)}")  # fmt: skip
    ours = [r.gap_s for r in results if r.listening]
    today = [r.gap_s for r in results if not r.listening]
    print(f"p50 ratio listening/today: {statistics.median(ours) / statistics.median(today):.2f}")


if __name__ == "__main__":
    main()
