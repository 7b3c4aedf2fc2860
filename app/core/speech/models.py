"""Which model folder a request names: the one place that asks the transcript core."""

from __future__ import annotations

from pathlib import Path

from app.core.transcript import model


def model_for(language: str, setting: Path | None) -> tuple[Path | None, str]:
    """The model folder (None: the built-in one) and the language to tell Whisper, for a
    script in ``language`` and the folder chosen in the settings (None: none chosen).

    The transcript core decides (``resolve_model``: a multilingual model for Dutch, the best
    for English); a core without that choice uses the chosen folder for every language.
    """
    resolve = getattr(model, "resolve_model", None)
    if resolve is not None:
        folder, spoken = resolve(language, setting)
        return folder, spoken
    return setting, language if language in ("en", "nl") else "en"
