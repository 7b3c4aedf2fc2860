"""Feedback in plain words: does this take still sound read aloud, and what to do about it.

The yardstick is the user's own voice: a one-minute "just talk" recording (the baseline).
Reading aloud shows in a narrower pitch range, a faster or slower pace than one's own, long
stretches without a pause, phrases of even length cut at the punctuation, and a level that
hardly moves. Without a baseline the take is held against published norms for its language
(``PACE_NORMS``: in English 140 to 160 words per minute is comfortable, below 110 or above 190
is flagged), and the verdict claims no more than those can tell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import mean

from app.core.analysis.report import Analysis
from app.core.i18n import _, decimal

FLAT_PITCH = 0.75  # pitch range below this share of the baseline's sounds flat
PACE_CHANGE = 0.12  # faster or slower than the baseline by more than this is noticeable
EVEN_PHRASES = 0.6  # phrase-length variation below this share of the baseline's
FLAT_LOUDNESS = 0.7
# Without a baseline (semitones, coefficient of variation, dB), from the recordings in
# ../shared/speech and the ranges usually quoted for conversational speech:
NORM_RANGE_ST = 5.0
NORM_PHRASE_VARIATION = 0.3
NORM_LOUDNESS_DB = 2.5


@dataclass(frozen=True)
class PaceNorm:
    """Words a minute that are comfortable to listen to, and outside which a pace is named."""

    comfortable: tuple[int, int]
    flagged: tuple[int, int]
    syllables_per_word: float  # to estimate words a minute from syllables, without a transcript


PACE_NORMS = {
    # The range usually quoted for English presentations and audiobooks; 1.5 syllables a word.
    "en": PaceNorm((140, 160), (110, 190), 1.5),
    # Verhoeven, De Pauw & Kloots (2004), "Speech rate in a pluricentric language: a comparison
    # between Dutch in Belgium and the Netherlands", Language and Speech 47(3), 297-308: in
    # conversation, 4.00 (Flanders) to 4.23 (the Netherlands) syllables a second, pauses
    # included. A Dutch word has 1.49 syllables (app.core.transcript.dutch.syllables over the
    # Dutch starter script and objections, 1,114 words; tests/core/analysis/test_pace_norms.py),
    # so that is 161 to 170 words a minute. Flagged with English's margins (27% around the
    # middle of the range).
    "nl": PaceNorm((161, 170), (121, 210), 1.49),
}
# Talk stops to think every few seconds; reading runs on to the full stop. Pauses of 250 ms
# or more a minute, in ../shared/speech: the read audiobook 7, spontaneous talk 15 to 26
# (the classic finding: far more pause time in spontaneous speech than in reading).
NORM_PAUSES_PER_MINUTE = 9.0
FEW_PAUSES = 0.6  # fewer pauses a minute than this share of the baseline's
MIN_PAUSING_SPAN_S = 15.0  # a sentence or two cannot show how someone pauses
READER_PAUSES = 0.9  # share of pauses at punctuation that sounds like reading
MIN_PLACED_PAUSES = 3
# Syllables are found through voicing; in a hoarse or creaky voice Praat hears too little of
# it (a third of the speech in ../shared/speech's cold recordings, two thirds or more in the
# others) and the count, hence the pace, comes out far too low.
RELIABLE_VOICING = 0.45
MAX_SUGGESTIONS = 3


@dataclass(frozen=True)
class Feedback:
    verdict: str
    suggestions: tuple[str, ...]
    signs_of_reading: int


@dataclass(frozen=True)
class _Finding:
    weight: float  # how far past its threshold, for ordering
    reads: bool  # a sign of reading aloud (rather than advice on recording or pace)
    text: str


def describe(
    take: Analysis,
    baseline: Analysis | None = None,
    earlier: Sequence[Analysis] = (),
    words_per_minute: float | None = None,
    pause_kinds: Sequence[str | None] = (),
    language: str = "en",
) -> Feedback:
    """A one-sentence verdict and at most three concrete suggestions for ``take``.

    ``words_per_minute`` and ``pause_kinds`` (see ``classify_pauses``) come from the
    transcript when there is one; without them the pace is estimated from the syllables.
    ``language`` is the take's ('en', 'nl'): it sets the pace norms.
    """
    norm = PACE_NORMS.get(language, PACE_NORMS["en"])
    findings = _findings(take, baseline, words_per_minute, norm) + _placement(pause_kinds)
    signs = sum(f.reads for f in findings)
    verdict = _verdict(signs, baseline is not None)
    before = [sum(f.reads for f in _findings(old, baseline, None, norm)) for old in earlier]
    if before:
        if signs < mean(before):
            verdict += " " + _("That is better than your earlier takes.")
        elif signs > mean(before):
            verdict += " " + _("Your earlier takes sounded more natural.")
    ordered = sorted(findings, key=lambda f: -f.weight)
    suggestions = [f.text for f in ordered][:MAX_SUGGESTIONS]
    if baseline is None and len(suggestions) < MAX_SUGGESTIONS:
        suggestions.append(
            _("Record a one-minute 'just talk' take so takes can be compared with your own voice.")
        )
    return Feedback(verdict, tuple(suggestions), signs)


def _verdict(signs: int, has_baseline: bool) -> str:
    if signs == 0:
        if has_baseline:
            return _("This take sounds like you talking, not reading.")
        return _("Nothing in this take sounds read aloud by the usual measures.")
    if signs == 1:
        return _("This take mostly sounds like you, with one sign of reading aloud.")
    return _("This take still sounds read aloud.")


def _findings(
    take: Analysis, base: Analysis | None, wpm: float | None, norm: PaceNorm
) -> list[_Finding]:
    found: list[_Finding] = []
    if take.clipped_fraction > 0.001:
        found.append(
            _Finding(
                10.0,
                False,
                _(
                    "The recording was too loud and clipped: move back from the microphone or turn "
                    "the input level down."
                ),
            )
        )
    found += _pitch(take, base)
    found += _pace(take, base, wpm, norm)
    found += _pausing(take, base)
    found += _phrasing(take, base)
    found += _loudness(take, base)
    return found


def _pitch(take: Analysis, base: Analysis | None) -> list[_Finding]:
    if take.pitch is None:
        return []
    if base is not None and base.pitch is not None and base.pitch.range_st > 0:
        share = take.pitch.range_st / base.pitch.range_st
        if share < FLAT_PITCH:
            return [
                _Finding(
                    FLAT_PITCH / max(share, 0.05),
                    True,
                    _(
                        "Your pitch range was {percent}% of your natural range, so it sounds "
                        "flatter, like reading. Let your voice rise and fall as when you just talk."
                    ).format(percent=round(100 * share)),
                )
            ]
        return []
    if take.pitch.range_st < NORM_RANGE_ST:
        return [
            _Finding(
                NORM_RANGE_ST / max(take.pitch.range_st, 0.5),
                True,
                _(
                    "Your voice hardly rose or fell ({range} notes), so it sounds flat, like "
                    "reading. Let your voice rise and fall."
                ).format(range=decimal(take.pitch.range_st)),
            )
        ]
    return []


def _pace(
    take: Analysis, base: Analysis | None, wpm: float | None, norm: PaceNorm
) -> list[_Finding]:
    counted = take.voiced_fraction >= RELIABLE_VOICING
    if base is not None and base.voiced_fraction < RELIABLE_VOICING:
        base = None
    if base is not None and counted and base.articulation_rate > 0 and take.articulation_rate > 0:
        change = take.articulation_rate / base.articulation_rate - 1
        weight = abs(change) / PACE_CHANGE
        if change > PACE_CHANGE:
            return [
                _Finding(
                    weight,
                    True,
                    _(
                        "You spoke {percent}% faster than when you just talk: slow down to your "
                        "own pace."
                    ).format(percent=round(100 * change)),
                )
            ]
        if change < -PACE_CHANGE:
            return [
                _Finding(
                    weight,
                    True,
                    _(
                        "You spoke {percent}% slower than when you just talk: it can sound "
                        "careful, like reading. Speak at your own pace."
                    ).format(percent=round(-100 * change)),
                )
            ]
        return []
    if wpm is None and not counted:
        return []
    rate = wpm if wpm is not None else take.speech_rate * 60 / norm.syllables_per_word
    low, high = norm.flagged
    least, most = norm.comfortable
    if rate > high:
        text = _("About {wpm} words per minute is fast; {low} to {high} is comfortable to hear.")
        return [_Finding(rate / high, False, text.format(wpm=round(rate), low=least, high=most))]
    if 0 < rate < low:
        text = _("About {wpm} words per minute is slow; {low} to {high} is comfortable to hear.")
        return [_Finding(low / rate, False, text.format(wpm=round(rate), low=least, high=most))]
    return []


def _pausing(take: Analysis, base: Analysis | None) -> list[_Finding]:
    if take.span_s < MIN_PAUSING_SPAN_S:
        return []
    limit = NORM_PAUSES_PER_MINUTE
    if base is not None and base.span_s >= MIN_PAUSING_SPAN_S:
        limit = FEW_PAUSES * base.pauses_per_minute
    rate = take.pauses_per_minute
    if rate >= limit:
        return []
    run_s = take.speech_s / (len(take.pauses) + 1)
    return [
        _Finding(
            limit / max(rate, 1.0),
            True,
            _(
                "You spoke {seconds} seconds at a stretch before each pause, as when reading. "
                "In talk people stop every few seconds to think: pause after each idea."
            ).format(seconds=f"{run_s:.0f}"),
        )
    ]


def _phrasing(take: Analysis, base: Analysis | None) -> list[_Finding]:
    if take.phrase_variation is None:
        return []
    limit = NORM_PHRASE_VARIATION
    if base is not None and base.phrase_variation is not None:
        limit = EVEN_PHRASES * base.phrase_variation
    if take.phrase_variation >= limit:
        return []
    return [
        _Finding(
            limit / max(take.phrase_variation, 0.05),
            True,
            _(
                "Your phrases were all about the same length, as when reading line by line. Pause "
                "where a thought ends, not at every comma."
            ),
        )
    ]


def _placement(kinds: Sequence[str | None]) -> list[_Finding]:
    known = [kind for kind in kinds if kind is not None]
    if len(known) < MIN_PLACED_PAUSES:
        return []
    share = known.count("punctuation") / len(known)
    if share < READER_PAUSES:
        return []
    return [
        _Finding(
            1.2,
            True,
            _(
                "You paused only at the script's punctuation, the way a reader does. In talk, "
                "people also pause to find the next words."
            ),
        )
    ]


def _loudness(take: Analysis, base: Analysis | None) -> list[_Finding]:
    if take.loudness_sd_db is None:
        return []
    limit = NORM_LOUDNESS_DB
    if base is not None and base.loudness_sd_db is not None:
        limit = FLAT_LOUDNESS * base.loudness_sd_db
    if take.loudness_sd_db >= limit:
        return []
    return [
        _Finding(
            limit / max(take.loudness_sd_db, 0.1),
            True,
            _("Your loudness hardly changed. Lean on the words that matter."),
        )
    ]
