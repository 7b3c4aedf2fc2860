"""The starter scripts bundled with Pitchback, one folder per language."""

from __future__ import annotations

from pathlib import Path

from app.core.library.scripts import SCRIPT_LANGUAGES, Language, ScriptLibrary
from app.core.paths import RESOURCES

STARTERS = RESOURCES / "starters"


def starter_path(language: Language, folder: Path = STARTERS) -> Path | None:
    """The starter in ``language``, or None when Pitchback ships none."""
    found = sorted((folder / language).glob("*.pitch"))
    return found[0] if found else None


def script_language(code: str) -> Language:
    """The script language that matches the user's language ('en' when there is none)."""
    return next((language for language in SCRIPT_LANGUAGES if language == code), "en")


def ensure_a_script(library: ScriptLibrary, language: str) -> None:
    """On first start, a starter script to look at rather than an empty library."""
    if library.list_scripts(include_deleted=True):
        return
    chosen = script_language(language)
    path = starter_path(chosen)
    if path is not None:
        library.create_from_starter(path, chosen)
