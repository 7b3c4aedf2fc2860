"""Putting a reply that worked into the script: it becomes what you say in that step."""

from __future__ import annotations

from dataclasses import replace

from app.core.library import ScriptLibrary
from app.core.script.model import Branch, Line, LineKind
from app.core.script.parser import parse
from app.core.script.writer import write

_REPLACED = (LineKind.SPOKEN, LineKind.CUE, LineKind.BREAK)


def as_spoken_lines(text: str) -> list[Line]:
    """``text`` as spoken lines, one per non-empty line, none that the format would read as a
    heading, an answer, a note or a cue."""
    lines = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("=>-/→ ").strip()
        if line.startswith("(") and line.endswith(")"):
            line = line[1:-1].strip()
        if line:
            lines.append(Line(LineKind.SPOKEN, line))
    return lines


def use_reply(script_text: str, step_name: str, reply: str) -> str:
    """The script with ``step_name``'s words replaced by ``reply``.

    The step keeps its name, its notes and its answers; its old spoken lines and the cues
    that went with them give way (the script's history keeps them). Raises KeyError when the
    step is not in the script and ValueError when ``reply`` says nothing.
    """
    script = parse(script_text)
    step = script.step_named(step_name)
    if step is None:
        raise KeyError(step_name)
    new = as_spoken_lines(reply)
    if not new:
        raise ValueError("empty reply")
    body: list[Line | Branch] = []
    placed = False
    for item in step.body:
        if isinstance(item, Line) and item.kind in _REPLACED:
            if not placed:
                body.extend(new)
                placed = True
            continue
        if isinstance(item, Branch) and not placed:
            body.extend(new)
            placed = True
        body.append(item)
    if not placed:
        body.extend(new)
    steps = tuple(replace(s, body=tuple(body)) if s is step else s for s in script.steps)
    return write(replace(script, steps=steps, problems=()))


def save_with_history(library: ScriptLibrary, script_id: int, text: str, name: str) -> None:
    """Make ``text`` the script's working copy, as a named revision, with the text it had
    before kept as a revision too, so the change can be undone from the history."""
    library.history.make_revision(script_id, kind="autosave")  # nothing, if already kept
    library.save_text(script_id, text)
    library.history.make_revision(script_id, name=name)
