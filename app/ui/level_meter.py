"""A horizontal level meter: RMS as the bar, peak as a tick, red when clipping."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.audio.levels import FLOOR_DB, Level

RANGE_DB = 60.0


def _fraction(db: float) -> float:
    return min(1.0, max(0.0, (db + RANGE_DB) / RANGE_DB))


class LevelMeter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._level = Level()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("level meter")

    def sizeHint(self) -> QSize:
        return QSize(240, 16)

    @property
    def level(self) -> Level:
        return self._level

    def set_level(self, level: Level) -> None:
        if level != self._level:
            self._level = level
            self.setToolTip(f"peak {level.peak_db:.1f} dBFS, RMS {level.rms_db:.1f} dBFS")
            self.update()

    def reset(self) -> None:
        self.set_level(Level(FLOOR_DB, FLOOR_DB))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.fillRect(rect, QColor("#20242a"))
        rms = _fraction(self._level.rms_db)
        color = QColor("#d9534f") if self._level.clipping else QColor("#4caf50")
        if self._level.rms_db > -12:
            color = QColor("#f0ad4e") if not self._level.clipping else color
        painter.fillRect(QRectF(rect.left(), rect.top(), rect.width() * rms, rect.height()), color)
        peak_x = rect.left() + rect.width() * _fraction(self._level.peak_db)
        painter.setPen(Qt.GlobalColor.white)
        painter.drawLine(int(peak_x), int(rect.top()), int(peak_x), int(rect.bottom()))
