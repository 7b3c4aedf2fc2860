"""Start Pitchback at login (off unless the user switches it on): a Windows Run key, a macOS
LaunchAgent, or an XDG autostart file on Linux. The writers return what they would write, so
each platform's entry is tested anywhere; only Linux's and macOS's are files."""

from __future__ import annotations

import contextlib
import os
import plistlib
import shlex
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

NAME = "Pitchback"
LABEL = "org.pitchback.app"
WINDOWS_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def command() -> list[str]:
    """How to start this Pitchback: its Python running the app package."""
    return [sys.executable, "-m", "app"]


def linux_path(env: Mapping[str, str] = os.environ) -> Path:
    config = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME", "~")).expanduser() / ".config")
    return Path(config) / "autostart" / "pitchback.desktop"


def linux_entry(cmd: Sequence[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={NAME}\n"
        f"Exec={shlex.join(cmd)}\n"
        "X-GNOME-Autostart-enabled=true\n"
        "Terminal=false\n"
    )


def macos_path(env: Mapping[str, str] = os.environ) -> Path:
    home = Path(env.get("HOME", "~")).expanduser()
    return home / "Library" / "LaunchAgents" / f"{LABEL}.plist"


def macos_entry(cmd: Sequence[str]) -> bytes:
    return plistlib.dumps({"Label": LABEL, "ProgramArguments": list(cmd), "RunAtLoad": True})


def windows_entry(cmd: Sequence[str]) -> tuple[str, str, str]:
    """The registry key under HKEY_CURRENT_USER, the value's name, and its data."""
    return WINDOWS_RUN_KEY, NAME, subprocess.list2cmdline(list(cmd))


def set_start_at_login(
    on: bool,
    cmd: Sequence[str] | None = None,
    platform: str = sys.platform,
    env: Mapping[str, str] = os.environ,
) -> None:
    cmd = command() if cmd is None else cmd
    if platform == "win32":  # pragma: no cover - Windows only
        import winreg

        key_path, name, data = windows_entry(cmd)
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, key_path) as key:  # type: ignore[attr-defined]
            if on:
                winreg.SetValueEx(key, name, 0, winreg.REG_SZ, data)  # type: ignore[attr-defined]
            else:
                with contextlib.suppress(FileNotFoundError):
                    winreg.DeleteValue(key, name)  # type: ignore[attr-defined]
        return
    path, content = (
        (macos_path(env), macos_entry(cmd))
        if platform == "darwin"
        else (linux_path(env), linux_entry(cmd).encode("utf-8"))
    )
    if on:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".part")
        temporary.write_bytes(content)
        os.replace(temporary, path)
    else:
        path.unlink(missing_ok=True)
