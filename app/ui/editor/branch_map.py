"""The branch map: steps as boxes, answers as arrows labelled with the prospect's words.

One scene item draws the whole map, and only the part in view: a 200-step script has some
thousand boxes, arrows and labels, and one item per piece would cost a Qt call per piece on
every change. Changing the map is replacing its layout; drawing it is plain painter calls.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.core.script import Script
from app.ui.editor.map_geometry import (
    BOX_H,
    BOX_W,
    ArrowShape,
    MapGeometry,
    box_origin,
    column_at,
    scene_size,
)
from app.ui.editor.map_layout import MapLayout, Structure, layout, structure
from app.ui.editor.map_memory import MapMemory

LABEL_CHARS = 24
NAME_CHARS = 24
HEAD = 8.0
LABEL_HALF_WIDTH = 95.0  # at most, for deciding whether a label is in view

_BOX_STYLE = {
    # (reached, ending): fill, outline, dashed
    (True, False): ("#eaf2fc", "#2f6aa8", False),
    (True, True): ("#e5f3e8", "#2e7d32", False),
    (False, False): ("#f2f2f2", "#8a8a8a", True),
    (False, True): ("#f2f2f2", "#8a8a8a", True),
}
_ARROW = QColor("#555555")
_MISSING = QColor("#c62828")
_TEXT = QColor("#1a1a1a")


def short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def arrow_path(shape: ArrowShape) -> QPainterPath:
    points = shape.curves
    path = QPainterPath(QPointF(points[0], points[1]))
    for i in range(2, len(points), 6):
        c1x, c1y, c2x, c2y, x, y = points[i : i + 6]
        if (c1x, c1y) == (c2x, c2y) == (x, y):
            path.lineTo(x, y)
        else:
            path.cubicTo(c1x, c1y, c2x, c2y, x, y)
    # The head points the way the arrow arrives: from the last point before the end.
    x1, y1 = points[-2], points[-1]
    dx = dy = 0.0
    for i in range(len(points) - 4, -1, -2):
        dx, dy = x1 - points[i], y1 - points[i + 1]
        if dx or dy:
            break
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / length, dy / length
    # An open head (two strokes) keeps the path unfilled, so one path draws shaft and head.
    for side in (1.0, -1.0):
        path.moveTo(x1, y1)
        path.lineTo(x1 - HEAD * (ux + side * 0.55 * uy), y1 - HEAD * (uy - side * 0.55 * ux))
    return path


class MapItem(QGraphicsItem):
    """The whole map as one item; ``drawn`` says what its last paint put on the page."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.map_layout = MapLayout()
        self.geometry = MapGeometry(self.map_layout)
        self.current = -1
        self.drawn: dict[str, list[str]] = {"boxes": [], "arrows": [], "labels": []}
        self._rect = QRectF()
        self._paths: dict[int, QPainterPath] = {}
        self._pens = {False: QPen(_ARROW, 1.3), True: QPen(_MISSING, 1.3)}
        self._pens[True].setStyle(Qt.PenStyle.DashLine)

    def set_layout(self, shown: MapLayout) -> None:
        self.prepareGeometryChange()
        self.map_layout, self.geometry = shown, MapGeometry(shown)
        self._paths = {}
        self._rect = QRectF(0, 0, *scene_size(self.geometry))
        self.update()

    def box_rect(self, index: int) -> QRectF:
        x, y = box_origin(self.map_layout.boxes[index])
        return QRectF(x, y, BOX_W, BOX_H)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        view = option.exposedRect
        left, top, right, bottom = view.left(), view.top(), view.right(), view.bottom()
        drawn: dict[str, list[str]] = {"boxes": [], "arrows": [], "labels": []}
        metrics = QFontMetricsF(painter.font())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        arrows = self.map_layout.arrows
        for number, shape in self.geometry.shapes_in(column_at(left), column_at(right)):
            arrow = arrows[number]
            path = self._paths.get(number)
            if path is None:
                path = self._paths[number] = arrow_path(shape)
            painter.setPen(self._pens[arrow.target is None])
            painter.drawPath(path)
            drawn["arrows"].append(arrow.words)
            text = "? " + short(arrow.missing, LABEL_CHARS) if arrow.target is None else ""
            text = text or short(arrow.words, LABEL_CHARS)
            lx, ly = shape.label_x, shape.label_y
            if (
                text
                and lx + LABEL_HALF_WIDTH >= left
                and lx - LABEL_HALF_WIDTH <= right
                and ly >= top
                and ly - 20 <= bottom
            ):
                painter.setPen(_MISSING if arrow.target is None else _TEXT)
                painter.drawText(QPointF(lx - metrics.horizontalAdvance(text) / 2, ly - 5), text)
                drawn["labels"].append(text)
        for box in self.map_layout.boxes:
            x, y = box_origin(box)
            if x + BOX_W < left or x > right or y + BOX_H < top or y > bottom:
                continue
            fill, outline, dashed = _BOX_STYLE[(box.reached, box.is_ending)]
            pen = QPen(QColor(outline), 3.0 if box.step == self.current else 1.4)
            if dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(QColor(fill))
            rect = QRectF(x, y, BOX_W, BOX_H)
            painter.drawRect(rect)
            painter.setPen(_TEXT)
            name = short(box.name, NAME_CHARS) or "?"
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)
            drawn["boxes"].append(box.name)
        self.drawn = drawn


