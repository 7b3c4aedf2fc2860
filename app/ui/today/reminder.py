"""The reminder in the window: a tray message with Start and Snooze at the start time, or a
banner when the tray cannot show one or the computer slept through the start time."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QSystemTrayIcon

from app.core.i18n import _
from app.core.prospecting.reminder import Reminder
from app.core.store import get_setting, remember_setting
from app.ui.today.hub import Prospecting

CHECK_MS = 30_000
REMINDED = "block.reminded_on"


def reminder_text(minutes: int) -> str:
    return _("Your {minutes} minutes of prospecting").format(minutes=minutes)


def tray_can_show_messages() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages()


class ReminderNotifier(QObject):
    banner = Signal(str)  # show it in the window (once)
    start_requested = Signal()

    def __init__(self, hub: Prospecting, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        remembered = get_setting(hub.conn, REMINDED)
        self.reminder = Reminder(
            hub.settings, date.fromisoformat(remembered) if remembered else None
        )
        self.tray: QSystemTrayIcon | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("reminder-check")
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        hub.settings_changed.connect(self._follow_settings)

    def start(self) -> None:
        self.check()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def _follow_settings(self) -> None:
        self.reminder.settings = self.hub.settings

    def check(self) -> str | None:
        answer = self.reminder.check(self.hub.now(), self.hub.block_today())
        if answer is None:
            return None
        if self.reminder.reminded_on is not None:
            remember_setting(self.hub.conn, REMINDED, self.reminder.reminded_on.isoformat())
        text = reminder_text(self.hub.settings.length_min)
        if answer == "notify" and tray_can_show_messages():
            tray = self._tray()
            tray.show()
            tray.showMessage(
                "Pitchback", text + "\n" + _("Click to start, or right-click to snooze.")
            )
            return "notify"
        self.banner.emit(text)
        return "banner"

    def snooze(self) -> None:
        self.reminder.snooze(self.hub.now())

    def _tray(self) -> QSystemTrayIcon:
        if self.tray is None:
            app = QApplication.instance()
            style = app.style() if isinstance(app, QApplication) else None
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay) if style else None
            self.tray = QSystemTrayIcon(self)
            if icon is not None:
                self.tray.setIcon(icon)
            menu = QMenu()
            menu.addAction(_("Start the block"), self.start_requested.emit)
            menu.addAction(_("Snooze 10 minutes"), self.snooze)
            self.tray.setContextMenu(menu)
            self._menu = menu
            self.tray.messageClicked.connect(self.start_requested.emit)
        return self.tray
