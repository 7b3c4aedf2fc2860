"""What was said against what the script says, and the script rewritten in the words said.

Both sides are compared in normalized form (case, punctuation and numbers do not count, see
``normalize``). Fillers are left out of the comparison, since no script has them, and are
reported beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.transcript.align import EditKind, align
from app.core.transcript.fillers import Filler
from app.core.transcript.normalize import normalize
from app.core.transcript.transcript import Transcript, join_words

_PLACEHOLDER = re.compile(r"\{[^{}\s]+\}")
_CUE = re.compile(r"\([^()]*\)")
_ANNOTATION = re.compile(r"\[[^\]]*\]|\([^)]*\)|\*[^*]*\*")  # Whisper's [Music], (laughs)
# Brackets would read as a cue and braces as a placeholder in the script format.
_FORMAT_MARKS = str.maketrans("", "", "()[]{}*")
_ANY_WORD = "\x00"  # what a placeholder becomes: it matches whatever single word was said
_SENTENCE_ENDS = (".", "?", "!")
# Words that cannot end a phrase: a comma after one of them was only there for the filler.
# fmt: off
_FUNCTION_WORDS = frozenset((
    "a", "an", "the", "to", "of", "in", "on", "at", "for", "with", "from", "by", "about", "as",
    "into", "than", "my", "your", "our", "their", "his", "her", "its", "this", "that", "these",
    "those", "and", "but", "or", "so", "because", "if", "is", "are", "was", "were", "be", "been",
    "am", "will", "would", "can", "could", "should", "do", "does", "did", "have", "has", "had",
    "i", "we", "you", "they", "he", "she", "i'm", "i'll", "i've", "i'd", "we're", "we'll",
    "we've", "you're", "you'll", "they're", "it's", "that's", "there's", "he's", "she's",
))
# fmt: on


@dataclass(frozen=True)
class DiffOp:
    """A run of words: said as written ("same"), said differently ("changed"), said but not
    in the script ("added"), or in the script but not said ("skipped").

    ``said`` holds the transcript's words as Whisper wrote them, ``script`` the script's as
    written; ``start_s``/``end_s`` span the said words (None when nothing was said)."""

    kind: EditKind
    said: tuple[str, ...]
    script: tuple[str, ...]
    start_s: float | None
    end_s: float | None

    @property
    def off_script(self) -> bool:
        return self.kind in ("changed", "added")


@dataclass(frozen=True)
class ScriptDiff:
    ops: tuple[DiffOp, ...]
    fillers: tuple[Filler, ...]
    word_error_rate: float  # edits per script word, fillers not counted

    @property
    def off_script_words(self) -> int:
        return sum(len(op.said) for op in self.ops if op.off_script)

    @property
    def skipped_words(self) -> int:
        return sum(len(op.script) for op in self.ops if op.kind == "skipped")


def _script_tokens(voicemail_text: str, language: str) -> tuple[list[str], list[tuple[str, int]]]:
    lines = [line for line in voicemail_text.splitlines() if not line.lstrip().startswith("//")]
    written = _CUE.sub(" ", "\n".join(lines)).split()
    tokens: list[tuple[str, int]] = []
    for index, word in enumerate(written):
        if _PLACEHOLDER.search(word):
            tokens.append((_ANY_WORD, index))
        else:
            tokens.extend((plain, index) for plain in normalize(word, language))
    return written, tokens


def _filler_word_indices(transcript: Transcript) -> set[int]:
    return {f.first_word + k for f in transcript.fillers for k in range(f.word_count)}


def _said_tokens(transcript: Transcript) -> tuple[list[tuple[str, int]], dict[int, list[int]]]:
    """The said words in comparable form, each with the index of the transcript word it
    starts in, fillers left out; and for each such index, the words glued to it. Whisper
    splits a compound at its hyphen ("zee", "-engte"), and Dutch compares it whole."""
    fillers = _filler_word_indices(transcript)
    runs: list[list[int]] = []
    for index, word in enumerate(transcript.words):
        if index in fillers:
            continue
        previous = transcript.words[index - 1].word if index else ""
        if (
            runs
            and runs[-1][-1] == index - 1
            and (word.word.startswith("-") or previous.endswith("-"))
        ):
            runs[-1].append(index)
        else:
            runs.append([index])
    said = [
        (plain, run[0])
        for run in runs
        for plain in normalize(
            join_words(transcript.words[i].word for i in run), transcript.language
        )
    ]
    return said, {run[0]: run for run in runs}


def compare_to_script(transcript: Transcript, voicemail_text: str) -> ScriptDiff:
    """The word-level diff of ``transcript`` against the voicemail's spoken text.

    Pass the voicemail as spoken (cues in brackets and // notes are dropped here anyway).
    Fill in placeholders when their values are known; one left in, such as {first_name},
    matches any one said word.
    """
    written, script = _script_tokens(voicemail_text, transcript.language)
    said, glued = _said_tokens(transcript)
    steps = align(
        [plain for plain, _i in said],
        [plain for plain, _j in script],
        equal=lambda s, t: t == _ANY_WORD or s == t,
    )
    groups: list[tuple[bool, list[int], list[int]]] = []
    for kind, i, j in steps:
        same = kind == "same"
        if not groups or groups[-1][0] != same:
            groups.append((same, [], []))
        if i is not None and said[i][1] not in groups[-1][1]:
            groups[-1][1].extend(glued[said[i][1]])
        if j is not None and script[j][1] not in groups[-1][2]:
            groups[-1][2].append(script[j][1])
    ops = tuple(_op(transcript, written, *group) for group in groups)
    errors = sum(kind != "same" for kind, _i, _j in steps)
    rate = errors / len(script) if script else float(bool(said))
    return ScriptDiff(ops, transcript.fillers, rate)


def _op(
    transcript: Transcript, written: list[str], same: bool, said: list[int], script: list[int]
) -> DiffOp:
    kind: EditKind = "same"
    if not same:
        kind = "changed" if said and script else "added" if said else "skipped"
    words = [transcript.words[i] for i in said]
    return DiffOp(
        kind,
        tuple(w.word for w in words),
        tuple(written[j] for j in script),
        words[0].start_s if words else None,
        words[-1].end_s if words else None,
    )


def _trailing_punctuation(word: str) -> str:
    return word[len(word.rstrip(".,;:!?…")) :]


def use_what_i_said(transcript: Transcript) -> str:
    """The take's wording as voicemail text: fillers gone, one sentence per line, each
    starting with a capital and ending with a full stop, question or exclamation mark.

    Returns only the body; the caller puts it under the script's ``== Voicemail ==`` heading
    to make the new script revision. No line starts with a mark the script format reads as
    something other than speech (==, >, ->, //, or a bracketed cue).
    """
    fillers = _filler_word_indices(transcript)
    kept: list[str] = []
    for index, word in enumerate(transcript.words):
        text = _ANNOTATION.sub("", word.word).translate(_FORMAT_MARKS).strip()
        if index not in fillers:
            if any(c.isalnum() for c in text):
                kept.append(text)
            continue
        # A filler takes its own punctuation along; what it leaves must still read well.
        ending = _trailing_punctuation(text)
        if not kept:
            continue
        if ending.endswith(_SENTENCE_ENDS) and not ending.endswith(("...", "…")):
            if not kept[-1].endswith(_SENTENCE_ENDS):
                kept[-1] = kept[-1].rstrip(",;:") + ending[-1]
        elif kept[-1].endswith(",") and kept[-1].rstrip(",").lower() in _FUNCTION_WORDS:
            kept[-1] = kept[-1].rstrip(",")
    sentences: list[list[str]] = [[]]
    for text in kept:
        sentences[-1].append(text)
        if text.endswith(_SENTENCE_ENDS) and not text.endswith(("...", "…")):
            sentences.append([])
    if not sentences[-1]:
        sentences.pop()
    if not sentences:
        return ""
    last = sentences[-1]
    if not last[-1].endswith(_SENTENCE_ENDS) or last[-1].endswith(("...", "…")):
        last[-1] = last[-1].rstrip(".,;:…") + "."
    return "\n".join(_as_line(join_words(words)) for words in sentences)


def _as_line(sentence: str) -> str:
    """A sentence as a line of speech: the format reads lines starting with == > -> // as
    something else, and a sentence starts with a capital."""
    sentence = sentence.lstrip("=>-/ ")
    return sentence[:1].upper() + sentence[1:]
