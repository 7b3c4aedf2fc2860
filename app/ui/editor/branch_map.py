"""The branch map: steps as boxes, answers as arrows labelled with the prospect's words.

One scene item draws the whole map, and only the part in view: a 200-step script has some
thousand boxes, arrows and labels, and one item per piece would cost a Qt call per piece on
every change. Changing the map is replacing its layout; drawing it is plain painter calls.

A small script is laid out at once, on the GUI thread (a few milliseconds). A big one is laid
out, and its arrows shaped, on a worker thread: the map goes on showing the last layout until
the new one is ready, and only the newest is ever shown. A script too big for anyone to read
(map_layout.too_big) is not drawn; the map says so in plain words.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

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
    QGraphicsTextItem,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.core.i18n import _
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
from app.ui.editor.map_layout import (
    MAX_ANSWERS,
    MAX_STEPS,
    MapLayout,
    Structure,
    layout,
    size,
    structure,
    too_big,
)
from app.ui.editor.map_memory import MapMemory
from app.ui.feedback.tasks import FuturePoller, in_thread

LABEL_CHARS = 24
NAME_CHARS = 24
HEAD = 8.0
LABEL_HALF_WIDTH = 95.0  # at most, for deciding whether a label is in view
NOTICE_WIDTH = 380.0  # the map's pane is narrow: the notice wraps
SYNC_SIZE = 1500  # steps and answers laid out at once; a bigger map is laid out on a worker

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


Drawn = tuple[MapGeometry, dict[int, QPainterPath]]


def geometry_of(
    shape: Structure, shaped: bool, settle: Callable[[MapLayout], MapLayout] | None = None
) -> Drawn:
    """The map of ``shape`` and its arrows' paths; ``shaped``: with every arrow shaped and
    its path made now (on a worker, so that the GUI thread only draws). A QPainterPath is a
    plain value, which any thread may make. ``settle`` moves the fresh layout's boxes back to
    where they were drawn before (a MapMemory, used on the GUI thread only)."""
    fresh = layout(shape)
    geometry = MapGeometry(settle(fresh) if settle is not None else fresh)
    paths = {}
    if shaped:
        for number in range(len(geometry.layout.arrows)):
            geometry.bounds(number)
            paths[number] = arrow_path(geometry.shape(number))
    return geometry, paths


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

    def set_geometry(self, geometry: MapGeometry, paths: dict[int, QPainterPath]) -> None:
        self.prepareGeometryChange()
        self.map_layout, self.geometry = geometry.layout, geometry
        self._paths = paths
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
        geometry = self.geometry
        for number, shape in geometry.shapes_in(column_at(left), column_at(right), bottom):
            margin = LABEL_HALF_WIDTH  # its label may stand beside it
            if not geometry.crosses(number, left - margin, top - 20, right + margin, bottom + 20):
                continue
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
        self.notice = QGraphicsTextItem()
        self.notice.setTextWidth(NOTICE_WIDTH)
        self.notice.setPos(24, 24)
        self.notice.hide()
        self.map_scene.addItem(self.notice)
        self._poller = FuturePoller(self)
        self._job: Future[Any] | None = None
        self.memory = MapMemory()  # steps already drawn stay where they are while typing

    @property
    def busy(self) -> bool:
        """Whether a layout is being worked out (the map shows the one before)."""
        return self._job is not None

    @property
    def too_big(self) -> bool:
        return self.notice.isVisible()

    @property
    def layout_shown(self) -> MapLayout:
        return self.item.map_layout

    def show_script(self, script: Script, shape: Structure | None = None) -> bool:
        """Follow ``script`` (whose structure is ``shape``, when already known); lay out and
        redraw only when its steps or answers changed."""
        self.step_lines = [step.line for step in script.steps]
        shape = structure(script) if shape is None else shape
        if shape == self.structure:
            return False
        self.structure = shape
        self._job = None  # a layout still being worked out is for an older script
        if too_big(shape):
            self._show_too_big(shape)
        elif size(shape) <= SYNC_SIZE:
            self._show(*geometry_of(shape, shaped=False, settle=self.memory.settle))
        else:  # laid out afresh on a worker: what is kept of the map is for small scripts
            self.memory.forget()
            job = self._job = in_thread(geometry_of, shape, True, name="branch-map")
            self._poller.watch(job, self._laid_out)
        return True

    def _laid_out(self, job: Future[Any]) -> None:
        if job is self._job:
            self._job = None
            self._show(*job.result())

    def _show(self, geometry: MapGeometry, paths: dict[int, QPainterPath]) -> None:
        self.notice.hide()
        self.item.show()
        self.item.set_geometry(geometry, paths)
        self.map_scene.setSceneRect(self.item.boundingRect())

    def _show_too_big(self, shape: Structure) -> None:
        self.item.set_geometry(MapGeometry(MapLayout()), {})
        self.item.hide()
        self.notice.setPlainText(
            _(
                "This script is too big to draw as a map: it has {steps} steps and {answers} "
                "answers, and the map draws up to {most_steps} steps and {most_answers} answers.\n"
                "The outline and the problems still follow the whole script."
            ).format(
                steps=len(shape.names),
                answers=len(shape.answers),
                most_steps=MAX_STEPS,
                most_answers=MAX_ANSWERS,
            )
        )
        self.notice.show()
        self.map_scene.setSceneRect(self.notice.sceneBoundingRect().adjusted(-24, -24, 24, 24))

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

    def shutdown(self) -> None:
        """Forget a layout being worked out; its thread ends on its own, unheard."""
        self._job = None
        self._poller.stop()

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
