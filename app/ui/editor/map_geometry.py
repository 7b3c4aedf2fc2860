"""Where the map's boxes sit and which way each arrow runs, in scene units, without Qt.

Arrows forward are curves from the right of one box to the left of the next, straight across
the columns they skip (through the slots map_layout keeps free for them). An answer that leads
back (closing a loop) runs under the map: out of the left of its box, down the gap beside the
column, along under the lowest box, and up the gap to the right of its target, so it never
crosses a box. One that skips too many columns runs under the map the other way: out of the
right of its box and up into the left of its target. Arrows under the map whose stretches
overlap get lanes of their own, so their labels do not overlap; lanes are dealt out in one
sorted pass (interval partitioning), so a thousand such arrows cost no more than a sort.
"""

from __future__ import annotations

import heapq
from typing import NamedTuple

from app.ui.editor.map_layout import PASS_SLOT, MapArrow, MapBox, MapLayout

BOX_W, BOX_H = 180.0, 44.0
COL_GAP = 150.0
MARGIN = 24.0
LANE = 18.0  # between two arrows running back under the boxes
LABEL_STEP = 15.0  # labels in one gap between columns sit at least this far apart
_Points = tuple[float, ...]


class ArrowShape(NamedTuple):
    curves: _Points  # start, then three points (two controls and an end) per cubic curve
    label_x: float  # where the label's centre goes, above the point
    label_y: float


def box_origin(box: MapBox) -> tuple[float, float]:
    return MARGIN + box.column * (BOX_W + COL_GAP), MARGIN + box.y


