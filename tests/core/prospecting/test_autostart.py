"""Start at login: the Linux file really appears and goes; Windows and macOS as written."""

from __future__ import annotations

import plistlib
from pathlib import Path

from app.core.prospecting.autostart import (
    macos_entry,
    set_start_at_login,
    windows_entry,
)

CMD = ["/opt/pitchback/bin/python", "-m", "app"]


def test_linux_xdg_autostart_file_appears_and_goes(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    path = tmp_path / "config" / "autostart" / "pitchback.desktop"
    set_start_at_login(True, CMD, "linux", env)
    text = path.read_text("utf-8")
    assert "Exec=/opt/pitchback/bin/python -m app\n" in text
    assert text.startswith("[Desktop Entry]\nType=Application\n")
    set_start_at_login(False, CMD, "linux", env)
    assert not path.exists()
    set_start_at_login(False, CMD, "linux", env)  # off twice is fine


def test_linux_without_xdg_config_home_uses_dot_config(tmp_path: Path) -> None:
    set_start_at_login(True, CMD, "linux", {"HOME": str(tmp_path)})
    assert (tmp_path / ".config" / "autostart" / "pitchback.desktop").exists()


def test_windows_run_key() -> None:
    key, name, data = windows_entry([r"C:\Program Files\Pitchback\python.exe", "-m", "app"])
    assert key == r"Software\Microsoft\Windows\CurrentVersion\Run"
    assert name == "Pitchback"
    assert data == r'"C:\Program Files\Pitchback\python.exe" -m app'


def test_macos_launch_agent(tmp_path: Path) -> None:
    plist = plistlib.loads(macos_entry(CMD))
    assert plist == {"Label": "org.pitchback.app", "ProgramArguments": CMD, "RunAtLoad": True}
    set_start_at_login(True, CMD, "darwin", {"HOME": str(tmp_path)})
    written = tmp_path / "Library" / "LaunchAgents" / "org.pitchback.app.plist"
    assert plistlib.loads(written.read_bytes())["ProgramArguments"] == CMD
