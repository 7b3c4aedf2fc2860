"""Prompter views: less text on screen each round, until the salesperson says it from memory.

"Key words" keeps the first words of every sentence and every placeholder and fades the rest;
"outline" keeps only the first words of each sentence, with the cues.
"""

from __future__ import annotations

from typing import NamedTuple

from app.core.script.estimate import TOKEN, is_word, without_cues
from app.core.script.model import Branch, LineKind, Step

_SENTENCE_ENDS = (".", "!", "?", "…")
_CLOSERS = "\"'”’»)]"


class Segment(NamedTuple):
    text: str
    is_key: bool  # False: faded, the prompter may dim it or hide it


def _ends_sentence(token: str) -> bool:
    return token.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)


def key_words(text: str, lead_words: int = 3) -> list[Segment]:
    """``text`` cut into key and faded segments; joined back together they give ``text``.

    A sentence ends at . ! ? … or a line end. The space after a word belongs to that word's
    segment.
    """
    segments: list[Segment] = []
    matches = list(TOKEN.finditer(text))
    if not matches:
        return [Segment(text, True)] if text else []
    said = 0  # words of the current sentence so far
    previous_key = True
    for index, match in enumerate(matches):
        token = match.group()
        start = 0 if index == 0 else match.start()
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        if is_word(token):
            key = said < lead_words or "{" in token
            said += 1
        else:
            key = previous_key
        _add(segments, text[start:end], key)
        previous_key = key
        if _ends_sentence(token) or "\n" in text[match.end() : end]:
            said = 0
            previous_key = True
    return segments


def _add(segments: list[Segment], text: str, key: bool) -> None:
    if segments and segments[-1].is_key == key:
        segments[-1] = Segment(segments[-1].text + text, key)
    else:
        segments.append(Segment(text, key))


def sentence_starts(text: str, lead_words: int = 3) -> list[str]:
    """The first ``lead_words`` words of each sentence, with "…" where words were left out."""
    starts: list[str] = []
    words: list[str] = []
    cut = False

    def finish() -> None:
        nonlocal cut
        if words:
            start = " ".join(words)
            starts.append(start.rstrip(",;:-–—") + "…" if cut else start)
        words.clear()
        cut = False

    for line in without_cues(text).split("\n"):
        said = 0
        for token in TOKEN.findall(line):
            if said < lead_words:
                words.append(token)
            elif is_word(token):
                cut = True
            said += is_word(token)
            if _ends_sentence(token):
                finish()
                said = 0
        finish()
    return starts


def outline(step: Step, lead_words: int = 3) -> list[str]:
    """The step as a list of sentence starts, with its cue lines, in the order written.

    Notes and answers are left out: the prompter shows what to say and how to say it.
    """
    items: list[str] = []
    for item in step.body:
        if isinstance(item, Branch):
            continue
        if item.kind == LineKind.SPOKEN:
            items.extend(sentence_starts(item.text, lead_words))
        elif item.kind == LineKind.CUE:
            items.append(f"({item.text})")
    return items