class BranchMap(QGraphicsView):
    step_clicked = Signal(int)  # the line of the step's heading

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.map_scene = QGraphicsScene(self)
        self.map_scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.item = MapItem()
        self.map_scene.addItem(self.item)
        self.setScene(self.map_scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.structure = Structure((), (), ())
        self.step_lines: list[int] = []
        self.memory = MapMemory()  # steps already drawn stay where they are while typing

    @property
    def layout_shown(self) -> MapLayout:
        return self.item.map_layout

    def show_script(self, script: Script) -> bool:
        """Follow ``script``; lay out and redraw only when its steps or answers changed."""
        self.step_lines = [step.line for step in script.steps]
        shape = structure(script)
        if shape == self.structure:
            return False
        self.structure = shape
        self.item.set_layout(self.memory.settle(layout(shape)))
        self.map_scene.setSceneRect(self.item.boundingRect())
        return True

    def set_current_step(self, index: int) -> None:
        """Outline the box of the step the text cursor is in, and scroll it into view."""
        item = self.item
        if index == item.current:
            return
        boxes = len(self.layout_shown.boxes)
        previous, item.current = item.current, index
        for number in (previous, index):
            if 0 <= number < boxes:
                item.update(item.box_rect(number).adjusted(-3, -3, 3, 3))
        if 0 <= index < boxes:
            self.ensureVisible(item.box_rect(index), 40, 40)

    def render_map(self, painter: QPainter, target: QRectF) -> None:
        """Draw the whole map into ``target``, scaled to fit, without the cursor's outline."""
        current, self.item.current = self.item.current, -1
        self.map_scene.render(painter, target, self.map_scene.sceneRect())
        self.item.current = current

    def draw_all(self) -> dict[str, list[str]]:
        """Draw the whole map off screen; what was drawn: box names, arrows, labels."""
        image = QImage(64, 64, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        self.render_map(painter, QRectF(0, 0, 64, 64))
        painter.end()
        return self.item.drawn

    def box_count(self) -> int:
        return len(self.draw_all()["boxes"])

    def arrow_count(self) -> int:
        return len(self.draw_all()["arrows"])

    def box_names(self) -> list[str]:
        return self.draw_all()["boxes"]

    def arrow_labels(self) -> list[str]:
        return self.draw_all()["labels"]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = self.mapToScene(event.position().toPoint())
        for box in self.layout_shown.boxes:
            if self.item.box_rect(box.step).contains(point):
                self.step_clicked.emit(self.step_lines[box.step])
                event.accept()
                return
        super().mousePressEvent(event)
