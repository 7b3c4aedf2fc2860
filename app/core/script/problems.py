"""What is wrong with a script, each problem at the line where the salesperson can fix it.

Errors stop a practice call from working (an answer that leads nowhere, a step the call gets
stuck in); warnings point at something that is probably a slip but does no harm.
"""

from __future__ import annotations

import re

from app.core.i18n import _
from app.core.script.model import (
    PLACEHOLDER,
    VOICEMAIL_NAMES,
    Branch,
    Line,
    LineKind,
    Problem,
    Script,
    Severity,
    Step,
    name_key,
)

KNOWN_LANGUAGES = ("en", "nl")
NAME_SHOWN = 60  # characters of a name quoted in a message; a pasted page is not a name
_BLANK_PLACEHOLDER = re.compile(r"\{\s*\}")
_SPOKEN = LineKind.SPOKEN
_ERROR = Severity.ERROR
_WARNING = Severity.WARNING


class _Facts:
    """What the checks need to know about a step, gathered in one pass over its lines."""

    __slots__ = ("braced", "branches", "key", "spoken", "step")

    def __init__(self, step: Step) -> None:
        self.step = step
        self.key = name_key(step.name)
        self.branches: list[Branch] = []
        self.braced: list[Line] = []  # spoken lines with a brace, for the placeholder check
        self.spoken = False
        for item in step.body:
            if isinstance(item, Branch):
                self.branches.append(item)
            elif item.kind is _SPOKEN:
                self.spoken = True
                if "{" in item.text or "}" in item.text:
                    self.braced.append(item)


def shown(name: str) -> str:
    """``name`` as a message quotes it: whole, unless it is far too long to read."""
    return name if len(name) <= NAME_SHOWN else name[: NAME_SHOWN - 1].rstrip() + "…"


def find_problems(script: Script) -> tuple[Problem, ...]:
    voicemail = _Facts(script.voicemail) if script.voicemail else None
    steps = [_Facts(step) for step in script.steps]
    parts = ([voicemail] if voicemail else []) + steps
    found = [
        *_voicemail_problems(voicemail),
        *_name_problems(parts),
        *_flow_problems(script, steps),
        *_placeholder_problems(parts),
        *_language_problems(script),
    ]
    return tuple(sorted(found, key=lambda problem: problem.line))


def _voicemail_problems(voicemail: _Facts | None) -> list[Problem]:
    if voicemail is None:
        message = _(
            "This script has no voicemail. Add a line == Voicemail == with, under it, "
            "the message you leave when nobody answers."
        )
        return [Problem(1, _ERROR, message)]
    found = []
    if not voicemail.spoken:
        message = _("The voicemail is empty. Write the message you leave under this heading.")
        found.append(Problem(voicemail.step.line, _ERROR, message))
    for branch in voicemail.branches:
        message = _(
            "Nobody answers a voicemail, so this answer is never used. "
            "Move it to a step of the live call."
        )
        found.append(Problem(branch.line, _WARNING, message))
    return found


def _name_problems(parts: list[_Facts]) -> list[Problem]:
    found = []
    first_line: dict[str, int] = {}
    for facts in parts:
        step = facts.step
        # A second voicemail heading, however it is spelled, repeats the voicemail.
        key = "voicemail" if facts.key in VOICEMAIL_NAMES else facts.key
        if not key:
            message = _(
                "This step has no name. Write its name between the == signs, "
                "for example == Opener ==."
            )
            found.append(Problem(step.line, _ERROR, message))
        elif "->" in step.name or "→" in step.name:
            # An answer's last arrow is the one that counts, so no answer can end in this name.
            message = _(
                "No answer can lead to “{name}”: an arrow in a step's name is read as the "
                "arrow of the answer. Take the arrow out of the name."
            ).format(name=shown(step.name))
            found.append(Problem(step.line, _WARNING, message))
            first_line.setdefault(key, step.line)
        elif key in first_line:
            message = _(
                "There is already a step called “{name}” (line {line}). "
                "Give each step its own name."
            ).format(name=shown(step.name), line=first_line[key])
            found.append(Problem(step.line, _ERROR, message))
        else:
            first_line[key] = step.line
    return found


def _flow_problems(script: Script, steps: list[_Facts]) -> list[Problem]:
    """Answers that lead nowhere, steps no call reaches, steps a call gets stuck in."""
    if not steps:
        message = _(
            "The live call has no steps yet. Add one under the voicemail, "
            "for example == Opener ==, with what you say when someone answers."
        )
        line = script.voicemail.line if script.voicemail else 1
        return [Problem(line, _WARNING, message)]

    found = []
    # A repeated name always means its first step.
    first_index: dict[str, int] = {}
    for index, facts in enumerate(steps):
        first_index.setdefault(facts.key, index)
    key_of: dict[str, str] = {}  # targets repeat a lot, and name_key is the costly part
    leads_to: list[list[int]] = []
    for facts in steps:
        targets = []
        for branch in facts.branches:
            target = branch.target
            key = key_of.get(target)
            if key is None:
                key = key_of[target] = name_key(target)
            found_index = first_index.get(key)
            if found_index is not None:
                targets.append(found_index)
            elif not target:
                message = _(
                    "This answer does not say which step follows. "
                    "Add -> and the name of a step, for example: > {words} -> Opener"
                ).format(words=shown(branch.words) or "…")
                found.append(Problem(branch.line, _ERROR, message))
            else:
                message = _(
                    "There is no step called “{target}”. Check the spelling, "
                    "or add that step with a line == {target} ==."
                ).format(target=shown(target))
                found.append(Problem(branch.line, _ERROR, message))
        leads_to.append(targets)

    reached = {0}
    waiting = [0]
    while waiting:
        for index in leads_to[waiting.pop()]:
            if index not in reached:
                reached.add(index)
                waiting.append(index)

    for index, facts in enumerate(steps):
        step = facts.step
        # Later steps with a repeated name are reported as duplicates only.
        if index not in reached and first_index[facts.key] == index:
            message = _("No answer leads to the step “{name}”, so a call never gets there.")
            found.append(Problem(step.line, _WARNING, message.format(name=shown(step.name))))
        if not facts.branches and not step.is_ending:
            message = _(
                "The call gets stuck at “{name}”: it has no answers and is not marked as an "
                "ending. Add an answer (> what they say -> next step) or mark the end: "
                "== {name} == (end)"
            )
            found.append(Problem(step.line, _ERROR, message.format(name=shown(step.name))))
        if not facts.spoken:
            message = _("The step “{name}” has nothing to say yet.")
            found.append(Problem(step.line, _WARNING, message.format(name=shown(step.name))))
    return found


def _placeholder_problems(parts: list[_Facts]) -> list[Problem]:
    found = []
    for facts in parts:
        for line in facts.braced:
            rest = PLACEHOLDER.sub("", line.text)
            if "{" in rest or "}" in rest or _BLANK_PLACEHOLDER.search(line.text):
                message = _(
                    "A brace here is not part of a placeholder. "
                    "Placeholders are a name between braces, like {first_name}."
                )
                found.append(Problem(line.line, _WARNING, message))
    return found


def _language_problems(script: Script) -> list[Problem]:
    language = script.language
    if not language or language in KNOWN_LANGUAGES:
        return []
    message = _(
        "Pitchback knows the languages en (English) and nl (Dutch), not “{language}”."
    ).format(language=language)
    return [Problem(script.language_line, _WARNING, message)]
