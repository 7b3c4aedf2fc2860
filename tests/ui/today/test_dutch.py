"""Everything of the daily block in Dutch too, with the same placeholders as the English."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

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

CATALOGUE = RESOURCES / "i18n" / "nl" / "prospecting.json"


def test_placeholders_match() -> None:
    for english, dutch in json.loads(CATALOGUE.read_text("utf-8")).items():
        assert set(re.findall(r"\{\w*\}", english)) == set(re.findall(r"\{\w*\}", dutch)), english


def texts(widget: Any) -> list[str]:
    found = [w.text() for w in widget.findChildren(QAbstractButton)]
    found += [w.text() for w in widget.findChildren(QLabel) if w.text()]
    return found


def test_the_today_page_and_the_call_form_speak_dutch(
    qtbot: Any, hub: Prospecting, library: ScriptLibrary
) -> None:
    set_language("nl")
    catalogue = json.loads(CATALOGUE.read_text("utf-8"))
    english = {text for text, dutch in catalogue.items() if text != dutch}  # not "Prospects"
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
