"""The objection library: common objections with answers that acknowledge, ask and redirect,
in English and Dutch, put into a script as an answer of the prospect with one click."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache

from app.core.paths import RESOURCES
from app.core.script.model import Branch, name_key
from app.core.script.parser import parse
from app.core.script.writer import write

FOLDER = RESOURCES / "objections"


@dataclass(frozen=True)
class Objection:
    id: str
    says: str  # the prospect's words, as an answer in the script
    step: str  # the name of the step that answers it
    answer: tuple[str, ...]  # lines in the script format: (acknowledge), words, (ask), ...


@cache
def objections(language: str | None) -> tuple[Objection, ...]:
    """The library in the script's language (English when there is none for it)."""
    path = FOLDER / f"{'nl' if language == 'nl' else 'en'}.json"
    data = json.loads(path.read_text("utf-8"))
    return tuple(
        Objection(item["id"], item["says"], item["step"], tuple(item["answer"]))
        for item in data["objections"]
    )


class CannotInsert(ValueError):
    pass


def insert_objection(script_text: str, objection: Objection, into: str) -> str:
    """The script with ``objection`` as a new answer of the prospect in step ``into``.

    The answer leads to a step named after the objection, holding the prepared answer, from
    where the call goes on the way the step's first answer does (usually on to the reason for
    the call). A step of that name already in the script is used as it is. Raises
    CannotInsert for an ending, a step that already has this answer, or no such step.
    """
    script = parse(script_text)
    step = script.step_named(into)
    if step is None or step.is_ending:
        raise CannotInsert(into)
    if any(name_key(b.words) == name_key(objection.says) for b in step.branches):
        raise CannotInsert(into)
    existing = script.step_named(objection.step)
    target = existing.name if existing is not None else objection.step
    onward = next(
        (b.target for b in step.branches if b.target and name_key(b.target) != name_key(target)),
        step.name,
    )
    body = list(step.body)
    last_branch = max((i for i, item in enumerate(body) if isinstance(item, Branch)), default=-1)
    body.insert(last_branch + 1 if last_branch >= 0 else len(body), Branch(objection.says, target))
    steps = [replace(s, body=tuple(body)) if s is step else s for s in script.steps]
    if existing is None:
        lines = "\n".join(objection.answer)
        steps.extend(parse(f"== {objection.step} ==\n{lines}\n-> {onward}\n").steps)
    return write(replace(script, steps=tuple(steps), problems=()))
