"""Placeholders are filled where the user reads the script: the voicemail prompter, the live
call's prompter and the call sheet. One without a value stays visible as itself."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from app.core.profile import Profile, save_profile
from app.core.script import parse
from app.ui.editor.call_sheet import voicemail_lines
from app.ui.practice import PracticePage
from tests.ui.voicemail.helpers import STARTERS, open_starter


def test_the_voicemail_prompter_says_who_calls_whom(qtbot: Any, window: Any) -> None:
    save_profile(window.takes_page.conn, Profile("Ann Peeters", "Acme"))
    page, _script_id = open_starter(window)
    page.fill_placeholders()
    assert "this is Ann Peeters from Acme." in page.prompter.visible_text()
    assert "Hi {first_name}," in page.prompter.visible_text()  # not typed yet: still visible
    page.prospect.first_name.setText("Peter")
    page.prospect.company.setText("Vandijk Transport")
    text = page.prompter.visible_text()
    assert "Hi Peter, this is Ann Peeters from Acme." in text
    assert "teams like yours at Vandijk Transport" in text
    assert "{" not in text


def test_the_live_call_prompter_uses_the_prospect_on_the_page(qtbot: Any, window: Any) -> None:
    save_profile(window.takes_page.conn, Profile("Ann", ""))
    info = window.library.create_from_starter(STARTERS["en"], "en")
    page = window.show_page(PracticePage)
    page.open_script(info.id)
    page.apply_settings(replace(page.settings, prospect_name="Peter"))
    text = page.call.prompter.visible_text()
    assert "Hi Peter, this is Ann from {my_company}." in text


def test_the_call_sheet_fills_the_profile() -> None:
    script = parse(STARTERS["en"].read_text("utf-8"))
    lines = voicemail_lines(script, {"my_name": "Ann", "my_company": "Acme"})
    assert "Hi {first_name}, this is Ann from Acme." in lines
