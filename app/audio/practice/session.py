"""A practice run on the audio path: the call, the live recording, the prospect's voice and
the store, moved on by ``tick()`` (a GUI timer calls it 40 times a second; a test, a loop).

Each tick takes in what the microphone heard, tells the call when the prospect's line started
and ended (turned from stream time into recording frames), and lets the prospect say the next
line or end the call. Turns are saved the moment they change, so a crash keeps them.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass
from typing import TYPE_CHECKING

from app.audio.errors import AudioError, SaveError
from app.audio.practice.live import LiveRecording
from app.audio.practice.voices import ProspectVoice
from app.core.practice.call import STILL_THERE_KEY, Call, End, Phase, Say
from app.core.practice.store import PracticeStore, Run
from app.core.practice.turns import Turn
from app.core.store import STORAGE_ERRORS

if TYPE_CHECKING:
    from app.core.practice.ears import ReplyEars


@dataclass(frozen=True)
class LineSaid:
    """The prospect starts a line: put its text on screen."""

    line: Say


@dataclass(frozen=True)
class YourTurn:
    """The prospect's line is over: the freeze clock runs."""

    turn: Turn


@dataclass(frozen=True)
class ReplyHeard:
    """Your voice was heard; ``turn.freeze_s`` says after how long."""

    turn: Turn


@dataclass(frozen=True)
class CallOver:
    run: Run
    error: AudioError | None = None


@dataclass(frozen=True)
class VoiceFailed:
    """The voice could not say a line; it is shown as text instead."""

    error: AudioError


Event = LineSaid | YourTurn | ReplyHeard | CallOver | VoiceFailed


class Session:
    def __init__(
        self,
        call: Call,
        live: LiveRecording,
        voice: ProspectVoice,
        store: PracticeStore,
        run: Run,
        text_voice: ProspectVoice,
        picked_up: bool = False,
        ears: ReplyEars | None = None,
    ) -> None:
        self.call = call
        self.ears = ears  # the call's too: it hands the reply to the speech service
        # The prospect already answered (the voicemail page's call played the pickup), so the
        # call starts with your opener, timed from the start of the recording.
        self.picked_up = picked_up
        self.live = live
        self.voice = voice
        self.text_voice = text_voice  # when the voice fails
        self.store = store
        self.run = run
        self.over = False
        self._speaking: ProspectVoice = voice
        self._saved: dict[int, tuple[object, ...]] = {}
        self._save_error: SaveError | None = None

    def start(self) -> None:
        """Start recording; raises AudioError (and forgets the run) when it cannot."""
        try:
            self.live.start(self.store.path_of(self.run))
        except AudioError:
            self.store.delete_run(self.run.id)
            self.over = True
            raise
        if self.live.rate != self.run.samplerate:
            self.store.set_samplerate(self.run.id, self.live.rate)
            self.call.rate = self.live.rate

    # -- moving on -------------------------------------------------------------------------
    def tick(self) -> list[Event]:
        if self.over:
            return []
        events: list[Event] = []
        status = self.live.recorder.status()
        if status.error is not None or not status.recording:
            return self._finish(self.call.hang_up(self.live.frames), events, status.error)
        self.live.pump()
        call = self.call
        if not call.turns:
            if self.live.anchored and self.picked_up:
                call.begin()
                call.line_started(0)
                call.line_ended(0)
                events.append(YourTurn(call.turn))
            elif self.live.anchored:
                self._say(call.begin(), events)
            self._save()
            return events
        self._follow_voice(events)
        since = call.listening_since
        if since is not None:
            turn = call.turn
            answered = turn.onset is not None
            heard = self.live.heard(since)
            if self.ears is not None:
                self.ears.follow(turn, heard)
            result = call.hear(heard)
            if not answered and turn.onset is not None:
                events.append(ReplyHeard(turn))
                if call.saying is not None:  # you answered "are you still there?"
                    self._speaking.stop()
                    call.line_ended(turn.onset)
            self._handle(result, events)
        self._save()
        return events

    def _follow_voice(self, events: list[Event]) -> None:
        call = self.call
        saying = call.saying
        if saying is None:
            return
        start, end = self._speaking.timing()
        if start is not None and saying.key != STILL_THERE_KEY and call.turn.line_start is None:
            frame = self.live.frame_at(start)
            if frame is not None:
                call.line_started(frame)
        now = self.live.stream_now()
        if end is not None and now is not None and now >= end:
            frame = self.live.frame_at(end)
            if frame is not None:
                call.line_ended(frame)
                if saying.key != STILL_THERE_KEY:
                    events.append(YourTurn(call.turn))

    def _say(self, line: Say, events: list[Event]) -> None:
        self._save()
        self._speaking = self.voice
        try:
            self.voice.say(line)
        except AudioError as error:
            events.append(VoiceFailed(error))
            self._speaking = self.text_voice
            self.text_voice.say(line)
        events.append(LineSaid(line))

    def _handle(self, result: Say | End | None, events: list[Event]) -> None:
        if isinstance(result, Say):
            self._say(result, events)
        elif isinstance(result, End):
            self._finish(result, events)

    def reply_done(self) -> list[Event]:
        """You say you are done: the prospect answers now instead of after the pause."""
        if self.over or self.call.phase != Phase.REPLYING:
            return []
        events: list[Event] = []
        self._handle(self.call.reply_done(self.live.frames), events)
        self._save()
        return events

    def hang_up(self) -> list[Event]:
        if self.over:
            return []
        return self._finish(self.call.hang_up(self.live.frames), [])

    def _finish(
        self, end: End, events: list[Event], error: AudioError | None = None
    ) -> list[Event]:
        self.over = True
        if self.ears is not None:
            self.ears.cancel()
        self._speaking.stop()
        self.voice.stop()
        recording = self.live.stop()
        self._save()
        try:
            self.run = self.store.finish_run(self.run.id, recording.frames, end.outcome)
        except STORAGE_ERRORS as exc:  # the recording is on disk; the next start recovers it
            self._save_error = self._save_error or SaveError.from_storage(exc)
        events.append(CallOver(self.run, error or recording.error or self._save_error))
        return events

    def _save(self) -> None:
        """Write the turns that changed since they were last written. A store that cannot
        save (a full disk) does not stop the call: the error is reported when it ends."""
        for turn in self.call.turns[-2:]:
            snapshot = astuple(turn)
            if self._saved.get(turn.number) != snapshot:
                try:
                    self.store.save_turn(self.run.id, turn)
                except STORAGE_ERRORS as exc:
                    self._save_error = self._save_error or SaveError.from_storage(exc)
                    return
                self._saved[turn.number] = astuple(turn)
