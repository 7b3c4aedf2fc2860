"""Fillers in a take: which, how many a minute, and where they bunch up.

What counts as a filler, kept simple on purpose:

- a filled pause, however Whisper spells it: um, uh, er, erm, hmm, mm, and in Dutch eh, euh
  (Flemish), ehm;
- a word or phrase that is only a filler in some places. Whether it stands apart is decided
  by its position: it counts when it is set off from the sentence around it, before by the
  start of a sentence, a comma or a silence of at least ``PAUSE_GAP_S``, and after by a comma
  or such a silence. Whisper punctuates the pause around a hedge with commas; the silence
  catches the ones it wrote without.

  English: "you know" and "like", set off: "we're just, you know, there" and "I was, like,
  thinking" count, "do you know him" and "I'd like to" do not.

  Dutch and Flemish (``_HEDGES["nl"]``):
  - "zo", "dus", "eigenlijk": set off ("Zo, ik bel even", "het is, eigenlijk, een tool").
    Inside a sentence they carry meaning ("zo snel", "dus morgen", "eigenlijk niet") and do
    not count; at the start of a sentence they count only with a pause after them, since
    "Dus we bellen morgen" is a real "therefore".
  - "weet je", "zeg maar", "hé": tags, which in Dutch often close a sentence ("handig, hé?",
    "een soort dashboard, zeg maar."), so a full stop or question mark after them also sets
    them off; "weet je wat" and "zeg maar Jan" are not set off and do not count.
  - "allee" (Flemish, from French "allez"): a discourse marker wherever it stands.
  - "ja nee" (also written "ja, nee"): the Flemish/Dutch hedge "well, no" when it opens a
    sentence; "ja" and "nee" on their own are answers, not fillers.

Up to five fillers a minute pass unnoticed in conversation. Three or more within ten seconds
matter more than the total: that is where the speaker was searching for words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from app.core.i18n import _
from app.core.transcript.normalize import canonical_filler, normalize
from app.core.transcript.words import Word

HARMLESS_PER_MINUTE = 5.0
CLUSTER_SIZE = 3
CLUSTER_WINDOW_S = 10.0
# A silence this long between two words is a pause, whether Whisper wrote a comma or not.
PAUSE_GAP_S = 0.3
Place = Literal["set off", "tag", "anywhere", "opening"]
_HEDGES: dict[str, tuple[tuple[tuple[str, ...], Place], ...]] = {
    "en": ((("you", "know"), "set off"), (("like",), "set off")),
    "nl": (
        (("zo",), "set off"),
        (("dus",), "set off"),
        (("eigenlijk",), "set off"),
        (("weet", "je"), "tag"),
        (("zeg", "maar"), "tag"),
        (("he",), "tag"),  # hé and hè: accents are dropped in comparison
        (("allee",), "anywhere"),
        (("ja", "nee"), "opening"),
    ),
}
_PAUSE_MARKS = (",", "...", "…")
_SENTENCE_ENDS = (".", "?", "!")


@dataclass(frozen=True)
class Filler:
    """``text`` is the canonical filler ("um", "you know"); ``first_word`` and ``word_count``
    locate it in the transcript's words."""

    text: str
    start_s: float
    end_s: float
    first_word: int
    word_count: int

    def to_json_dict(self) -> dict[str, object]:
        start, end = round(self.start_s, 3), round(self.end_s, 3)
        return {"filler": self.text, "start_s": start, "end_s": end}


@dataclass(frozen=True)
class FillerCluster:
    start_s: float
    end_s: float
    count: int


@dataclass(frozen=True)
class FillerReport:
    count: int
    per_minute: float
    clusters: tuple[FillerCluster, ...]

    @property
    def harmless(self) -> bool:
        return self.per_minute <= HARMLESS_PER_MINUTE and not self.clusters


def _plain(word: Word, language: str) -> list[str]:
    return normalize(word.word, language)


def _filled_pause_at(words: Sequence[Word], i: int, language: str) -> tuple[str, int] | None:
    plain = _plain(words[i], language)
    canonical = canonical_filler(plain[0]) if len(plain) == 1 else None
    return (canonical, 1) if canonical else None


