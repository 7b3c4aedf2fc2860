"""The Dutch catalogue against the code: every message translated, placeholders and plural
forms kept, nothing left over; and gettext really serving it (plurals, context, the cache)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from app.core import i18n
from tests.conftest import ROOT

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
Key = tuple[str | tuple[str, ...], str | None]


def extracted() -> dict[Key, tuple[str, int]]:
    """Every message in app/, as Babel extracts it with the app's keywords."""
    found: dict[Key, tuple[str, int]] = {}
    for filename, line, message, _comments, context in extract_from_dir(
        ROOT / "app", method_map=[("**.py", "python")], keywords=i18n.BABEL_KEYWORDS
    ):
        found.setdefault((message, context), (filename, line))
    return found


def dutch() -> Catalog:
    (po,) = i18n.catalog_files("nl")
    with po.open("rb") as file:
        return read_po(file, locale="nl")


def entries(catalog: Catalog) -> dict[Key, Message]:
    return {(m.id, m.context): m for m in catalog if m.id}


@pytest.fixture(scope="module")
def code() -> dict[Key, tuple[str, int]]:
    return extracted()


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return dutch()


def test_the_extraction_sees_all_three_keywords(code: dict[Key, tuple[str, int]]) -> None:
    assert ("Save revision…", None) in code
    assert any(isinstance(message, tuple) for message, _context in code)  # n_
    assert len(code) > 300


def test_every_message_in_the_code_has_a_dutch_translation(
    code: dict[Key, tuple[str, int]], catalog: Catalog
) -> None:
    translated = entries(catalog)
    missing = []
    for key, where in code.items():
        entry = translated.get(key)
        strings = (
            entry.string
            if entry and isinstance(entry.string, tuple)
            else ((entry.string,) if entry else ("",))
        )
        if not all(strings):
            missing.append((key, where))
    assert missing == []


def test_no_dutch_entry_is_left_unused(code: dict[Key, tuple[str, int]], catalog: Catalog) -> None:
    assert sorted(map(str, set(entries(catalog)) - set(code))) == []


def test_placeholders_and_plural_forms_match(catalog: Catalog) -> None:
    assert catalog.num_plurals == 2
    assert catalog.plural_expr == "(n != 1)"
    wrong = []
    for message in catalog:
        if not message.id:
            continue
        if message.pluralizable:
            singular, plural = message.id
            forms = message.string if isinstance(message.string, tuple) else ()
            english = sorted(set(PLACEHOLDER.findall(singular + plural)))
            if len(forms) != 2 or any(
                sorted(set(PLACEHOLDER.findall(form))) != english for form in forms
            ):
                wrong.append(message.id)
        elif sorted(PLACEHOLDER.findall(message.id)) != sorted(
            PLACEHOLDER.findall(str(message.string))
        ):
            wrong.append(message.id)
    assert wrong == []


def test_the_ui_says_je_not_u(catalog: Catalog) -> None:
    formal = re.compile(r"\b(u|uw|uzelf)\b", re.IGNORECASE)
    texts = [s for m in catalog if m.id for s in (m.string if m.pluralizable else (m.string,))]
    assert [t for t in texts if formal.search(str(t))] == []


def test_plural_forms_follow_the_count() -> None:
    i18n.set_language("nl")
    one = i18n.n_("Found {count} speaker.", "Found {count} speakers.", 1).format(count=1)
    two = i18n.n_("Found {count} speaker.", "Found {count} speakers.", 2).format(count=2)
    zero = i18n.n_("Found {count} speaker.", "Found {count} speakers.", 0).format(count=0)
    assert (one, two, zero) == (
        "1 luidspreker gevonden.",
        "2 luidsprekers gevonden.",
        "0 luidsprekers gevonden.",
    )
    i18n.set_language("en")
    assert i18n.n_("Found {count} speaker.", "Found {count} speakers.", 1) == (
        "Found {count} speaker."
    )


def test_an_untranslated_message_stays_english() -> None:
    i18n.set_language("nl")
    assert i18n._("Record") == "Opnemen"
    assert i18n._("no such message in the catalogue") == "no such message in the catalogue"
    assert i18n.p_("nowhere", "Record") == "Record"  # pgettext: a context of its own


def test_the_catalogue_is_compiled_once_into_the_cache_and_again_when_newer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resources = tmp_path / "resources"
    (resources / "i18n" / "nl").mkdir(parents=True)
    po = resources / "i18n" / "nl" / "pitchback.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Stop"\nmsgstr "Stoppen"\n',
        "utf-8",
    )
    monkeypatch.setattr(i18n, "RESOURCES", resources)
    cache = tmp_path / "cache"
    data = i18n.compiled_catalog("nl", cache)
    mo = cache / "i18n" / "nl" / "pitchback.mo"
    assert mo.read_bytes() == data
    assert [p.name for p in mo.parent.iterdir()] == ["pitchback.mo"]  # no temporary left
    os.utime(mo, ns=(1, 1))
    before = mo.stat().st_mtime_ns
    po.write_text(po.read_text("utf-8").replace("Stoppen", "Stop maar"), "utf-8")
    assert b"Stop maar" in i18n.compiled_catalog("nl", cache)
    assert mo.stat().st_mtime_ns > before
    # up to date: read from the cache, not compiled again
    mo.write_bytes(mo.read_bytes().replace(b"Stop maar", b"Stop haar"))
    assert b"Stop haar" in i18n.compiled_catalog("nl", cache)
