"""Hearing the reply live: when your voice starts after the prospect's line, and when it stops.

Built on the analysis's voice detection (app.core.analysis.vad): the same 10 ms frames, the
same band energy and Silero VAD, and the same rule for a speech frame (clearly loud, or above
the noise floor while Silero hears speech). What differs is that the audio arrives while the
call goes on, so the energy is placed between the noise floor and speech level heard *so far*,
and a frame's verdict counts only once the audio it depends on has arrived: Silero's 150 ms
look-ahead, and the shortest burst that counts as a syllable.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from app.core.analysis import vad
from app.core.practice.call import Heard
from app.core.practice.downsample import OUT_RATE, Downsampler

FRAMES_PER_S = round(1 / vad.STEP_S)
LAG = round(vad.SILERO_LAG_S / vad.STEP_S)  # frames of look-ahead Silero's verdict needs
MIN_BURST = round(vad.MIN_BURST_S / vad.STEP_S)
LOOK_BACK = 50  # frames before the line's end examined, to see a voice already under way
# A voice heard across the end of the prospect's line counts as an answer (freeze 0) only if it
# goes on this long after it; shorter, it is the tail of the line itself (from a loudspeaker
# into the microphone) or a breath.
OVERLAP_FRAMES = 50
LEVEL_HISTORY = 60 * FRAMES_PER_S  # the noise floor and speech level come from the last minute
_HALF = vad.ENERGY_WINDOW // 2


class _Series:
    """A float32 array that grows at the end without copying every time."""

    def __init__(self) -> None:
        self._data = np.zeros(1024, np.float32)
        self.size = 0

    def extend(self, values: np.ndarray) -> None:
        need = self.size + len(values)
        if need > len(self._data):
            grown = np.zeros(max(need, 2 * len(self._data)), np.float32)
            grown[: self.size] = self._data[: self.size]
            self._data = grown
        self._data[self.size : need] = values
        self.size = need

    def view(self, start: int = 0, stop: int | None = None) -> np.ndarray:
        return self._data[start : self.size if stop is None else min(stop, self.size)]


class Listener:
    """Voice activity in a recording as it is made; times in that recording's frames."""

    def __init__(self, rate: int, model: Any) -> None:
        self.rate = rate
        self._down = Downsampler(rate)
        self._model = model  # a SileroVAD at 16 kHz, reset, used by nobody else meanwhile
        self._window = int(model.window_size_samples)
        # 16 kHz audio kept for the energy windows still to come; before the start, silence.
        self._audio = np.zeros(_HALF, np.float32)
        self._audio_start = -_HALF  # the 16 kHz index of _audio[0]
        self._received = 0  # 16 kHz samples so far
        self._silero_rest = np.zeros(0, np.float32)
        self._energy = _Series()  # dB per 10 ms frame
        self._probs = _Series()  # Silero per 32 ms window
        self._kept = _Series()  # all the 16 kHz audio, for the words of the replies

    # -- taking audio in -------------------------------------------------------------------
    def feed(self, block: np.ndarray) -> None:
        audio = self._down.feed(block)
        if not len(audio):
            return
        self._received += len(audio)
        self._kept.extend(audio)
        self._audio = np.concatenate([self._audio, audio])
        self._silero(audio)
        self._measure()

    def _silero(self, audio: np.ndarray) -> None:
        data = np.concatenate([self._silero_rest, audio])
        usable = len(data) - len(data) % self._window
        process, window, view = self._model.process, self._window, data.data
        probs = [process(view[i : i + window]) for i in range(0, usable, window)]
        self._probs.extend(np.asarray(probs, np.float32))
        self._silero_rest = data[usable:].copy()

    def _measure(self) -> None:
        first = self._energy.size
        # frame g is centred on sample g * STEP + STEP // 2 and needs _HALF samples after it
        ready = (self._received - _HALF - vad.STEP // 2) // vad.STEP + 1
        count = ready - first
        if count <= 0:
            return
        centre = first * vad.STEP + vad.STEP // 2 - self._audio_start
        self._energy.extend(vad.band_energy_db(self._audio, centre, count))
        keep_from = ready * vad.STEP + vad.STEP // 2 - _HALF - self._audio_start
        self._audio = self._audio[keep_from:].copy()
        self._audio_start += keep_from

    def samples(self, start: int, stop: int) -> np.ndarray:
        """The 16 kHz audio from recording frame ``start`` to ``stop`` (as far as heard)."""
        first = max(0, start * OUT_RATE // self.rate)
        return self._kept.view(first, stop * OUT_RATE // self.rate).copy()

    @property
    def frames_done(self) -> int:
        """10 ms frames with both their energy and Silero's probability."""
        windows = self._probs.size
        with_prob = (windows * self._window - vad.STEP // 2 - 1) // vad.STEP + 1 if windows else 0
        return min(self._energy.size, with_prob)

    # -- verdicts --------------------------------------------------------------------------
    def _levels(self, start: int, stop: int) -> np.ndarray:
        history = self._energy.view(max(0, stop - LEVEL_HISTORY), stop)
        audible = history[history > vad.DIGITAL_SILENCE_DB]
        energy = self._energy.view(start, stop)
        if not len(audible):
            return np.full(len(energy), -1.0, np.float32)
        # Unlike a take, a call is mostly the other side talking: a microphone that sends
        # digital silence meanwhile (muted, gated) has its floor there, not in the quiet parts
        # of the few replies so far.
        floor = float(np.percentile(np.maximum(history, vad.DIGITAL_SILENCE_DB), 5))
        loud = float(np.percentile(audible, 95))
        span = max(loud - floor, vad.MIN_SPAN_DB)
        return ((energy - floor) / span).astype(np.float32)

    def _to_recording(self, frame: int) -> int:
        return frame * self.rate // FRAMES_PER_S

    def heard(self, since: int) -> Heard:
        """The reply so far to a line that ended at recording frame ``since``."""
        done = self.frames_done
        final = max(0, done - LAG)  # frames before this have their final verdict
        g_since = -(-since * FRAMES_PER_S // self.rate)
        if final <= g_since:
            return Heard(until=self._to_recording(final))
        lo = max(0, g_since - LOOK_BACK)
        level = self._levels(lo, done)
        windows = self._probs.view()
        prob = vad.per_frame(windows, done)[lo:done]
        heard_speech = vad.lasting(prob >= vad.SILERO_SPEECH, LAG)
        raw = (level >= vad.CLEAR_SPEECH) | ((level >= vad.MAYBE_SPEECH) & heard_speech)
        end = final - lo
        starts, ends = vad.runs(raw[:end])
        # Something in the frames not yet final that may still turn out to be a voice.
        undecided = bool(np.any(level[end:] >= vad.CLEAR_SPEECH))
        spoken: list[tuple[int, int, bool]] = []  # (start, end, still going) in frames
        for s, e in zip(starts.tolist(), ends.tolist(), strict=True):
            going = e == end
            if e - s >= MIN_BURST:
                spoken.append((s + lo, e + lo, going))
            elif going:
                undecided = True  # too short yet to count; may grow into a syllable
        onset, first = None, len(spoken)
        for index, (s, e, going) in enumerate(spoken):
            if e <= g_since:
                continue
            if s >= g_since:
                onset, first = s, index
            elif e - g_since >= OVERLAP_FRAMES:
                onset, first = g_since, index
            elif going:
                undecided = True
            else:
                continue
            break
        until = self._to_recording(final)
        if onset is None:
            return Heard(until=until, silent_tail=not undecided)
        last = spoken[-1] if first < len(spoken) else None
        voice_end = None if last is None or last[2] or undecided else self._to_recording(last[1])
        return Heard(
            until=until,
            onset=self._to_recording(onset),
            voice_end=voice_end,
            silent_tail=not undecided,
        )
