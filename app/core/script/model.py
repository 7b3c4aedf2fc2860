"""What a call script is once it has been read: a voicemail, the steps of a live call, problems.

Line numbers (1-based, as an editor shows them) and problems are kept out of equality, so two
scripts are equal when they say the same thing in the same order, wherever it sits in the file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

# What sits between the braces is up to the salesperson, so anything but a brace or a line
# break is a name; an empty or blank name is reported instead.
PLACEHOLDER = re.compile(r"\{([^{}\n]*)\}")

# The heading names that mean "the voicemail", compared as name_key() does.
VOICEMAIL_NAMES = frozenset({"voicemail", "voice mail", "voicemailbericht"})


# Characters that take no room on screen, so a name with one looks like the name without.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"))


def name_key(name: str) -> str:
    """How step names are compared: what looks the same is the same name.

    Case and runs of spaces do not matter, nor invisible characters (a zero-width space
    pasted from a web page), nor how an accent is stored (é as one character or as e and a
    combining accent: Unicode's NFC).
    """
    if name.isascii():  # most names are, and this is on every keystroke's path
        return " ".join(name.casefold().split())
    return " ".join(unicodedata.normalize("NFC", name.translate(_INVISIBLE).casefold()).split())


def placeholders_in(text: str) -> list[str]:
    """The placeholder names in ``text``, in order, repeats included."""
    names = (match.group(1).strip() for match in PLACEHOLDER.finditer(text))
    return [name for name in names if name]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    line: int
    severity: Severity
    message: str


class LineKind(StrEnum):
    SPOKEN = "spoken"
    CUE = "cue"  # (smile): how to say it, shown while practising
    NOTE = "note"  # // why this works: for whoever edits the script
    BREAK = "break"  # a blank line between paragraphs of a step


# Lines and branches are the parser's most numerous objects: slotted and not frozen, because a
# frozen dataclass takes three times as long to build, and the editor reparses on every key.
# Treat them as read-only all the same.
@dataclass(slots=True)
class Line:
    kind: LineKind
    text: str = ""
    line: int = field(default=0, compare=False)


class Reaction(StrEnum):
    """Which reply a prospect's answer reacts to: ``> (good) ...`` or ``> (weak) ...``."""

    ANY = ""  # unmarked: whatever you said
    GOOD = "good"
    WEAK = "weak"


@dataclass(slots=True)
class Branch:
    """What the prospect may say (empty: whatever they say) and the step that follows."""

    words: str
    target: str
    line: int = field(default=0, compare=False)
    reaction: Reaction = Reaction.ANY


@dataclass(frozen=True)
class Step:
    """A part of the call under one heading, its lines and answers in the order written."""

    name: str
    body: tuple[Line | Branch, ...] = ()
    is_ending: bool = False
    line: int = field(default=0, compare=False)

    def _lines(self, kind: LineKind) -> tuple[str, ...]:
        return tuple(
            item.text for item in self.body if isinstance(item, Line) and item.kind == kind
        )

    @property
    def spoken(self) -> tuple[str, ...]:
        return self._lines(LineKind.SPOKEN)

    @property
    def cues(self) -> tuple[str, ...]:
        return self._lines(LineKind.CUE)

    @property
    def notes(self) -> tuple[str, ...]:
        return self._lines(LineKind.NOTE)

    @property
    def branches(self) -> tuple[Branch, ...]:
        return tuple(item for item in self.body if isinstance(item, Branch))


@dataclass(frozen=True)
class Script:
    """A whole script. ``title`` and ``language`` are None when the file has no such line."""

    title: str | None = None
    language: str | None = None
    about: tuple[str, ...] = ()  # free text before the first heading; "" is a blank line
    voicemail: Step | None = None
    steps: tuple[Step, ...] = ()
    language_line: int = field(default=0, compare=False)
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    @property
    def start(self) -> Step | None:
        """Where the live call starts: its first step."""
        return self.steps[0] if self.steps else None

    def step_named(self, name: str) -> Step | None:
        key = name_key(name)
        return next((step for step in self.steps if name_key(step.name) == key), None)

    @property
    def placeholders(self) -> tuple[str, ...]:
        """Every placeholder name in the spoken text, once each, in order of first use."""
        found: dict[str, None] = {}
        parts = ([self.voicemail] if self.voicemail else []) + list(self.steps)
        for step in parts:
            for text in step.spoken:
                found.update(dict.fromkeys(placeholders_in(text)))
        return tuple(found)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == Severity.WARNING)