def _opens(words: Sequence[Word], i: int) -> bool:
    """Word ``i`` starts a sentence or follows a pause."""
    if i == 0:
        return True
    previous = words[i - 1]
    marked = previous.word.rstrip().endswith(_PAUSE_MARKS + _SENTENCE_ENDS)
    return marked or words[i].start_s - previous.end_s >= PAUSE_GAP_S


def _closes(words: Sequence[Word], last: int, place: Place) -> bool:
    """A pause follows word ``last`` (for a tag, a sentence end will do)."""
    marks = _PAUSE_MARKS + (_SENTENCE_ENDS if place == "tag" else ())
    if words[last].word.rstrip().endswith(marks):
        return True
    following = last + 1
    return following < len(words) and words[following].start_s - words[last].end_s >= PAUSE_GAP_S


def _hedge_at(words: Sequence[Word], i: int, language: str) -> tuple[str, int] | None:
    """The hedge starting at word ``i`` and how many words it spans ("y'know" is one)."""
    for hedge, place in _HEDGES.get(language, _HEDGES["en"]):
        tokens: list[str] = []
        end = i
        while end < len(words) and len(tokens) < len(hedge):
            tokens.extend(_plain(words[end], language))
            end += 1
        if tuple(tokens) != hedge:
            continue
        counts = {
            "anywhere": True,
            "opening": _opens(words, i),
            "set off": _opens(words, i) and _closes(words, end - 1, place),
            "tag": _opens(words, i) and _closes(words, end - 1, place),
        }[place]
        if counts:
            return " ".join(hedge), end - i
    return None


def find_fillers(words: Sequence[Word], language: str = "en") -> tuple[Filler, ...]:
    """The fillers among ``words`` of a take in ``language``, in order."""
    found: list[Filler] = []
    i = 0
    while i < len(words):
        here = _filled_pause_at(words, i, language) or _hedge_at(words, i, language)
        if here:
            text, count = here
            found.append(Filler(text, words[i].start_s, words[i + count - 1].end_s, i, count))
            i += count
        else:
            i += 1
    return tuple(found)


def find_clusters(fillers: Sequence[Filler]) -> tuple[FillerCluster, ...]:
    """Stretches where at least ``CLUSTER_SIZE`` fillers start within ``CLUSTER_WINDOW_S``;
    overlapping stretches merge into one."""
    spans: list[tuple[int, int]] = []
    end = 0
    for first in range(len(fillers)):
        end = max(end, first)
        while end + 1 < len(fillers) and (
            fillers[end + 1].start_s - fillers[first].start_s <= CLUSTER_WINDOW_S
        ):
            end += 1
        if end - first + 1 >= CLUSTER_SIZE:
            if spans and first <= spans[-1][1]:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((first, end))
    return tuple(FillerCluster(fillers[a].start_s, fillers[b].end_s, b - a + 1) for a, b in spans)


def filler_report(fillers: Sequence[Filler], duration_s: float) -> FillerReport:
    minutes = duration_s / 60.0
    per_minute = len(fillers) / minutes if minutes > 0 else 0.0
    return FillerReport(len(fillers), per_minute, find_clusters(fillers))


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def describe(report: FillerReport) -> str:
    """The report in plain words, in the user's language."""
    if report.count == 0:
        return _("No fillers: no um, uh or you know.")
    per_minute = f"{report.per_minute:.0f}"
    if report.count == 1:
        parts = [_("One filler ({per_minute} a minute).").format(per_minute=per_minute)]
    else:
        parts = [
            _("{count} fillers ({per_minute} a minute).").format(
                count=report.count, per_minute=per_minute
            )
        ]
    if report.per_minute <= HARMLESS_PER_MINUTE:
        parts.append(_("That is natural: up to five a minute go unnoticed."))
    else:
        parts.append(_("That is more than five a minute, which listeners start to notice."))
    if len(report.clusters) == 1:
        cluster = report.clusters[0]
        parts.append(
            _("They bunch up between {start} and {end}, where you searched for words.").format(
                start=_clock(cluster.start_s), end=_clock(cluster.end_s)
            )
        )
    elif report.clusters:
        parts.append(
            _(
                "They bunch up in {places} places, first at {time}: there you searched for words."
            ).format(places=len(report.clusters), time=_clock(report.clusters[0].start_s))
        )
    return " ".join(parts)
