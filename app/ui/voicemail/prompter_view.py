"""The voicemail prompter: the script's words, large, at the level the user has stepped to."""

from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import _
from app.core.script import Step
from app.core.script.placeholders import fill
from app.core.voicemail import Level, Paragraph, Piece, prompter_view

STYLE = {
    "spoken": "color: palette(text);",
    "faded": "color: rgba(128, 128, 128, 0.45);",
    "cue": "color: gray; font-style: italic; font-size: 70%;",
}


def to_html(paragraphs: list[Paragraph]) -> str:
    parts = []
    for paragraph in paragraphs:
        spans = "".join(
            f'<span style="{STYLE[piece.style]}">{html.escape(piece.text)}</span>'
            for piece in paragraph
        )
        parts.append(f'<p style="margin: 0 0 0.4em 0;">{spans or "&nbsp;"}</p>')
    return "".join(parts)


class PrompterView(QWidget):
    level_chosen = Signal(int)  # Level

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step: Step | None = None
        self.level = Level.FULL
        self.values: Mapping[str, str] = {}  # what fills the placeholders ({my_name}, ...)
        self.heading = QLabel()
        self.heading.setObjectName("prompter-heading")
        self.text = QLabel()
        self.text.setObjectName("prompter")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        font = QFont(self.text.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        self.text.setFont(font)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.text)
        self.buttons = QButtonGroup(self)
        row = QHBoxLayout()
        names = {
            Level.FULL: _("Full text"),
            Level.KEY_WORDS: _("Key words"),
            Level.OUTLINE: _("Outline"),
            Level.NOTHING: _("Nothing"),
        }
        for level, name in names.items():
            button = QPushButton(name)
            button.setCheckable(True)
            button.setToolTip(_("Step down as the words become yours"))
            self.buttons.addButton(button, int(level))
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        self.buttons.idClicked.connect(self._on_level)
        self.show_step(None, Level.FULL)

    def _on_level(self, level: int) -> None:
        self.level = Level(level)
        self._render()
        self.level_chosen.emit(level)

    def show_step(self, step: Step | None, level: Level, heading: str = "") -> None:
        self.step, self.level = step, level
        self.heading.setText(heading)
        self.heading.setVisible(bool(heading))
        button = self.buttons.button(int(level))
        if button is not None:
            button.setChecked(True)
        self._render()

    def set_values(self, values: Mapping[str, str]) -> None:
        """Fill placeholders with ``values`` from now on (one without a value stays as is)."""
        self.values = dict(values)
        self._render()

    def _paragraphs(self) -> list[Paragraph]:
        return [
            tuple(Piece(fill(piece.text, self.values), piece.style) for piece in paragraph)
            for paragraph in prompter_view(self.step, self.level)
        ]

    def _render(self) -> None:
        if self.step is None:
            self.text.setText(
                html.escape(
                    _(
                        "This script has no voicemail part yet. Add one under the heading "
                        "'== Voicemail ==' in the script."
                    )
                )
            )
        elif self.level == Level.NOTHING:
            self.text.setText(to_html([(Piece(_("Say it from memory."), "faded"),)]))
        else:
            self.text.setText(to_html(self._paragraphs()))

    def visible_text(self) -> str:
        """The words on screen that are not faded (what the user reads at this level)."""
        if self.step is None or self.level == Level.NOTHING:
            return ""
        paragraphs = self._paragraphs()
        return "\n".join("".join(p.text for p in para if p.style != "faded") for para in paragraphs)
