"""The take's waveform with a playhead; a click seeks there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.core.i18n import _


class WaveformView(QWidget):
    """Samples are a 1-D float array; numpy is imported only once there are some to draw."""

    seek_requested = Signal(float)  # seconds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Waveform"))
        self.setToolTip(_("Click to play from there"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._data: Any = ()
        self._rate = 48000
        self._cache: tuple[int, Any, Any] | None = None
        self.position_s = 0.0

    def sizeHint(self) -> QSize:
        return QSize(480, 72)

    @property
    def duration_s(self) -> float:
        return len(self._data) / self._rate

    def set_audio(self, data: Any, rate: int) -> None:
        import numpy as np

        self._data = np.asarray(data, np.float32).reshape(len(data), -1)[:, 0]
        self._rate = rate
        self._cache = None
        self.position_s = 0.0
        self.update()

    def clear(self) -> None:
        self._data, self._cache, self.position_s = (), None, 0.0
        self.update()

    def set_position(self, seconds: float) -> None:
        """Move the playhead; repainted only when it moves by a pixel (this runs at 40 Hz)."""
        before = self._playhead_x()
        self.position_s = seconds
        if self._playhead_x() != before:
            self.update()

    def _playhead_x(self) -> int:
        duration = self.duration_s
        return round(self.width() * min(1.0, self.position_s / duration)) if duration else -1

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and len(self._data) and self.width():
            fraction = min(1.0, max(0.0, event.position().x() / self.width()))
            self.seek_requested.emit(fraction * self.duration_s)
        super().mousePressEvent(event)

    def _envelope(self, columns: int) -> tuple[Any, Any]:
        from app.audio.dsp import envelope

        if self._cache is None or self._cache[0] != columns:
            lows, highs = envelope(self._data, columns)
            self._cache = (columns, lows, highs)
        return self._cache[1], self._cache[2]

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect())
        painter.fillRect(rect, QColor("#20242a"))
        middle, half = rect.center().y(), rect.height() / 2 - 2
        if len(self._data):
            import numpy as np

            lows, highs = self._envelope(max(1, self.width()))
            xs = np.arange(len(lows), dtype=np.float64) + 0.5
            top = middle - np.clip(highs, -1, 1) * half
            bottom = middle - np.clip(lows, -1, 1) * half
            outline = [QPointF(x, y) for x, y in zip(xs, top, strict=True)]
            outline += [QPointF(x, y) for x, y in zip(xs[::-1], bottom[::-1], strict=True)]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#6fa8dc"))
            painter.drawPolygon(QPolygonF(outline))
            x = rect.width() * min(1.0, self.position_s / self.duration_s)
            painter.setPen(QColor("#ffcc00"))
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        else:
            painter.setPen(QColor("#888888"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, _("No take selected"))
