"""The text of a script: a plain-text editor with line numbers, since problems cite lines,
and each problem marked on its line (a wavy underline, a mark in the margin, its message on
hover).

Undo and redo are the document's own (Ctrl+Z, Ctrl+Y or Ctrl+Shift+Z while it has focus).

Qt takes seconds to wrap one line of a few hundred thousand characters (a whole document
pasted as a heading), so the text is not wrapped while it holds a line longer than LONG_LINE.
Pasted text has its line ends made plain, as a file's are when it is read (textfile.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from app.core.script.model import Problem, Severity
from app.core.script.textfile import normalise_line_ends
from app.ui.editor.highlighter import ScriptHighlighter

MARK_COLOURS = {Severity.ERROR: QColor("#d62828"), Severity.WARNING: QColor("#e09f3e")}
LONG_LINE = 10_000  # characters
_WRAP = QPlainTextEdit.LineWrapMode.WidgetWidth
_NO_WRAP = QPlainTextEdit.LineWrapMode.NoWrap


def has_long_line(text: str) -> bool:
    return len(text) > LONG_LINE and any(len(line) > LONG_LINE for line in text.split("\n"))


class _Gutter(QWidget):
    def __init__(self, editor: ScriptEdit) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.editor.paint_gutter(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.editor.gutter_tip(event.pos().y())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class ScriptEdit(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.highlighter = ScriptHighlighter(self.document())
        self.gutter = _Gutter(self)
        self._marks: dict[int, tuple[Severity, str]] = {}  # line: the worst problem there
        self.blockCountChanged.connect(self._update_gutter_width)
        self.updateRequest.connect(self._update_gutter)
        self._update_gutter_width()

    def set_text(self, text: str) -> None:
        """Show ``text`` (as setPlainText), wrapped unless a line is too long to wrap."""
        mode = _NO_WRAP if has_long_line(text) else _WRAP
        if self.lineWrapMode() != mode:
            self.setLineWrapMode(mode)
        self.setPlainText(text)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if not source.hasText():
            super().insertFromMimeData(source)
            return
        text = normalise_line_ends(source.text())
        if has_long_line(text):
            self.setLineWrapMode(_NO_WRAP)
        self.insertPlainText(text)

    # -- moving around

    def current_line(self) -> int:
        """The 1-based line the cursor is on."""
        return self.textCursor().blockNumber() + 1

    def go_to_line(self, line: int) -> None:
        """Put the cursor at the start of ``line`` (1-based), in the middle of the view."""
        block = self.document().findBlockByNumber(max(0, line - 1))
        if not block.isValid():
            block = self.document().lastBlock()
        cursor = QTextCursor(block)
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def replace_all(self, text: str) -> None:
        """Replace the whole text as one edit, so that Ctrl+Z brings the old text back."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()

    # -- problems, on their lines

    def mark_problems(self, problems: Sequence[Problem]) -> None:
        """Underline each problem's line (wavy) and mark it in the margin."""
        marks: dict[int, tuple[Severity, str]] = {}
        for problem in problems:
            known = marks.get(problem.line)
            if known is None:
                marks[problem.line] = (problem.severity, problem.message)
            else:
                worst = (
                    Severity.ERROR if Severity.ERROR in (known[0], problem.severity) else known[0]
                )
                marks[problem.line] = (worst, known[1] + "\n" + problem.message)
        if marks == self._marks:
            return
        self._marks = marks
        selections = []
        for line, (severity, message) in marks.items():
            block = self.document().findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(block)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            text_format = QTextCharFormat()
            text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            text_format.setUnderlineColor(MARK_COLOURS[severity])
            text_format.setProperty(QTextFormat.Property.UserProperty, message)
            selection.cursor, selection.format = cursor, text_format
            selections.append(selection)
        self.setExtraSelections(selections)
        self.gutter.update()

    def problem_marks(self) -> dict[int, str]:
        """The lines marked, with what is wrong there."""
        return {line: message for line, (_severity, message) in self._marks.items()}

    def line_top(self, line: int) -> int:
        """Where ``line`` (1-based) starts in the viewport, in pixels."""
        block = self.document().findBlockByNumber(line - 1)
        return round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())

    def gutter_tip(self, y: int) -> str:
        """The problem on the line at height ``y`` of the margin, if any."""
        block = self.cursorForPosition(QPoint(0, y)).block()
        mark = self._marks.get(block.blockNumber() + 1)
        return mark[1] if mark is not None else ""

    # -- line numbers

    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))  # and room for the problem mark
        return 12 + self.fontMetrics().horizontalAdvance("9") * (max(3, digits) + 1)

    def _update_gutter_width(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        area = self.contentsRect()
        self.gutter.setGeometry(QRect(area.left(), area.top(), self.gutter_width(), area.height()))

    def paint_gutter(self, event: QPaintEvent) -> None:
        painter = QPainter(self.gutter)
        painter.fillRect(event.rect(), self.palette().alternateBase())
        painter.setPen(QColor("#8a8a8a"))
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        area = event.rect()
        bottom = area.bottom()
        width = self.gutter.width() - 6
        height = self.fontMetrics().height()
        while block.isValid() and top <= bottom:
            if block.isVisible() and top + height >= area.top():
                mark = self._marks.get(block.blockNumber() + 1)
                if mark is not None:  # a dot at the left edge: this line has a problem
                    painter.setBrush(MARK_COLOURS[mark[0]])
                    painter.setPen(Qt.PenStyle.NoPen)
                    size = max(6, height // 2)
                    painter.drawEllipse(2, top + (height - size) // 2, size, size)
                    painter.setPen(QColor("#8a8a8a"))
                painter.drawText(
                    0, top, width, height, Qt.AlignmentFlag.AlignRight, str(block.blockNumber() + 1)
                )
            top += round(self.blockBoundingRect(block).height())
            block = block.next()
        painter.end()
