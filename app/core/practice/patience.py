"""How patient the prospect is: the live call's difficulty setting."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Difficulty = Literal["easy", "normal", "tough"]
DIFFICULTIES: tuple[Difficulty, ...] = get_args(Difficulty)


@dataclass(frozen=True)
class Patience:
    interrupt_s: float  # a reply (a monologue) that goes on this long is cut short
    object_twice: float  # chance that a good answer to an objection meets it once more


PATIENCE: dict[Difficulty, Patience] = {
    "easy": Patience(interrupt_s=45.0, object_twice=0.0),
    "normal": Patience(interrupt_s=30.0, object_twice=0.2),
    "tough": Patience(interrupt_s=20.0, object_twice=0.5),
}
