"""The takes over time: one strip per measure (pace, pitch range, pauses, fillers, rating),
each on its own scale, oldest take on the left and the take in view marked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.core.glossary import meaning
from app.core.i18n import _

if TYPE_CHECKING:
    from app.core.feedback import TakePoint

ROW_HEIGHT = 34
LABEL_WIDTH = 220  # at least; wider when a label (in the user's language) needs it
MARGIN = 10


@dataclass(frozen=True)
class Strip:
    name: str
    values: tuple[float | None, ...]
    fixed: tuple[float, float] | None = None  # a scale of its own (the 1 to 5 rating)
    digits: int = 1
    tip: str = ""  # what the measure means (the glossary)


def _pitch(point: TakePoint) -> float | None:
    pitch = point.analysis.pitch
    return pitch.range_st if pitch is not None else None


def strips(points: Sequence[TakePoint]) -> list[Strip]:
    def values(get: Callable[[TakePoint], float | None]) -> tuple[float | None, ...]:
        return tuple(get(point) for point in points)

    return [
        Strip(
            _("Pace (syllables a second)"),
            values(lambda p: p.analysis.articulation_rate),
            tip=meaning("pace"),
        ),
        Strip(_("Rise and fall (notes)"), values(_pitch), tip=meaning("rise_and_fall")),
        Strip(
            _("Pauses a minute"),
            values(lambda p: p.analysis.pauses_per_minute),
            digits=0,
            tip=meaning("pauses"),
        ),
        Strip(
            _("Fillers a minute"), values(lambda p: p.fillers_per_minute), tip=meaning("fillers")
        ),
        Strip(
            _("Sounds like me (1-5)"),
            values(lambda p: None if p.rating is None else float(p.rating)),
            fixed=(1.0, 5.0),
            digits=0,
            tip=meaning("rating"),
        ),
    ]


class TakesChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Your takes over time"))
        self.strips: list[Strip] = []
        self.take_ids: tuple[int, ...] = ()
        self.current: int | None = None

    def sizeHint(self) -> QSize:
        return QSize(560, ROW_HEIGHT * 5 + MARGIN + self._axis_height())

    def _axis_height(self) -> int:
        return self.fontMetrics().height() + 6

    def label_width(self) -> int:
        """Room for the longest strip label with its value, in the current language."""
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(f"{s.name}: 99.9") for s in strips([]))
        return max(LABEL_WIDTH, widest + 16)

    @staticmethod
    def axis_title() -> str:
        return _("Your takes, oldest on the left, newest on the right")

    @staticmethod
    def row_top(row: int) -> float:
        return MARGIN / 2 + row * ROW_HEIGHT

    def tip_at(self, pos: QPoint) -> str:
        """What the strip under ``pos`` measures (the glossary), '' off the strips."""
        row = int((pos.y() - MARGIN / 2) // ROW_HEIGHT)
        names = strips([])  # the names and meanings do not depend on the takes
        return names[row].tip if 0 <= row < len(names) else ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def show_points(self, points: Sequence[TakePoint], current: int | None) -> None:
        self.strips = strips(points)
        self.take_ids = tuple(point.take_id for point in points)
        self.current = current
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        text_pen = QPen(self.palette().text().color())
        if not self.take_ids:
            painter.setPen(text_pen)
            painter.drawText(
                QRectF(self.rect()),
                Qt.AlignmentFlag.AlignCenter,
                _("Your takes will show here, oldest on the left."),
            )
            painter.end()
            return
        left, right = self.label_width(), self.width() - MARGIN
        count = len(self.take_ids)
        xs = [
            (left + right) / 2 if count == 1 else left + i * (right - left) / (count - 1)
            for i in range(count)
        ]
        grid = QPen(self.palette().mid().color(), 1, Qt.PenStyle.DotLine)
        here = self.take_ids.index(self.current) if self.current in self.take_ids else None
        for row, strip in enumerate(self.strips):
            top = self.row_top(row)
            shown = strip.values[here] if here is not None else strip.values[-1]
            painter.setPen(text_pen)
            label = strip.name if shown is None else f"{strip.name}: {shown:.{strip.digits}f}"
            painter.drawText(
                QRectF(0, top, left - 8, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                label,
            )
            band = QRectF(left, top + 6, right - left, ROW_HEIGHT - 12)
            painter.setPen(grid)
            painter.drawLine(QPointF(left, band.bottom()), QPointF(right, band.bottom()))
            self._draw_strip(painter, strip, band, xs, here)
        painter.setPen(text_pen)
        axis = QRectF(left, self.row_top(len(self.strips)), right - left, self._axis_height())
        painter.drawText(axis, Qt.AlignmentFlag.AlignCenter, "← " + self.axis_title() + " →")
        painter.end()

    def _draw_strip(
        self, painter: QPainter, strip: Strip, band: QRectF, xs: list[float], here: int | None
    ) -> None:
        known = [v for v in strip.values if v is not None]
        if not known:
            return
        low, high = strip.fixed or (min(known), max(known))
        span = high - low or 1.0
        points = {
            i: QPointF(xs[i], band.bottom() - (v - low) / span * band.height())
            for i, v in enumerate(strip.values)
            if v is not None
        }
        line = QPen(self.palette().highlight().color(), 2)
        painter.setPen(line)
        for a, b in pairwise(points.values()):
            painter.drawLine(a, b)
        painter.setBrush(line.color())
        for point in points.values():
            painter.drawEllipse(point, 2.5, 2.5)
        if here is not None and here in points:
            painter.setBrush(QColor("#d9480f"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(points[here], 4.5, 4.5)
        painter.setBrush(Qt.BrushStyle.NoBrush)
