"""What the report card says about a take: the verdict, at most three suggestions, and the
key numbers, each set against the user's natural voice or, without one, the published ranges.

The card is made twice: at once from the analysis, and again when the transcript is in,
which adds words per minute, fillers, and where the pauses fell against the script.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.core.analysis import Analysis, TimedWord, classify_pauses, describe
from app.core.analysis.describe import NORM_RANGE_ST, PACE_NORMS
from app.core.glossary import meaning
from app.core.i18n import _, decimal
from app.core.transcript import Transcript
from app.core.transcript.fillers import HARMLESS_PER_MINUTE


@dataclass(frozen=True)
class Figure:
    """One key number: what it is, its value, and what it is measured against."""

    name: str
    value: str
    yardstick: str = ""
    tip: str = ""  # what the figure means (the glossary), for a tooltip


@dataclass(frozen=True)
class Report:
    verdict: str
    suggestions: tuple[str, ...]
    figures: tuple[Figure, ...]
    fillers_per_minute: float | None  # None until the transcript is in
    words_per_minute: float | None


def build_report(
    take: Analysis,
    baseline: Analysis | None = None,
    earlier: Sequence[Analysis] = (),
    transcript: Transcript | None = None,
    script_text: str | None = None,
    language: str | None = None,
) -> Report:
    """The card for ``take``; ``script_text`` is the voicemail as the take's revision had it,
    ``language`` the script's (by default the transcript's, else English)."""
    if language is None:
        language = transcript.language if transcript is not None else "en"
    wpm = None
    kinds: list[str | None] = []
    fillers = None
    if transcript is not None:
        wpm = take.words_per_minute(transcript.to_json_dict())
        fillers = transcript.filler_report.per_minute
        if script_text:
            words = [TimedWord(w.word, w.start_s, w.end_s) for w in transcript.words]
            kinds = list(classify_pauses(take.pauses, words, script_text))
    feedback = describe(
        take, baseline, earlier, words_per_minute=wpm, pause_kinds=kinds, language=language
    )
    figures = (
        _pace(take, baseline, wpm, language),
        _pitch(take, baseline),
        _pauses(take, baseline),
        _fillers(fillers),
    )
    return Report(feedback.verdict, feedback.suggestions, figures, fillers, wpm)


def _yours(text: str) -> str:
    return _("your natural voice: {value}").format(value=text)


def _pace(take: Analysis, base: Analysis | None, wpm: float | None, language: str) -> Figure:
    syllables = _syllables(take.articulation_rate)
    if wpm is not None:
        value = _("{wpm} words a minute").format(wpm=round(wpm)) + " · " + syllables
    else:
        value = syllables
    if base is not None and base.articulation_rate > 0:
        yardstick = _yours(_syllables(base.articulation_rate))
    else:
        norm = PACE_NORMS.get(language, PACE_NORMS["en"])
        (least, most), (low, high) = norm.comfortable, norm.flagged
        yardstick = _(
            "comfortable: {least} to {most} words a minute; flagged below {low} or above {high}"
        ).format(least=least, most=most, low=low, high=high)
    return Figure(_("Pace"), value, yardstick, meaning("pace"))


def _syllables(rate: float) -> str:
    return _("{rate} syllables a second").format(rate=decimal(rate))


def _notes(count: float) -> str:
    return _("{range} notes").format(range=decimal(count))


def _pitch(take: Analysis, base: Analysis | None) -> Figure:
    name, tip = _("Rise and fall"), meaning("rise_and_fall")
    if take.pitch is None:
        return Figure(name, _("too little voicing to measure"), "", tip)
    value = _notes(take.pitch.range_st)
    if base is not None and base.pitch is not None:
        return Figure(name, value, _yours(_notes(base.pitch.range_st)), tip)
    lively = _("natural talk: {range} notes or more").format(range=f"{NORM_RANGE_ST:g}")
    return Figure(name, value, lively, tip)


def _per_minute(count: float, digits: int) -> str:
    return _("{count} a minute").format(count=decimal(count, digits))


def _pauses(take: Analysis, base: Analysis | None) -> Figure:
    value = _per_minute(take.pauses_per_minute, 0)
    yardstick = _yours(_per_minute(base.pauses_per_minute, 0)) if base is not None else ""
    return Figure(_("Pauses"), value, yardstick, meaning("pauses"))


def _fillers(per_minute: float | None) -> Figure:
    tip = meaning("fillers")
    if per_minute is None:
        return Figure(_("Fillers"), _("waiting for the transcript"), "", tip)
    value = _per_minute(per_minute, 1)
    harmless = _("up to {count} a minute go unnoticed").format(count=f"{HARMLESS_PER_MINUTE:g}")
    return Figure(_("Fillers"), value, harmless, tip)
