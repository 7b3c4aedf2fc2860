"""Which answer the prospect gives: at random, weighted towards your weakest, or one drilled.

Every strategy draws from an injected source of random numbers (``random.Random`` or anything
with its ``random()``), so a test can fix the sequence and a run can be replayed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from app.core.practice.leitner import weight
from app.core.practice.turns import branch_key
from app.core.script.model import Branch, Script, Step, name_key


class RandomSource(Protocol):
    def random(self) -> float: ...


class Chooser(Protocol):
    def choose(self, script: Script, step: Step) -> Branch:
        """One of ``step``'s branches (the step has at least one)."""
        ...

    def done_after(self, key: str) -> bool:
        """True when the call has served its purpose once this answer has been replied to."""
        ...


def weighted_pick(items: Sequence[Branch], weights: Sequence[float], rng: RandomSource) -> Branch:
    total = sum(weights)
    point = rng.random() * total
    for item, w in zip(items, weights, strict=True):
        point -= w
        if point < 0:
            return item
    return items[-1]


@dataclass
class RandomChoice:
    rng: RandomSource

    def choose(self, script: Script, step: Step) -> Branch:
        branches = step.branches
        return weighted_pick(branches, [1.0] * len(branches), self.rng)

    def done_after(self, key: str) -> bool:
        return False


@dataclass
class WeightedChoice:
    """Leitner-weighted: an answer in box 1 comes four times as often as one in box 2."""

    rng: RandomSource
    boxes: Mapping[str, int] = field(default_factory=dict)

    def choose(self, script: Script, step: Step) -> Branch:
        branches = step.branches
        weights = [weight(self.boxes.get(branch_key(step.name, b.words), 1)) for b in branches]
        return weighted_pick(branches, weights, self.rng)

    def done_after(self, key: str) -> bool:
        return False


@dataclass
class DrillChoice:
    """Straight to one answer, by the shortest way through the script; the call ends once
    you have replied to it, so the next call drills it again."""

    rng: RandomSource
    key: str

    def choose(self, script: Script, step: Step) -> Branch:
        branches = step.branches
        for branch in branches:
            if branch_key(step.name, branch.words) == self.key:
                return branch
        distance = self._distances(script)
        reachable = [b for b in branches if name_key(b.target) in distance]
        if not reachable:
            return weighted_pick(branches, [1.0] * len(branches), self.rng)
        best = min(distance[name_key(b.target)] for b in reachable)
        nearest = [b for b in reachable if distance[name_key(b.target)] == best]
        return weighted_pick(nearest, [1.0] * len(nearest), self.rng)

    def done_after(self, key: str) -> bool:
        return key == self.key

    def _distances(self, script: Script) -> dict[str, int]:
        """Steps from which the drilled answer can be reached, and in how many answers."""
        holders = [
            name_key(s.name)
            for s in script.steps
            if any(branch_key(s.name, b.words) == self.key for b in s.branches)
        ]
        leads_to: dict[str, list[str]] = {}
        for s in script.steps:
            for b in s.branches:
                leads_to.setdefault(name_key(b.target), []).append(name_key(s.name))
        distance = dict.fromkeys(holders, 0)
        queue = deque(holders)
        while queue:
            here = queue.popleft()
            for earlier in leads_to.get(here, []):
                if earlier not in distance:
                    distance[earlier] = distance[here] + 1
                    queue.append(earlier)
        return distance
