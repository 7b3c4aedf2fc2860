"""Scoring detected pauses against word alignments (TextGrid), as the tests define it.

Reference: the gaps between consecutive labelled intervals of the word tier, between the first
and the last one. Words and fillers ("um", "uh") count as speech, so do fragments ("[adif]");
noise labels ("<VOCNOISE>", a cough) do not: a cough is not talking, and a silent-pause
measure should not be credited or blamed for it. (In cold_corpus3 the aligner also put the
cough label half a second after the cough itself, on silence.)

Matching, symmetric, with a tolerance for pauses near the 250 ms threshold (the aligner's
boundaries are in 10 ms steps and tend to stretch words into silence; 150 ms allows 50 ms at
each end, the boundary accuracy asked for):
- recall: a reference pause (>= 250 ms) is found when a detected silent gap >= 150 ms
  overlaps it;
- precision: a detected pause (>= 250 ms) is right when it overlaps a reference gap
  >= 150 ms;
- boundary error: for each found reference pause, |start - start| and |end - end| against the
  overlapping detected gap that overlaps it most.
The strict variant uses 250 ms on both sides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from app.core.analysis.pauses import Pause
from app.core.analysis.textgrid import read_textgrid, words

Span = tuple[float, float]
PAUSE, NEAR = 0.25, 0.15


def reference_gaps(textgrid: Path, shortest: float) -> list[Span]:
    spoken = [w for w in words(read_textgrid(textgrid)["words"]) if not w.text.startswith("<")]
    return [(a.end, b.start) for a, b in pairwise(spoken) if b.start - a.end >= shortest]


def _overlap(a: Span, b: Span) -> float:
    return min(a[1], b[1]) - max(a[0], b[0])


@dataclass
class Score:
    references: int = 0
    found: int = 0
    detected: int = 0
    right: int = 0
    strict_found: int = 0
    strict_right: int = 0
    boundary_errors: list[float] = field(default_factory=list)
    missed: list[Span] = field(default_factory=list)
    extra: list[Span] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.references if self.references else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.detected if self.detected else 1.0

    @property
    def strict_recall(self) -> float:
        return self.strict_found / self.references if self.references else 1.0

    @property
    def strict_precision(self) -> float:
        return self.strict_right / self.detected if self.detected else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(
            *(
                getattr(self, name) + getattr(other, name)
                for name in (
                    "references",
                    "found",
                    "detected",
                    "right",
                    "strict_found",
                    "strict_right",
                )
            ),
            self.boundary_errors + other.boundary_errors,
            self.missed + other.missed,
            self.extra + other.extra,
        )


def score(textgrid: Path, gaps: list[Pause]) -> Score:
    """``gaps``: every detected silent gap of at least NEAR seconds."""
    reference, near = reference_gaps(textgrid, PAUSE), reference_gaps(textgrid, NEAR)
    detected_near = [(g.start_s, g.end_s) for g in gaps if g.duration_s >= NEAR - 1e-9]
    detected = [g for g in detected_near if g[1] - g[0] >= PAUSE - 1e-9]
    out = Score(references=len(reference), detected=len(detected))
    for ref in reference:
        touching = [d for d in detected_near if _overlap(ref, d) > 0]
        if touching:
            out.found += 1
            best = max(touching, key=lambda d: _overlap(ref, d))
            out.boundary_errors += [abs(ref[0] - best[0]), abs(ref[1] - best[1])]
        else:
            out.missed.append(ref)
        out.strict_found += any(_overlap(ref, d) > 0 for d in detected)
    for gap in detected:
        if any(_overlap(gap, r) > 0 for r in near):
            out.right += 1
        else:
            out.extra.append(gap)
        out.strict_right += any(_overlap(gap, r) > 0 for r in reference)
    return out
