"""A real call: the plan for both cases side by side (your opener, your voicemail), then the
small form to log it (two clicks for 'no answer': the outcome, then Save)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import _
from app.core.practice.objections import objections
from app.core.practice.turns import branch_key
from app.core.prospecting import CallLog, Outcome, Prospect
from app.core.script import Script
from app.core.script.model import Step
from app.core.script.placeholders import fill


def outcome_names() -> dict[Outcome, str]:
    return {
        "no_answer": _("No answer"),
        "voicemail": _("Voicemail left"),
        "spoke": _("Spoke to someone"),
        "meeting": _("Meeting booked"),
        "not_interested": _("Not interested"),
        "call_back": _("Call back on…"),
    }


@dataclass(frozen=True)
class HeardObjection:
    words: str
    key: str  # the script's branch key ('' when the script has no such answer yet)
    step: str


def objection_choices(script: Script | None, language: str) -> list[HeardObjection]:
    """The script's answers first (with the step they come at), then the objection library."""
    found: list[HeardObjection] = []
    start = script.start.name if script is not None and script.start is not None else ""
    if script is not None:
        for step in script.steps:
            for branch in step.branches:
                found.append(
                    HeardObjection(branch.words, branch_key(step.name, branch.words), step.name)
                )
    said = {h.words.casefold() for h in found}
    for objection in objections(language):
        if objection.says.casefold() not in said:
            found.append(HeardObjection(objection.says, "", start))
    return found


def _spoken(step: Step | None, values: Mapping[str, str]) -> str:
    if step is None:
        return _("(This script has none.)")
    text = "\n".join(line for line in step.spoken if line)
    return fill(text, values) if text else _("(This script has none.)")


class CallDialog(QDialog):
    logged = Signal(object, object)  # Prospect, CallLog

    def __init__(
        self,
        prospect: Prospect,
        script: Script | None,
        language: str,
        today: date,
        parent: QWidget | None = None,
        values: Mapping[str, str] | None = None,
    ) -> None:
        """``values`` fill the script's placeholders (your name, the prospect's)."""
        super().__init__(parent)
        self.prospect, self.script, self.today = prospect, script, today
        self.setWindowTitle(_("Calling {name}").format(name=prospect.name))
        who = QLabel(
            f"<b>{prospect.name}</b> · {prospect.company} · {prospect.phone} · "
            + _("tier {tier}").format(tier=prospect.tier)
        )
        plans = QHBoxLayout()
        self.plan_texts: list[QLabel] = []  # the opener, the voicemail
        for title, step in (
            (_("If they pick up: your opener"), script.start if script else None),
            (_("If you get voicemail"), script.voicemail if script else None),
        ):
            box = QGroupBox(title)
            text = QLabel(_spoken(step, values or {}))
            text.setWordWrap(True)
            self.plan_texts.append(text)
            QVBoxLayout(box).addWidget(text)
            plans.addWidget(box, 1)
        self.outcome = QComboBox()
        for key, name in outcome_names().items():
            self.outcome.addItem(name, key)
        self.call_back = QDateEdit(QDate(today + timedelta(days=7)))  # type: ignore[call-overload]
        self.call_back.setCalendarPopup(True)
        self.choices = objection_choices(script, language)
        self.objection = QComboBox()
        self.objection.setEditable(True)
        self.objection.addItem("", None)
        for choice in self.choices:
            self.objection.addItem(choice.words, choice)
        self.objection.setCurrentIndex(0)
        line = self.objection.lineEdit()
        if line is not None:
            line.setPlaceholderText(_("Pick one, or type what they said"))
        self.no_good_answer = QCheckBox(_("I had no good answer to it"))
        self.differently = QLineEdit()
        self.differently.setPlaceholderText(_("One line, for next time"))
        form = QFormLayout()
        form.addRow(_("How did it go?"), self.outcome)
        form.addRow(_("Call back on"), self.call_back)
        form.addRow(_("Objection you heard"), self.objection)
        form.addRow("", self.no_good_answer)
        form.addRow(_("What I'd do differently"), self.differently)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(plans)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.outcome.currentIndexChanged.connect(self._follow_outcome)
        self.objection.currentTextChanged.connect(self._follow_objection)
        self._follow_outcome()

    def _follow_outcome(self) -> None:
        self.call_back.setEnabled(self.outcome.currentData() == "call_back")

    def _follow_objection(self, text: str) -> None:
        self.no_good_answer.setChecked(bool(text.strip()))

    def choose_outcome(self, outcome: Outcome) -> None:
        self.outcome.setCurrentIndex(self.outcome.findData(outcome))

    def heard(self) -> HeardObjection | None:
        text = self.objection.currentText().strip()
        if not text:
            return None
        picked = self.objection.currentData()
        if isinstance(picked, HeardObjection) and picked.words == text:
            return picked
        start = self.script.start.name if self.script and self.script.start else ""
        return HeardObjection(text, "", start)

    def log(self) -> CallLog:
        outcome: Outcome = self.outcome.currentData()
        heard = self.heard()
        return CallLog(
            outcome=outcome,
            objection=heard.words if heard else "",
            objection_key=heard.key if heard else "",
            step=heard.step if heard else "",
            no_good_answer=heard is not None and self.no_good_answer.isChecked(),
            differently=self.differently.text(),
            call_back_on=self.call_back.date().toPython() if outcome == "call_back" else None,  # type: ignore[arg-type]
        )

    def save(self) -> None:
        self.logged.emit(self.prospect, self.log())
        self.accept()
