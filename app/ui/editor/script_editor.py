"""The script editor: the text, and beside it what the text means while it is typed.

The outline, the branch map, the problems and the voicemail's length follow the text a moment
after each keystroke (REFRESH_MS), so a burst of typing is read once, at its end. A big script
(BIG_TEXT characters and more, a few hundred steps) is read on a worker thread, and only the
newest reading is shown: the GUI thread never spends a keystroke's time parsing it.
"""

from __future__ import annotations

from bisect import bisect_right
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from app.core.i18n import _
from app.core.script import Script, estimate_voicemail, parse
from app.core.script.estimate import DEFAULT_WORDS_PER_MINUTE
from app.ui.editor.branch_map import BranchMap
from app.ui.editor.map_layout import Structure, structure
from app.ui.editor.outline import Outline
from app.ui.editor.problems import ProblemsList
from app.ui.editor.script_edit import ScriptEdit
from app.ui.editor.voicemail_meter import VoicemailMeter
from app.ui.feedback.tasks import FuturePoller, in_thread

REFRESH_MS = 120
BIG_TEXT = 100_000  # characters: parsing takes tens of milliseconds from here on


def read_script(text: str) -> tuple[Script, Structure]:
    """The script in ``text`` and what its map shows (on a worker, for a big script)."""
    script = parse(text)
    return script, structure(script)


class ScriptEditor(QWidget):
    edited = Signal()  # the user changed the text (not a load)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = ScriptEdit()
        self.meter = VoicemailMeter()
        self.outline = Outline()
        self.map = BranchMap()
        self.problems = ProblemsList()
        self.side = QTabWidget()
        self.side.addTab(self.outline, _("Outline"))
        self.side.addTab(self.map, _("Map"))
        self.side.addTab(self.problems, _("Problems"))
        text_side = QWidget()
        text_layout = QVBoxLayout(text_side)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.addWidget(self.edit, 1)
        text_layout.addWidget(self.meter)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(text_side)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])  # the text first: stretch alone follows the size hints
        layout_ = QVBoxLayout(self)
        layout_.setContentsMargins(0, 0, 0, 0)
        layout_.addWidget(splitter)

        self.script = parse("")
        self.words_per_minute = DEFAULT_WORDS_PER_MINUTE
        self.own_pace = False
        self._loading = False
        self._step_lines: list[int] = []
        self._reading: Future[Any] | None = None  # a big script being read on a worker
        self._poller = FuturePoller(self)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh_soon)
        self.edit.document().contentsChange.connect(self._on_change)
        self.edit.cursorPositionChanged.connect(self._follow_cursor)
        self.outline.line_chosen.connect(self.edit.go_to_line)
        self.map.step_clicked.connect(self.edit.go_to_line)
        self.problems.line_chosen.connect(self.edit.go_to_line)

    # -- the text

    def load(self, text: str | None) -> None:
        """Show ``text`` (None: no script open); the editor's undo history starts afresh."""
        self._loading = True
        try:
            self.edit.set_text(text or "")
        finally:
            self._loading = False
        self.edit.setReadOnly(text is None)
        self.edit.setPlaceholderText(
            "" if text is not None else _("Choose a script on the left, or make a new one.")
        )
        self.map.memory.forget()  # another text: its map is laid out afresh
        self.refresh_soon()

    def text(self) -> str:
        return self.edit.toPlainText()

    def _on_change(self, _position: int, removed: int, added: int) -> None:
        # Re-highlighting reports changes of zero characters; only real edits count.
        if self._loading or not (removed or added):
            return
        self._reading = None  # what is being read is out of date
        self.refresh_timer.start()
        self.edited.emit()

    # -- what the text means

    @property
    def reading(self) -> bool:
        """Whether a big script is being read, and what is shown may be a moment behind."""
        return self._reading is not None or self.map.busy

    def refresh_soon(self) -> None:
        """Bring everything up to date: now for a small script, from a worker for a big one."""
        text = self.edit.toPlainText()
        if len(text) < BIG_TEXT:
            self.refresh()
            return
        self.refresh_timer.stop()
        reading = self._reading = in_thread(read_script, text, name="script-reader")
        self._poller.watch(reading, self._read)

    def _read(self, reading: Future[Any]) -> None:
        if reading is self._reading:
            self._reading = None
            self._show(*reading.result())

    def refresh(self) -> None:
        """Read the text now and bring the outline, map, problems and meter up to date."""
        self.refresh_timer.stop()
        self._reading = None
        self._show(parse(self.edit.toPlainText()))

    def shutdown(self) -> None:
        """Stop following the text: nothing more is read or laid out."""
        self.refresh_timer.stop()
        self._reading = None
        self._poller.stop()
        self.map.shutdown()

    def _show(self, script: Script, shape: Structure | None = None) -> None:
        self.script = script
        self._step_lines = [step.line for step in script.steps]
        self.outline.show_script(script)
        self.map.show_script(script, shape)
        self.problems.show_problems(script.problems)
        self.edit.mark_problems(script.problems)
        count = len(script.problems)
        title = _("Problems ({count})").format(count=count) if count else _("Problems")
        index = self.side.indexOf(self.problems)
        if self.side.tabText(index) != title:
            self.side.setTabText(index, title)
        self._show_estimate(script)
        self._follow_cursor()

    def set_words_per_minute(self, words_per_minute: float | None) -> None:
        """Time the voicemail at the user's own pace; None goes back to the default."""
        if words_per_minute is not None and words_per_minute <= 0:
            raise ValueError(f"words_per_minute must be positive, not {words_per_minute}")
        self.own_pace = words_per_minute is not None
        self.words_per_minute = words_per_minute or DEFAULT_WORDS_PER_MINUTE
        self._show_estimate(self.script)

    def _show_estimate(self, script: Script) -> None:
        estimate = estimate_voicemail(script, self.words_per_minute)
        self.meter.show_estimate(estimate, self.words_per_minute, self.own_pace)

    def _follow_cursor(self) -> None:
        line = self.edit.current_line()
        self.outline.set_current_line(line)
        index = bisect_right(self._step_lines, line) - 1
        voicemail = self.script.voicemail
        if (
            voicemail is not None
            and index >= 0
            and self._step_lines[index] < voicemail.line <= line
        ):
            index = -1  # in the voicemail, which comes after this step
        self.map.set_current_step(index)
