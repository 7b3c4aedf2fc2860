"""The take drawn for its report: the waveform's outline, the pauses shaded, and the pitch
contour over it. Everything is binned to the widget's width with numpy first, so a paint
loops over pixel columns, never over samples or frames."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLineF, QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.core.i18n import _

if TYPE_CHECKING:
    from app.core.feedback import Envelope, PitchTrack

PITCH_SPAN_ST = 12.0  # the contour's height shows an octave around the median, at least


class FeedbackWaveform(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Waveform with pauses and pitch"))
        self.setToolTip(_("Shaded: pauses. Line: your pitch, higher when your voice rises."))
        self.outline: Envelope | None = None
        self.pauses: tuple[tuple[float, float], ...] = ()
        self.pitch: PitchTrack | None = None
        self._columns: dict[str, Any] = {}

    def sizeHint(self) -> QSize:
        return QSize(560, 120)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 120)

    def show_take(
        self,
        outline: Envelope | None,
        pauses: Sequence[tuple[float, float]] = (),
        pitch: PitchTrack | None = None,
    ) -> None:
        self.outline, self.pauses, self.pitch = outline, tuple(pauses), pitch
        self._columns = {}
        self.update()

    def clear(self) -> None:
        self.show_take(None)

    @property
    def duration_s(self) -> float:
        return self.outline.duration_s if self.outline is not None else 0.0

    # -- binning (numpy) -------------------------------------------------------------------
    def _binned(self, width: int) -> dict[str, Any]:
        if self._columns.get("width") == width:
            return self._columns
        import numpy as np

        columns: dict[str, Any] = {"width": width, "lows": None, "pitch": None}
        outline = self.outline
        if outline is not None and len(outline.lows):
            count = min(width, len(outline.lows))
            starts = np.linspace(0, len(outline.lows), count + 1).astype(np.int64)[:-1]
            columns["lows"] = np.minimum.reduceat(outline.lows, starts)
            columns["highs"] = np.maximum.reduceat(outline.highs, starts)
        pitch = self.pitch
        if pitch is not None and self.duration_s > 0 and np.isfinite(pitch.f0_hz).any():
            f0 = pitch.f0_hz
            voiced = np.flatnonzero(np.isfinite(f0) & (f0 > 0))
            semitones = 12.0 * np.log2(f0[voiced] / np.median(f0[voiced]))
            times = (voiced + 0.5) * pitch.step_s
            where = np.clip((times / self.duration_s * width).astype(np.int64), 0, width - 1)
            sums = np.bincount(where, semitones, minlength=width)
            counts = np.bincount(where, minlength=width)
            with np.errstate(invalid="ignore", divide="ignore"):
                columns["pitch"] = sums / counts  # NaN where a column has no voicing
            low, high = np.percentile(semitones, [2.0, 98.0])
            middle, span = (low + high) / 2, max(high - low, PITCH_SPAN_ST)
            columns["pitch_range"] = (middle - span / 2, middle + span / 2)
        self._columns = columns
        return columns

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        width, height = self.width(), self.height()
        painter.fillRect(self.rect(), self.palette().base())
        if self.outline is None or self.duration_s <= 0 or width <= 0:
            painter.end()
            return
        columns = self._binned(width)
        shade = QColor(self.palette().highlight().color())
        shade.setAlpha(60)
        for start, end in self.pauses:
            x0, x1 = start / self.duration_s * width, end / self.duration_s * width
            painter.fillRect(QRectF(x0, 0, max(x1 - x0, 1.0), height), shade)
        lows = columns["lows"]
        if lows is not None:
            self._draw_outline(painter, lows, columns["highs"], width, height)
        if columns["pitch"] is not None:
            self._draw_pitch(painter, columns["pitch"], columns["pitch_range"], width, height)
        painter.end()

    def _draw_outline(
        self, painter: QPainter, lows: Any, highs: Any, width: int, height: int
    ) -> None:
        import numpy as np

        middle, half = height / 2, height / 2 * 0.95
        xs = (np.arange(len(lows)) + 0.5) * (width / len(lows))
        tops = middle - np.clip(highs, -1, 1) * half
        bottoms = middle - np.clip(lows, -1, 1) * half
        bottoms = np.maximum(bottoms, tops + 1)  # silence still shows as a hairline
        painter.setPen(QPen(self.palette().mid().color(), 1))
        painter.drawLines(
            [
                QLineF(x, top, x, bottom)
                for x, top, bottom in zip(xs.tolist(), tops.tolist(), bottoms.tolist(), strict=True)
            ]
        )

    def _draw_pitch(
        self,
        painter: QPainter,
        semitones: Any,
        limits: tuple[float, float],
        width: int,
        height: int,
    ) -> None:
        import numpy as np

        low, high = limits
        ys = height * 0.9 - (semitones - low) / (high - low) * height * 0.8
        xs = np.arange(width) + 0.5
        finite = np.isfinite(ys)
        # Runs of voiced columns, each drawn as one line; a gap in voicing breaks the line.
        edges = np.flatnonzero(np.diff(np.concatenate(([0], finite.astype(np.int8), [0]))))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#d9480f"), 2))
        for start, end in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
            points = [
                QPointF(x, y)
                for x, y in zip(xs[start:end].tolist(), ys[start:end].tolist(), strict=True)
            ]
            if len(points) == 1:
                painter.drawPoint(points[0])
            else:
                painter.drawPolyline(QPolygonF(points))

    def pitch_columns(self) -> Any:
        """The pitch per pixel column as drawn (semitones from the median, NaN unvoiced)."""
        return self._binned(max(self.width(), 1))["pitch"]
