"""The Voicemail tab: rehearse a script's voicemail against the clock, hear it as the prospect
will, rate the takes and compare them blind.

Each recording is linked to the script and to the revision of its text it was read from
(``History.revision_for_practice``), so the takes of an edited script stay comparable.
"""

from __future__ import annotations

import contextlib
import random
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QMetaMethod, Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.audio.errors import AudioError
from app.audio.remembered import chosen_device
from app.core.i18n import _
from app.core.library import LibraryError, ScriptLibrary
from app.core.script import parse
from app.core.store import remember_setting
from app.core.takes import Take, TakeKind, TakeStore
from app.core.voicemail import (
    Level,
    VoicemailSettings,
    load_settings,
    person_answers,
    prompter_level,
    save_settings,
    set_prompter_level,
)
from app.ui.level_meter import LevelMeter
from app.ui.look import icon, key_hint, primary
from app.ui.prospect_fields import ProspectFields
from app.ui.script_picker import fill_script_box, use_script
from app.ui.storage_errors import reports_storage_errors
from app.ui.takes_model import TakeFeed, format_duration
from app.ui.voicemail.countdown_view import CountdownView
from app.ui.voicemail.options_bar import OptionsBar
from app.ui.voicemail.playback import TakePlayback
from app.ui.voicemail.prompter_view import PrompterView
from app.ui.voicemail.session import VoicemailSession
from app.ui.voicemail.takes_panel import ScriptTakesPanel
from app.ui.voicemail.waveform import WaveformView

if TYPE_CHECKING:
    from pathlib import Path

    from app.audio.devices import Choice, Kind
    from app.audio.player import PlayerStatus
    from app.audio.recorder import RecorderStatus
    from app.ui.speech import Speech

LAST_SCRIPT = "voicemail.script_id"


