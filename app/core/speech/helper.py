"""Whisper in a helper process, so that a transcript can be stopped at once.

This is the process behind the app's one speech service (app.core.speech.service); nothing
else starts it.

Whisper decodes a 30 s take in one uninterruptible step of two to four seconds; in a thread,
cancelling (another take chosen, the app closed) would have to wait for it, and the app
could not quit before. A process is simply killed. It is started on the first transcript
and keeps its model loaded for the next; a killed one is started again when next needed.

The protocol, on the helper's standard streams: the parent sends a JSON line (the request,
with ``frames`` and ``rate``) followed by that many float32 samples; the helper answers with
JSON lines, ``{"progress": f}`` any number of times, then ``{"words": ...}`` or
``{"error": message}``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import IO, Any

import numpy as np

from app.core.feedback.codec import transcript_from_json
from app.core.i18n import _
from app.core.transcript import Model, Transcript, TranscriptError, TranscriptionCancelled

# The one helper now also hears live-call replies, which the prospect waits for: at a lower
# priority, on a busy 2-core machine, a reply's last piece took seconds longer. A take's words
# are found while it is recorded (small pieces), so they no longer come in one long burst.
HELPER_NICENESS = 0


class WhisperHelper:
    """The parent's end. ``transcribe`` runs on one worker thread at a time; ``cancel`` and
    ``close`` may be called from any thread."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._busy = False
        self._killed = False
        self._closed = False

    @staticmethod
    def available() -> bool:
        return not getattr(sys, "frozen", False)

    def transcribe(
        self,
        samples: np.ndarray,
        rate: int,
        folder: Path | None,
        language: str,
        progress: Callable[[float], None],
        cancel: threading.Event,
    ) -> tuple[Transcript, str]:
        """The words of mono ``samples``, and the folder of the model that heard them."""
        from app.core.i18n import language as ui_language

        with self._lock:
            if self._closed or cancel.is_set():
                raise TranscriptionCancelled
            try:
                process = self._start()
            except OSError as error:
                raise TranscriptError(
                    _("Speech recognition could not be started ({reason}).").format(
                        reason=error.strerror or error
                    )
                ) from error
            self._busy = True
        request = {
            "folder": str(folder) if folder else "",
            "language": language,
            "ui_language": ui_language(),
            "rate": rate,
            "frames": len(samples),
        }
        ended = False
        try:
            assert process.stdin is not None and process.stdout is not None
            _send(process.stdin, request, samples)
            return _answer(process.stdout, progress)
        except (OSError, EOFError) as error:
            ended = True  # killed (cancelled, closed) or crashed: a new one next time
            if cancel.is_set() or self._closed:
                raise TranscriptionCancelled from error
            raise TranscriptError(_("Speech recognition stopped unexpectedly.")) from error
        finally:
            with self._lock:
                self._busy = False
                if ended or self._closed:
                    self._reap(process)

    def cancel(self) -> None:
        """Stop the transcript under way, if any (the helper is started again when needed)."""
        with self._lock:
            if self._busy and self._process is not None:
                self._process.kill()
                self._killed = True

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._process is None:
                return
            if self._busy:
                self._process.kill()  # the worker thread reaps it
            else:
                self._reap(self._process)

    def _start(self) -> subprocess.Popen[bytes]:
        if self._process is not None and (self._killed or self._process.poll() is not None):
            self._reap(self._process)  # killed as it finished, or died since
        if self._process is None:
            self._process = subprocess.Popen(
                [sys.executable, "-c", "from app.core.speech.helper import main; main()"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                cwd=Path(__file__).resolve().parents[3],
            )
        return self._process

    def _reap(self, process: subprocess.Popen[bytes]) -> None:
        """Wait for a helper that was killed or is told to end (its input closes)."""
        if process.stdin is not None:
            with suppress(OSError):  # it died with data unread
                process.stdin.close()
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()
        if self._process is process:
            self._process, self._killed = None, False


def _send(stream: IO[bytes], request: dict[str, Any], samples: np.ndarray) -> None:
    stream.write(json.dumps(request).encode("utf-8") + b"\n")
    stream.write(np.ascontiguousarray(samples, dtype="<f4").tobytes())
    stream.flush()


def _answer(stream: IO[bytes], progress: Callable[[float], None]) -> tuple[Transcript, str]:
    while True:
        line = stream.readline()
        if not line:
            raise EOFError("the Whisper helper ended")
        message = json.loads(line)
        if "progress" in message:
            progress(float(message["progress"]))
        elif "error" in message:
            raise TranscriptError(str(message["error"]))
        else:
            words = transcript_from_json(
                message["words"], message["duration_s"], message["language"]
            )
            return words, str(message["folder"])


def main() -> None:
    """The helper: answer requests until its input ends."""
    from app.core.i18n import set_language
    from app.core.transcript import load_model, transcribe
    from app.core.transcript.model import resolve_model

    if HELPER_NICENESS and hasattr(os, "nice"):
        os.nice(HELPER_NICENESS)
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # only the protocol goes to the parent
    models: dict[str, Model] = {}  # by folder, the most recently used last

    def say(message: dict[str, Any]) -> None:
        sink.write(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")
        sink.flush()

    while line := source.readline():
        request = json.loads(line)
        data = source.read(4 * int(request["frames"]))
        samples = np.frombuffer(data, dtype="<f4")
        set_language(request["ui_language"])
        try:
            setting = Path(request["folder"]) if request["folder"] else None
            folder, language = resolve_model(request["language"], setting)
            model = _loaded(models, str(folder), load_model)
            words = transcribe(
                model,
                samples,
                int(request["rate"]),
                language,
                progress=lambda fraction: say({"progress": fraction}),
            )
        except TranscriptError as error:
            say({"error": error.message})
            continue
        say(
            {
                "words": words.to_json_dict(),
                "duration_s": words.duration_s,
                "language": words.language,
                "folder": str(model.folder),
            }
        )


MODELS_KEPT = 2  # English and Dutch may both be in use; a third folder pushes out the oldest


def _loaded(models: dict[str, Model], folder: str, load: Callable[[Path | None], Model]) -> Model:
    """The model of ``folder`` ('' the built-in one), loaded once and kept while in use."""
    model = models.pop(folder, None)
    if model is None:
        while len(models) >= MODELS_KEPT:
            del models[next(iter(models))]  # free the least recently used before loading
        model = load(Path(folder) if folder else None)
    models[folder] = model
    return model
