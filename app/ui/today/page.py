"""The Today tab, the app's home: one button starts today's block; the plan (a voicemail
take, a drill of your weakest answers, then real calls with B and C before A); the queue;
the week. Built cheaply: the queue and the week are read just after the window shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import _, n_
from app.core.prospecting import CallLog, Prospect
from app.core.store import get_setting, remember_setting
from app.ui.look import primary
from app.ui.today.hub import Prospecting

ASKED_A = "block.asked_before_a_on"
WEEK_DELAY_MS = 300  # the week view, drawn just after the window is on screen


def tel_url(phone: str) -> QUrl:
    return QUrl("tel:" + "".join(ch for ch in phone if ch.isdigit() or ch == "+"))


class TodayPage(QWidget):
    message = Signal(str)
    voicemail_requested = Signal()
    drill_requested = Signal(int, str)  # script id, branch key ('' for the weakest answers)
    prospects_requested = Signal()
    script_changed = Signal(int)
    stopping = Signal()  # the window closes

    def __init__(
        self, hub: Prospecting, library: Callable[[], Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.hub, self.library = hub, library
        self.call_dialog: Any = None
        self._loaded = False
        self.banner = QFrame()
        self.banner.setObjectName("reminder-banner")
        self.banner_text = QLabel()
        self.banner_start = QPushButton(_("Start"))
        self.banner_snooze = QPushButton(_("Snooze"))
        banner = QHBoxLayout(self.banner)
        banner.addWidget(self.banner_text, 1)
        banner.addWidget(self.banner_start)
        banner.addWidget(self.banner_snooze)
        self.banner.hide()
        self.start_button = QPushButton()
        primary(self.start_button, "call")  # the page's one main action
        self.settings_button = QPushButton(_("Block settings…"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.start_button)
        header.addWidget(self.status, 1)
        header.addWidget(self.settings_button)
        self.voicemail_button = QPushButton(_("1. Warm up: one voicemail take"))
        self.drill_button = QPushButton(_("2. Drill the answers you handle worst"))
        self.queue_label = QLabel(_("3. Real calls (B and C before A)"))
        self.queue = QListWidget()
        self.queue.setAccessibleName(_("Call queue"))
        self.call_button = QPushButton(_("Call"))
        self.prospects_button = QPushButton(_("Prospects…"))
        calls = QHBoxLayout()
        calls.addWidget(self.call_button)
        calls.addWidget(self.prospects_button)
        calls.addStretch(1)
        self._coach: Any = None  # the CoachPanel, made after the first hard call
        self.drill: Any = None  # the DrillSession the window gives it (app.__main__)
        self.week: Any = None  # the WeekView, made when the page is first filled
        plan = QVBoxLayout()
        for widget in (self.voicemail_button, self.drill_button, self.queue_label, self.queue):
            plan.addWidget(widget)
        plan.addLayout(calls)
        body = QHBoxLayout()
        body.addLayout(plan, 2)
        self.week_slot = QVBoxLayout()
        body.addLayout(self.week_slot, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(header)
        self.coach_slot = QVBoxLayout()
        layout.addLayout(self.coach_slot)
        layout.addLayout(body, 1)
        self._connect()
        self.show_block()

    def _connect(self) -> None:
        hub = self.hub
        self.start_button.clicked.connect(self._start_or_end)
        self.settings_button.clicked.connect(self.open_settings)
        self.banner_start.clicked.connect(self.start_from_banner)
        self.voicemail_button.clicked.connect(self.voicemail_requested.emit)
        self.drill_button.clicked.connect(self._drill_weakest)
        self.call_button.clicked.connect(self.call_selected)
        self.queue.itemActivated.connect(lambda _item: self.call_selected())
        self.prospects_button.clicked.connect(self.prospects_requested.emit)
        hub.block_changed.connect(self.show_block)
        hub.block_over.connect(lambda _id: self.refresh())
        hub.prospects_changed.connect(self.refresh)
        hub.settings_changed.connect(self.refresh)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:  # the window comes first: the queue next, then the week
            self._loaded = True
            QTimer.singleShot(0, self, lambda: self._refresh_if_shown(self.refresh_queue))
            QTimer.singleShot(WEEK_DELAY_MS, self, lambda: self._refresh_if_shown(self.refresh))
        else:
            self.refresh()

    def shutdown(self) -> None:
        """The window closes: the block ends with the time counted so far."""
        self.stopping.emit()
        self.hub.shutdown()

    # -- the block ---------------------------------------------------------------------------
    def _start_or_end(self) -> None:
        if self.hub.timer.active:
            self.hub.end_block()
        else:
            self.hub.start_block()

    def show_block(self) -> None:
        timer = self.hub.timer
        minutes = self.hub.settings.length_min
        self.start_button.setText(
            _("End today's block")
            if timer.active
            else _("Start today's {minutes} minutes").format(minutes=minutes)
        )
        if timer.active:
            self.banner.hide()  # the reminder is answered
            done = self.hub.blocks.activity(timer.block_id or 0)
            counts = (
                n_(
                    "{count} voicemail take",
                    "{count} voicemail takes",
                    done.get("voicemail_take", 0),
                ),
                n_("{count} practice call", "{count} practice calls", done.get("live_run", 0)),
                n_("{count} real call", "{count} real calls", done.get("real_call", 0)),
            )
            numbers = (done.get(k, 0) for k in ("voicemail_take", "live_run", "real_call"))
            self.status.setText(
                _("In this block: {done}.").format(
                    done=", ".join(
                        text.format(count=n) for text, n in zip(counts, numbers, strict=True)
                    )
                )
            )
        elif self.hub.cut_at_start:
            self.status.setText(
                _("Pitchback stopped during your last block; it counts up to its last minute.")
            )
        else:
            self.status.setText(_("Prospecting first: start your day with the phone."))

    def open_settings(self) -> Any:
        from app.ui.today.block_settings import BlockSettingsDialog

        dialog = BlockSettingsDialog(self.hub, self)
        dialog.open()
        return dialog

    def show_banner(self, text: str) -> None:
        self.banner_text.setText(text)
        self.banner.show()

    def start_from_banner(self) -> None:
        self.banner.hide()
        self.hub.start_block()

    # -- the plan ----------------------------------------------------------------------------
    def _drill_weakest(self) -> None:
        self.drill_requested.emit(-1, "")

    def _refresh_if_shown(self, refresh: Callable[[], None]) -> None:
        if self.isVisible():  # the window may have closed meanwhile
            refresh()

    def refresh(self) -> None:
        from app.core.prospecting.week import habit_view

        self.refresh_queue()
        if self.week is None:
            from app.ui.today.week_view import WeekView

            self.week = WeekView()
            self.week_slot.addWidget(self.week)
        self.week.set_view(habit_view(self.hub.conn, self.hub.today(), self.hub.settings))

    def refresh_queue(self) -> None:
        today = self.hub.today()
        self.queue.clear()
        for prospect in self.hub.prospects.queue(today):
            item = QListWidgetItem(
                f"{prospect.tier} · {prospect.name}"
                + (f" · {prospect.company}" if prospect.company else "")
            )
            item.setData(256, prospect.id)
            self.queue.addItem(item)
        if self.queue.count():
            self.queue.setCurrentRow(0)
        self.call_button.setEnabled(self.queue.count() > 0)
        if not self.queue.count():
            self.queue.addItem(_("Nobody to call today: add prospects or import a CSV file."))
        self.show_block()

    def selected(self) -> Prospect | None:
        item = self.queue.currentItem()
        found = None if item is None else item.data(256)
        return None if found is None else self.hub.prospects.get(int(found))

    def call_selected(self) -> bool:
        """Call the prospect chosen in the queue; an A before any warm-up asks first, once."""
        from PySide6.QtWidgets import QMessageBox  # its enums cost start-up time

        from app.core.prospecting.learning import warmed_up

        prospect = self.selected()
        if prospect is None:
            return False
        today = self.hub.today().isoformat()
        if (
            prospect.tier == "A"
            and get_setting(self.hub.conn, ASKED_A) != today
            and not warmed_up(self.hub.conn, self.hub.today())
        ):
            remember_setting(self.hub.conn, ASKED_A, today)
            answer = QMessageBox.question(
                self,
                _("Your most important prospect first?"),
                _(
                    "{name} is on your A list and you haven't warmed up yet today. Most people "
                    "call a B or C prospect (or practise once) first. Call {name} now anyway?"
                ).format(name=prospect.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.call(prospect)
        return True

    def call(self, prospect: Prospect) -> Any:
        from app.core.i18n import language
        from app.ui.today.call_dialog import CallDialog

        if prospect.phone and not QDesktopServices.openUrl(tel_url(prospect.phone)):
            self.message.emit(
                _("No app on this computer dials phone numbers: call {phone} on your phone.")
                .format(phone=prospect.phone)
            )  # fmt: skip
        script_id, script = self._script_for(prospect)
        from app.ui.prospect_fields import script_values  # the script package: not at start

        first_name, _space, _rest = prospect.name.strip().partition(" ")
        values = script_values(self.hub.conn, first_name, prospect.company)
        self.call_dialog = CallDialog(prospect, script, language(), self.hub.today(), self, values)
        self.call_dialog.logged.connect(lambda who, log: self.log_call(who, log, script_id))
        self.call_dialog.open()
        return self.call_dialog

    def _script_for(self, prospect: Prospect) -> tuple[int | None, Any]:
        from app.core.script import parse

        library = self.library()
        script_id = prospect.script_id
        if script_id is None:
            scripts = library.list_scripts()
            script_id = scripts[0].id if scripts else None
        return script_id, (None if script_id is None else parse(library.text(script_id)))

    def log_call(self, prospect: Prospect, log: CallLog, script_id: int | None) -> int:
        call_id = self.hub.prospects.log_call(
            prospect.id, log, self.hub.today(), self.hub.block_id, script_id
        )
        self.hub.prospects_changed.emit()
        self.hub.block_changed.emit()
        if log.objection and log.no_good_answer:
            self.coach.offer(call_id, script_id, log)
        return call_id

    @property
    def coach(self) -> Any:
        """After a hard call: what happened, one thing to try, the drill (app.ui.today.coach)."""
        if self._coach is None:
            from app.ui.today.coach import CoachPanel

            self._coach = CoachPanel(self.hub.prospects, self.library)
            self._coach.drill_requested.connect(self.drill_requested.emit)
            self._coach.script_changed.connect(self.script_changed.emit)
            self._coach.message.connect(self.message.emit)
            self.coach_slot.addWidget(self._coach)
        return self._coach