class MapGeometry:
    """The shapes of a layout's arrows, worked out when first needed.

    A map of a few hundred steps is mostly out of view; only the arrows that reach into the
    columns being drawn are shaped. What depends on all arrows (lanes under the map, and so
    its height) is settled up front, and it is cheap.
    """

    def __init__(self, layout: MapLayout) -> None:
        self.layout = layout
        boxes, arrows = layout.boxes, layout.arrows
        self.fan = [0] * len(boxes)
        for arrow in arrows:
            self.fan[arrow.source] += 1
        self.floor = MARGIN + layout.height  # under the lowest box
        self.lowest = self.floor
        self.lanes: dict[int, int] = {}  # arrow number -> lane, for arrows under the map
        self.spans: list[tuple[int, int]] = []  # the columns each arrow reaches into
        self.gaps: dict[int, list[int]] = {}  # column -> arrows labelled in the gap after it
        under: list[tuple[int, int, int]] = []  # first column, last column, arrow number
        for number, arrow in enumerate(arrows):
            source = boxes[arrow.source]
            if arrow.target is None or arrow.target == arrow.source:
                span = (source.column, source.column + 1)  # a stub, or a loop out to the right
            else:
                target = boxes[arrow.target]
                span = (min(source.column, target.column), max(source.column, target.column))
                if arrow.under:
                    under.append((span[0], span[1], number))
                    span = (span[0], span[1] + 1)  # its label may spill right
            self.spans.append(span)
            if not arrow.under and (arrow.words or arrow.missing):
                self.gaps.setdefault(source.column, []).append(number)
        self.lanes = _lanes(under)
        if self.lanes:
            self.lowest = self.floor + LANE * (max(self.lanes.values()) + 1)
        # Which arrows to look at for a view, without looking at every arrow: one above the
        # floor is found by the columns it reaches into (a few, as it skips few), one under
        # the map only by the columns where it goes down and comes up.
        self._by_column: dict[int, list[int]] = {}
        for number, (low, high) in enumerate(self.spans):
            arrow = arrows[number]
            if arrow.under:
                ends = (boxes[arrow.source].column, boxes[arrow.target or 0].column)
                columns = {*ends, ends[1] + 1}
            else:
                columns = set(range(low, high + 1))
            for column in columns:
                self._by_column.setdefault(column, []).append(number)
        self._under = [number for _first, _last, number in under]
        self._shapes: dict[int, ArrowShape] = {}
        self._bounds: dict[int, tuple[tuple[float, float, float, float], ...]] = {}

    def shapes_in(
        self, first_column: int, last_column: int, bottom: float = float("inf")
    ) -> list[tuple[int, ArrowShape]]:
        """The arrows that reach into these columns (and the gaps after them) above
        ``bottom``, with their shapes, in the order written."""
        found: set[int] = set()
        for column in range(first_column, last_column + 1):
            found.update(self._by_column.get(column, ()))
        if bottom >= self.floor:  # the stretches under the map are in view
            for number in self._under:
                low, high = self.spans[number]
                if high >= first_column and low <= last_column:
                    found.add(number)
        return [(number, self.shape(number)) for number in sorted(found)]

    def shape(self, number: int) -> ArrowShape:
        shape = self._shapes.get(number)
        if shape is None:
            arrow = self.layout.arrows[number]
            gap = self.gaps.get(self.layout.boxes[arrow.source].column, [])
            if number in gap:
                self._shape_gap(gap)  # labels in one gap are placed together
            else:
                self._shapes[number] = self._make(number)
            shape = self._shapes[number]
        return shape

    def bounds(self, number: int) -> tuple[tuple[float, float, float, float], ...]:
        """The boxes (left, top, right, bottom) round each piece of the arrow's shape."""
        found = self._bounds.get(number)
        if found is None:
            points = self.shape(number).curves
            pieces = []
            for i in range(2, len(points), 6):
                xs = (points[i - 2], points[i], points[i + 2], points[i + 4])
                ys = (points[i - 1], points[i + 1], points[i + 3], points[i + 5])
                pieces.append((min(xs), min(ys), max(xs), max(ys)))
            found = self._bounds[number] = tuple(pieces)
        return found

    def crosses(self, number: int, left: float, top: float, right: float, bottom: float) -> bool:
        """Whether the arrow runs through this rectangle (an arrow under the map is long and
        thin: its columns alone say little)."""
        return any(
            x0 <= right and x1 >= left and y0 <= bottom and y1 >= top
            for x0, y0, x1, y1 in self.bounds(number)
        )

    def all_shapes(self) -> list[ArrowShape]:
        return [self.shape(number) for number in range(len(self.layout.arrows))]

    def _shape_gap(self, numbers: list[int]) -> None:
        shapes = {number: self._make(number) for number in numbers}
        # Move labels apart, downwards, so that none covers another.
        floor = -1e9
        for number in sorted(numbers, key=lambda n: shapes[n].label_y):
            shape = shapes[number]
            if shape.label_y < floor:
                shape = shape._replace(label_y=floor)
            self._shapes[number] = shape
            floor = shape.label_y + LABEL_STEP

    def _make(self, number: int) -> ArrowShape:
        arrow = self.layout.arrows[number]
        boxes = self.layout.boxes
        source = boxes[arrow.source]
        share = (arrow.slot + 1) / (self.fan[arrow.source] + 1)
        if arrow.target is None:
            return _stub(source, share)
        target = boxes[arrow.target]
        if target.step == source.step:
            return _loop(source)
        if number not in self.lanes:
            return _forward(arrow, source, target, share)
        lane = self.lanes[number]
        return _back(source, target, share, self.floor + LANE * lane, lane)


