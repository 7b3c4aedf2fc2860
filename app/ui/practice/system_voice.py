"""The operating system's own voices (SAPI, macOS voices, speech-dispatcher) through
QtTextToSpeech, as the prospect.

QtTextToSpeech plays through its own audio path and only says *when* it started and stopped
speaking (its state changes), so a line's times here come from the monotonic clock at those
signals, mapped onto PortAudio's stream clock by the live recording. QTextToSpeech.synthesize()
would hand over the audio to play through the app's own player, but it is a C++ template that
PySide6 (6.11, 6.12) does not bind. speech-dispatcher reports the end of speech about 0.3 s
after the sound stopped (measured on the audio rig: 0.31 to 0.37 s over five lines); that is
taken off, which puts both ends within about 15 ms of what the speaker played.

Opening the engine takes more than a second with speech-dispatcher, so one engine serves the
page for all its calls.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QLocale, QLoggingCategory, QObject

# QtMultimedia, loaded with QtTextToSpeech, looks for PipeWire first and warns when it is not
# installed before it uses PulseAudio as it should: noise the user can do nothing about. The
# warning comes as the library loads, so the rule has to be in place before the import.
QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")

from PySide6.QtTextToSpeech import QTextToSpeech, QVoice  # noqa: E402

from app.audio.errors import AudioError  # noqa: E402
from app.audio.practice.live import LiveRecording  # noqa: E402
from app.core.i18n import _  # noqa: E402
from app.core.practice.call import Say  # noqa: E402
from app.core.script.estimate import speaking_seconds  # noqa: E402

END_LATENCY_S = {"speechd": 0.32}
TEST_ENGINES = ("mock",)  # Qt's engine for its own tests: speaks nothing

LANGUAGES = {"en": QLocale.Language.English, "nl": QLocale.Language.Dutch}


def system_engines() -> list[str]:
    return [e for e in QTextToSpeech.availableEngines() if e not in TEST_ENGINES]


class NoSpeechEngine(AudioError):
    @classmethod
    def create(cls, detail: str = "") -> NoSpeechEngine:
        text = _(
            "No speech engine is available on this computer, so the prospect's lines are shown "
            "as text only."
        )
        return cls(f"{text} ({detail})" if detail else text)


class NoVoiceForLanguage(AudioError):
    """The engine works but has no voice for the script's language."""

    @classmethod
    def create(cls, language: str) -> NoVoiceForLanguage:
        if language == "nl":
            text = _(
                "This computer has no Dutch voice, so the prospect's lines are shown as text. "
                "Record them in Dutch under Prospect's lines… (yours or a colleague's voice), "
                "or install a Dutch voice: on Linux, espeak-ng for speech-dispatcher."
            )
        else:
            text = _(
                "This computer has no English voice, so the prospect's lines are shown as "
                "text. Record them under Prospect's lines… (yours or a colleague's voice)."
            )
        return cls(text)


CONNECT_TRIES = 3
CONNECT_WAIT_S = 0.5


class SystemVoice(QObject):
    def __init__(self, engine: str | None = None, parent: QObject | None = None) -> None:
        """Open the system's speech engine; raises NoSpeechEngine when there is none."""
        super().__init__(parent)
        engines = system_engines() if engine is None else [engine]
        if not engines:
            raise NoSpeechEngine.create()
        self.engine = engines[0]
        for attempt in range(CONNECT_TRIES):
            self.tts = QTextToSpeech(self.engine, self)
            if self.tts.state() != QTextToSpeech.State.Error:
                break
            if attempt == CONNECT_TRIES - 1:
                raise NoSpeechEngine.create(self.tts.errorString())
            # speech-dispatcher starts its server on the first connection, which that very
            # connection can lose while the server comes up: the next one finds it.
            self.tts.deleteLater()
            time.sleep(CONNECT_WAIT_S)
        self._latency = END_LATENCY_S.get(self.engine, 0.0)
        self.tts.stateChanged.connect(self._on_state)
        self.live: LiveRecording | None = None
        self._start: float | None = None
        self._end: float | None = None
        self._deadline = 0.0
        self._speaking = False

    def voices(self, language: str) -> list[QVoice]:
        """Every voice of the engine that speaks ``language``, whatever the country."""
        wanted = LANGUAGES.get(language, LANGUAGES["en"])
        found: dict[str, QVoice] = {}
        for locale in self.tts.availableLocales():
            if locale.language() == wanted:
                found.update((v.name(), v) for v in self.tts.allVoices(locale))
        return list(found.values())

    def prepare(self, live: LiveRecording, language: str, voice_name: str = "") -> None:
        """Speak for the call recorded by ``live``, in ``language``, with the voice of that
        name, else the engine's first voice for the language. Raises NoVoiceForLanguage when
        the engine has none: a Dutch script must not be read out by an English voice."""
        self.stop()
        voices = self.voices(language)
        if not voices:
            raise NoVoiceForLanguage.create(language)
        self.live = live
        chosen = next((v for v in voices if v.name() == voice_name), voices[0])
        self.tts.setLocale(chosen.locale())
        self.tts.setVoice(chosen)

    def _now(self) -> float | None:
        return None if self.live is None else self.live.from_monotonic(time.monotonic())

    def say(self, line: Say) -> None:
        self.stop()
        self._start = self._end = None
        self._speaking = True
        # An engine that never reports the end must not keep the call waiting for ever.
        self._deadline = time.monotonic() + 3 * speaking_seconds(line.text) + 3.0
        self.tts.say(line.text)

    def _on_state(self, state: QTextToSpeech.State) -> None:
        now = self._now()
        if now is None or not self._speaking:
            return
        if state == QTextToSpeech.State.Speaking and self._start is None:
            self._start = now
        elif state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            start = self._start if self._start is not None else now
            self._start = start
            self._end = max(start, now - self._latency)
            self._speaking = False

    def timing(self) -> tuple[float | None, float | None]:
        if self._speaking and time.monotonic() > self._deadline:
            now = self._now()
            self._start = self._start if self._start is not None else now
            self._end = now
            self._speaking = False
        return (self._start, self._end)

    def stop(self) -> None:
        was, self._speaking = self._speaking, False
        if was:
            self.tts.stop()
