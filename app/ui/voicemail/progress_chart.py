"""Length and rating over a script's takes, oldest to newest, so progress shows at a glance.

Bars are the lengths (the dashed line is the limit); dots joined by a line are the ratings.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.core.i18n import _, n_


class ProgressChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Progress over the takes"))
        self.lengths: list[float] = []
        self.ratings: list[int | None] = []
        self.limit_s = 30.0

    def sizeHint(self) -> QSize:
        return QSize(240, 64)

    def set_series(self, lengths: list[float], ratings: list[int | None], limit_s: float) -> None:
        self.lengths, self.ratings, self.limit_s = list(lengths), list(ratings), limit_s
        rated = [r for r in ratings if r is not None]
        count = len(lengths)
        takes = n_("{count} take", "{count} takes", count).format(count=count)
        summary = _("{takes}; last length {length} s; last rating {rating}").format(
            takes=takes,
            length=f"{lengths[-1]:.1f}" if lengths else "-",
            rating=rated[-1] if rated else "-",
        )
        self.setToolTip(summary)
        self.setAccessibleDescription(summary)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(2, 4, -2, -4)
        painter.fillRect(QRectF(self.rect()), QColor("#20242a"))
        if not self.lengths:
            return
        top = max(self.limit_s, *self.lengths) * 1.1
        step = rect.width() / len(self.lengths)
        for i, length in enumerate(self.lengths):
            height = rect.height() * length / top
            color = QColor("#d9342b") if length > self.limit_s else QColor("#4f7fb0")
            painter.fillRect(
                QRectF(
                    rect.left() + i * step + step * 0.15, rect.bottom() - height, step * 0.7, height
                ),
                color,
            )
        limit_y = rect.bottom() - rect.height() * self.limit_s / top
        painter.setPen(QPen(QColor("#bbbbbb"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(rect.left(), limit_y), QPointF(rect.right(), limit_y))
        points = [
            QPointF(rect.left() + (i + 0.5) * step, rect.bottom() - rect.height() * r / 5)
            for i, r in enumerate(self.ratings)
            if r is not None
        ]
        painter.setPen(QPen(QColor("#ffcc00"), 2))
        painter.drawPolyline(QPolygonF(points))
        painter.setBrush(QColor("#ffcc00"))
        for point in points:
            painter.drawEllipse(point, 3, 3)
