"""Reading a script: text in, a Script out, never an exception.

Every line is one thing, recognised by how it starts, so a reader needs no other context:

    == Name ==  or  == Name == (end)   a step (the first one named Voicemail is the voicemail)
    > words -> Step                     what the prospect may say, and the step that follows
    -> Step                             go on to Step whatever the prospect says
    (smile)                             a cue: how to say it, not spoken
    // note                             a note for whoever edits the script, not spoken
    anything else                       spoken text
    Title: ... / Language: ...          before the first heading; other text there is "about"

The parser keeps what it cannot make sense of (a branch with no step, a nameless heading) in the
script, so that writing it back loses nothing, and lets ``problems`` say what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.core.script.model import (
    VOICEMAIL_NAMES,
    Branch,
    Line,
    LineKind,
    Reaction,
    Script,
    Step,
    name_key,
)
from app.core.script.problems import find_problems

_HEADER = re.compile(r"#?\s*(title|titel|language|taal)\s*:(.*)", re.IGNORECASE)
_END_WORD = re.compile(r"\s*(?:end|einde)\s*", re.IGNORECASE)
_TITLE_KEYS = ("title", "titel")
# "> (good) Okay, let's talk -> ...": the answer the prospect gives to a good reply.
_REACTION = re.compile(r"\(\s*(good|goed|weak|zwak)\s*\)\s*", re.IGNORECASE)
REACTIONS = {
    "good": Reaction.GOOD,
    "goed": Reaction.GOOD,
    "weak": Reaction.WEAK,
    "zwak": Reaction.WEAK,
}
LANGUAGE_CODES = {
    "en": "en",
    "english": "en",
    "engels": "en",
    "nl": "nl",
    "dutch": "nl",
    "flemish": "nl",
    "nederlands": "nl",
    "vlaams": "nl",
}


def split_branch(text: str) -> tuple[str, str]:
    """Prospect words and target of a branch line's text; the last arrow is the one that counts.

    Splitting at the last arrow lets the prospect's words contain an arrow of their own, and
    the writer relies on it to write any words back unchanged.
    """
    if "→" in text:
        cut = max(text.rfind("->"), text.rfind("→"))
        width = 1 if text[cut] == "→" else 2
        return text[:cut].strip(), text[cut + width :].strip()
    words, arrow, target = text.rpartition("->")
    return (words.strip(), target.strip()) if arrow else (text.strip(), "")


def split_heading(text: str) -> tuple[str, bool]:
    """Name and ending mark of a heading line: ``== Name == (end)`` or ``== Name (end) ==``.

    Peeled from the end by index, never by copying what is left: a heading of a million
    characters costs one pass, not one copy per '=' or '(end)' in it.
    """
    start = len(text) - len(text.lstrip("="))
    end = len(text)
    ending = False
    while True:
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and text[end - 1] == "=":
            while end > start and text[end - 1] == "=":
                end -= 1
            continue
        if end > start and text[end - 1] == ")":
            opening = text.rfind("(", start, end)
            if opening >= 0 and _END_WORD.fullmatch(text, opening + 1, end - 1):
                end, ending = opening, True
                continue
        return text[start:end].strip(), ending


def language_code(value: str) -> str:
    """'en' or 'nl' for the ways people write those languages; anything else as written."""
    return LANGUAGE_CODES.get(value.strip().casefold(), value.strip())


class _Section:
    __slots__ = ("body", "ending", "line", "name")

    def __init__(self, name: str, ending: bool, line: int) -> None:
        self.name = name
        self.ending = ending
        self.line = line
        self.body: list[Line | Branch] = []

    def step(self) -> Step:
        return Step(self.name, tuple(self.body), self.ending, self.line)


# First characters of the lines that are not plain spoken text (a heading is dealt with before).
_MARKED = frozenset(">-/(→")
_SPOKEN = LineKind.SPOKEN


def _marked_item(text: str, number: int) -> Line | Branch:
    """A non-blank line inside a section whose first character is in _MARKED."""
    if text[0] == ">":
        words, target = split_branch(text[1:])
        mark = _REACTION.match(words)
        if mark:
            reaction = REACTIONS[mark.group(1).casefold()]
            return Branch(words[mark.end() :], target, number, reaction)
        return Branch(words, target, number)
    if text.startswith(("->", "→")):
        words, target = split_branch(text)
        return Branch(words, target, number)
    if text.startswith("//"):
        return Line(LineKind.NOTE, text[2:].strip(), number)
    if text[0] == "(" and text.endswith(")") and len(text) > 1:
        return Line(LineKind.CUE, text[1:-1].strip(), number)
    return Line(_SPOKEN, text, number)


def parse(text: str) -> Script:
    """The script that ``text`` describes, with its problems; never raises."""
    # Notepad may start a file with a byte-order mark; dropping it everywhere, not only at the
    # start, keeps a stray one from turning into the first character of the text after a rewrite.
    text = text.replace("\ufeff", "")
    title: str | None = None
    language: str | None = None
    language_line = 0
    about: list[str] = []
    sections: list[_Section] = []
    body: list[Line | Branch] | None = None  # of the current section; None before the first
    # A run of blank lines becomes one paragraph break, and only once text follows it, so a
    # section never starts or ends with one.
    gap = 0

    # The editor reparses on every keystroke: this loop is kept plain on purpose.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if not stripped:
            gap = gap or number
            continue
        first = stripped[0]
        if first == "=" and stripped.startswith("=="):
            name, ending = split_heading(stripped)
            section = _Section(name, ending, number)
            sections.append(section)
            body = section.body
            gap = 0
        elif body is not None:
            if gap and body:
                body.append(Line(LineKind.BREAK, "", gap))
            gap = 0
            if first in _MARKED:
                body.append(_marked_item(stripped, number))
            else:
                body.append(Line(_SPOKEN, stripped, number))
        else:
            header = _HEADER.fullmatch(stripped) if first in "#TtLl" else None
            key = header.group(1).casefold() if header else ""
            if header and key in _TITLE_KEYS and title is None:
                title = header.group(2).strip()
            elif header and key not in _TITLE_KEYS and language is None:
                language = language_code(header.group(2))
                language_line = number
            else:
                if gap and about:
                    about.append("")
                gap = 0
                about.append(stripped)

    voicemail: Step | None = None
    steps: list[Step] = []
    for section in sections:
        if voicemail is None and name_key(section.name) in VOICEMAIL_NAMES:
            voicemail = section.step()
        else:
            steps.append(section.step())
    script = Script(title, language, tuple(about), voicemail, tuple(steps), language_line)
    return replace(script, problems=find_problems(script))
