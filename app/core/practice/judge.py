"""Judging a spoken reply against the step it should have been: small rules over the words.

What a step wants is read from the step itself: its key words (the words that carry its
meaning, and the placeholders once filled), whether it asks a question (a "?" in its text),
and whether it answers an objection (its text opens with an acknowledgement: "That's fair",
"Dat begrijp ik"). The reply is then checked for each, in both languages, fuzzily (a word
heard as "planner" still counts for "planners"). The phrases are data, in judge_phrases.
"""

from __future__ import annotations

import difflib
import json
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from app.core.practice import judge_phrases as phrases
from app.core.script.model import PLACEHOLDER, Step
from app.core.transcript.normalize import canonical_filler, normalize

RAMBLE_S = 30.0  # a reply longer than this is a monologue
ON_PURPOSE_SHARE = 0.2  # of the step's key words said ...
ON_PURPOSE_WORDS = 3  # ... or at least this many of them
ACKNOWLEDGE_WITHIN = 12  # an acknowledgement counts among the reply's first words
GIVE_UP_WORDS = 25  # a longer reply is more than a way out, whatever it ends with
FUZZY = 0.8  # difflib ratio from which two words count as the same


def words(text: str) -> list[str]:
    """Normalized, accent-free words: "Oké, bedankt!" -> ['oke', 'bedankt']."""
    folded = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return normalize(plain)


_PHRASES: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}


def _phrase_words(group: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    if group not in _PHRASES:
        _PHRASES[group] = tuple(tuple(words(p)) for p in group)
    return _PHRASES[group]


def find_phrase(said: Sequence[str], group: tuple[str, ...], within: int | None = None) -> int:
    """Where the first phrase of ``group`` starts in ``said`` (-1: none), looking only at
    starts before ``within`` when given. Words match fuzzily ("benankt" is "bedankt")."""
    limit = len(said) if within is None else min(within, len(said))
    for start in range(limit):
        for phrase in _phrase_words(group):
            heard = said[start : start + len(phrase)]
            if phrase and len(heard) == len(phrase) and all(map(same_word, heard, phrase)):
                return start
    return -1


def same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= FUZZY


@dataclass(frozen=True)
class Wanted:
    """What a step is for, read from its own text."""

    key_words: tuple[str, ...]
    question: bool
    acknowledge: bool


def wanted(step: Step, fills: Mapping[str, str] | None = None) -> Wanted:
    fills = fills or {}
    keys: dict[str, None] = {}
    for line in step.spoken:
        filled = PLACEHOLDER.sub(lambda m: fills.get(m.group(1).strip(), ""), line)
        for word in words(filled):
            if (
                len(word) >= 3
                and "'" not in word
                and word not in phrases.STOP_WORDS
                and not canonical_filler(word)
            ):
                keys[word] = None
    spoken = step.spoken
    opening = words(spoken[0]) if spoken else []
    return Wanted(
        key_words=tuple(keys),
        question=any("?" in line for line in spoken),
        acknowledge=find_phrase(opening, phrases.ACKNOWLEDGE, ACKNOWLEDGE_WITHIN) >= 0,
    )


def key_words_said(said: Sequence[str], keys: Sequence[str]) -> tuple[str, ...]:
    heard = set(said)
    return tuple(k for k in keys if k in heard or any(same_word(k, w) for w in heard))


def asked_question(text: str, said: Sequence[str]) -> bool:
    if "?" in text:
        return True
    # Whisper often drops the mark: a sentence that opens with a question word counts (not a
    # clause after a comma: Dutch "..., dan wil ik" puts the verb first without asking).
    # "Have a nice day" opens like "Have you..." but asks nobody: someone must be asked.
    clauses = [words(part) for part in text.replace("!", ".").replace(":", ".").split(".")]
    return any(
        len(c) >= 3 and c[0] in phrases.QUESTION_STARTS and bool(set(c[1:3]) & phrases.PERSONS)
        for c in clauses
    )


def goes_on(text: str) -> bool:
    """The reply so far ends mid-sentence ("... and", "... dus", "..., um"): not over yet."""
    stripped = text.rstrip()
    if stripped.endswith((",", "...", "…", "-")):
        return True
    said = words(stripped)
    return bool(said) and said[-1] in phrases.GOES_ON


def filler_count(said: Sequence[str]) -> int:
    return sum(1 for w in said if canonical_filler(w))


@dataclass(frozen=True)
class Verdict:
    said: str
    wanted: Wanted
    key_words_said: tuple[str, ...]
    asked: bool
    acknowledged: bool
    gave_up: bool
    rambled: bool
    fillers: int
    silent: bool

    @property
    def on_purpose(self) -> bool:
        count = len(self.key_words_said)
        share = count / len(self.wanted.key_words) if self.wanted.key_words else 1.0
        return count >= ON_PURPOSE_WORDS or share >= ON_PURPOSE_SHARE

    @property
    def good(self) -> bool:
        """A reply that deserves the prospect's good answer."""
        if self.silent or self.gave_up or self.rambled:
            return False
        if self.wanted.acknowledge:  # an objection: acknowledge, ask, redirect
            return self.acknowledged and self.asked
        return self.on_purpose and (self.asked or not self.wanted.question)


def judge(text: str, step: Step, reply_s: float, fills: Mapping[str, str] | None = None) -> Verdict:
    """The verdict on ``text``, said in ``reply_s`` seconds in answer to ``step``."""
    said = words(text)
    meant = [w for w in said if not canonical_filler(w)]
    want = wanted(step, fills)
    asked = asked_question(text, said)
    # "Thanks for your time" that still asks for the next step is not a way out.
    way_out = find_phrase(said, phrases.GIVE_UP) >= 0 and len(meant) <= GIVE_UP_WORDS
    gave_up = not meant or (way_out and not asked)
    return Verdict(
        said=text.strip(),
        wanted=want,
        key_words_said=key_words_said(meant, want.key_words),
        asked=asked,
        acknowledged=find_phrase(said, phrases.ACKNOWLEDGE, ACKNOWLEDGE_WITHIN) >= 0,
        gave_up=gave_up and not step.is_ending,
        rambled=reply_s > RAMBLE_S,
        fillers=filler_count(said),
        silent=not meant,
    )


def verdict_to_json(verdict: Verdict) -> str:
    return json.dumps(asdict(verdict), ensure_ascii=False)


def verdict_from_json(text: str) -> Verdict:
    data = json.loads(text)
    want = data.pop("wanted")
    return Verdict(
        **{**data, "key_words_said": tuple(data["key_words_said"])},
        wanted=Wanted(tuple(want["key_words"]), bool(want["question"]), bool(want["acknowledge"])),
    )
