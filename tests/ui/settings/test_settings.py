"""Settings (Ctrl+,) as a user meets it: who you are, language, devices, speech model,
prospect's voice, the data folder and "Export everything"."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

import app.ui.feedback.model_setting as model_setting
import app.ui.settings.data_section as data_section
import app.ui.settings.sections as sections
from app.audio.remembered import remembered_name
from app.core.practice.settings import load_settings
from app.core.profile import load_profile
from app.core.store import get_setting
from app.core.transcript import default_model_dir
from app.ui.settings import SettingsDialog, SpeechModelSection
from app.ui.settings.data_section import DataSection
from app.ui.settings.sections import (
    DevicesSection,
    LanguageSection,
    ProfileSection,
    ProspectVoiceSection,
)


def open_settings(qtbot: Any, window: Any, by_key: bool = False) -> SettingsDialog:
    if by_key:
        qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    else:  # Edit > Settings...
        window.settings_action.trigger()
    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    return dialog


def section(dialog: SettingsDialog, kind: type) -> Any:
    found = next(s for s in dialog.sections if isinstance(s, kind))
    dialog.show_section(found)
    return found


def test_ctrl_comma_opens_settings_and_ok_keeps_every_section(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    restarts: list[str] = []
    monkeypatch.setattr(sections, "ask_restart", lambda _parent: True)
    monkeypatch.setattr(sections, "restart_app", lambda: restarts.append("again"))
    dialog = open_settings(qtbot, window, by_key=True)
    titles = [dialog.titles.item(i).text() for i in range(dialog.titles.count())]
    assert titles == [
        "About you",
        "Language",
        "Microphone and speaker",
        "Speech model",
        "Prospect's voice",
        "Daily block",
        "Your data",
    ]
    profile = section(dialog, ProfileSection)
    profile.name.setText("Ann Peeters")
    profile.company.setText("Acme")
    language = section(dialog, LanguageSection)
    language.box.setCurrentIndex(language.box.findData("nl"))
    voice = section(dialog, ProspectVoiceSection)
    voice.source.setCurrentIndex(voice.source.findData("none"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    conn = window.takes_page.conn
    assert load_profile(conn).my_name == "Ann Peeters"
    assert load_profile(conn).my_company == "Acme"
    assert get_setting(conn, "language") == "nl"
    assert load_settings(conn).voice == "none"
    qtbot.waitUntil(lambda: restarts == ["again"], timeout=1000)  # offered and accepted

    # Cancel keeps nothing; the same language again asks for no restart
    dialog = open_settings(qtbot, window)
    section(dialog, ProfileSection).name.setText("Someone else")
    dialog.reject()
    assert load_profile(conn).my_name == "Ann Peeters"
    dialog = open_settings(qtbot, window)
    dialog.accept()
    assert restarts == ["again"]


def test_the_speech_model_folder_is_checked_before_it_is_kept(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_settings(qtbot, window)
    speech = section(dialog, SpeechModelSection)
    setting, conn = speech.setting, window.takes_page.conn
    not_a_model = tmp_path / "holiday photos"
    not_a_model.mkdir()
    monkeypatch.setattr(model_setting, "choose_folder", lambda *_: str(not_a_model))
    setting.choose_button.click()
    assert "lacks model.bin, config.json, tokenizer.json" in speech.note.text()
    assert get_setting(conn, model_setting.SETTING) is None
    assert setting.field.text().startswith("Built-in")

    model = default_model_dir()
    monkeypatch.setattr(model_setting, "choose_folder", lambda *_: str(model))
    setting.choose_button.click()
    assert get_setting(conn, model_setting.SETTING) == str(model)
    assert setting.field.text() == str(model)
    assert speech.note.text() == f"New transcripts will use the speech model in {model}."
    setting.builtin_button.click()
    assert get_setting(conn, model_setting.SETTING) == ""
    assert speech.note.text() == "New transcripts will use the built-in speech models."
    dialog.reject()


def test_the_data_folder_opens_and_everything_exports_to_one_zip(
    qtbot: Any, window: Any, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = window.takes_page.store
    take = store.begin(48000)
    store.path_of(take).write_bytes(b"fLaC" + bytes(200_000))
    store.finish(take.id, 1.0)
    opened: list[Path] = []
    monkeypatch.setattr(data_section, "open_folder", opened.append)
    target = tmp_path / "my export"  # no extension typed: .zip is added
    monkeypatch.setattr(data_section, "save_zip_path", lambda *_: str(target))
    dialog = open_settings(qtbot, window)
    data = section(dialog, DataSection)
    assert data.folder.text() == str(home)
    data.open_button.click()
    assert opened == [home]

    data.export_button.click()
    assert data.busy and not data.export_button.isEnabled()
    qtbot.waitUntil(lambda: not data.busy, timeout=10_000)
    assert data.result.text() == f"Saved everything (2 files) in {target}.zip."
    with zipfile.ZipFile(f"{target}.zip") as archive:
        assert sorted(archive.namelist()) == ["pitchback.db", take.file]

    monkeypatch.setattr(data_section, "save_zip_path", lambda *_: str(tmp_path / "no" / "x.zip"))
    data.export_button.click()
    qtbot.waitUntil(lambda: not data.busy, timeout=10_000)
    assert data.result.text().startswith("The export could not be written to ")
    dialog.reject()


def test_the_microphone_chosen_in_settings_is_the_recorder_page_s(
    qtbot: Any, window: Any, sd: Any
) -> None:
    dialog = open_settings(qtbot, window)
    devices = section(dialog, DevicesSection)
    box = devices.boxes["input"]
    index = next(i for i in range(box.count()) if box.itemText(i).startswith("rig_mic ("))
    box.setCurrentIndex(index)
    dialog.accept()
    assert remembered_name(window.takes_page.conn, "input") == box.itemText(index)
    assert window.takes_page.panel.input_label() == box.itemText(index)