def column_at(x: float) -> int:
    """The column whose box, or the gap before it, is at ``x``."""
    return int((x - MARGIN + COL_GAP) // (BOX_W + COL_GAP))


def scene_size(geometry: MapGeometry) -> tuple[float, float]:
    width = MARGIN * 2 + geometry.layout.columns * (BOX_W + COL_GAP) - COL_GAP + 60
    return width, geometry.lowest + MARGIN


def _lanes(stretches: list[tuple[int, int, int]]) -> dict[int, int]:
    """A lane for each (first column, last column, arrow): as few lanes as can be, and no two
    arrows in one lane whose stretches share a column. Left to right, each arrow takes the
    lowest lane that is free by then."""
    lanes: dict[int, int] = {}
    busy: list[tuple[int, int]] = []  # (last column, lane) of the arrows still running
    free: list[int] = []  # lanes opened before and free again
    for first, last, number in sorted(stretches):
        while busy and busy[0][0] < first:
            heapq.heappush(free, heapq.heappop(busy)[1])
        lane = heapq.heappop(free) if free else len(busy)
        lanes[number] = lane
        heapq.heappush(busy, (last, lane))
    return lanes


def _stub(source: MapBox, share: float) -> ArrowShape:
    """A short arrow that ends in the name of the step that does not exist."""
    sx, sy = box_origin(source)
    x, y = sx + BOX_W, sy + BOX_H * share
    return ArrowShape((x, y, x + 15, y, x + 30, y, x + 44, y), x + 60, y + 8)


def _loop(source: MapBox) -> ArrowShape:
    sx, sy = box_origin(source)
    x = sx + BOX_W
    points = (x, sy + 12, x + 46, sy - 14, x + 46, sy + BOX_H + 14, x, sy + BOX_H - 12)
    return ArrowShape(points, x + 40, sy - 4)


def _curve(x0: float, y0: float, x1: float, y1: float) -> _Points:
    """Control points and end of a curve leaving and arriving level."""
    pull = (x1 - x0) / 2
    return (x0 + pull, y0, x1 - pull, y1, x1, y1)


def _forward(arrow: MapArrow, source: MapBox, target: MapBox, share: float) -> ArrowShape:
    sx, sy = box_origin(source)
    tx, ty = box_origin(target)
    x, y = sx + BOX_W, sy + BOX_H * share
    if not arrow.passes:  # most arrows: one curve to the next column
        x1, y1 = tx, ty + BOX_H / 2
        pull = (x1 - x) / 2
        return ArrowShape((x, y, x + pull, y, x1 - pull, y1, x1, y1), (x + x1) / 2, (y + y1) / 2)
    points: list[float] = [x, y]
    first_end = ty + BOX_H / 2 if not arrow.passes else MARGIN + arrow.passes[0] + PASS_SLOT / 2
    label = ((x + sx + BOX_W + COL_GAP) / 2, (y + first_end) / 2)
    for number, top in enumerate(arrow.passes):
        left = MARGIN + (source.column + 1 + number) * (BOX_W + COL_GAP)
        level = MARGIN + top + PASS_SLOT / 2
        points += _curve(x, y, left, level)
        x, y = left + BOX_W, level
        points += (x, y, x, y, x, y)  # straight across the column
    points += _curve(x, y, tx, ty + BOX_H / 2)
    return ArrowShape(tuple(points), *label)


def _back(source: MapBox, target: MapBox, share: float, low: float, lane: int) -> ArrowShape:
    """Under the map: back out of the left of the box and into the right of the target, or,
    for an answer that skips many columns, out of the right and into the left."""
    sx, sy = box_origin(source)
    tx, ty = box_origin(target)
    y0 = sy + BOX_H * (0.55 + 0.4 * share)
    y1 = ty + BOX_H * 0.8
    gap = 12 + 5 * (lane % 4)
    if target.column > source.column:
        start_x, out_x, in_x, end_x = sx + BOX_W, sx + BOX_W + gap, tx - gap, tx
    else:
        start_x, out_x, in_x, end_x = sx, sx - gap, tx + BOX_W + gap, tx + BOX_W
    corners = ((out_x, y0), (out_x, low), (in_x, low), (in_x, y1), (end_x, y1))
    points: list[float] = [start_x, y0]
    for x, y in corners:
        points += (x, y, x, y, x, y)  # straight lines, as degenerate curves
    return ArrowShape(tuple(points), (out_x + in_x) / 2, low)
