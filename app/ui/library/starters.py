"""The starter scripts bundled with Pitchback, one folder per language."""

from __future__ import annotations

from pathlib import Path

from app.core.library.scripts import SCRIPT_LANGUAGES, Language
from app.core.paths import RESOURCES

STARTERS = RESOURCES / "starters"


def starter_path(language: Language, folder: Path = STARTERS) -> Path | None:
    """The starter in ``language``, or None when Pitchback ships none."""
    found = sorted((folder / language).glob("*.pitch"))
    return found[0] if found else None


def script_language(code: str) -> Language:
    """The script language that matches the user's language ('en' when there is none)."""
    return next((language for language in SCRIPT_LANGUAGES if language == code), "en")
