"""The operating system's voice (speech-dispatcher on the rig) as the prospect: heard on the
speaker, for about as long as the text takes to say, and timed on the recording's clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.audio.devices import choose
from app.audio.practice.live import LiveRecording
from app.audio.recorder import Recorder
from app.core.practice import Say
from app.core.script import speaking_seconds
from app.ui.practice.system_voice import SystemVoice, system_engines
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


def test_the_computer_voice_is_heard_on_the_speaker_for_as_long_as_the_line_takes(
    qtbot: Any, sd: Any, live: LiveRecording
) -> None:
    if "speechd" not in system_engines():
        pytest.skip("speech-dispatcher is not available to QtTextToSpeech here")
    voice = SystemVoice()
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
