"""Colours for the script format: steps, answers and their arrows, cues, notes, placeholders.

Each line is one thing, recognised by how it starts (see app/core/script/parser.py), so a line
is coloured on its own; the only state carried from line to line is whether a step heading has
been seen yet, because "Title:" and "Language:" mean something only before the first one.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from app.core.script.model import PLACEHOLDER

_HEADER = re.compile(r"\s*#?\s*(title|titel|language|taal)\s*:", re.IGNORECASE)
_INLINE_CUE = re.compile(r"\([^()\n]*\)")
_END_MARK = re.compile(r"\(\s*(?:end|einde)\s*\)", re.IGNORECASE)
_AFTER_HEADING = 1


def _format(color: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


class ScriptHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.heading = _format("#1f5fa8", bold=True)
        self.ending = _format("#2e7d32", bold=True)
        self.answer = _format("#00796b")
        self.arrow = _format("#2e7d32", bold=True)
        self.cue = _format("#7b1fa2", italic=True)
        self.note = _format("#808080", italic=True)
        self.header = _format("#5d4037", bold=True)
        self.placeholder = _format("#b45309", bold=True)
        self.placeholder.setBackground(QColor("#fff3d6"))

    def highlightBlock(self, text: str) -> None:
        after_heading = self.previousBlockState() == _AFTER_HEADING
        stripped = text.strip()
        start = len(text) - len(text.lstrip())
        if stripped.startswith("=="):
            self.setCurrentBlockState(_AFTER_HEADING)
            self.setFormat(start, len(stripped), self.heading)
            mark = _END_MARK.search(text)
            if mark:
                self.setFormat(mark.start(), mark.end() - mark.start(), self.ending)
            return
        self.setCurrentBlockState(_AFTER_HEADING if after_heading else 0)
        if not stripped:
            return
        if not after_heading:
            header = _HEADER.match(text)
            if header:
                self.setFormat(0, header.end(), self.header)
            return
        if stripped.startswith("//"):
            self.setFormat(start, len(stripped), self.note)
        elif stripped.startswith((">", "->", "→")):
            self._answer(text, start)
        elif stripped.startswith("(") and stripped.endswith(")"):
            self.setFormat(start, len(stripped), self.cue)
        else:
            for match in _INLINE_CUE.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self.cue)
            self._placeholders(text)

    def _answer(self, text: str, start: int) -> None:
        # The last arrow is the one that counts, as the parser reads it.
        cut = max(text.rfind("->"), text.rfind("→"))
        if cut < start:
            self.setFormat(start, len(text) - start, self.answer)
            return
        self.setFormat(start, cut - start, self.answer)
        self.setFormat(cut, len(text) - cut, self.arrow)
        self._placeholders(text[:cut])

    def _placeholders(self, text: str) -> None:
        if "{" not in text:
            return
        for match in PLACEHOLDER.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.placeholder)
