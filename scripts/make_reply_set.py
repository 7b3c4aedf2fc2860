"""Make the labelled set of spoken replies that the reply judge is measured on.

    /work/main/.venv/bin/python scripts/make_reply_set.py

Each reply is real audio, transcribed by the app's speech service exactly as a live call
transcribes a reply (English with the built-in tiny.en, Dutch with the multilingual base
model), and labelled by hand with what a sales coach would say of the words *meant*: did it
say what the step is for, ask a question, acknowledge first, give up, ramble; how many
filled pauses. The judge sees only Whisper's transcript, so the agreement measures the whole
chain. Two sources:

- synthetic: the reply spoken by espeak-ng (``synthetic: true``), for the replies a
  salesperson gives (good answers, give-ups, pitches) that no public recording has;
- real: spontaneous and read human speech from ../shared/speech (see its SOURCES.md), as
  replies that miss the step, with their real fillers and pauses, and two joined into a
  monologue of over 30 s.

Writes tests/core/practice/data/replies.json, and the four replies the rig test plays
(a give-up and a good answer at one step, per language) to tests/audio/practice/replies/.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.speech import SpeechService  # noqa: E402
from tests.speech_models import base_model  # noqa: E402

SPEECH = ROOT.parent / "shared" / "speech"
OUT = ROOT / "tests" / "core" / "practice" / "data" / "replies.json"
RIG_REPLIES = ROOT / "tests" / "audio" / "practice" / "replies"
RATE = 16_000
LABELS = ("on_purpose", "asked", "acknowledged", "gave_up", "rambled", "fillers", "good")

RAMBLE_EN = (
    "So basically what we do is we have a platform, and the platform connects to all your "
    "carriers, and then it pulls in the status of every shipment, and then it shows it on a "
    "dashboard, and the dashboard has colours, red for late and green for on time, and then "
    "there are reports every week, and the reports go to your manager, and we also have an "
    "app, and the app sends notifications, and we integrate with most systems, and we have "
    "customers in many countries, and our support team is available every day of the week."
)
RAMBLE_NL = (
    "Dus eigenlijk hebben wij een platform, en dat platform koppelt met al uw transporteurs, "
    "en dan haalt het de status van elke zending op, en dan toont het die op een dashboard, "
    "en dat dashboard heeft kleuren, rood voor te laat en groen voor op tijd, en dan zijn er "
    "elke week rapporten, en die rapporten gaan naar uw manager, en we hebben ook een app, "
    "en die app stuurt meldingen, en we koppelen met de meeste systemen, en we hebben klanten "
    "in heel veel landen, en ons supportteam is elke dag van de week bereikbaar."
)


def case(lang: str, step: str, text: str, *flags: str, fillers: int = 0, rig: str = "") -> dict:
    labels = {name: name in flags for name in LABELS if name != "fillers"}
    labels["fillers"] = fillers
    return {"language": lang, "step": step, "speak": text, "labels": labels, "rig": rig}


GOOD = ("on_purpose", "asked", "good")
GOOD_ACK = ("on_purpose", "asked", "acknowledged", "good")

SYNTHETIC = [
    # English, at steps of resources/starters/en/cold-call-starter.pitch
    case("en", "Not needed", "That's fair, I'm not assuming you need anything. Can I ask, how do "
         "your planners find out today that a delivery is running late?", *GOOD_ACK,
         rig="good-en"),
    case("en", "Not needed", "Oh, okay. Thanks for your time.", "gave_up", rig="give-up-en"),
    case("en", "Not needed", "Sorry to bother you. Have a nice day.", "gave_up"),
    case("en", "Not needed", "But our software is really great. It shows every late delivery "
         "on one screen and it saves hours every week."),
    case("en", "Not needed", "I understand. Um, what do you use today to track late "
         "deliveries?", *GOOD_ACK, fillers=1),
    case("en", "Not needed", "Fair enough. Would it be worth twenty minutes to compare notes?",
         *GOOD_ACK),
    case("en", "Reason for the call", "Thanks. We work with logistics managers at companies "
         "like yours. Their planners lose hours every week calling carriers about late "
         "deliveries. Is that something you see in your team too?", *GOOD),
    case("en", "Reason for the call", "Uh, well, we, uh, we sell software. It is, um, good "
         "software.", fillers=3),
    case("en", "Reason for the call", "Okay, never mind then. Bye.", "gave_up"),
    case("en", "Reason for the call", "We help planners see which deliveries are running "
         "late. Do your planners spend a lot of time chasing carriers?", *GOOD),
    case("en", "Reason for the call", RAMBLE_EN, "rambled"),
    case("en", "Not a good time", "No problem, I can hear I caught you in the middle of "
         "something. When is a better moment, later today or tomorrow morning?", *GOOD_ACK),
    case("en", "Not a good time", "Oh, sorry to bother you. Thanks for your time.", "gave_up"),
    case("en", "Not a good time", "It will only take a minute. We help logistics teams with "
         "late deliveries and our tool is great."),
    case("en", "Send an email", "Happy to. What would you most want to see in it, the time "
         "saved or the cost?", *GOOD_ACK),
    case("en", "Send an email", "Sure, I'll send an email. Bye.", "gave_up"),
    case("en", "Who is this", "Of course, fair question. This is Sam from Acme. Can I explain "
         "in thirty seconds why I'm calling?", *GOOD_ACK),
    # Dutch, at steps of resources/starters/nl/koude-acquisitie-starter.pitch
    case("nl", "Geen behoefte", "Dat is eerlijk, ik ga er niet van uit dat u iets nodig hebt. "
         "Mag ik vragen hoe uw planners vandaag merken dat een levering te laat is?", *GOOD_ACK),
    case("nl", "Geen behoefte", "Dat is eerlijk. Wat doen uw planners vandaag als een levering "
         "te laat is?", *GOOD_ACK, rig="good-nl"),
    case("nl", "Geen behoefte", "Oké, bedankt voor uw tijd.", "gave_up"),
    case("nl", "Geen behoefte", "Oké, dan wil ik u niet langer storen. Bedankt voor uw tijd.",
         "gave_up", rig="give-up-nl"),
    case("nl", "Geen behoefte", "Sorry dat ik stoor. Nog een fijne dag.", "gave_up"),
    case("nl", "Geen behoefte", "Maar onze software is echt heel goed. U ziet alle leveringen "
         "op één scherm."),
    case("nl", "Geen behoefte", "Dat begrijp ik. Eh, hoe volgen jullie late leveringen nu "
         "op?", *GOOD_ACK, fillers=1),
    case("nl", "Geen behoefte", "Terecht. Zou het twintig minuten waard zijn om eens te "
         "vergelijken?", *GOOD_ACK),
    case("nl", "Reden van het gesprek", "Dank u. Wij werken met logistiek managers. Hun "
         "planners zijn elke week uren kwijt aan het nabellen van transporteurs. Herkent u dat "
         "in uw team?", *GOOD),
    case("nl", "Reden van het gesprek", "Eh, ja, wij, eh, verkopen software. Het is, ehm, "
         "goede software.", fillers=3),
    case("nl", "Reden van het gesprek", "Oké, laat maar dan. Dag.", "gave_up"),
    case("nl", "Reden van het gesprek", "Wij helpen planners zien welke leveringen te laat "
         "zijn. Hoeveel tijd gaat daar bij u naartoe?", *GOOD),
    case("nl", "Reden van het gesprek", RAMBLE_NL, "rambled"),
    case("nl", "Geen goed moment", "Geen probleem, ik hoor dat ik u midden in iets stoor. "
         "Wanneer past het beter, later vandaag of morgenochtend?", *GOOD_ACK),
    case("nl", "Geen goed moment", "Oh, sorry voor het storen. Oké, bedankt.", "gave_up"),
    case("nl", "Geen goed moment", "Het duurt maar een minuutje. Wij helpen logistieke teams "
         "en onze tool is geweldig."),
    case("nl", "Mail sturen", "Doe ik graag. Wat wilt u er vooral in zien, de tijdwinst of de "
         "kosten?", *GOOD_ACK),
    case("nl", "Mail sturen", "Goed, ik stuur een mail. Dag.", "gave_up"),
    case("nl", "Wie bent u", "Natuurlijk, terechte vraag. U spreekt met Sam van Acme. Mag ik "
         "in dertig seconden uitleggen waarom ik bel?", *GOOD_ACK),
]  # fmt: skip

# Real speech that misses the step: (clips joined, language, labels).
REAL = [
    (["en_spont/acoustic_corpus.wav"], "en", (), 3),
    (["en_spont/cold_corpus.wav"], "en", (), 5),
    (["en_spont/cold_corpus3.wav"], "en", (), 6),
    (["en_spont/mfa_crossword.flac"], "en", (), 2),
    (["en_spont/mfa_uhum.flac"], "en", (), 6),
    (["en_spont/mfa_um.flac"], "en", (), 1),
    (["en_spont/mfa_youknow.flac"], "en", (), 0),
    (["en_spont/mfa_surround.flac"], "en", ("asked",), 0),
    (["en_spont/mfa_erpause.flac"], "en", (), 0),
    (["en_spont/acoustic_corpus.wav", "en_spont/cold_corpus.wav"], "en", ("rambled",), 8),
    (["en_spont/cold_corpus.wav", "en_spont/cold_corpus3.wav"], "en", ("rambled",), 11),
    (["nl_read/vl00203.wav"], "nl", (), 0),
    (["nl_read/vl04108.wav"], "nl", (), 0),
    (["nl_read/vl09647.wav"], "nl", (), 0),
    (["nl_read/vl12745.wav"], "nl", (), 0),
    (["nl_read/vl14994.wav"], "nl", (), 0),
    (["nl_read/librivox_nl_reader6513_4370_sec17_30.wav"], "nl", (), 0),
]
REAL_STEP = {"en": "Reason for the call", "nl": "Reden van het gesprek"}
# espeak-ng's Dutch at its usual pace is too fast for Whisper base to hear (it returns
# nothing); slower and with a gap between words it hears most of it.
VOICES = {"en": ("en-us", "160", "0"), "nl": ("nl", "120", "3")}


def spoken(text: str, language: str) -> np.ndarray:
    """``text`` said by espeak-ng, as 16 kHz mono."""
    with tempfile.TemporaryDirectory() as folder:
        raw, out = Path(folder) / "raw.wav", Path(folder) / "out.wav"
        voice, speed, gap = VOICES[language]
        command = ["espeak-ng", "-v", voice, "-s", speed, "-g", gap, "-w", str(raw), text]
        subprocess.run(command, check=True)
        subprocess.run(["sox", str(raw), "-r", str(RATE), "-c", "1", str(out)], check=True)
        samples, _rate = sf.read(str(out), dtype="float32")
    return samples


def real(clips: list[str]) -> np.ndarray:
    parts = []
    for clip in clips:
        samples, rate = sf.read(str(SPEECH / clip), dtype="float32")
        samples = samples.mean(axis=1) if samples.ndim == 2 else samples
        n_out = round(len(samples) * RATE / rate)
        parts.append(np.interp(np.linspace(0, len(samples) - 1, n_out), np.arange(len(samples)),
                               samples).astype(np.float32))  # fmt: skip
    return np.concatenate(parts)


def main() -> None:
    service = SpeechService()
    folders = {"en": None, "nl": base_model(Path(tempfile.gettempdir()) / "pitchback-base")}
    entries = []
    RIG_REPLIES.mkdir(parents=True, exist_ok=True)
    jobs = [(c, spoken(c["speak"], c["language"]), True, "espeak-ng") for c in SYNTHETIC]
    for clips, lang, flags, fillers in REAL:
        labels = case(lang, REAL_STEP[lang], "", *flags, fillers=fillers)
        jobs.append((labels, real(clips), False, " + ".join(clips)))
    try:
        for number, (item, audio, synthetic, source) in enumerate(jobs, start=1):
            lang = item["language"]
            request = service.submit("reply-set", audio, RATE, folders[lang], lang)
            transcript, _folder = request.future.result()
            if item["rig"]:
                sf.write(RIG_REPLIES / f"{item['rig']}.flac", audio, RATE, format="FLAC")
            entries.append({
                "id": number, "language": lang, "step": item["step"],
                "synthetic": synthetic, "source": source, "seconds": round(len(audio) / RATE, 2),
                "transcript": transcript.text, "labels": item["labels"],
            })  # fmt: skip
            print(f"{number:2d} {lang} {item['step']:<22} {transcript.text[:70]}")
    finally:
        service.close()
    OUT.write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(entries)} replies written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
