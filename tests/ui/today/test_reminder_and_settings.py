"""The reminder in the window with an injected clock, and the block's settings section."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QSystemTrayIcon

import app.ui.today.reminder as reminder_module
from app.core.library import ScriptLibrary
from app.core.prospecting import load_block_settings
from app.ui.today.block_settings import BlockSettingsDialog
from app.ui.today.hub import Prospecting
from app.ui.today.page import TodayPage
from app.ui.today.reminder import ReminderNotifier


def today_page(qtbot: Any, hub: Prospecting, library: ScriptLibrary) -> TodayPage:
    page = TodayPage(hub, lambda: library)
    qtbot.addWidget(page)
    page.show()
    return page


def notifier(hub: Prospecting, page: TodayPage) -> ReminderNotifier:
    made = ReminderNotifier(hub, page)
    made.banner.connect(page.show_banner)
    made.start_requested.connect(hub.start_block)
    return made


def test_without_a_tray_the_banner_shows_at_the_start_time_once(
    qtbot: Any, hub: Prospecting, library: ScriptLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reminder_module, "tray_can_show_messages", lambda: False)
    page = today_page(qtbot, hub, library)
    reminding = notifier(hub, page)
    assert reminding.check() is None  # 8:59
    hub.clock.moment += timedelta(minutes=1)  # type: ignore[attr-defined]
    assert reminding.check() == "banner"
    assert page.banner.isVisible()
    assert page.banner_text.text() == "Your 30 minutes of prospecting"
    page.banner.hide()
    hub.clock.moment += timedelta(seconds=30)  # type: ignore[attr-defined]
    assert reminding.check() is None and not page.banner.isVisible()
    page.banner_start.click()
    assert hub.timer.active


def test_a_workday_notifies_in_the_tray_but_not_at_the_weekend(
    qtbot: Any, hub: Prospecting, library: ScriptLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The one fake: this machine has no system tray, so the tray's show and message are
    # recorded instead of drawn (the test checks what the app asks the tray to do).
    shown: list[str] = []
    monkeypatch.setattr(reminder_module, "tray_can_show_messages", lambda: True)
    monkeypatch.setattr(QSystemTrayIcon, "show", lambda self: None)
    monkeypatch.setattr(
        QSystemTrayIcon, "showMessage", lambda self, title, text: shown.append(text)
    )
    page = today_page(qtbot, hub, library)
    monday = hub.clock.moment  # type: ignore[attr-defined]
    hub.clock.moment = monday - timedelta(days=2)  # type: ignore[attr-defined]  # Saturday
    saturday = notifier(hub, page)
    for _ in range(6):
        hub.clock.moment += timedelta(seconds=30)  # type: ignore[attr-defined]
        assert saturday.check() is None
    hub.clock.moment = monday  # type: ignore[attr-defined]
    reminding = notifier(hub, page)
    assert reminding.check() is None
    hub.clock.moment += timedelta(seconds=60)  # type: ignore[attr-defined]  # 9:00
    assert reminding.check() == "notify"
    assert shown == ["Your 30 minutes of prospecting\nClick to start, or right-click to snooze."]
    assert not page.banner.isVisible()
    assert reminding.tray is not None
    with qtbot.waitSignal(hub.block_changed):
        reminding.tray.messageClicked.emit()
    assert hub.timer.active
    reminding.stop()


def test_block_settings_are_saved_and_start_at_login_writes_the_autostart_file(
    qtbot: Any, hub: Prospecting, library: ScriptLibrary, tmp_path: Path
) -> None:
    page = today_page(qtbot, hub, library)
    dialog = page.open_settings()
    assert isinstance(dialog, BlockSettingsDialog)
    section = dialog.section
    assert not section.at_login.isChecked()  # off by default
    section.length.setValue(45)
    section.days[4].setChecked(False)  # no block on Fridays
    section.start.setTime(QTime(8, 30))
    section.skip.setPlainText("2026-12-25\nnot a date")
    assert not section.save()
    assert "not a date" in section.problem.text()
    section.skip.setPlainText("2026-12-25")
    section.at_login.setChecked(True)
    assert section.save()
    saved = load_block_settings(hub.conn)
    assert (saved.length_min, sorted(saved.workdays), saved.start.hour, saved.start.minute) == (
        45, [0, 1, 2, 3], 8, 30,
    )  # fmt: skip
    autostart = tmp_path / "config" / "autostart" / "pitchback.desktop"
    assert autostart.exists()  # XDG_CONFIG_HOME is the test's own (tests/conftest.py)
    assert page.start_button.text() == "Start today's 45 minutes"
    section.at_login.setChecked(False)
    assert section.save() and not autostart.exists()
    dialog.reject()


def test_a_block_left_running_by_a_crash_counts_to_its_heartbeat_at_the_next_start(
    qtbot: Any, home: Path, library: ScriptLibrary, hub: Prospecting
) -> None:
    from app.core.prospecting import BlockStore

    blocks = BlockStore(hub.conn)
    block = blocks.begin(hub.today(), 1800)
    blocks.heartbeat(block, 390.0)  # the last heartbeat before the process was killed
    again = Prospecting(hub.conn, now=hub.now)  # the next start
    assert again.cut_at_start == [block]
    assert blocks.counted(block) == (390.0, "cut")
    page = TodayPage(again, lambda: library)
    qtbot.addWidget(page)
    assert "counts up to its last minute" in page.status.text()
    assert blocks.seconds_on(hub.today()) == 390.0
