"""After a hard call: what happened, one thing to try, and the drill. Light, never red.

An objection the script has no answer for can be added to the script from here, as a new
answer of the prospect at the step where it was heard (a named revision keeps the old text).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.i18n import _
from app.core.library import LibraryError
from app.core.practice.objections import CannotInsert, Objection, insert_objection, objections
from app.core.practice.turns import branch_key
from app.core.prospecting import CallLog, ProspectStore


class CoachPanel(QFrame):
    drill_requested = Signal(int, str)  # script id, the answer's branch key
    script_changed = Signal(int)  # script id
    message = Signal(str)

    def __init__(
        self, prospects: ProspectStore, library: Callable[[], Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.prospects, self.library = prospects, library
        self.setObjectName("coach")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.drill_button = QPushButton(_("Drill this objection (2 minutes)"))
        self.drill_button.setToolTip(
            _("For two minutes, each practice call goes straight to this objection.")
        )
        self.add_button = QPushButton(_("Add it to the script"))
        self.close_button = QPushButton(_("Later"))
        buttons = QHBoxLayout()
        for button in (self.drill_button, self.add_button, self.close_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.drill_button.clicked.connect(self._drill)
        self.add_button.clicked.connect(self.add_to_script)
        self.close_button.clicked.connect(self.hide)
        self.call_id = 0
        self.script_id: int | None = None
        self.log = CallLog("spoke")
        self.hide()

    def offer(self, call_id: int, script_id: int | None, log: CallLog) -> None:
        self.call_id, self.script_id, self.log = call_id, script_id, log
        self.text.setText(
            _(
                "Everyone freezes sometimes: laugh, then practise. What happened: they said "
                "“{objection}”. One thing to try: {tip}"
            ).format(
                objection=log.objection,
                tip=log.differently.strip()
                or _("Acknowledge it, ask one question, then steer back to why you called."),
            )
        )
        self._enable()
        self.show()

    def _enable(self) -> None:
        has_script = self.script_id is not None
        self.drill_button.setEnabled(has_script and bool(self.log.objection_key))
        self.add_button.setVisible(has_script and not self.log.objection_key)

    def _drill(self) -> None:
        if self.script_id is not None and self.log.objection_key:
            self.drill_requested.emit(self.script_id, self.log.objection_key)
            self.hide()

    def add_to_script(self) -> None:
        """The objection as a new answer at its step: from the library with its prepared
        answer when it is one of them, else with your line of what you'd do differently."""
        from app.core.practice.editing import save_with_history
        from app.core.script import parse

        if self.script_id is None or not self.log.objection:
            return
        library = self.library()
        text = library.text(self.script_id)
        script = parse(text)
        step = self.log.step or (script.start.name if script.start else "")
        words = self.log.objection
        known = next(
            (o for o in objections(script.language) if o.says.casefold() == words.casefold()),
            None,
        )
        objection = known or Objection(
            "", words, _("Answer: {words}").format(words=words[:40]),
            (self.log.differently.strip() or _("(acknowledge, ask, redirect)"),),
        )  # fmt: skip
        try:
            changed = insert_objection(text, objection, step)
            save_with_history(
                library, self.script_id, changed,
                _("Objection from a real call: {objection}").format(objection=words),
            )  # fmt: skip
        except (CannotInsert, LibraryError):
            self.message.emit(
                _("“{objection}” could not be added at the step “{step}”.").format(
                    objection=words, step=step
                )
            )
            return
        key = branch_key(step, objection.says)
        self.prospects.set_objection_key(self.call_id, key, step)
        self.log = CallLog(**{**self.log.__dict__, "objection_key": key, "step": step})
        self.script_changed.emit(self.script_id)
        self.message.emit(
            _("“{objection}” is now an answer in your script; it comes first in the next drill.")
            .format(objection=words)
        )  # fmt: skip
        self._enable()
