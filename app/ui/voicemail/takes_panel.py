"""A script's voicemail takes: the list, progress at a glance, rating, star, notes, delete
(undoable), and blind comparison of two of them."""

from __future__ import annotations

import random
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QWidget,
)

from app.core.i18n import _
from app.core.library import ScriptLibrary
from app.core.takes import Take, TakeKind, TakeStore
from app.core.voicemail import BlindPair, Side, Verdicts, blind_pair
from app.ui.undo import DeleteTake, Edit
from app.ui.voicemail.compare_panel import ComparePanel
from app.ui.voicemail.playback import TakePlayback
from app.ui.voicemail.progress_chart import ProgressChart
from app.ui.voicemail.take_details import TakeDetails
from app.ui.voicemail.takes_model import ScriptTakesModel, TakeRow

KINDS: tuple[TakeKind, ...] = ("voicemail", "live_answer")


class ScriptTakesPanel(QWidget):
    message = Signal(str)
    take_chosen = Signal(object)  # Take | None: the one take selected, to load for playback
    comparing = Signal(bool)  # a blind comparison started (True) or ended

    def __init__(
        self,
        store: TakeStore,
        library: ScriptLibrary,
        undo: QUndoStack,
        playback: TakePlayback,
        rng: random.Random,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.library, self.undo = store, library, undo
        self.playback, self.rng = playback, rng
        self.verdicts = Verdicts(store.conn)
        self.script_id: int | None = None
        self.limit_s = 30.0
        self.pair: BlindPair | None = None
        self.decided = False
        self.model = ScriptTakesModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.chart = ProgressChart()
        self.details = TakeDetails()
        self.compare = ComparePanel()
        self.export_button = QPushButton(_("Export for a coach…"))
        self.export_button.setToolTip(
            _("The selected take, its script, transcript and feedback as one web page")
        )
        self.export_button.setEnabled(False)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 0, 0)
        layout.addWidget(self.chart, 0, 1)
        layout.addWidget(self.details, 1, 0, 1, 2)
        layout.addWidget(self.compare, 2, 0, 1, 2)
        layout.addWidget(self.export_button, 3, 0)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 1)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.details.rating_chosen.connect(self._on_rating)
        self.details.star_toggled.connect(self._on_star)
        self.details.notes_edited.connect(self._on_notes)
        self.details.delete_clicked.connect(self.delete_selected)
        self.details.compare_clicked.connect(self.start_compare)
        self.compare.play_requested.connect(self.play_side)
        self.compare.picked.connect(self.pick)
        self.compare.closed.connect(self.end_compare)
        self.export_button.clicked.connect(self.export_selected)

    # -- the list ----------------------------------------------------------------------------
    def show_script(self, script_id: int | None, limit_s: float) -> None:
        if script_id != self.script_id:
            self.end_compare()
            self.table.clearSelection()
        self.script_id, self.limit_s = script_id, limit_s
        self.reload()

    def rows(self) -> list[TakeRow]:
        """The script's takes, oldest first, with what the table shows of them."""
        if self.script_id is None:
            return []
        takes = self.store.takes_for_script(self.script_id, KINDS)
        revisions = self.library.history.revisions(self.script_id)  # newest first
        numbers = {rev.id: len(revisions) - i for i, rev in enumerate(revisions)}
        latest = revisions[0].id if revisions else None
        tally = self.verdicts.tally(t.id for t in takes)
        return [
            TakeRow(
                take,
                number,
                numbers.get(take.revision_id) if take.revision_id is not None else None,
                take.revision_id == latest,
                *tally.get(take.id, (0, 0)),
            )
            for number, take in enumerate(takes, start=1)
        ]

    def reload(self, select: int | None = None) -> None:
        keep = [select] if select is not None else [r.take.id for r in self.selected_rows()]
        rows = self.rows()
        self.model.set_rows(rows)
        self.chart.set_series(
            [r.take.duration_s for r in rows], [r.take.rating for r in rows], self.limit_s
        )
        selection = self.table.selectionModel()
        for take_id in keep:
            row = self.model.row_of(take_id)
            if row >= 0:
                selection.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        self._on_selection()

    def select(self, take_ids: list[int]) -> None:
        self.table.clearSelection()
        for take_id in take_ids:
            row = self.model.row_of(take_id)
            if row >= 0:
                self.table.selectionModel().select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def selected_rows(self) -> list[TakeRow]:
        selection = self.table.selectionModel()
        return [self.model.rows[i.row()] for i in selection.selectedRows()] if selection else []

    def _on_selection(self, *_args: object) -> None:
        rows = self.selected_rows()
        one = rows[0].take if len(rows) == 1 else None
        self.details.show_take(one, len(rows))
        self.export_button.setEnabled(one is not None)
        if self.pair is None:
            self.take_chosen.emit(one)

    def _selected_take(self) -> Take | None:
        rows = self.selected_rows()
        return rows[0].take if len(rows) == 1 else None

    # Rating, star and notes are undoable (Ctrl+Z), like a delete.
    def _edit(
        self,
        text: str,
        take_id: int,
        apply: Callable[[], None],
        revert: Callable[[], None],
        keep_selection: bool = False,
    ) -> None:
        def show() -> None:
            self.reload(select=take_id)

        # Notes are saved when the box loses focus, maybe to a click on another take: the
        # selection stays as the user left it, until an undo shows the take again.
        changed = self.reload if keep_selection else show
        self.undo.push(Edit(text, apply, revert, changed, show))

    def _on_rating(self, rating: int) -> None:
        take = self._selected_take()
        if take is not None and take.rating != rating:
            store, old = self.store, take.rating
            self._edit(
                _("Rate take"),
                take.id,
                lambda: store.set_rating(take.id, rating),
                lambda: store.set_rating(take.id, old),
            )

    def _on_star(self, starred: bool) -> None:
        take = self._selected_take()
        if take is None:
            return
        store = self.store
        best = next((row.take.id for row in self.model.rows if row.take.starred), None)

        def revert() -> None:  # the best take before: this one, another, or none
            if best is None:
                store.set_starred(take.id, False)
            else:
                store.set_starred(best, True)

        text = _("Mark as best take") if starred else _("Unmark best take")
        self._edit(text, take.id, lambda: store.set_starred(take.id, starred), revert)

    def _on_notes(self, notes: str) -> None:
        take = self.details.take
        if take is not None:
            store, old = self.store, take.notes
            self._edit(
                _("Edit notes"),
                take.id,
                lambda: store.set_notes(take.id, notes),
                lambda: store.set_notes(take.id, old),
                keep_selection=True,
            )

    def export_selected(self) -> None:
        from app.core.review_export import take_review
        from app.ui.review_export import export_review

        take = self._selected_take()
        if take is not None:
            store = self.store
            make = lambda: take_review(store.conn, store.home, take.id)  # noqa: E731
            said = export_review(self, make, take.name or f"take-{take.id}")
            if said:
                self.message.emit(said)

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        if self.playback.take_id in {r.take.id for r in rows}:
            self.playback.drop()
        self.end_compare()
        self.undo.beginMacro(_("Delete take"))
        for row in rows:
            self.undo.push(DeleteTake(self.store, row.take.id, self.reload))
        self.undo.endMacro()
        self.message.emit(_("Take deleted. Press Ctrl+Z to bring it back."))

    # -- blind comparison --------------------------------------------------------------------
    def start_compare(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 2:
            return
        self.playback.drop()
        self.pair = blind_pair(rows[0].take.id, rows[1].take.id, self.rng.random)
        self.decided = False
        self.compare.begin()
        self.comparing.emit(True)

    def play_side(self, side: str) -> None:
        if self.pair is None:
            return
        take = self.store.get(self.pair.take_for("x" if side == "x" else "y"))
        if self.playback.take_id != take.id:
            self.playback.load(take.id, self.store.path_of(take))
        self.playback.seek(0.0)
        self.playback.play()

    def pick(self, side: Side) -> None:
        pair = self.pair
        if pair is None or self.decided:
            return
        self.decided = True
        verdict = self.verdicts.record(pair, side)
        labels = {r.take.id: r.label() for r in self.rows()}
        self.compare.show_reveal(
            _("X was {x}. Y was {y}. You found {preferred} more natural.").format(
                x=labels[pair.x], y=labels[pair.y], preferred=labels[verdict.preferred]
            )
        )
        self.reload()

    def end_compare(self) -> None:
        was = self.pair is not None or self.compare.isVisible()
        self.pair = None
        self.compare.hide()
        if was:
            self.playback.drop()
            self.comparing.emit(False)
            self._on_selection()
