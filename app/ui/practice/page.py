"""The Live call tab: the prospect picks up, answers, objects and waits; you reply out loud.

Every run is one recording with its turns marked; the review below lists them, plays each
reply on its own, takes a rating, and can make a reply that worked the script's words.
"""

from __future__ import annotations

import random
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.audio.errors import AudioError
from app.audio.practice.session import (
    CallOver,
    Event,
    LineSaid,
    ReplyHeard,
    Session,
    VoiceFailed,
    YourTurn,
)
from app.audio.remembered import chosen_device
from app.core.i18n import _
from app.core.library import LibraryError, ScriptLibrary
from app.core.practice import (
    STILL_THERE_KEY,
    Call,
    Chooser,
    DrillChoice,
    Phase,
    PracticeStore,
    RandomChoice,
    Run,
    Turn,
    WeightedChoice,
    boxes,
    branch_key,
)
from app.core.practice.editing import save_with_history, use_reply
from app.core.practice.patience import PATIENCE
from app.core.practice.phrases import prospect_says
from app.core.practice.settings import (
    ChoiceKind,
    PracticeSettings,
    load_settings,
    save_settings,
    set_system_voice,
    system_voice,
)
from app.core.script import Script, parse
from app.core.speech.models import model_for
from app.core.store import remember_setting
from app.core.voicemail import Level
from app.ui.feedback.model_setting import model_folder
from app.ui.practice.call_view import CallView
from app.ui.practice.driver import RunDriver
from app.ui.practice.lines_dialog import LinesDialog
from app.ui.practice.objections_dialog import ObjectionsDialog
from app.ui.practice.options_bar import OptionsBar
from app.ui.practice.replies import ReplyTranscriber
from app.ui.practice.review import ReviewPanel, outcome_text
from app.ui.prospect_fields import script_values
from app.ui.script_picker import fill_script_box, use_script
from app.ui.speech import Speech
from app.ui.storage_errors import reports_storage_errors

if TYPE_CHECKING:
    import numpy as np

    from app.audio.devices import Choice, Kind
    from app.audio.practice.live import LiveRecording
    from app.audio.practice.voices import ProspectVoice, TextOnly
    from app.core.practice.ears import ReplyEars
    from app.ui.practice.system_voice import SystemVoice

LAST_SCRIPT = "practice.script_id"


