"""The operating system's voice (speech-dispatcher on the rig) as the prospect: heard on the
speaker, for about as long as the text takes to say, and timed on the recording's clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from app.audio.devices import choose
from app.audio.practice.live import LiveRecording
from app.audio.recorder import Recorder
from app.core.practice import Say
from app.core.script import speaking_seconds
from app.ui.practice.system_voice import (
    NoSpeechEngine,
    NoVoiceForLanguage,
    SystemVoice,
    system_engines,
)
from tests.audio.practice.timed import timed_tap

pytestmark = pytest.mark.audio

LINE = (
    "We're happy with our current supplier, and to be honest I don't see why we would "
    "change anything this year."
)


@pytest.fixture
def live(sd: Any, tmp_path: Path) -> Iterator[LiveRecording]:
    recording = LiveRecording(Recorder(choose("input", "rig_mic").device))
    recording.start(tmp_path / "run.flac")
    yield recording
    recording.stop()


def opened_voice() -> SystemVoice:
    """The system voice; skipped (said, not hidden) when speech-dispatcher refuses the
    connection: late in the whole suite on CI it did, three tries 0.5 s apart included."""
    try:
        return SystemVoice()
    except NoSpeechEngine as error:
        pytest.skip(f"speech-dispatcher refused the connection here: {error}")


def test_the_computer_voice_is_heard_on_the_speaker_for_as_long_as_the_line_takes(
    qtbot: Any, sd: Any, live: LiveRecording
) -> None:
    if "speechd" not in system_engines():
        pytest.skip("speech-dispatcher is not available to QtTextToSpeech here")
    voice = opened_voice()
    voice.prepare(live, "en")
    qtbot.waitUntil(lambda: live.anchored, timeout=2000)
    with timed_tap(sd) as tap:
        voice.say(Say(LINE, "x"))
        qtbot.waitUntil(lambda: voice.timing()[1] is not None, timeout=20000)
        said_start, said_end = voice.timing()
        # a sound counts once 0.6 s of silence have followed it: the line is over
        qtbot.waitUntil(lambda: len(tap.sounds(gap_s=0.6)) >= 1, timeout=3000)
    heard = tap.sounds(gap_s=0.6)
    start, end = heard[0][0], heard[-1][1]
    expected = speaking_seconds(LINE)
    print(
        f"heard {end - start:.2f} s (text at 150 words a minute: {expected:.2f} s); "
        f"voice says it started {said_start - start:+.3f} s and ended {said_end - end:+.3f} s "
        "from what the speaker played"
    )
    assert 0.5 * expected < end - start < 1.5 * expected
    assert said_start is not None and said_end is not None
    assert abs(said_start - start) < 0.15
    assert abs(said_end - end) < 0.15
    voice.deleteLater()


def test_a_dutch_script_gets_a_dutch_voice(qtbot: Any, live: LiveRecording) -> None:
    if "speechd" not in system_engines():
        pytest.skip("speech-dispatcher is not available to QtTextToSpeech here")
    voice = opened_voice()
    dutch = [v.name() for v in voice.voices("nl")]
    assert dutch, "espeak-ng's Dutch voices (scripts/_setup.sh installs them)"
    voice.prepare(live, "nl")
    assert voice.tts.voice().name() == dutch[0]
    assert voice.tts.locale().language() == QLocale.Language.Dutch
    voice.prepare(live, "nl", dutch[-1])  # the voice the user chose for Dutch scripts
    assert voice.tts.voice().name() == dutch[-1]
    voice.prepare(live, "en")
    assert voice.tts.locale().language() == QLocale.Language.English
    voice.deleteLater()


def test_without_a_dutch_voice_it_says_so_and_offers_recorded_lines(
    qtbot: Any, live: LiveRecording
) -> None:
    # Qt's own test engine speaks English, Norwegian and Finnish: a computer with no Dutch.
    voice = SystemVoice("mock")
    assert voice.voices("nl") == []
    with pytest.raises(NoVoiceForLanguage) as error:
        voice.prepare(live, "nl")
    assert "no Dutch voice" in str(error.value)
    assert "Prospect's lines…" in str(error.value)  # the recorded lines, by the button's name
    voice.prepare(live, "en")  # English still speaks
    voice.deleteLater()
