"""The report card: the verdict in plain words, at most three suggestions, the key numbers."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.i18n import _

if TYPE_CHECKING:
    from app.core.feedback import Report


class ReportCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report-card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        font = self.verdict.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.verdict.setFont(font)
        self.suggestions = QLabel()
        self.suggestions.setWordWrap(True)
        self.suggestions.setTextFormat(Qt.TextFormat.RichText)
        self.figures = QGridLayout()
        self.figures.setColumnStretch(2, 1)
        self.figures.setHorizontalSpacing(12)
        # Until the natural voice is recorded, a verdict is measured against typical speakers.
        self.provisional = QLabel(
            _(
                "Provisional: until you record your natural voice, this verdict compares you "
                "with typical speakers, not with yourself. It cannot yet tell reading from "
                "talking reliably."
            )
        )
        self.provisional.setObjectName("provisional")
        self.provisional.setWordWrap(True)
        self.record_baseline = QPushButton(_("Record my natural voice (1 min)"))
        self.provisional.hide()
        self.record_baseline.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(self.provisional)
        layout.addWidget(self.record_baseline, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.suggestions)
        layout.addLayout(self.figures)
        self._figure_labels: list[QLabel] = []
        self.suggestion_texts: tuple[str, ...] = ()
        self.has_numbers = False

    def show_text(self, text: str) -> None:
        """A line instead of a report: while measuring, or why there is no report."""
        self.set_provisional(False)
        self.verdict.setText(text)
        self.suggestions.clear()
        self.suggestions.hide()
        self.suggestion_texts = ()
        self._set_figures([])
        self.has_numbers = False

    def set_provisional(self, provisional: bool) -> None:
        """Say (or stop saying) that the verdict waits for the user's natural voice."""
        self.provisional.setVisible(provisional)
        self.record_baseline.setVisible(provisional)

    @property
    def is_provisional(self) -> bool:
        return not self.provisional.isHidden()

    def show_report(self, report: Report, verdict: str | None = None) -> None:
        self.verdict.setText(verdict if verdict is not None else report.verdict)
        self.suggestion_texts = report.suggestions
        items = "".join(f"<li>{html.escape(text)}</li>" for text in report.suggestions)
        self.suggestions.setText(f"<ul style='margin-left: -20px'>{items}</ul>" if items else "")
        self.suggestions.setVisible(bool(items))
        self._set_figures([(f.name, f.value, f.yardstick) for f in report.figures])
        for row, figure in enumerate(report.figures):  # what each figure means, on hover
            for label in self._figure_labels[row * 3 : row * 3 + 3]:
                label.setToolTip(figure.tip)
        self.has_numbers = True

    def _set_figures(self, rows: list[tuple[str, str, str]]) -> None:
        for label in self._figure_labels:
            self.figures.removeWidget(label)
            label.deleteLater()
        self._figure_labels = []
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                label = QLabel(text)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setWordWrap(column == 2)
                if column == 0:
                    font = label.font()
                    font.setBold(True)
                    label.setFont(font)
                elif column == 2:
                    label.setEnabled(False)  # the yardstick reads as secondary
                self.figures.addWidget(label, row, column)
                self._figure_labels.append(label)

    def text(self) -> str:
        """Everything the card says, as plain text (one line each)."""
        lines = [self.verdict.text(), *self.suggestion_texts]
        if self.is_provisional:
            lines.insert(1, self.provisional.text())
        lines += [label.text() for label in self._figure_labels]
        return "\n".join(line for line in lines if line.strip())
