"""The habit at a glance: this week's minutes per day against the goal, twelve weeks of days
as a heatmap, the strength, and calls, conversations, meetings and practice per week.

Everything is drawn from one HabitView (aggregated in SQL), so it draws at once however many
years of blocks and calls lie behind it.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from app.core.i18n import _
from app.core.prospecting.habit import week_start
from app.core.prospecting.week import WEEKS, HabitView

DAY_GOAL_MIN = 30  # 2.5 hours a week is 30 minutes a workday
SERIES = (
    ("calls", "#5b8def"),
    ("conversations", "#f2a541"),
    ("meetings", "#3fb37f"),
    ("practice_min", "#a86fd6"),
)


def series_names() -> dict[str, str]:
    return {
        "calls": _("Calls"),
        "conversations": _("Conversations"),
        "meetings": _("Meetings booked"),
        "practice_min": _("Practice minutes"),
    }


def day_letters() -> list[str]:
    return [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")]


class WeekView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: HabitView | None = None
        self.setMinimumHeight(380)
        self.setAccessibleName(_("Your week"))

    def sizeHint(self) -> QSize:
        return QSize(520, 420)

    def set_view(self, view: HabitView) -> None:
        self.view = view
        self.setToolTip(self.summary())
        self.update()

    def summary(self) -> str:
        view = self.view
        if view is None:
            return ""
        return _(
            "This week: {week} of {goal} minutes. Last four weeks: {four} of {goal4} minutes. "
            "Strength: {strength}%."
        ).format(
            week=round(view.week_min),
            goal=view.goal_week_min,
            four=round(view.four_weeks_min),
            goal4=view.goal_four_weeks_min,
            strength=round(view.strength * 100),
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        view = self.view
        if view is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        width = self.width()
        painter.setPen(text)
        painter.drawText(QRectF(0, 0, width, 36), Qt.TextFlag.TextWordWrap, self.summary())
        self._draw_days(painter, view, QRectF(0, 40, width * 0.45, 120), text)
        self._draw_heatmap(painter, view, QRectF(width * 0.5, 40, width * 0.5, 120))
        self._draw_weeks(painter, view, QRectF(0, 180, width, self.height() - 180), text)
        painter.end()

    def _draw_days(self, painter: QPainter, view: HabitView, area: QRectF, text: QColor) -> None:
        monday = week_start(view.today)
        slot = area.width() / 7
        scale = (area.height() - 20) / (DAY_GOAL_MIN * 1.5)
        goal_y = area.bottom() - 20 - DAY_GOAL_MIN * scale
        for index, letter in enumerate(day_letters()):
            day = monday + timedelta(days=index)
            minutes = min(view.minutes.get(day, 0.0), DAY_GOAL_MIN * 1.5)
            x = area.left() + index * slot
            height = minutes * scale
            bar = QRectF(x + slot * 0.2, area.bottom() - 20 - height, slot * 0.6, height)
            painter.fillRect(bar, QColor("#3fb37f" if minutes >= DAY_GOAL_MIN else "#8fd1b0"))
            painter.setPen(text)
            painter.drawText(
                QRectF(x, area.bottom() - 18, slot, 18), Qt.AlignmentFlag.AlignCenter, letter
            )
        painter.setPen(QColor("#888888"))
        painter.drawLine(QPointF(area.left(), goal_y), QPointF(area.right(), goal_y))

    def _draw_heatmap(self, painter: QPainter, view: HabitView, area: QRectF) -> None:
        cell = min(area.width() / WEEKS, area.height() / 7)
        first = view.first_day
        for week in range(WEEKS):
            for weekday in range(7):
                day = first + timedelta(weeks=week, days=weekday)
                if day > view.today:
                    continue
                share = min(1.0, view.minutes.get(day, 0.0) / DAY_GOAL_MIN)
                color = QColor("#e6e6e6") if share == 0 else QColor("#3fb37f")
                if share:
                    color.setAlphaF(0.3 + 0.7 * share)
                rect = QRectF(area.left() + week * cell, area.top() + weekday * cell, cell, cell)
                painter.fillRect(rect.adjusted(1, 1, -1, -1), color)

    def _draw_weeks(self, painter: QPainter, view: HabitView, area: QRectF, text: QColor) -> None:
        names = series_names()
        step = area.width() / 2  # two columns, two rows: room for the longer Dutch names
        for number, (key, color) in enumerate(SERIES):
            x, y = area.left() + (number % 2) * step, area.top() + (number // 2) * 20
            painter.fillRect(QRectF(x, y + 4, 10, 10), QColor(color))
            painter.setPen(text)
            painter.drawText(QRectF(x + 14, y, step - 16, 18), names[key])
        chart = QRectF(area.left(), area.top() + 46, area.width(), area.height() - 68)
        top = max([1.0] + [float(getattr(w, key)) for w in view.weeks for key, _color in SERIES])
        slot = chart.width() / WEEKS
        bar = slot * 0.8 / len(SERIES)
        painter.setPen(text)
        painter.drawText(QRectF(chart.left(), chart.top() - 4, 200, 16), f"{top:g}")
        for index, week in enumerate(view.weeks):
            below = QRectF(chart.left() + index * slot, chart.bottom() + 2, slot, 16)
            painter.drawText(
                below, Qt.AlignmentFlag.AlignLeft, f"{week.start.day}/{week.start.month}"
            )
            for number, (key, color) in enumerate(SERIES):
                value = float(getattr(week, key))
                height = chart.height() * value / top
                rect = QRectF(
                    chart.left() + index * slot + number * bar, chart.bottom() - height,
                    bar, height,
                )  # fmt: skip
                painter.fillRect(rect, QColor(color))
