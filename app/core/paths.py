"""Where Pitchback keeps its data and finds its bundled resources."""

from __future__ import annotations

import os
import sys
from importlib.resources import files
from pathlib import Path


def _resources() -> Path:
    """The resources folder: ``app/resources`` inside an installed wheel or a bundle (the
    build maps the repository's ``resources/`` there), the repository's own in a checkout."""
    installed = Path(str(files("app") / "resources"))
    return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / "resources"


RESOURCES = _resources()


def data_home(environ: dict[str, str] | None = None) -> Path:
    """The user's Pitchback folder: ``PITCHBACK_HOME`` or the OS's application-data place."""
    env = os.environ if environ is None else environ
    if env.get("PITCHBACK_HOME"):
        return Path(env["PITCHBACK_HOME"]).expanduser()
    if sys.platform == "win32":
        base = Path(env.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / "Pitchback"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Pitchback"
    base = Path(env.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "pitchback"


def takes_dir(home: Path) -> Path:
    return home / "takes"


def database_path(home: Path) -> Path:
    return home / "pitchback.db"


def cache_home(environ: dict[str, str] | None = None) -> Path:
    """Where Pitchback keeps what it can make again (the joined speech model, compiled
    translations): ``cache`` in ``PITCHBACK_HOME`` when set, else the OS's cache place."""
    env = os.environ if environ is None else environ
    if env.get("PITCHBACK_HOME"):
        return data_home(dict(env)) / "cache"
    if sys.platform == "win32":
        base = Path(env.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "Pitchback" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "Pitchback"
    return Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pitchback"
