"""Where the map's boxes sit and which way each arrow runs, in scene units, without Qt.

Arrows forward are curves from the right of one box to the left of the next, straight across
the columns they skip (through the slots map_layout keeps free for them). An answer that leads
back (closing a loop) runs under the map: out of the left of its box, down the gap beside the
column, along under the lowest box, and up the gap to the right of its target, so it never
crosses a box. Arrows under the map whose stretches overlap get lanes of their own, so their
labels do not overlap.
"""

from __future__ import annotations

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
        self.lanes: dict[int, int] = {}  # arrow number -> lane, for arrows running back
        self.spans: list[tuple[int, int]] = []  # the columns each arrow reaches into
        self.gaps: dict[int, list[int]] = {}  # column -> arrows labelled in the gap after it
        taken: list[list[tuple[int, int]]] = []
        for number, arrow in enumerate(arrows):
            source = boxes[arrow.source]
            if arrow.target is None:
                span = (source.column, source.column + 1)
            else:
                target = boxes[arrow.target]
                span = (min(source.column, target.column), max(source.column, target.column))
                if target.step == source.step:
                    span = (source.column, source.column + 1)  # a loop out to the right
                elif target.column <= source.column:
                    lane = _free_lane(taken, span)
                    self.lanes[number] = lane
                    self.lowest = max(self.lowest, self.floor + LANE * (lane + 1))
                    span = (span[0], span[1] + 1)  # its label may spill right
            self.spans.append(span)
            if number not in self.lanes and (arrow.words or arrow.missing):
                self.gaps.setdefault(source.column, []).append(number)
        self._shapes: dict[int, ArrowShape] = {}

    def shapes_in(self, first_column: int, last_column: int) -> list[tuple[int, ArrowShape]]:
        """The arrows that reach into these columns (and the gaps after them), with shapes."""
        found = []
        for number, (low, high) in enumerate(self.spans):
            if high >= first_column and low <= last_column:
                found.append((number, self.shape(number)))
        return found

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


def _free_lane(lanes: list[list[tuple[int, int]]], span: tuple[int, int]) -> int:
    first, last = span
    for number, taken in enumerate(lanes):
        if all(last < start or first > end for start, end in taken):
            taken.append(span)
            return number
    lanes.append([span])
    return len(lanes) - 1


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
    sx, sy = box_origin(source)
    tx, ty = box_origin(target)
    out_x = sx - 12 - 5 * (lane % 4)
    in_x = tx + BOX_W + 12 + 5 * (lane % 4)
    y0 = sy + BOX_H * (0.55 + 0.4 * share)
    y1 = ty + BOX_H * 0.8
    corners = ((out_x, y0), (out_x, low), (in_x, low), (in_x, y1), (tx + BOX_W, y1))
    points: list[float] = [sx, y0]
    for x, y in corners:
        points += (x, y, x, y, x, y)  # straight lines, as degenerate curves
    return ArrowShape(tuple(points), (out_x + in_x) / 2, low)
