"""The labelled set of spoken replies (tests/core/practice/data/replies.json, made by
scripts/make_reply_set.py) and the judge's agreement with its labels, rule by rule."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.library.starters import starter_path
from app.core.practice.judge import Verdict, judge
from app.core.script import parse

DATA = Path(__file__).with_name("data") / "replies.json"

RULES: dict[str, Callable[[Verdict], Any]] = {
    "on_purpose": lambda v: v.on_purpose,
    "asked": lambda v: v.asked,
    "acknowledged": lambda v: v.acknowledged,
    "gave_up": lambda v: v.gave_up,
    "rambled": lambda v: v.rambled,
    "fillers": lambda v: v.fillers,
    "good": lambda v: v.good,
}


@dataclass(frozen=True)
class Agreement:
    rule: str
    language: str
    agreed: int
    total: int

    @property
    def share(self) -> float:
        return self.agreed / self.total


def replies() -> list[dict[str, Any]]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def verdicts() -> list[tuple[dict[str, Any], Verdict]]:
    scripts = {}
    for language in ("en", "nl"):
        path = starter_path(language)  # type: ignore[arg-type]
        assert path is not None
        scripts[language] = parse(path.read_text(encoding="utf-8"))
    judged = []
    for reply in replies():
        step = scripts[reply["language"]].step_named(reply["step"])
        assert step is not None, reply["step"]
        judged.append((reply, judge(reply["transcript"], step, reply["seconds"])))
    return judged


def agreement() -> list[Agreement]:
    judged = verdicts()
    table = []
    for rule, of in RULES.items():
        for language in ("en", "nl", "all"):
            rows = [(r, v) for r, v in judged if language in ("all", r["language"])]
            agreed = sum(of(v) == r["labels"][rule] for r, v in rows)
            table.append(Agreement(rule, language, agreed, len(rows)))
    return table


def table_text() -> str:
    lines = ["rule          en            nl            all"]
    rows = agreement()
    for rule in RULES:
        cells = [a for a in rows if a.rule == rule]
        shown = "  ".join(f"{a.agreed:2d}/{a.total:2d} {a.share:4.0%}" for a in cells)
        lines.append(f"{rule:<13} {shown}")
    return "\n".join(lines)
