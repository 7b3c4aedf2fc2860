"""From audio to an Analysis: the one entry point the app and the command line share."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from app.core.analysis.errors import NoSpeechError, SilentTakeError, TooShortError
from app.core.analysis.features import Tracks, compute_tracks
from app.core.analysis.loudness import loudness_sd_db
from app.core.analysis.pauses import find_pauses, phrase_variation, phrases, speech_span
from app.core.analysis.pitch import pitch_stats
from app.core.analysis.report import Analysis
from app.core.analysis.signal import ArraySource, AudioSource, FileSource
from app.core.analysis.silero_worker import WORKER
from app.core.analysis.syllables import syllable_nuclei
from app.core.analysis.vad import speech_frames
from app.core.i18n import _

MIN_DURATION_S = 1.0
SILENT_DB = -70.0  # no 10 ms frame louder than this (band energy, dB re full scale)
MIN_SPEECH_S = 0.3  # this much audio Silero is sure is speech, or the take has none


def analyze(samples: np.ndarray, samplerate: int) -> Analysis:
    """Analyse a take held in memory: (frames,) or (frames, channels), any sample rate."""
    data = np.asarray(samples)
    if data.ndim not in (1, 2) or data.size == 0 or len(data) < MIN_DURATION_S * samplerate:
        raise _too_short(len(data) / samplerate if samplerate > 0 else 0.0)
    return analyze_source(ArraySource(data, samplerate))


def analyze_file(path: Path) -> Analysis:
    """Analyse an audio file (WAV, FLAC, ...), however long, in bounded memory."""
    return analyze_source(FileSource.open(Path(path)))


def warm_up() -> None:
    """Get the Silero helper process going, so the first take's report is not delayed by it.
    Returns at once; call it when the app starts."""
    WORKER.warm_up()


def analyze_source(source: AudioSource) -> Analysis:
    tracks = compute_tracks(source)
    duration = tracks.stats.duration_s
    if duration < MIN_DURATION_S:
        raise _too_short(duration)
    if tracks.frames == 0 or float(np.max(tracks.energy_db)) < SILENT_DB:
        raise SilentTakeError(_("This take is silent: nothing to analyse."))
    speech = speech_frames(tracks.level, tracks.speech_prob)
    sure = np.count_nonzero(speech & (tracks.speech_prob >= 0.5)) * tracks.step_s
    span = speech_span(speech, tracks.step_s)
    if span is None or sure < MIN_SPEECH_S:
        raise NoSpeechError(_("No speech was found in this take."))
    return measure(tracks, speech, span)


def measure(tracks: Tracks, speech: np.ndarray, span: tuple[float, float]) -> Analysis:
    step = tracks.step_s
    pauses = find_pauses(speech, step)
    paused = sum(p.duration_s for p in pauses)
    voiced_speech = speech & np.isfinite(tracks.f0_hz)
    nuclei = syllable_nuclei(tracks.intensity_db, tracks.f0_hz, speech, step)
    lengths = phrases(span, pauses)
    stats = tracks.stats
    read = max(stats.input_samples, 1)
    spoken = max(int(np.count_nonzero(speech)), 1)
    return Analysis(
        duration_s=stats.duration_s,
        speech_start_s=span[0],
        speech_end_s=span[1],
        speech_s=max(span[1] - span[0] - paused, 0.0),
        pauses=tuple(pauses),
        syllables=len(nuclei),
        pitch=pitch_stats(tracks.f0_hz[voiced_speech]),
        loudness_sd_db=loudness_sd_db(tracks.intensity_db, voiced_speech),
        phrase_variation=phrase_variation(lengths),
        phrase_count=len(lengths),
        voiced_fraction=int(np.count_nonzero(voiced_speech)) / spoken,
        clipped_fraction=stats.clipped / read,
        damaged_fraction=stats.nonfinite / read,
        nuclei_s=tuple(float(t) for t in nuclei),
    )


def _too_short(seconds: float) -> TooShortError:
    return TooShortError(
        _("This take is too short to analyse ({seconds:.2f} s): record at least {least} s.").format(
            seconds=seconds, least=f"{MIN_DURATION_S:g}"
        )
    )
