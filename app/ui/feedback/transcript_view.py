"""The take's words: progress while Whisper works, then the transcript with fillers and
off-script words marked, what the diff adds up to, and "Use what I said"."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import _

if TYPE_CHECKING:
    from app.core.feedback import MarkedWord

FILLER_STYLE = "background-color: #ffe066; color: #000000;"
OFF_SCRIPT_STYLE = "background-color: #a5d8ff; color: #000000; text-decoration: underline;"


def words_html(words: Sequence[MarkedWord]) -> str:
    parts = []
    for word in words:
        text = html.escape(word.text)
        if word.mark == "filler":
            parts.append(f"<span class='filler' style='{FILLER_STYLE}'>{text}</span>")
        elif word.mark == "off_script":
            parts.append(f"<span class='off-script' style='{OFF_SCRIPT_STYLE}'>{text}</span>")
        else:
            parts.append(text)
    return "<p style='line-height: 140%'>" + " ".join(parts) + "</p>"


def legend_html(with_script: bool) -> str:
    filler = html.escape(_("filler"))
    marked = f"<span style='{FILLER_STYLE}'>{filler}</span>"
    if not with_script:
        return marked
    off = html.escape(_("not in the script"))
    return f"{marked} &nbsp; <span style='{OFF_SCRIPT_STYLE}'>{off}</span>"


class TranscriptPanel(QWidget):
    use_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(True)
        self.progress.setFormat(_("Transcribing… %p%"))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setMinimumHeight(90)
        self.browser.setAccessibleName(_("Transcript"))
        self.legend = QLabel()
        self.use_button = QPushButton(_("Use what I said"))
        self.use_button.setToolTip(
            _("Make a new revision of the script with the voicemail in the words of this take")
        )
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self.use_clicked)
        bottom = QHBoxLayout()
        bottom.addWidget(self.legend, 1)
        bottom.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.browser, 1)
        layout.addLayout(bottom)
        self.has_words = False
        self.words: tuple[MarkedWord, ...] = ()
        self.clear()

    def clear(self, text: str = "") -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.progress.hide()
        self.browser.clear()
        self.legend.clear()
        self.use_button.setEnabled(False)
        self.has_words = False
        self.words = ()

    def show_progress(self, fraction: float) -> None:
        self.status.setText(_("Finding your words; the rest of the report is ready."))
        self.status.show()
        self.progress.show()
        self.progress.setValue(round(100 * max(0.0, min(1.0, fraction))))

    def show_words(self, words: Sequence[MarkedWord], summary: str, with_script: bool) -> None:
        self.progress.hide()
        self.status.setText(summary)
        self.status.setVisible(bool(summary))
        if words:
            self.browser.setHtml(words_html(words))
        else:
            self.browser.setPlainText(_("No words were heard in this take."))
        self.legend.setText(legend_html(with_script))
        self.words = tuple(words)
        self.has_words = True

    def show_problem(self, text: str) -> None:
        self.progress.hide()
        self.status.setText(text)
        self.status.show()
        self.has_words = False

    def set_can_use(self, can: bool) -> None:
        self.use_button.setEnabled(can)
