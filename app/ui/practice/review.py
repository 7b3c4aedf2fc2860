"""Reviewing runs: each turn's line, your reply, its freeze and length, playable on its own and
rateable; and, over all runs, where you freeze."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
from app.core.glossary import meaning
from app.core.i18n import _
from app.core.practice import PracticeStore, Rating, Run, Turn, freeze_stats
from app.core.practice.coaching import judgement_text, suggestion, trend, turn_score, wanted_text
from app.core.practice.leitner import boxes
from app.core.script import Script
from app.ui.poller import AudioPoller
from app.ui.undo import Edit

if TYPE_CHECKING:
    import numpy as np

    from app.audio.devices import Device
    from app.audio.player import Player, PlayerStatus

MARGIN_S = 0.25  # of silence around a reply when it is played on its own


def outcome_text(outcome: str) -> str:
    texts = {
        "completed": _("reached an ending"),
        "drilled": _("drilled"),
        "hung_up": _("you hung up"),
        "prospect_hung_up": _("the prospect hung up"),
    }
    return texts.get(outcome, _("interrupted"))


def rating_text(rating: Rating) -> str:
    return {Rating.POOR: _("Poor"), Rating.OKAY: _("Okay"), Rating.GOOD: _("Good")}[rating]


def seconds_text(value: float | None) -> str:
    return "—" if value is None else _("{seconds:.1f} s").format(seconds=value)


def reply_span(turns: list[Turn], index: int, length: int) -> tuple[int, int] | None:
    """The frames to play for a turn's reply: the reply with a little air around it."""
    turn = turns[index]
    if turn.onset is None:
        return None
    margin = round(MARGIN_S * turn.rate)
    end = turn.reply_end
    if end is None:  # cut short by a crash: up to the next line, or the end of the recording
        nxt = turns[index + 1].line_start if index + 1 < len(turns) else None
        end = nxt if nxt is not None else length
    return max(0, turn.onset - margin), min(length, end + margin)


def comes_back(box: int) -> str:
    """How often an answer in Leitner ``box`` (1 to 5) comes back, in words."""
    if box <= 2:
        return _("often")
    return _("sometimes") if box <= 4 else _("rarely")


