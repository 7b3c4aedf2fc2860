"""The Feedback page: the report on the take just recorded or chosen in the takes list.

At once (within half a second of stopping a 30 s take): the card, the waveform with pauses
and pitch, and the chart of takes over time. Later, when Whisper is done: the transcript,
fillers a minute, the diff against the script, and "Use what I said". The natural-voice
recording is started here too. The work runs in ``FeedbackWork``; this page only shows it.
"""

from __future__ import annotations

import time
from contextlib import suppress
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import _, language, n_
from app.core.library import LibraryError, RevisionNotFound, ScriptLibrary, ScriptNotFound
from app.core.takes import Take, TakeStore
from app.ui.feedback.card import ReportCard
from app.ui.feedback.chart import TakesChart
from app.ui.feedback.model_setting import model_folder
from app.ui.feedback.natural_voice import NaturalVoicePanel
from app.ui.feedback.transcript_view import TranscriptPanel
from app.ui.feedback.waveform import FeedbackWaveform
from app.ui.feedback.work import FeedbackWork
from app.ui.speech import Speech

if TYPE_CHECKING:
    from app.core.feedback import FeedbackRecords
    from app.core.library import Revision
    from app.core.transcript import Transcript
    from app.ui.feedback.jobs import Measured
    from app.ui.takes_page import TakesPage

EARLIER_TAKES = 5  # a take is also held against this many of its script's takes before it


def _when(take: Take) -> str:
    return take.created_at.astimezone().strftime("%Y-%m-%d %H:%M")


