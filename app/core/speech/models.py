"""What a speech request names: the chosen model folder and the script's language."""

from __future__ import annotations

from pathlib import Path


def model_for(language: str, setting: Path | None) -> tuple[Path | None, str]:
    """What a request names: the folder chosen in the settings (None: the models that come
    with Pitchback) and the script's language ('en' or 'nl').

    The speech service resolves it to a model folder where it runs (``resolve_model``: the
    multilingual model for Dutch, joined on first use, which must not happen on the GUI
    thread), so a request made here never waits for a model.
    """
    return setting, language if language in ("en", "nl") else "en"
