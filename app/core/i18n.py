"""User-facing text in English and Dutch.

Messages are written in English in the code and looked up in ``resources/i18n/<lang>/*.json``
(one file per area of the app, merged).
The language is process-wide, like gettext's: every message the user reads, from the core,
the audio layer or the UI, has to follow the one choice the user made.
"""

from __future__ import annotations

import json
import locale
from pathlib import Path

from app.core.paths import RESOURCES

LANGUAGES = {"en": "English", "nl": "Nederlands"}
_catalog: dict[str, str] = {}
_language = "en"


def catalog_files(language: str) -> list[Path]:
    return sorted((RESOURCES / "i18n" / language).glob("*.json"))


def load_catalog(language: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in catalog_files(language):
        merged.update(json.loads(path.read_text("utf-8")))
    return merged


def set_language(language: str) -> None:
    """Switch every later message to ``language`` ('en' or 'nl'; anything else means 'en')."""
    global _language, _catalog
    _language = language if language in LANGUAGES else "en"
    _catalog = load_catalog(_language) if _language != "en" else {}


def language() -> str:
    return _language


def system_language() -> str:
    """'nl' when the operating system speaks Dutch, else 'en'."""
    code = (locale.getlocale()[0] or "").lower()
    return "nl" if code.startswith(("nl", "dutch")) else "en"


def _(text: str) -> str:
    """The text in the current language (the English text when there is no translation)."""
    return _catalog.get(text, text)


def n_(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count`` in the current language (like ngettext).

    Write both English forms in full: ``n_("{count} take", "{count} takes", n).format(count=n)``.
    """
    return _(singular if count == 1 else plural)


def p_(context: str, text: str) -> str:
    """``text`` where one English word needs two translations (like pgettext).

    ``context`` says where the word stands, e.g. ``p_("tab", "Record")`` vs ``p_("button", ...)``.
    """
    return _catalog.get(f"{context}\x04{text}") or _(text)
