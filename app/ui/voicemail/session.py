"""Calling your own voicemail and recording the message: the page's audio, start to finish.

A call plays its sounds (rings, then a greeting and a beep, or a person saying their name);
when they have played, ``call_ended`` says which, and the page starts the recording it wants.
"""

from __future__ import annotations

import contextlib
import queue
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QObject, Signal

from app.audio.errors import AudioError, silent_device
from app.core.takes import Take, TakeKind, TakeStore
from app.ui.poller import AudioPoller

if TYPE_CHECKING:
    import numpy as np

    from app.audio.devices import Choice, Kind
    from app.audio.player import Player, PlayerStatus
    from app.audio.recorder import Recorder, RecorderStatus
    from app.audio.takes_io import TakeRecorder
    from app.core.practice.ears import TakeEars
    from app.ui.speech import Speech

State = Literal["idle", "calling", "recording"]
# For a script: the speech model's folder (None: the built-in one) and the language to hear.
ModelFor = Callable[[int], tuple[Path | None, str]]


class VoicemailSession(QObject):
    state_changed = Signal(str)  # State
    call_ended = Signal(bool)  # True: a person answered; False: the beep has sounded
    phase_changed = Signal(str)  # the call's phase: ringing, greeting, beep, answered; '' over
    progress = Signal(object)  # RecorderStatus
    take_finished = Signal(object)  # Take | None
    message = Signal(str)

    def __init__(
        self, store: TakeStore, choose: Callable[[Kind], Choice], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._choose = choose
        self.poller = AudioPoller(self)
        self.poller.player_status.connect(self._on_call_status)
        self.poller.recorder_status.connect(self._on_recorder_status)
        self.state: State = "idle"
        self.let_me_finish = False
        self.limit_frames: int | None = None
        self.take_recorder: TakeRecorder | None = None
        self._call: Player | None = None
        self._answered = False
        # Set by the page: the take's words are found while it is recorded (issue: at stop
        # only the last piece is left). Without them, the Feedback page transcribes the file.
        self.speech: Speech | None = None
        self.model_for: ModelFor | None = None
        self._ears: TakeEars | None = None
        self._blocks: queue.SimpleQueue[np.ndarray] = queue.SimpleQueue()
        self._vad = contextlib.ExitStack()
        self._warned_silent = False  # a vanished microphone is told once per take
        self._phases: list[tuple[float, str]] = []
        self.phase = ""

    def _set_state(self, state: State) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    # -- the call ---------------------------------------------------------------------------
    def call(
        self,
        audio: Any,
        samplerate: int,
        answered: bool,
        phases: Sequence[tuple[float, str]] = (),
    ) -> None:
        """Play the call; ``phases`` says when each phase starts (seconds into ``audio``)."""
        try:
            from app.audio.player import Player  # PortAudioMissing is an AudioError

            choice = self._choose("output")
            player = Player(choice.device)
            player.load(audio, samplerate)
            player.play()
        except AudioError as exc:
            self.message.emit(str(exc))
            return
        self._call, self._answered = player, answered
        self._phases, self.phase = list(phases), ""
        self.poller.watch_player(player)
        self._set_state("calling")
        self._show_phase(0.0)

    def _show_phase(self, position_s: float) -> None:
        phase = next((p for start, p in reversed(self._phases) if position_s >= start), "")
        if phase != self.phase:
            self.phase = phase
            self.phase_changed.emit(phase)

    def _on_call_status(self, status: PlayerStatus) -> None:
        if self.state != "calling":
            return
        if status.state == "playing":
            self._show_phase(status.position_s)
            return
        self._hang_up()
        if status.error:
            self.message.emit(str(status.error))
            self._set_state("idle")
            return
        self.call_ended.emit(self._answered)  # the page starts recording from here
        if self.state == "calling":
            self._set_state("idle")

    def _hang_up(self) -> None:
        if self._call is not None:
            self._call.stop()
        self._call = None
        self.poller.watch_player(None)
        self._phases = []
        self._show_phase(0.0)

    # -- the recording ----------------------------------------------------------------------
    def record(
        self, script_id: int, revision_id: int, kind: TakeKind, limit_s: float | None
    ) -> Take | None:
        try:
            from app.audio.recorder import Recorder  # PortAudioMissing is an AudioError
            from app.audio.takes_io import TakeRecorder

            choice = self._choose("input")
            recorder = Recorder(choice.device)
            take_recorder = TakeRecorder(self.store, recorder)
            self.limit_frames = None if limit_s is None else round(limit_s * recorder.samplerate)
            take = take_recorder.start(None if self.let_me_finish else self.limit_frames)
        except AudioError as exc:
            self.message.emit(str(exc))
            self._set_state("idle")
            return None
        if limit_s is not None and recorder.samplerate != recorder.preferred_rate:
            # The device took another rate than asked for: the limit is counted in its frames.
            self.limit_frames = round(limit_s * recorder.samplerate)
            recorder.set_limit(None if self.let_me_finish else self.limit_frames)
        if choice.note:
            self.message.emit(choice.note)
        take = self.store.link(take.id, script_id, revision_id, kind)
        self._listen(recorder, script_id)
        self.take_recorder = take_recorder
        self._warned_silent = False
        self.poller.watch_recorder(recorder)
        self._set_state("recording")
        return take

    def set_let_me_finish(self, on: bool) -> None:
        """Keep recording past the limit (on) or stop at it again (off), even mid-take."""
        self.let_me_finish = on
        if self.take_recorder is not None and self.limit_frames is not None:
            self.take_recorder.recorder.set_limit(None if on else self.limit_frames)

    def _listen(self, recorder: Recorder, script_id: int) -> None:
        """Hand the take's speech to the speech service piece by piece as it is recorded."""
        if self.speech is None or self.model_for is None:
            return
        from app.core.analysis import vad
        from app.core.practice.ears import TakeEars

        folder, language = self.model_for(script_id)
        model = self._vad.enter_context(vad.silero())
        self._blocks = queue.SimpleQueue()
        self._ears = TakeEars(self.speech.service, model, recorder.samplerate, folder, language)
        recorder.monitor = self._blocks

    def _hear(self) -> None:
        if self._ears is None:
            return
        blocks = []
        with contextlib.suppress(queue.Empty):
            while True:
                blocks.append(self._blocks.get_nowait())
        self._ears.hear(blocks)

    def _on_recorder_status(self, status: RecorderStatus) -> None:
        self._hear()
        self.progress.emit(status)
        if status.device_silent and not self._warned_silent and self.take_recorder is not None:
            self._warned_silent = True  # once per take: the recording goes on, and is kept
            self.message.emit(silent_device(self.take_recorder.recorder.device))
        if status.reached_limit or status.error or not status.recording:
            self.stop()

    def stop(self) -> Take | None:
        """Hang up a call, or finish the recording (the finished take, if any)."""
        if self.state == "calling":
            self._hang_up()
            self._set_state("idle")
            return None
        take_recorder, self.take_recorder = self.take_recorder, None
        if take_recorder is None:
            return None
        self.poller.watch_recorder(None)
        take, error = take_recorder.stop()
        self._finish_words(take_recorder.recorder, take)
        self._set_state("idle")
        if error:
            self.message.emit(str(error))
        self.take_finished.emit(take)
        return take

    def _finish_words(self, recorder: Recorder, take: Take | None) -> None:
        ears, self._ears = self._ears, None
        recorder.monitor = None
        if ears is not None:
            self._hear_rest(ears)
            if take is not None and self.speech is not None:
                frames = round(take.duration_s * recorder.samplerate)
                self.speech.take_words[take.id] = ears.finish(frames)
        self._vad.close()

    def _hear_rest(self, ears: TakeEars) -> None:
        self._ears = ears
        self._hear()
        self._ears = None

    def shutdown(self) -> None:
        self.stop()
        self.poller.stop()
