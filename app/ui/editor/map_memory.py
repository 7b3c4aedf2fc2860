"""Keeping the branch map still while the user types: a memory of where each step was drawn.

``map_layout`` lays a script out from scratch, so one new answer can reorder a whole column.
Layered on top of it, ``MapMemory.settle`` keeps every step already on the map where it was
(same column, same height) as long as its column is unchanged and the place is free; only new
steps, and steps whose column changed, take a fresh place: where the layout put them if that
is free, else under the column's last box. Answers passing through a column keep their slot
unless a box now sits there, in which case they pass under the column. Plain data, no Qt.
"""

from __future__ import annotations

from app.core.script.model import name_key
from app.ui.editor.map_layout import BOX_SLOT, PASS_SLOT, MapArrow, MapBox, MapLayout

Span = tuple[float, float]


def _free(taken: list[Span], top: float, height: float) -> bool:
    return all(top + height <= low or top >= high for low, high in taken)


class MapMemory:
    def __init__(self) -> None:
        self._places: dict[str, tuple[int, float]] = {}  # step key -> (column, y)

    def forget(self) -> None:
        """Another script is shown: nothing on the map is kept from before."""
        self._places.clear()

    def settle(self, fresh: MapLayout) -> MapLayout:
        taken: dict[int, list[Span]] = {}  # column -> the spans its boxes cover
        placed: dict[int, float] = {}  # step index -> y
        keys = [name_key(box.name) for box in fresh.boxes]
        waiting: list[MapBox] = []
        for box, key in zip(fresh.boxes, keys, strict=True):
            before = self._places.get(key)
            spans = taken.setdefault(box.column, [])
            if before is not None and before[0] == box.column and _free(spans, before[1], BOX_SLOT):
                placed[box.step] = before[1]
                spans.append((before[1], before[1] + BOX_SLOT))
            else:
                waiting.append(box)
        for box in waiting:  # new steps: the layout's place if free, else under the column
            spans = taken.setdefault(box.column, [])
            y = box.y if _free(spans, box.y, BOX_SLOT) else _bottom(spans)
            placed[box.step] = y
            spans.append((y, y + BOX_SLOT))
        arrows = [self._pass(arrow, fresh.boxes, taken) for arrow in fresh.arrows]
        boxes = tuple(box._replace(y=placed[box.step]) for box in fresh.boxes)
        self._places = {key: (box.column, box.y) for key, box in zip(keys, boxes, strict=True)}
        height = max((_bottom(spans) for spans in taken.values()), default=0.0)
        return MapLayout(boxes, tuple(arrows), fresh.columns, max(height, fresh.height))

    @staticmethod
    def _pass(arrow: MapArrow, boxes: tuple[MapBox, ...], taken: dict[int, list[Span]]) -> MapArrow:
        if not arrow.passes:
            return arrow
        first = boxes[arrow.source].column + 1
        passes = []
        for column, y in enumerate(arrow.passes, start=first):
            spans = taken.setdefault(column, [])
            if not _free(spans, y, PASS_SLOT):
                y = _bottom(spans)
            spans.append((y, y + PASS_SLOT))
            passes.append(y)
        return arrow._replace(passes=tuple(passes))


def _bottom(spans: list[Span]) -> float:
    return max((high for _low, high in spans), default=0.0)
