"""Every way a recording's stream ends is reported (issue 10, #7, #8): a sound server that
dies mid-take, a microphone that vanishes under the sound server."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.audio import rig
from tests.audio.test_recorder import speech_48k

pytestmark = pytest.mark.audio

# The app, recording on its Recorder page, in a process of its own: its sound server is
# killed under it, which cannot be done to the rig's server that other tests share.
PAGE = """
import json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication

app = QApplication([])
from app.__main__ import build

window = build(Path(sys.argv[1]))
ready = []
window.audio_ready.connect(lambda: ready.append(True))
window.show()


def wait(condition, seconds):
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)


wait(lambda: ready, 30)
page = window.takes_page
page.start_recording()
print("recording" if page.recording else "failed: " + window.notice.text(), flush=True)
wait(lambda: page.take_recorder is None or page.take_recorder.recorder.status().frames > 24000, 10)
print("recorded" if page.recording else "stopped: " + window.notice.text(), flush=True)
sys.stdin.readline()  # the sound server is gone now
wait(lambda: not page.recording, 10)
print(json.dumps({
    "recording": page.recording,
    "button": page.panel.record_button.text(),
    "notice": window.notice.text(),
    "takes": [take.duration_s for take in page.store.list_takes()],
}), flush=True)
window.close()
"""


@contextmanager
def own_sound_server(folder: Path) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """A PulseAudio server of this test's own (the rig's is shared), with a null sink."""
    if shutil.which("pulseaudio") is None:
        pytest.skip("needs the pulseaudio server (installed with the audio rig)")
    folder.mkdir(parents=True, exist_ok=True)
    socket = folder / "native"
    server = subprocess.Popen(
        [
            "pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disable-shm=true",
            "--use-pid-file=false", "-L", "module-null-sink sink_name=test_sink",
            "-L", f"module-native-protocol-unix socket={socket} auth-anonymous=1",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "HOME": str(folder), "XDG_RUNTIME_DIR": str(folder)},
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert socket.exists(), "the test's own sound server did not start"
        yield server, f"unix:{socket}"
    finally:
        server.kill()
        server.wait()


def sound_server_gone(home: Path) -> dict[str, Any] | None:
    """The page records from a sound server of its own, which is then killed; what the page
    showed after, or None when that server never sent it a second of sound (the test's own
    server failing, not the app)."""
    with own_sound_server(Path(f"/tmp/pb-pulse-{os.getpid()}")) as (server, address):
        env = {
            **os.environ,
            "PULSE_SERVER": address,
            "PITCHBACK_HOME": str(home),
            "QT_QPA_PLATFORM": "offscreen",
        }
        page = subprocess.Popen(
            [sys.executable, "-c", PAGE, str(home)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            assert page.stdout is not None and page.stdin is not None
            assert page.stdout.readline().strip() == "recording"
            if page.stdout.readline().strip() != "recorded":
                return None
            server.send_signal(signal.SIGKILL)  # the sound server dies mid-take
            server.wait()
            page.stdin.write("\n")
            page.stdin.flush()
            result: dict[str, Any] = json.loads(page.stdout.readline())
        finally:
            page.communicate(timeout=30)
    return result


def test_sound_server_gone_stops_the_page_and_keeps_the_take(home: Path) -> None:
    result = sound_server_gone(home / "first")
    if result is None:  # once more, with a fresh server of the test's own
        result = sound_server_gone(home / "second")
    assert result is not None, "the test's own sound server sent no sound twice"
    assert not result["recording"]
    assert result["button"] == "Record"
    assert "stopped sending sound" in result["notice"] and "kept" in result["notice"]
    assert len(result["takes"]) == 1 and result["takes"][0] >= 0.4


def my_source_output() -> str:
    """This process's recording stream on the rig's sound server."""
    text = subprocess.run(
        ["pactl", "list", "source-outputs"], capture_output=True, text=True, check=True
    ).stdout
    for block in text.split("Source Output #")[1:]:
        if re.search(rf'application\.process\.id = "{os.getpid()}"', block):
            return block.split()[0]
    raise AssertionError("no recording stream of this process on the sound server")


def test_a_vanished_microphone_is_detected_and_the_take_kept(sd: Any, tmp_path: Path) -> None:
    from app.audio.devices import choose
    from app.audio.recorder import Recorder

    recorder = Recorder(choose("input", "rig_mic").device)
    # The rig's keep-alive sink: its monitor carries the feed, silent once the speech is over.
    silent = "rig_void.monitor"
    with rig.feeding(sd, speech_48k()[: rig.RATE]):
        recorder.start(tmp_path / "take.flac")
        try:
            deadline = time.monotonic() + 10
            while recorder.status().seconds < 1.0 and time.monotonic() < deadline:
                time.sleep(0.02)
            # What PulseAudio does when a microphone goes away: the stream moves to a monitor.
            subprocess.run(["pactl", "move-source-output", my_source_output(), silent], check=True)
            deadline = time.monotonic() + 8
            while not recorder.status().device_silent and time.monotonic() < deadline:
                time.sleep(0.05)
            status = recorder.status()
        finally:
            result = recorder.stop()
    assert status.device_silent and status.recording  # a warning: the take goes on
    assert result.error is None and result.seconds >= 4.0