class PracticePage(QWidget):
    message = Signal(str)
    run_finished = Signal(object)  # Run

    def __init__(
        self,
        store: PracticeStore,
        library: ScriptLibrary,
        rng: random.Random | None = None,
        parent: QWidget | None = None,
        undo: QUndoStack | None = None,
        speech: Speech | None = None,
    ) -> None:
        super().__init__(parent)
        # The app's one speech service; a page made on its own (a test) has a private one.
        self._own_speech = speech is None
        self.speech = speech or Speech(parent=self)
        self.store, self.library = store, library
        self.undo = undo  # the window's, for rating replies; None: the review keeps its own
        self.rng = rng or random.Random()
        self.settings = load_settings(store.conn)
        self.script_id: int | None = None
        self.language = "en"
        self.text = ""
        self.script: Script = parse("")
        self.driver: RunDriver | None = None
        # The system's speech engine, opened when first needed (it takes a second).
        self._speech: SystemVoice | None = None
        self._no_speech = ""  # why there is none, once that turned out
        self.transcriber = ReplyTranscriber(store.conn, self.speech, self)
        self._build()
        self.options.set_settings(self.settings)
        self.call.set_prospect_name(self.settings.prospect_name)
        self._connect()
        self.recover()
        self.open_script(None)  # until the page is shown and the scripts are listed

    def _build(self) -> None:
        self.script_box = QComboBox()
        self.script_box.setAccessibleName(_("Script"))
        self.options = OptionsBar()
        self.lines_button = QPushButton(_("Prospect's lines…"))
        self.lines_button.setToolTip(
            _("Record the prospect's lines in your voice or a colleague's")
        )
        self.objections_button = QPushButton(_("Objections…"))
        self.objections_button.setToolTip(
            _("Add common objections with prepared answers to the script")
        )
        self.call = CallView()
        self.review = ReviewPanel(self.store, self.undo)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Script")))
        top.addWidget(self.script_box, 1)
        top.addWidget(self.lines_button)
        top.addWidget(self.objections_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.call)
        splitter.addWidget(self.review)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.options)
        layout.addWidget(splitter, 1)
        self.hang_up_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)

    def _connect(self) -> None:
        self.script_box.activated.connect(
            lambda _i: self.open_script(self.script_box.currentData())
        )
        self.options.changed.connect(self.apply_settings)
        self.options.system_voice_chosen.connect(
            lambda name: set_system_voice(self.store.conn, self.language, name)
        )
        self.call.prompter.level_chosen.connect(self._on_level)
        self.call.start_clicked.connect(self.start_call)
        self.call.done_clicked.connect(self.toggle_playback)
        self.call.hang_up_clicked.connect(self.hang_up)
        self.hang_up_shortcut.activated.connect(self.hang_up)
        self.lines_button.clicked.connect(self.edit_lines)
        self.objections_button.clicked.connect(self.open_objections)
        self.review.message.connect(self.message)
        self.review.add_reply_requested.connect(self.add_reply)
        self.transcriber.done.connect(self._ask_reply)
        self.transcriber.message.connect(self.message)

    def choose_device(self, kind: Kind) -> Choice:
        """The device chosen on the Recorder page (remembered by name), or the default."""
        return chosen_device(self.store.conn, kind)

    # -- the script --------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload_scripts()  # the Scripts page may have changed them meanwhile
        self.fill_placeholders()  # the profile may have changed in Settings

    def fill_placeholders(self) -> None:
        values = script_values(self.store.conn, first_name=self.settings.prospect_name)
        self.call.prompter.set_values(values)

    @property
    def running(self) -> bool:
        return self.driver is not None

    def reload_scripts(self) -> None:
        if self.running:
            return
        fill_script_box(self.script_box, self.library, self.store.conn, LAST_SCRIPT, self.script_id)
        self.open_script(self.script_box.currentData(), force=False)

    def open_script(self, script_id: int | None, force: bool = True) -> None:
        """Show ``script_id`` (its working copy as it is now); unless ``force``, only if it
        is another script or its text changed, so the review keeps its place."""
        text, language = "", "en"
        if script_id is not None:
            remember_setting(self.store.conn, LAST_SCRIPT, str(script_id))
            use_script(self.store.conn, script_id, self.script_box)
            try:
                text = self.library.text(script_id)
                language = self.library.get(script_id).language
            except LibraryError:
                script_id = None
        if not force and (script_id, text, language) == (self.script_id, self.text, self.language):
            return
        self.script_id, self.text, self.language = script_id, text, language
        self.script = parse(self.text)
        self.options.set_answers(
            [
                (branch_key(step.name, b.words), f"{step.name}: {prospect_says(b.words, language)}")
                for step in self.script.steps
                for b in step.branches
            ]
        )
        self._show_voices()
        self._show_idle()
        self.review.script = self.script
        self.review.show_script(self.script_id)
        for button in (self.lines_button, self.objections_button):
            button.setEnabled(self.script_id is not None)

    def _show_voices(self) -> None:
        language = self.language

        def names() -> list[str]:
            speech = self.system_voice()
            return [v.name() for v in speech.voices(language)] if speech else []

        self.options.set_system_voices(system_voice(self.store.conn, language), names)

    def system_voice(self) -> SystemVoice | None:
        """The system's speech engine (opened now if it was not yet); None if there is none."""
        from app.ui.practice.system_voice import NoSpeechEngine, SystemVoice

        if self._speech is None and not self._no_speech:
            try:
                self._speech = SystemVoice(parent=self)
            except NoSpeechEngine as exc:
                self._no_speech = str(exc)
        return self._speech

    def _level(self) -> Level:
        return Level(self.settings.prompter_level)

    def _show_idle(self) -> None:
        self.call.clear()
        if self.script_id is None:
            self.call.show_status(_("Choose a script first. Make one on the Scripts page."))
        elif self.script.errors or self.script.start is None:
            self.call.show_status(
                _("This script cannot be practised yet: fix its errors on the Scripts page.")
            )
        else:
            self.call.show_status(_("Press Start call (R). The prospect picks up; you open."))
        self.call.show_step(self.script.start, self._level(), _("Your opener"))

    def _on_level(self, level: int) -> None:
        self.apply_settings(replace(self.settings, prompter_level=level))

    def apply_settings(self, settings: PracticeSettings) -> None:
        self.settings = settings
        save_settings(self.store.conn, settings)
        self.options.set_settings(settings)
        self.call.set_prospect_name(settings.prospect_name)
        self.fill_placeholders()

    # -- keys the window sends to the page in view ----------------------------------------
    def toggle_recording(self) -> None:
        """R: start a call, or hang up."""
        if self.running:
            self.hang_up()
        else:
            self.start_call()

    def toggle_playback(self) -> None:
        """Space: during a call, hand over to the prospect; otherwise play the selected reply."""
        if self.driver is not None:
            self.driver.reply_done()
        else:
            self.review.toggle_playback()

    def hang_up(self) -> None:
        if self.driver is not None:
            self.driver.hang_up()

    def start_live(self, script_id: int) -> None:
        """A person picked up the voicemail call: straight into practice from the opener."""
        if self.running:
            return
        self.reload_scripts()
        index = self.script_box.findData(script_id)
        if index >= 0:
            self.script_box.setCurrentIndex(index)
            self.open_script(script_id)
            self.start_call(picked_up=True)

    def practise(self, script_id: int | None, drill_key: str = "") -> None:
        """Ready a drill of one answer (``drill_key``), or of your weakest answers."""
        if self.running:
            return
        self.reload_scripts()
        index = self.script_box.findData(script_id) if script_id is not None else -1
        if index >= 0:
            self.script_box.setCurrentIndex(index)
            self.open_script(script_id)
        choice: ChoiceKind = "drill" if drill_key else "weighted"
        self.apply_settings(replace(self.settings, choice=choice, drill_key=drill_key))

    # -- a call ------------------------------------------------------------------------------
    def _chooser(self) -> Chooser:
        from app.core.prospecting.learning import objections_to_drill

        settings = self.settings
        if settings.choice == "drill" and settings.drill_key:
            return DrillChoice(self.rng, settings.drill_key)
        if settings.choice == "random":
            return RandomChoice(self.rng)
        assert self.script_id is not None
        # Heard on a real call without a good answer: first in line, until practised once.
        answers = {branch_key(s.name, b.words) for s in self.script.steps for b in s.branches}
        heard = [k for k in objections_to_drill(self.store.conn, self.script_id) if k in answers]
        if heard:
            return DrillChoice(self.rng, heard[0])
        return WeightedChoice(self.rng, boxes(self.store.turns_for_script(self.script_id)))

    @reports_storage_errors
    def start_call(self, picked_up: bool = False) -> bool:
        from app.audio.practice.live import LiveRecording
        from app.audio.practice.voices import TextOnly
        from app.audio.recorder import Recorder

        if self.running or self.script_id is None:
            return False
        self.review.stop_playback()
        self.open_script(self.script_id)  # the working copy, as edited up to now
        if self.script.errors or self.script.start is None:
            self.message.emit(
                _("This script cannot be practised yet: fix its errors on the Scripts page.")
            )
            return False
        try:
            live = LiveRecording(Recorder(self.choose_device("input").device))
            revision = self.library.history.revision_for_practice(self.script_id)
            run = self.store.begin_run(
                live.recorder.preferred_rate,
                self.script_id,
                revision.id,
                self.settings.voice,
                self.settings.choice,
            )
            ears = self._ears(live, run.samplerate)
            call = Call(
                self.script, self._chooser(), run.samplerate,
                prospect_name=self.settings.prospect_name, ears=ears,
                patience=PATIENCE[self.settings.difficulty], rng=self.rng,
                fills={"first_name": self.settings.prospect_name},
            )  # fmt: skip
            text = TextOnly(live.stream_now)
            voice = self._voice(live, text)
            session = Session(call, live, voice, self.store, run, text, picked_up, ears)
            driver = RunDriver(session, self)
            driver.start()
        except AudioError as exc:
            self.message.emit(str(exc))
            return False
        self.driver = driver
        driver.happened.connect(self._on_event)
        driver.ticked.connect(self._on_tick)
        driver.over.connect(self._on_over)
        self.call.clear()
        self.call.set_running(True)
        self.call.show_status(_("Calling…"))
        self.call.show_state(_("Ringing…"))
        self.call.show_timer(0.0)
        self.review.show_run(None)  # the last call's review is not this one's
        self.review.setEnabled(False)
        for widget in (self.script_box, self.options, self.lines_button, self.objections_button):
            widget.setEnabled(False)
        return True

    def _ears(self, live: LiveRecording, rate: int) -> ReplyEars:
        """The call's ears on the reply's words (the model of the script's language)."""
        from app.core.practice.ears import ReplyEars

        folder, spoken = model_for(self.language, model_folder(self.store.conn))

        def samples(start: int, stop: int) -> np.ndarray:
            assert live.listener is not None  # listening since the recording started
            return live.listener.samples(start, stop)

        return ReplyEars(self.speech.service, samples, rate, folder, spoken)

    def _voice(self, live: LiveRecording, text: TextOnly) -> ProspectVoice:
        from app.audio.practice.voices import PlayedLines
        from app.ui.practice.system_voice import NoVoiceForLanguage

        if self.settings.voice == "none":
            return text
        fallback: ProspectVoice = text
        speech = self.system_voice()
        if speech is not None:
            try:
                speech.prepare(live, self.language, system_voice(self.store.conn, self.language))
                fallback = speech
            except NoVoiceForLanguage as error:
                self.message.emit(str(error))
        else:
            self.message.emit(self._no_speech)
        if self.settings.voice == "system":
            return fallback
        assert self.script_id is not None
        lines = self.store.recorded_lines(self.script_id)
        return PlayedLines(self.choose_device("output").device, lines, fallback)

    @property
    def session(self) -> Session | None:
        return self.driver.session if self.driver is not None else None

    def _on_event(self, event: Event) -> None:
        session = self.session
        if session is None:
            return
        call = session.call
        if isinstance(event, LineSaid):
            self.call.show_prospect(event.line.text)
            if event.line.key != STILL_THERE_KEY:
                self.call.freeze.clear()
                step = call.script.step_named(call.turn.step)
                self.call.show_step(step, self._level(), call.turn.step)
            self.call.show_status(_("The prospect is speaking…"))
            self.call.show_state(_("Prospect speaking"))
        elif isinstance(event, YourTurn):
            self.call.show_status(_("Your turn."))
            self.call.show_state(_("Waiting for you"))
        elif isinstance(event, ReplyHeard):
            self.call.show_state(_("You're speaking"))
            self.call.show_freeze(event.turn.freeze_s or 0.0)
            self.call.show_status(
                _("You're speaking. Pause, or press Space, and the prospect answers.")
            )
        elif isinstance(event, VoiceFailed):
            self.message.emit(str(event.error))

    def _on_tick(self) -> None:
        session = self.session
        if session is None:
            return
        self.call.meter.set_level(session.live.recorder.status().level)
        call = session.call
        self.call.show_timer(session.live.frames / call.rate)  # counted in frames
        turn = call.turn if call.turns else None
        if call.phase == Phase.WAITING and turn is not None and turn.line_end is not None:
            waited = (session.live.frames - turn.line_end) / call.rate
            self.call.show_waiting(max(0.0, waited))

    def _on_over(self, over: CallOver) -> None:
        driver, self.driver = self.driver, None
        if driver is not None:
            driver.deleteLater()
        self.call.set_running(False)
        self.call.show_state(_("Call ended"))
        for widget in (self.script_box, self.options, self.lines_button, self.objections_button):
            widget.setEnabled(True)
        if over.error is not None:
            self.message.emit(str(over.error))
        self.call.show_status(
            _("Call over: {outcome}. Review it on the right.").format(
                outcome=outcome_text(over.run.outcome)
            )
        )
        self.call.show_step(self.script.start, self._level(), _("Your opener"))
        self.review.setEnabled(True)
        self.review.show_script(self.script_id, select=over.run.id)
        self.run_finished.emit(over.run)

    # -- the script, from practice -----------------------------------------------------------
    def add_reply(self, run: Run, turn: Turn) -> None:
        """Make a reply that worked the words of its step: transcribed, then checked by you."""
        audio = self.review.reply_audio(turn)
        if audio is None:
            return
        self.transcriber.start(turn, audio, self.language)

    def _ask_reply(self, turn: Turn, suggestion: str) -> None:
        if self.script_id is None:
            return
        reply, ok = QInputDialog.getMultiLineText(
            self,
            _("Add this reply to the script"),
            _("Your words for “{step}” (they replace the step's words):").format(step=turn.step),
            suggestion,
        )
        if not ok or not reply.strip():
            return
        try:
            text = use_reply(self.library.text(self.script_id), turn.step, reply)
        except (KeyError, ValueError, LibraryError):
            self.message.emit(_("The step “{step}” is no longer in the script.").format(
                step=turn.step))  # fmt: skip
            return
        self._save_script(text, _("Reply from practice: {step}").format(step=turn.step))

    def _save_script(self, text: str, revision_name: str) -> None:
        assert self.script_id is not None
        save_with_history(self.library, self.script_id, text, revision_name)
        self.open_script(self.script_id)
        self.message.emit(
            _("The script was changed; its history keeps the version before ({name}).").format(
                name=revision_name
            )
        )

    def open_objections(self) -> ObjectionsDialog | None:
        if self.script_id is None:
            return None
        dialog = ObjectionsDialog(self.library.text(self.script_id), self)
        dialog.inserted.connect(
            lambda text, says: self._save_script(
                text, _("Objection added: {objection}").format(objection=says)
            )
        )
        dialog.open()
        return dialog

    def edit_lines(self) -> LinesDialog | None:
        if self.script_id is None:
            return None
        devices = (self.choose_device("input").device, self.choose_device("output").device)
        dialog = LinesDialog(self.store, self.script_id, self.script, devices, self)
        dialog.open()
        return dialog

    # -- crashes and closing -----------------------------------------------------------------
    def recover(self) -> None:
        """Finish runs whose recording a crash cut short: their turns so far are kept."""
        from app.audio.practice.recovery import recover_runs

        recover_runs(self.store)

    def shutdown(self) -> None:
        """Hang up a call in progress so the run is kept, and stop playing."""
        self.hang_up()
        self.review.shutdown()
        self.transcriber.shutdown()
        if self._own_speech:
            self.speech.close()
