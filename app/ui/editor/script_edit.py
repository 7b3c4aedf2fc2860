"""The text of a script: a plain-text editor with line numbers, since problems cite lines.

Undo and redo are the document's own (Ctrl+Z, Ctrl+Y or Ctrl+Shift+Z while it has focus).

Qt takes seconds to wrap one line of a few hundred thousand characters (a whole document
pasted as a heading), so the text is not wrapped while it holds a line longer than LONG_LINE.
Pasted text has its line ends made plain, as a file's are when it is read (textfile.py).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from app.core.script.textfile import normalise_line_ends
from app.ui.editor.highlighter import ScriptHighlighter

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


class ScriptEdit(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.highlighter = ScriptHighlighter(self.document())
        self.gutter = _Gutter(self)
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

    # -- line numbers

    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 12 + self.fontMetrics().horizontalAdvance("9") * max(3, digits)

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
                painter.drawText(
                    0, top, width, height, Qt.AlignmentFlag.AlignRight, str(block.blockNumber() + 1)
                )
            top += round(self.blockBoundingRect(block).height())
            block = block.next()
        painter.end()
