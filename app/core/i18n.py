"""User-facing text in English and Dutch, through GNU gettext.

Messages are written in English in the code and translated in ``resources/i18n/<lang>/*.po``
(gettext catalogues, read by every translator's tool). Babel extracts the messages with the
keywords in ``BABEL_KEYWORDS``. At run time Python's own ``gettext`` reads the compiled
``.mo``, which is made from the ``.po`` on first use (and again when the ``.po`` is newer) in
the user's cache folder: the ``.po`` is the only copy kept in the project.

The language is process-wide, like gettext's: every message the user reads, from the core,
the audio layer or the UI, has to follow the one choice the user made.
"""

from __future__ import annotations

import gettext
import io
import locale
import os
import tempfile
from pathlib import Path

from app.core.paths import RESOURCES, cache_home

LANGUAGES = {"en": "English", "nl": "Nederlands"}
DOMAIN = "pitchback"
# For Babel's extractor (pybabel extract -k ...): n_(singular, plural, count), p_(context, text).
BABEL_KEYWORDS: dict[str, tuple[int | tuple[int, str], ...] | None] = {
    "_": None,
    "n_": (1, 2),
    "p_": ((1, "c"), 2),
}
_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
_compiled: dict[tuple[str, int], bytes] = {}  # (language, newest .po) -> .mo, this process


def catalog_files(language: str) -> list[Path]:
    """The ``.po`` catalogues of ``language``."""
    return sorted((RESOURCES / "i18n" / language).glob("*.po"))


def compile_catalog(po_files: list[Path], language: str) -> bytes:
    """The ``.mo`` bytes of ``po_files`` merged (Babel reads and writes gettext's formats)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    merged = None
    for path in po_files:
        with path.open("rb") as file:
            catalog = read_po(file, locale=language, domain=DOMAIN)
        if merged is None:
            merged = catalog
        else:
            for message in catalog:
                if message.id and message.string:
                    merged[message.id] = message
    out = io.BytesIO()
    if merged is not None:
        write_mo(out, merged)
    return out.getvalue()


def compiled_catalog(language: str, cache: Path | None = None) -> bytes:
    """The compiled catalogue of ``language``: from the cache when it is newer than every
    ``.po``, else compiled now and kept there (atomically: a temporary file, then a rename).
    A cache that cannot be written costs only the time to compile again next start."""
    sources = catalog_files(language)
    if not sources:
        return b""
    target = (cache or cache_home()) / "i18n" / language / f"{DOMAIN}.mo"
    newest = max(path.stat().st_mtime_ns for path in sources)
    try:
        if target.stat().st_mtime_ns >= newest:
            return target.read_bytes()
    except OSError:
        pass  # not compiled yet
    data = _compiled.get((language, newest)) or compile_catalog(sources, language)
    _compiled[(language, newest)] = data
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".mo.", dir=target.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except OSError:
        pass
    return data


def load_translations(language: str) -> gettext.NullTranslations:
    """``language``'s translations (English: the text as written in the code)."""
    if language == "en":
        return gettext.NullTranslations()
    data = compiled_catalog(language)
    return gettext.GNUTranslations(io.BytesIO(data)) if data else gettext.NullTranslations()


def set_language(language: str) -> None:
    """Switch every later message to ``language`` ('en' or 'nl'; anything else means 'en')."""
    global _language, _translations
    _language = language if language in LANGUAGES else "en"
    _translations = load_translations(_language)


def language() -> str:
    return _language


def system_language() -> str:
    """'nl' when the operating system speaks Dutch, else 'en'."""
    code = (locale.getlocale()[0] or "").lower()
    return "nl" if code.startswith(("nl", "dutch")) else "en"


def decimal(value: float, places: int = 1) -> str:
    """``value`` with ``places`` decimals and the language's decimal mark (Dutch: 12,8)."""
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if _language == "nl" else text


def _(text: str) -> str:
    """The text in the current language (the English text when there is no translation)."""
    return _translations.gettext(text)


def n_(singular: str, plural: str, count: int) -> str:
    """The form for ``count`` in the current language (gettext's ngettext, with the
    language's own plural rule). Write both English forms in full:
    ``n_("{count} take", "{count} takes", n).format(count=n)``.
    """
    return _translations.ngettext(singular, plural, count)


def p_(context: str, text: str) -> str:
    """``text`` where one English word needs two translations (gettext's pgettext).

    ``context`` says where the word stands, e.g. ``p_("tab", "Record")`` vs ``p_("button", ...)``.
    """
    return _translations.pgettext(context, text)