class VoicemailPage(QWidget):
    message = Signal(str)
    # A person answered the call: the live-practice mode, once it exists, takes over from the
    # script's opener. While nothing is connected, the page records the reply as a take of
    # kind 'live_answer'.
    live_answer_requested = Signal(int)  # script id
    take_finished = Signal(object)  # Take | None

    def __init__(
        self,
        store: TakeStore,
        library: ScriptLibrary,
        undo: QUndoStack,
        rng: random.Random | None = None,
        parent: QWidget | None = None,
        speech: Speech | None = None,
        feed: TakeFeed | None = None,
    ) -> None:
        """``feed`` tells of takes made or changed elsewhere (the window's, or one of its own)."""
        super().__init__(parent)
        self.store, self.library = store, library
        self.feed = feed or TakeFeed(store, self)
        self.rng = rng or random.Random()
        self.settings = load_settings(store.conn)
        self.script_id: int | None = None
        self.language = "en"
        self.text = ""
        self.session = VoicemailSession(store, self.choose_device, self)
        self.session.speech = speech
        self.session.model_for = self._model_for
        self.playback = TakePlayback(self.choose_device, self)
        self.undo = undo  # the page's own stack: the window's Undo acts on it in this tab
        self.takes = ScriptTakesPanel(store, library, undo, self.playback, self.rng)
        self._build()
        self.options.set_settings(self.settings)
        self.phone_box.setChecked(self.settings.phone_line)
        self.playback.phone_line = self.settings.phone_line
        self.countdown.reset(self.settings.limit_s)
        self._connect()

    def _build(self) -> None:
        self.script_box = QComboBox()
        self.script_box.setAccessibleName(_("Script"))
        self.options = OptionsBar()
        self.prospect = ProspectFields()
        self.prompter = PrompterView()
        self.countdown = CountdownView()
        self.meter = LevelMeter()
        self.phase = QLabel()  # the phase of "call yourself": ringing, greeting, beep
        self.phase.setObjectName("call-phase")
        self.phase.setWordWrap(True)
        self.phase.hide()
        self.record_button = QPushButton(_("Record"))
        self.record_button.setToolTip(_("Start or stop recording (R)"))
        primary(self.record_button, "record", icon("record", self))
        self.finish_box = QCheckBox(_("Let me finish"))
        self.finish_box.setToolTip(_("Keep recording past the limit and show by how much"))
        self.waveform = WaveformView()
        self.play_button = QPushButton(_("Play"))
        self.play_button.setToolTip(_("Play or pause the selected take (Space)"))
        self.play_button.setIcon(icon("play", self))
        self.phone_box = QCheckBox(_("Phone line"))
        self.phone_box.setToolTip(_("Hear the take as the prospect will: 300 to 3,400 Hz"))
        self.time = QLabel(f"{format_duration(0)} / {format_duration(0)}")
        self.time.setFixedWidth(self.time.fontMetrics().horizontalAdvance("00:00.0 / 00:00.0 "))

        top = QHBoxLayout()
        top.addWidget(QLabel(_("Script")))
        top.addWidget(self.script_box, 1)
        top.addWidget(self.options)
        clock = QVBoxLayout()
        clock.addWidget(self.countdown)
        clock.addWidget(self.phase)
        clock.addWidget(self.meter)
        record = QHBoxLayout()
        record.addWidget(self.record_button, 1)
        record.addWidget(key_hint("R"))
        clock.addLayout(record)
        clock.addWidget(self.finish_box)
        clock.addStretch(1)
        player = QHBoxLayout()
        player.addWidget(self.play_button)
        player.addWidget(self.waveform, 1)
        player.addWidget(self.time)
        player.addWidget(self.phone_box)
        prompter = QVBoxLayout()
        prompter.addWidget(self.prospect)
        prompter.addWidget(self.prompter, 1)
        grid = QGridLayout(self)
        grid.addLayout(top, 0, 0, 1, 2)
        grid.addLayout(prompter, 1, 0)
        grid.addLayout(clock, 1, 1)
        grid.addLayout(player, 2, 0, 1, 2)
        grid.addWidget(self.takes, 3, 0, 1, 2)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(3, 2)
        grid.setColumnStretch(0, 1)

    def _connect(self) -> None:
        self.script_box.activated.connect(
            lambda _i: self.open_script(self.script_box.currentData())
        )
        self.options.changed.connect(self.apply_settings)
        self.prompter.level_chosen.connect(self._on_level)
        self.prospect.changed.connect(self.fill_placeholders)
        self.record_button.clicked.connect(self.toggle_recording)
        self.finish_box.toggled.connect(self.session.set_let_me_finish)
        self.play_button.clicked.connect(self.toggle_playback)
        self.phone_box.toggled.connect(self._on_phone_line)
        self.waveform.seek_requested.connect(self.playback.seek)
        self.session.state_changed.connect(self._on_state)
        self.session.phase_changed.connect(self._on_phase)
        self.session.call_ended.connect(self._on_call_ended)
        self.session.progress.connect(self._on_progress)
        self.session.take_finished.connect(self._on_take_finished)
        self.session.message.connect(self.message)
        self.playback.status.connect(self._on_player_status)
        self.playback.message.connect(self.message)
        self.takes.message.connect(self.message)
        self.takes.take_chosen.connect(self._load_take)
        self.takes.comparing.connect(self._on_comparing)
        self.feed.changed.connect(self.takes.reload)  # queued by the feed

    def choose_device(self, kind: Kind) -> Choice:
        """The device chosen on the Recorder page (remembered by name), or the default."""
        return chosen_device(self.store.conn, kind)

    def _model_for(self, script_id: int) -> tuple[Path | None, str]:
        """The speech model and language that the Feedback page will hear the take with."""
        from app.ui.feedback.model_setting import model_folder

        language: str = self.language
        with contextlib.suppress(LibraryError):
            language = self.library.get(script_id).language
        return model_folder(self.store.conn), language

    # -- the script --------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload_scripts()  # the Scripts page may have changed them meanwhile
        self.fill_placeholders()  # the profile may have changed in Settings

    def fill_placeholders(self) -> None:
        self.prompter.set_values(self.prospect.values(self.store.conn))

    def reload_scripts(self) -> None:
        if self.session.state != "idle":
            return
        fill_script_box(self.script_box, self.library, self.store.conn, LAST_SCRIPT, self.script_id)
        self.open_script(self.script_box.currentData())

    def open_script(self, script_id: int | None) -> None:
        if script_id != self.script_id:
            self.playback.drop()
            self.countdown.reset(self.settings.limit_s)
        self.script_id = script_id
        if script_id is not None:
            remember_setting(self.store.conn, LAST_SCRIPT, str(script_id))
            use_script(self.store.conn, script_id, self.script_box)
        self.refresh_text(force=True)
        self.takes.show_script(script_id, self.settings.limit_s)

    def refresh_text(self, force: bool = False) -> None:
        """Show the script's working copy (it may have been edited since it was opened)."""
        text, self.language = "", "en"
        if self.script_id is not None:
            try:
                text = self.library.text(self.script_id)
                self.language = self.library.get(self.script_id).language
            except LibraryError:
                self.script_id = None
        if force or text != self.text:
            self.text = text
            self._show_voicemail()

    def _show_voicemail(self) -> None:
        level = Level.FULL
        if self.script_id is not None:
            level = prompter_level(self.store.conn, self.script_id)
        self.prompter.show_step(parse(self.text).voicemail, level)

    def _on_level(self, level: int) -> None:
        if self.script_id is not None:
            set_prompter_level(self.store.conn, self.script_id, Level(level))

    def apply_settings(self, settings: VoicemailSettings) -> None:
        """Use and keep these settings (the core takes limits below 15 s; tests use them)."""
        self.settings = replace(settings, phone_line=self.settings.phone_line)
        save_settings(self.store.conn, self.settings)
        if self.session.state == "idle":
            self.countdown.reset(self.settings.limit_s)
        self.takes.show_script(self.script_id, self.settings.limit_s)

    # -- recording ---------------------------------------------------------------------------
    @reports_storage_errors
    def toggle_recording(self) -> None:
        if self.session.state != "idle":
            self.session.stop()
            return
        if self.script_id is None:
            self.message.emit(_("Choose a script first. Make one on the Scripts page."))
            return
        self.refresh_text()
        self.takes.end_compare()
        self.playback.stop()
        if not self.settings.call_yourself:
            self._record("voicemail")
            return
        import numpy as np

        from app.audio.sounds import RATE, call_parts, phase_starts

        answered = person_answers(self.settings.pickup_one_in, self.rng.random)
        parts = call_parts(self.language, answered, self.settings.rings)
        audio = np.concatenate([sound for _phase, sound in parts])
        self.countdown.reset(self.settings.limit_s)
        self.session.call(audio, RATE, answered, phase_starts(parts))

    def _on_call_ended(self, answered: bool) -> None:
        if not answered:
            self._record("voicemail")
        elif self.script_id is not None and self.isSignalConnected(
            QMetaMethod.fromSignal(self.live_answer_requested)
        ):
            self.live_answer_requested.emit(self.script_id)
        else:
            self._record("live_answer")

    def _record(self, kind: TakeKind) -> Take | None:
        if self.script_id is None:
            return None
        revision = self.library.history.revision_for_practice(self.script_id)
        limit = self.settings.limit_s if kind == "voicemail" else None
        self.countdown.reset(limit)
        if kind == "live_answer":
            script = parse(self.text)
            self.prompter.show_step(
                script.start or script.voicemail,
                Level.FULL,
                _("Someone answered! Start the call from your opener."),
            )
        return self.session.record(self.script_id, revision.id, kind, limit)

    def _on_progress(self, status: RecorderStatus) -> None:
        self.countdown.show_elapsed(status.seconds)
        self.meter.set_level(status.level)

    def _on_take_finished(self, take: Take | None) -> None:
        self.meter.reset()
        self._show_voicemail()
        if take is not None:
            self.countdown.show_result(take.duration_s)
            self.takes.table.clearSelection()
            self.takes.reload(select=take.id)
        self.take_finished.emit(take)

    def _on_phase(self, phase: str) -> None:
        """Call yourself: what is happening on the line, in words."""
        texts = {
            "ringing": _("Ringing…"),
            "greeting": _("The voicemail greeting is playing…"),
            "beep": _("Beep! Speak after the tone."),
            "answered": _("Someone picks up!"),
        }
        self.phase.setText(texts.get(phase, ""))
        self.phase.setVisible(bool(phase))

    def _on_state(self, state: str) -> None:
        texts = {"idle": _("Record"), "calling": _("Hang up"), "recording": _("Stop")}
        self.record_button.setText(texts[state])
        idle = state == "idle"
        for widget in (self.script_box, self.options, self.play_button):
            widget.setEnabled(idle)

    # -- playback ----------------------------------------------------------------------------
    def _load_take(self, take: Take | None) -> None:
        if take is None:
            if self.playback.take_id is not None:
                self.playback.drop()
                self.waveform.clear()
            return
        if take.id == self.playback.take_id:
            return
        try:
            data = self.playback.load(take.id, self.store.path_of(take))
        except AudioError as exc:
            self.message.emit(str(exc))
            self.waveform.clear()
            return
        self.waveform.set_audio(data, self.playback.rate)
        self._show_time(0.0, take.duration_s)

    def toggle_playback(self) -> None:
        if self.session.state == "idle":
            self.playback.toggle()

    def _on_phone_line(self, on: bool) -> None:
        self.settings = replace(self.settings, phone_line=on)
        save_settings(self.store.conn, self.settings)
        self.playback.set_phone_line(on)

    def _on_player_status(self, status: PlayerStatus) -> None:
        # Called 40 times a second while playing: widgets change only when what they show does.
        label = _("Pause") if status.state == "playing" else _("Play")
        if self.play_button.text() != label:
            self.play_button.setText(label)
        self.waveform.set_position(status.position_s)
        self._show_time(status.position_s, status.duration_s)

    def _show_time(self, position: float, duration: float) -> None:
        text = f"{format_duration(position)} / {format_duration(duration)}"
        if self.time.text() != text:
            self.time.setText(text)

    def _on_comparing(self, comparing: bool) -> None:
        # Blind means blind: no waveform or length that would tell X and Y apart.
        self.waveform.setVisible(not comparing)
        self.time.setVisible(not comparing)
        self.play_button.setEnabled(not comparing)

    def delete_selected(self) -> None:
        if self.session.state == "idle":
            self.takes.delete_selected()

    def shutdown(self) -> None:
        """Stop cleanly on close: finish a recording in progress so nothing is lost."""
        self.session.shutdown()
        self.playback.drop()
        self.playback.poller.stop()