class ReviewPanel(QWidget):
    message = Signal(str)
    add_reply_requested = Signal(object, object)  # Run, Turn

    def __init__(
        self, store: PracticeStore, undo: QUndoStack | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.undo = undo if undo is not None else QUndoStack(self)
        self.script_id: int | None = None
        self.script: Script | None = None  # the script as it is now, for the coaching
        self.output: Device | None = None
        self.runs_box = QComboBox()
        self.runs_box.setAccessibleName(_("Run"))
        self.turns = QTableWidget(0, 6)
        self.turns.setHorizontalHeaderLabels(
            [_("Prospect"), _("Your reply"), _("Freeze"), _("Length"), _("Rating"), "#"]
        )
        self.turns.setColumnHidden(5, True)
        self.turns.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.turns.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.turns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.turns.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.turns.verticalHeader().hide()
        self.play_button = QPushButton(_("Play reply"))
        self.play_button.setToolTip(_("Play the selected reply on its own (Space)"))
        self.rate_buttons = {rating: QPushButton(rating_text(rating)) for rating in Rating}
        self.add_button = QPushButton(_("Add this reply to the script"))
        self.add_button.setToolTip(_("Make what you said the words of this step"))
        self.coaching = QLabel()
        self.coaching.setWordWrap(True)
        self.coaching.setTextFormat(Qt.TextFormat.PlainText)
        self.coaching.setAccessibleName(_("Coaching for this reply"))
        self.score = QLabel()
        self.score.setAccessibleName(_("Call score"))
        self.score.setToolTip(
            _(
                "Out of 100, from the judged replies: points go for missing what the step is "
                "for, no question, no acknowledgement of an objection, a monologue, a freeze "
                "and fillers. Giving up scores 0."
            )
        )
        self.export_button = QPushButton(_("Export for a coach…"))
        self.export_button.setToolTip(_("This run, its script and turns as one web page"))
        self.stats = QTableWidget(0, 5)
        self.stats.setHorizontalHeaderLabels(
            [_("Prospect's answer"), _("Times met"), _("Usual freeze"), _("Slowest freezes"),
             _("Comes back")]
        )  # fmt: skip
        for column, key in enumerate(
            ("", "times_met", "usual_freeze", "slowest_freezes", "comes_back")
        ):
            header = self.stats.horizontalHeaderItem(column)
            if key and header is not None:
                header.setToolTip(meaning(key))
        self.stats.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stats.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.stats.verticalHeader().hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.play_button)
        for button in self.rate_buttons.values():
            buttons.addWidget(button)
        buttons.addStretch(1)
        adding = QHBoxLayout()  # a row of its own: with the ratings it would widen the window
        adding.addStretch(1)
        adding.addWidget(self.add_button)
        adding.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Run")))
        row.addWidget(self.runs_box, 1)
        layout.addLayout(row)
        layout.addWidget(self.score)
        layout.addWidget(self.turns, 2)
        layout.addWidget(self.coaching)
        layout.addLayout(buttons)
        layout.addLayout(adding)
        # The numbers over all runs wait behind a toggle: during practice, the call comes first.
        self.stats_toggle = QPushButton(_("Where you freeze"))
        self.stats_toggle.setToolTip(_("Where you freeze, over all runs of this script"))
        self.stats_toggle.setCheckable(True)
        self.stats_toggle.setFlat(True)
        self.stats_toggle.toggled.connect(self.stats.setVisible)
        self.stats.hide()
        layout.addWidget(self.stats_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.stats, 1)

        self.run: Run | None = None
        self.run_turns: list[Turn] = []
        self.player: Player | None = None
        self.poller = AudioPoller(self)
        self._audio: tuple[int, np.ndarray, int] | None = None  # run id, samples, rate
        self.runs_box.activated.connect(lambda _i: self.show_run(self.runs_box.currentData()))
        self.turns.itemSelectionChanged.connect(self._enable)
        self.play_button.clicked.connect(self.toggle_playback)
        for rating, button in self.rate_buttons.items():
            button.clicked.connect(lambda _c=False, r=rating: self.rate(r))
        self.add_button.clicked.connect(self._add_reply)
        self.export_button.clicked.connect(self.export_run)
        self.poller.player_status.connect(self._on_player_status)
        self._enable()

    # -- what is shown ---------------------------------------------------------------------
    def show_script(self, script_id: int | None, select: int | None = None) -> None:
        self.script_id = script_id
        self.runs_box.clear()
        runs = self.store.runs(script_id) if script_id is not None else []
        for run in runs:
            when = run.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
            label = _("{when}, {outcome}, {seconds:.0f} s").format(
                when=when, outcome=outcome_text(run.outcome), seconds=run.seconds
            )
            self.runs_box.addItem(label, run.id)
        index = self.runs_box.findData(select) if select is not None else 0
        self.runs_box.setCurrentIndex(max(0, index) if runs else -1)
        self.show_run(self.runs_box.currentData())
        self.show_stats()

    def show_run(self, run_id: int | None) -> None:
        self.stop_playback()
        self.run = self.store.run(run_id) if run_id is not None else None
        self.run_turns = self.store.turns(run_id) if run_id is not None else []
        self.turns.setRowCount(len(self.run_turns))
        for row, turn in enumerate(self.run_turns):
            self._show_turn(row, turn)
        self._show_score()
        if self.run_turns:
            self.turns.selectRow(0)
        self._enable()

    def _show_score(self) -> None:
        shown = ""
        if self.run is not None and self.script_id is not None:
            shown = trend(self.store, self.script_id).text
            if not any(t.verdict for t in self.run_turns):
                shown = _("This call was not scored: the prospect did not listen to the words.")
        self.score.setText(shown)

    def _show_coaching(self, turn: Turn | None) -> None:
        verdict = turn.verdict if turn is not None else None
        if turn is None or verdict is None:
            self.coaching.setText("")
            return
        step = self.script.step_named(turn.step) if self.script is not None else None
        words = " ".join(step.spoken) if step is not None else ""
        lines = [
            _("You said: “{said}”").format(said=verdict.said or "…"),
            _("The step wanted: {wanted}").format(wanted=wanted_text(verdict)),
            _("Judgement: {judgement} ({score}/100)").format(
                judgement=judgement_text(verdict), score=turn_score(verdict, turn)
            ),
            _("Freeze: {freeze}").format(freeze=seconds_text(turn.freeze_s)),
            _("Try: {suggestion}").format(suggestion=suggestion(verdict, words)),
        ]
        if turn.interrupted:
            lines.insert(1, _("The prospect cut you short."))
        self.coaching.setText("\n".join(lines))

    def _show_turn(self, row: int, turn: Turn) -> None:
        freeze = seconds_text(turn.freeze_s)
        if turn.gave_up_at is not None:
            freeze = _("no reply")
        cells = [
            turn.prospect_text,
            turn.step,
            freeze,
            seconds_text(turn.reply_s),
            rating_text(turn.rating) if turn.rating is not None else "",
            str(turn.number),
        ]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column == 2 and turn.froze:
                item.setForeground(Qt.GlobalColor.red)
            self.turns.setItem(row, column, item)

    def show_stats(self) -> None:
        turns = self.store.turns_for_script(self.script_id) if self.script_id is not None else []
        box = boxes(turns)
        rows = freeze_stats(turns)
        self.stats.setRowCount(len(rows))
        for row, stat in enumerate(rows):
            cells = [
                stat.prospect_text,
                str(stat.count),
                seconds_text(stat.median_s),
                seconds_text(stat.p90_s),
                comes_back(box.get(stat.key, 1)),
            ]
            for column, text in enumerate(cells):
                self.stats.setItem(row, column, QTableWidgetItem(text))

    def selected_turn(self) -> Turn | None:
        rows = self.turns.selectionModel().selectedRows()
        return self.run_turns[rows[0].row()] if rows else None

    def select_turn(self, number: int) -> None:
        self.turns.selectRow(number)

    def _enable(self) -> None:
        turn = self.selected_turn()
        self._show_coaching(turn)
        self.play_button.setEnabled(turn is not None and turn.onset is not None)
        self.add_button.setEnabled(turn is not None and turn.onset is not None)
        self.export_button.setEnabled(self.run is not None)
        for button in self.rate_buttons.values():
            button.setEnabled(turn is not None and turn.finished)

    # -- rating and the script -------------------------------------------------------------
    def rate(self, rating: Rating) -> None:
        """Rate the selected reply (undoable with Ctrl+Z)."""
        turn = self.selected_turn()
        if turn is None or turn.id is None or self.run is None or turn.rating == rating:
            return
        run_id, turn_id, old = self.run.id, turn.id, turn.rating
        self.undo.push(
            Edit(
                _("Rate reply"),
                lambda: self._set_rating(run_id, turn_id, rating),
                lambda: self._set_rating(run_id, turn_id, old),
            )
        )

    def _set_rating(self, run_id: int, turn_id: int, rating: Rating | None) -> None:
        self.store.rate_turn(turn_id, rating)
        if self.run is not None and self.run.id == run_id:
            for row, turn in enumerate(self.run_turns):
                if turn.id == turn_id:
                    turn.rating = rating
                    self._show_turn(row, turn)
                    self.select_turn(row)
        self.show_stats()

    def export_run(self) -> None:
        from app.core.review_export import run_review
        from app.ui.review_export import export_review

        run = self.run
        if run is not None:
            store = self.store
            make = lambda: run_review(store.conn, store.home, run.id)  # noqa: E731
            said = export_review(self, make, f"live-call-{run.id}")
            if said:
                self.message.emit(said)

    def _add_reply(self) -> None:
        turn = self.selected_turn()
        if turn is not None and self.run is not None:
            self.add_reply_requested.emit(self.run, turn)

    def reply_audio(self, turn: Turn) -> tuple[np.ndarray, int] | None:
        """The samples of ``turn``'s reply, with a little air around it."""
        if self.run is None:
            return None
        samples, rate = self._run_audio(self.run)
        span = reply_span(self.run_turns, self.run_turns.index(turn), len(samples))
        return None if span is None else (samples[span[0] : span[1]], rate)

    def _run_audio(self, run: Run) -> tuple[np.ndarray, int]:
        from app.audio.files import read_audio

        if self._audio is None or self._audio[0] != run.id:
            data, rate = read_audio(self.store.path_of(run))
            self._audio = (run.id, data[:, 0], rate)
        return self._audio[1], self._audio[2]

    # -- playing a reply -------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        return self.player is not None and self.player.status().state == "playing"

    def toggle_playback(self) -> None:
        if self.playing:
            self.stop_playback()
            return
        turn = self.selected_turn()
        if turn is None:
            return
        try:
            from app.audio.player import Player  # PortAudioMissing is an AudioError

            audio = self.reply_audio(turn)
            if audio is None:
                return
            self.stop_playback()
            self.player = Player(self.output)
            self.player.load(*audio)
            self.player.play()
        except AudioError as exc:
            self.message.emit(str(exc))
            return
        self.play_button.setText(_("Stop"))
        self.poller.watch_player(self.player)

    def stop_playback(self) -> None:
        if self.player is not None:
            self.player.stop()
        self.poller.watch_player(None)
        self.play_button.setText(_("Play reply"))

    def _on_player_status(self, status: PlayerStatus) -> None:
        if status.error is not None:
            self.message.emit(str(status.error))
        if status.state != "playing":
            self.stop_playback()

    def shutdown(self) -> None:
        self.stop_playback()
        self.poller.stop()
