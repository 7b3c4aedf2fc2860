"""Everything of the daily block in Dutch too (the catalogue's placeholders are checked for the
whole app in tests/core/test_i18n.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from babel.messages.pofile import read_po
from PySide6.QtWidgets import QAbstractButton, QLabel

from app.core.i18n import set_language
from app.core.library import ScriptLibrary
from app.core.paths import RESOURCES
from app.core.prospecting import ProspectDraft
from app.core.script import parse
from app.ui.today.block_bar import BlockBar
from app.ui.today.call_dialog import CallDialog
from app.ui.today.hub import Prospecting
from app.ui.today.page import TodayPage
from tests.ui.voicemail.helpers import STARTERS

CATALOGUE = RESOURCES / "i18n" / "nl" / "pitchback.po"


def translated_english() -> set[str]:
    """Every English message whose Dutch differs (not "Prospects")."""
    with CATALOGUE.open("rb") as po:
        return {
            m.id
            for m in read_po(po)
            if isinstance(m.id, str)
            and m.id
            and isinstance(m.string, str)
            and m.string
            and m.string != m.id
        }


def texts(widget: Any) -> list[str]:
    found = [w.text() for w in widget.findChildren(QAbstractButton)]
    found += [w.text() for w in widget.findChildren(QLabel) if w.text()]
    return found


def test_the_today_page_and_the_call_form_speak_dutch(
    qtbot: Any, hub: Prospecting, library: ScriptLibrary
) -> None:
    set_language("nl")
    english = translated_english()
    page = TodayPage(hub, lambda: library)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    bar = BlockBar(hub)
    qtbot.addWidget(bar)
    hub.start_block()
    shown = texts(page) + texts(bar)
    assert "Start je 30 minuten van vandaag" not in shown  # the block runs now
    assert "Blok van vandaag beëindigen" in shown
    assert "Prospectieblok: nog 30:00" in shown
    assert not english & set(shown), english & set(shown)
    prospect = hub.prospects.add(ProspectDraft("Ann", tier="A"))
    script = parse(STARTERS["nl"].read_text("utf-8"))
    dialog = CallDialog(prospect, script, "nl", date(2026, 3, 2))
    qtbot.addWidget(dialog)
    shown = texts(dialog) + [dialog.outcome.itemText(i) for i in range(dialog.outcome.count())]
    assert "Niet opgenomen" in shown and "Wat ik anders zou doen" in shown
    assert not english & set(shown), english & set(shown)
    hub.end_block()
