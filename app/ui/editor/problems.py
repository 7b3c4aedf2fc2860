"""The problems list: what is wrong with the script, by line; a click jumps to the line."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from app.core.i18n import _
from app.core.script.model import Problem, Severity

_LINE = Qt.ItemDataRole.UserRole


class ProblemsList(QListWidget):
    line_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._shown: tuple[tuple[int, Severity, str], ...] = ()
        style = self.style()
        self._icons = {
            Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        self.itemClicked.connect(self._chosen)
        self.itemActivated.connect(self._chosen)

    def show_problems(self, problems: tuple[Problem, ...]) -> None:
        shown = tuple((p.line, p.severity, p.message) for p in problems)
        if shown == self._shown:
            return
        self._shown = shown
        self.clear()
        for problem in problems:
            template = (
                _("Line {line}: {message}")
                if problem.severity == Severity.ERROR
                else _("Line {line} (warning): {message}")
            )
            item = QListWidgetItem(template.format(line=problem.line, message=problem.message))
            item.setIcon(self._icons[problem.severity])
            item.setData(_LINE, problem.line)
            self.addItem(item)

    def problem_texts(self) -> list[str]:
        return [self.item(row).text() for row in range(self.count())]

    def _chosen(self, item: QListWidgetItem) -> None:
        line = item.data(_LINE)
        if isinstance(line, int):
            self.line_chosen.emit(line)