class FeedbackPage(QWidget):
    message = Signal(str)
    report_shown = Signal(int)  # take id: the card shows the take's numbers
    transcript_shown = Signal(int)  # take id: its words are in
    # "Use what I said" on a script: just before (an editor should save typing first, the
    # connection being direct) and once the new revision is the working copy.
    revising = Signal(int)  # script id
    script_revised = Signal(int)  # script id

    def __init__(
        self,
        store: TakeStore,
        library: ScriptLibrary,
        recorder: TakesPage | None = None,
        parent: QWidget | None = None,
        speech: Speech | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.library = store, library
        self.history = library.history
        self.recorder = recorder
        # The app's one speech service; a page made on its own (a test) has a private one.
        self._own_speech = speech is None
        self.speech = speech or Speech(parent=self)
        self.work = FeedbackWork(self.speech, self)
        self._records: FeedbackRecords | None = None  # made on first use: it loads numpy
        self.take: Take | None = None
        self.measured: Measured | None = None
        self.transcript: Transcript | None = None
        self._baseline_analysing: set[int] = set()  # natural-voice takes not yet measured
        self._asked_at = 0.0
        self.report_seconds: float | None = None  # from asking for a report to its numbers
        self.last_revision: Revision | None = None
        self._build()
        self.work.measured.connect(self._on_measured)
        self.work.transcribed.connect(self._on_transcribed)
        self.work.transcript_failed.connect(self._on_transcript_failed)
        self.work.transcript_progress.connect(self._on_progress)
        self.transcript_panel.use_clicked.connect(self.use_what_i_said)
        self.card.record_baseline.clicked.connect(self.natural_voice.start)
        self.card.show_text(_("Record a take, or choose one on the Recorder page, to see it here."))
        if recorder is not None:
            self.follow_recorder(recorder)

    def _build(self) -> None:
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.natural_voice = NaturalVoicePanel()
        self.baseline_note = QLabel()
        self.baseline_note.setWordWrap(True)
        self.card = ReportCard()
        self.waveform = FeedbackWaveform()
        self.transcript_panel = TranscriptPanel()
        self.chart = TakesChart()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.natural_voice.button)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addLayout(top)
        layout.addWidget(self.baseline_note)
        layout.addWidget(self.natural_voice)
        layout.addWidget(self.card)
        layout.addWidget(self.waveform)
        layout.addWidget(self.transcript_panel, 1)
        layout.addWidget(QLabel(_("Your takes over time")))
        layout.addWidget(self.chart)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    @property
    def records(self) -> FeedbackRecords:
        if self._records is None:
            from app.core.feedback import FeedbackRecords

            self._records = FeedbackRecords(self.store.conn)
        return self._records

    # -- where takes come from -------------------------------------------------------------
    def follow_recorder(self, recorder: TakesPage) -> None:
        """Show the takes recorded or chosen on the Recorder page."""
        self.follow(recorder.take_finished)
        self.natural_voice.attach(recorder)
        recorder.table.selectionModel().selectionChanged.connect(self._on_selected)
        self._on_selected()  # the take chosen before this page was built

    def follow(self, take_finished: SignalInstance) -> None:
        """Show each take that ``take_finished`` (a signal carrying a Take or None)
        announces."""
        take_finished.connect(self._on_take_finished)

    def _on_selected(self, *_args: Any) -> None:
        take_id = self.recorder.selected_take_id() if self.recorder is not None else None
        if take_id is not None:
            self.show_take(take_id)

    def _on_take_finished(self, take: Take | None) -> None:
        if take is None:
            return
        if self.natural_voice.claim(take):
            self._baseline_analysing.add(take.id)
        self.show_take(take.id)

    def warm_up(self) -> None:
        """Get the analysis going in the background (call once the window is up)."""
        self.work.warm_up()

    # -- a take's report -------------------------------------------------------------------
    def show_take(self, take_id: int) -> None:
        if self.take is not None and self.take.id == take_id:
            return
        try:
            take = self.store.get(take_id)
        except KeyError:
            return
        self.work.cancel_transcript()
        self._asked_at = time.monotonic()
        self.take, self.measured, self.transcript = take, None, None
        self.report_seconds = None
        self.title.setText(take.name or _("Take of {when}").format(when=_when(take)))
        self.card.show_text(_("Listening to this take…"))
        self.waveform.clear()
        self.transcript_panel.clear()
        self.work.measure(take.id, self.store.path_of(take), self.records.analysis(take.id))

    def _is_current(self, take_id: int) -> bool:
        return self.take is not None and self.take.id == take_id

    def _refresh_take(self) -> None:
        """Read the take again: a practice page may link it to its script after it stops."""
        if self.take is not None:
            with suppress(KeyError):
                self.take = self.store.get(self.take.id)

    def _on_measured(self, measured: Measured) -> None:
        take_id, stored = measured.take_id, measured.stored
        if measured.fresh:
            self.records.save_analysis(take_id, stored)
        if take_id in self._baseline_analysing:
            self._baseline_analysing.discard(take_id)
            self._adopt_baseline(take_id, stored.error)
        if not self._is_current(take_id):
            return
        self._refresh_take()
        self.measured = measured
        analysis = stored.analysis
        pauses = [(p.start_s, p.end_s) for p in analysis.pauses] if analysis else []
        self.waveform.show_take(measured.outline, pauses, stored.pitch)
        self._show_baseline_note()
        if analysis is None:
            self.card.show_text(stored.error or "")
            return
        self.transcript = self.records.transcript(take_id)
        self._show_card()
        self._show_chart()
        if self.transcript is not None:
            self._show_transcript()
        else:
            self._start_transcript()

    def _show_card(self) -> None:
        from app.core.feedback import build_report

        assert self.take is not None and self.measured is not None
        analysis = self.measured.stored.analysis
        assert analysis is not None
        take = self.take
        if self.records.is_baseline(take.id):
            report = build_report(
                analysis, transcript=self.transcript, language=self._language(take)
            )
            verdict = _("This is your natural voice: later takes are measured against it.")
            self.card.show_report(replace(report, suggestions=()), verdict)
            self.card.set_provisional(False)
        else:
            earlier = [
                point.analysis
                for point in self.records.series(take.script_id)
                if point.created_at < take.created_at
            ][-EARLIER_TAKES:]
            baseline = self.records.baseline()
            report = build_report(
                analysis,
                baseline,
                earlier,
                self.transcript,
                self._voicemail(),
                self._language(take),
            )
            self.card.show_report(report)
            self.card.set_provisional(baseline is None)
        if self.report_seconds is None:
            self.report_seconds = time.monotonic() - self._asked_at
            self.report_shown.emit(take.id)

    def _show_chart(self) -> None:
        assert self.take is not None
        self.chart.show_points(self.records.series(self.take.script_id), self.take.id)

    def _show_baseline_note(self) -> None:
        baseline = self.records.baseline_take()
        if baseline is None:
            self.baseline_note.setText(
                _("No natural voice recorded yet, so takes are held against published ranges.")
            )
            return
        self.baseline_note.setText(
            _("Takes are held against your natural voice, recorded {when}.").format(
                when=_when(self.store.get(baseline))
            )
        )

    def _voicemail(self) -> str | None:
        """The voicemail as the take's script revision said it (None without one)."""
        from app.core.feedback import voicemail_text

        if self.take is None or self.take.revision_id is None:
            return None
        try:
            text = voicemail_text(self.history.revision_text(self.take.revision_id))
        except RevisionNotFound:
            return None
        return text or None

    # -- the transcript --------------------------------------------------------------------
    def _language(self, take: Take) -> str:
        if take.script_id is not None:
            try:
                return self.library.get(take.script_id).language
            except ScriptNotFound:
                pass
        return language()

    def _start_transcript(self) -> None:
        assert self.take is not None
        take = self.take
        self.transcript_panel.show_progress(0.0)
        path = self.store.path_of(take)
        folder = model_folder(self.store.conn)  # chosen in Settings
        self.work.transcribe(take.id, path, folder, self._language(take))

    def _on_progress(self, take_id: int, fraction: float) -> None:
        if self._is_current(take_id):
            self.transcript_panel.show_progress(fraction)

    def _on_transcribed(self, take_id: int, transcript: Transcript, folder: str) -> None:
        self.records.save_transcript(take_id, transcript, folder)
        if not self._is_current(take_id) or self.measured is None:
            return
        self._refresh_take()
        self.transcript = transcript
        self._show_card()
        self._show_chart()
        self._show_transcript()
        self.transcript_shown.emit(take_id)

    def _on_transcript_failed(self, take_id: int, text: str) -> None:
        if self._is_current(take_id):
            self.transcript_panel.show_problem(text)

    def _show_transcript(self) -> None:
        from app.core.feedback import marked_words
        from app.core.transcript import compare_to_script, describe

        assert self.transcript is not None
        script = self._voicemail()
        diff = compare_to_script(self.transcript, script) if script else None
        summary = describe(self.transcript.filler_report)
        if diff is not None:
            added, skipped = diff.off_script_words, diff.skipped_words
            summary += " " + n_(
                "{added} word you said is not in the script.",
                "{added} words you said are not in the script.",
                added,
            ).format(added=added)
            summary += " " + n_(
                "You left out {skipped} word of the script.",
                "You left out {skipped} words of the script.",
                skipped,
            ).format(skipped=skipped)
        words = marked_words(self.transcript, diff)
        self.transcript_panel.show_words(words, summary, diff is not None)
        self.transcript_panel.set_can_use(self._can_use() is not None)

    def _can_use(self) -> Take | None:
        """The take, as stored now, when its words can become a script revision."""
        self._refresh_take()
        take = self.take
        if take is None or self.transcript is None or not self.transcript.words:
            return None
        return take if take.script_id is not None and take.revision_id is not None else None

    def use_what_i_said(self) -> None:
        """Make a revision of the take's script with the voicemail in the take's words."""
        from app.core.feedback import revise_in_my_words

        take = self._can_use()
        if take is None or take.script_id is None or self.transcript is None:
            return
        name = _("What I said, {when}").format(when=_when(take))
        self.revising.emit(take.script_id)
        try:
            revision = revise_in_my_words(
                self.library, self.history, take.script_id, self.transcript, name
            )
        except ScriptNotFound:
            self.message.emit(_("The script of this take no longer exists."))
            return
        except LibraryError as error:
            self.message.emit(str(error))
            return
        self.last_revision = revision
        self.transcript_panel.set_can_use(False)  # once: a second click would copy it again
        self.script_revised.emit(take.script_id)
        self.message.emit(
            _(
                "The script's voicemail now says what you said, kept as the revision '{name}'."
            ).format(name=name)
        )

    # -- the natural voice, the settings, the window ---------------------------------------
    def _adopt_baseline(self, take_id: int, error: str | None) -> None:
        if error is not None:
            self.message.emit(
                _("That recording cannot be your natural voice: {reason}").format(reason=error)
            )
            return
        self.records.set_baseline(take_id)
        self.message.emit(_("Got it: your takes are now held against your natural voice."))

    def toggle_recording(self) -> None:
        """R on this page records a take on the Recorder page; its report shows here."""
        if self.recorder is not None:
            self.recorder.toggle_recording()

    def shutdown(self) -> None:
        self.work.shutdown()
        if self._own_speech:
            self.speech.close()
