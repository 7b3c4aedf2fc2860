"""Recording the prospect's lines: the pickup, "are you still there?", and each answer in the
script, in your own voice or a colleague's. A line nobody recorded is said by the computer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.audio.errors import AudioError
from app.core.i18n import _
from app.core.practice import PICKUP_KEY, STILL_THERE_KEY, PracticeStore, branch_key, phrases
from app.core.script import Script
from app.ui.poller import AudioPoller

if TYPE_CHECKING:
    from pathlib import Path

    from app.audio.devices import Device
    from app.audio.player import Player
    from app.audio.recorder import Recorder, RecorderStatus


def prospect_lines(script: Script, name: str = phrases.PROSPECT_NAME) -> list[tuple[str, str]]:
    """Every line the prospect can say in a call over ``script``: (key, words)."""
    lines = [
        (PICKUP_KEY, phrases.pickup(script.language, name)),
        (STILL_THERE_KEY, phrases.still_there(script.language)),
    ]
    for step in script.steps:
        for branch in step.branches:
            said = phrases.prospect_says(branch.words, script.language)
            lines.append((branch_key(step.name, branch.words), said))
    return list(dict(lines).items())


class LinesDialog(QDialog):
    message = Signal(str)

    def __init__(
        self,
        store: PracticeStore,
        script_id: int,
        script: Script,
        devices: tuple[Device | None, Device | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("The prospect's lines"))
        self.store, self.script_id = store, script_id
        self.input, self.output = devices
        self.lines = prospect_lines(script)
        self.table = QTableWidget(len(self.lines), 2)
        self.table.setHorizontalHeaderLabels([_("The prospect says"), _("Recorded")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.record_button = QPushButton(_("Record"))
        self.play_button = QPushButton(_("Play"))
        self.remove_button = QPushButton(_("Remove"))
        self.status = QLabel(
            _("Select a line, press Record, say it as the prospect would, then press Stop.")
        )
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        for button in (self.record_button, self.play_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.recorder: Recorder | None = None
        self.recording_path: Path | None = None
        self.player: Player | None = None
        self.poller = AudioPoller(self)
        self.poller.recorder_status.connect(self._on_recorder_status)
        self.record_button.clicked.connect(self.toggle_recording)
        self.play_button.clicked.connect(self.play)
        self.remove_button.clicked.connect(self.remove)
        buttons.rejected.connect(self.reject)
        self.finished.connect(lambda _r: self.shutdown())
        self.refresh()
        self.table.selectRow(0)

    def refresh(self) -> None:
        recorded = self.store.recorded_lines(self.script_id)
        for row, (key, words) in enumerate(self.lines):
            self.table.setItem(row, 0, QTableWidgetItem(words))
            self.table.setItem(row, 1, QTableWidgetItem("✓" if key in recorded else ""))

    def selected_key(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.lines[rows[0].row()][0] if rows else None

    def toggle_recording(self) -> None:
        if self.recorder is not None:
            self.stop_recording()
            return
        key = self.selected_key()
        if key is None:
            return
        path = self.store.new_line_path(self.script_id)
        try:
            from app.audio.recorder import Recorder  # PortAudioMissing is an AudioError

            recorder = Recorder(self.input)
            recorder.start(path, limit_frames=recorder.preferred_rate * 30)
        except AudioError as exc:
            self.status.setText(str(exc))
            return
        self.recorder, self.recording_path = recorder, path
        self.record_button.setText(_("Stop"))
        self.table.setEnabled(False)
        self.poller.watch_recorder(recorder)

    def _on_recorder_status(self, status: RecorderStatus) -> None:
        if status.reached_limit or status.error is not None:
            self.stop_recording()

    def stop_recording(self) -> None:
        recorder, path, key = self.recorder, self.recording_path, self.selected_key()
        self.recorder = self.recording_path = None
        self.poller.watch_recorder(None)
        self.record_button.setText(_("Record"))
        self.table.setEnabled(True)
        if recorder is None or path is None:
            return
        result = recorder.stop()
        if result.error is not None:
            self.status.setText(str(result.error))
        if result.frames and key is not None:
            self.store.set_line(self.script_id, key, path)
        else:
            path.unlink(missing_ok=True)
        self.refresh()

    def play(self) -> None:
        key = self.selected_key()
        path = self.store.line_path(self.script_id, key) if key else None
        if path is None:
            return
        try:
            from app.audio.player import Player  # PortAudioMissing is an AudioError
            from app.audio.practice.lines import load_line

            if self.player is not None:
                self.player.stop()
            self.player = Player(self.output)
            self.player.load(*load_line(path))
            self.player.play()
        except AudioError as exc:
            self.status.setText(str(exc))

    def remove(self) -> None:
        key = self.selected_key()
        if key is not None:
            self.store.remove_line(self.script_id, key)
            self.refresh()

    def shutdown(self) -> None:
        self.stop_recording()
        if self.player is not None:
            self.player.stop()
        self.poller.stop()
