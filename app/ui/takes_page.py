"""The recorder page: record a take, find it in the list, play, rename, delete (undoable)."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from app.audio.errors import AudioError, silent_device
from app.audio.remembered import chosen_device, remember, remembered_name
from app.core.i18n import _, n_
from app.core.takes import Take, TakeStore
from app.ui.playback_bar import PlaybackBar
from app.ui.poller import AudioPoller
from app.ui.recorder_panel import RecorderPanel
from app.ui.takes_model import TakeFeed, TakesModel
from app.ui.undo import DeleteTake, RenameTake

# numpy and PortAudio load after the window is shown (see load_devices), not at import:
# they would double the time to a visible window.
if TYPE_CHECKING:
    from app.audio.devices import Choice, Device, Kind
    from app.audio.player import Player, PlayerStatus
    from app.audio.recorder import RecorderStatus
    from app.audio.takes_io import TakeRecorder


class TakesPage(QWidget):
    message = Signal(str)  # something the user should read (errors, fallbacks)
    recording_changed = Signal(bool)
    take_finished = Signal(object)  # Take

    def __init__(self, store: TakeStore, undo: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.feed = TakeFeed(store, self)  # the window's one feed: every take list follows it
        self.undo = undo
        self.poller = AudioPoller(self)
        self.panel = RecorderPanel()
        self.model = TakesModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.playback = PlaybackBar()
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.playback)

        self.take_recorder: TakeRecorder | None = None
        self._warned_silent = False
        self.player: Player | None = None
        self.loaded_take: int | None = None

        self.panel.record_clicked.connect(self.toggle_recording)
        self.panel.refresh_requested.connect(self.refresh_devices)
        self.panel.input_chosen.connect(lambda label: self._remember("input", label))
        self.panel.output_chosen.connect(self._output_chosen)
        self.playback.play_clicked.connect(self.toggle_playback)
        self.playback.seek_requested.connect(self.seek)
        self.poller.recorder_status.connect(self._on_recorder_status)
        self.poller.player_status.connect(self._on_player_status)
        # queued: the list reloads after a rename, which must wait until the editor has closed
        self.model.rename_requested.connect(self.rename, Qt.ConnectionType.QueuedConnection)
        self.table.doubleClicked.connect(self._on_double_click)
        self.feed.changed.connect(self.reload)
        self.reload()

    @property
    def conn(self) -> sqlite3.Connection:
        return self.store.conn

    # -- devices ---------------------------------------------------------------------------
    def load_devices(
        self, inputs: list[Device] | None = None, outputs: list[Device] | None = None
    ) -> None:
        """Fill the device pickers (listing the devices now unless they are given)."""
        from app.audio.devices import choose, list_devices

        inputs = list_devices("input") if inputs is None else inputs
        outputs = list_devices("output") if outputs is None else outputs
        chosen = {}
        for kind, devices in (("input", inputs), ("output", outputs)):
            wanted = remembered_name(self.conn, kind)  # type: ignore[arg-type]
            try:
                choice = choose(kind, wanted, devices)  # type: ignore[arg-type]
            except AudioError as exc:
                self.message.emit(str(exc))
                chosen[kind] = ""
                continue
            if choice.note:
                self.message.emit(choice.note)
            chosen[kind] = choice.device.label
        self.panel.set_devices(inputs, chosen["input"], outputs, chosen["output"])

    def audio_unavailable(self) -> None:
        """PortAudio could not be loaded: the pickers show no device. Record, play and Refresh
        then say why themselves: loading it again raises PortAudioMissing, an AudioError."""
        self.panel.set_devices([], "", [], "")

    def refresh_devices(self) -> None:
        """Look again for microphones and speakers plugged in or removed (the Refresh button,
        File > Refresh devices). Refused, with the reason, while any page records or plays."""
        try:
            from app.audio.devices import list_devices, rescan

            rescan()
        except AudioError as exc:
            self.message.emit(str(exc))
            return
        inputs, outputs = list_devices("input"), list_devices("output")
        self.message.emit(
            n_("Found {count} microphone.", "Found {count} microphones.", len(inputs)).format(
                count=len(inputs)
            )
            + " "
            + n_("Found {count} speaker.", "Found {count} speakers.", len(outputs)).format(
                count=len(outputs)
            )
        )
        self.load_devices(inputs, outputs)  # a note on a missing device replaces that

    def _remember(self, kind: Kind, label: str) -> None:
        remember(self.conn, kind, label)

    def _output_chosen(self, label: str) -> None:
        self._remember("output", label)
        self._drop_player()

    def _chosen(self, kind: Kind) -> Choice:
        label = self.panel.input_label() if kind == "input" else self.panel.output_label()
        return chosen_device(self.conn, kind, label)

    # -- recording -------------------------------------------------------------------------
    @property
    def recording(self) -> bool:
        return self.take_recorder is not None

    def toggle_recording(self) -> None:
        if self.recording:
            self.stop_recording()
        else:
            self.start_recording()

    def start_recording(self, limit_frames: int | None = None) -> Take | None:
        if self.recording:
            return None
        self.stop_playback()
        try:
            from app.audio.recorder import Recorder  # PortAudioMissing is an AudioError
            from app.audio.takes_io import TakeRecorder

            choice = self._chosen("input")
            take_recorder = TakeRecorder(self.store, Recorder(choice.device))
            take = take_recorder.start(limit_frames)
        except AudioError as exc:
            self.message.emit(str(exc))
            return None
        if choice.note:
            self.message.emit(choice.note)
        self.take_recorder = take_recorder
        self._warned_silent = False
        self.poller.watch_recorder(take_recorder.recorder)
        self.panel.set_recording(True)
        self.recording_changed.emit(True)
        return take

    def stop_recording(self) -> Take | None:
        if self.take_recorder is None:
            return None
        take_recorder, self.take_recorder = self.take_recorder, None
        self.poller.watch_recorder(None)
        take, error = take_recorder.stop()
        self.panel.set_recording(False)
        if error:
            self.message.emit(str(error))
        self.reload(select=take.id if take else None)
        self.recording_changed.emit(False)
        if take is not None:
            self.take_finished.emit(take)
        return take

    def _on_recorder_status(self, status: RecorderStatus) -> None:
        self.panel.show_progress(status.seconds, status.level)
        if status.device_silent and not self._warned_silent and self.take_recorder is not None:
            self._warned_silent = True  # once per take: the recording goes on, and is kept
            self.message.emit(silent_device(self.take_recorder.recorder.device))
        # However the stream ended (the limit, an error, the sound server gone), stop here too.
        if status.reached_limit or status.error or not status.recording:
            self.stop_recording()

    # -- the list --------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        current = select if select is not None else self.selected_take_id()
        self.model.set_takes(self.store.list_takes())
        row = self.model.row_of(current) if current is not None else -1
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def selected_take_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.take_at(rows[0].row()).id if rows else None

    def rename(self, take_id: int, name: str) -> None:
        self.undo.push(RenameTake(self.store, take_id, name, self.reload))

    def rename_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.table.edit(self.model.index(index.row(), 2))

    def delete_selected(self) -> None:
        take_id = self.selected_take_id()
        if take_id is None:
            return
        if take_id == self.loaded_take:
            self._drop_player()
        self.undo.push(DeleteTake(self.store, take_id, self.reload))
        self.message.emit(_("Take deleted. Press Ctrl+Z to bring it back."))

    def _on_double_click(self, index: object) -> None:
        if getattr(index, "column", lambda: 2)() != 2:
            self.toggle_playback()

    # -- playback --------------------------------------------------------------------------
    def toggle_playback(self) -> None:
        if self.recording:
            return
        take_id = self.selected_take_id()
        if take_id is None:
            return
        try:
            if self.player is None or self.loaded_take != take_id:
                self._load(take_id)
            assert self.player is not None
            self.player.toggle()
        except AudioError as exc:
            self.message.emit(str(exc))
            return
        self.poller.watch_player(self.player)

    def _load(self, take_id: int) -> None:
        from app.audio.files import read_audio
        from app.audio.player import Player

        self._drop_player()
        data, rate = read_audio(self.store.path_of(self.store.get(take_id)))
        player = Player(self._chosen("output").device)
        player.load(data, rate)
        self.player, self.loaded_take = player, take_id

    def seek(self, seconds: float) -> None:
        if self.player is not None:
            self.player.seek(seconds)

    def stop_playback(self) -> None:
        if self.player is not None:
            self.player.stop()

    def _drop_player(self) -> None:
        if self.player is not None:
            self.player.stop()
        self.poller.watch_player(None)
        self.player, self.loaded_take = None, None

    def _on_player_status(self, status: PlayerStatus) -> None:
        self.playback.show_status(status)
        if status.error:
            self.message.emit(str(status.error))
        if status.state != "playing" and not self.recording:
            self.poller.watch_player(None)

    def shutdown(self) -> None:
        """Stop cleanly on close: finish a recording in progress so nothing is lost."""
        self.stop_recording()
        self._drop_player()
        self.poller.stop()
        self.feed.close()  # the window's pages are closing: no list reloads after this
