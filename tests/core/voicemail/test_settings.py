"""Voicemail settings and the prompter level, kept in the database by name."""

from __future__ import annotations

from pathlib import Path

from app.core.store import connect, put_setting
from app.core.voicemail import (
    Level,
    VoicemailSettings,
    load_settings,
    prompter_level,
    save_settings,
    set_prompter_level,
)


def test_defaults_then_what_was_saved(tmp_path: Path) -> None:
    conn = connect(tmp_path / "p.db")
    assert load_settings(conn) == VoicemailSettings(limit_s=30, call_yourself=False)
    wanted = VoicemailSettings(limit_s=45, call_yourself=True, pickup_one_in=5, phone_line=True)
    save_settings(conn, wanted)
    assert load_settings(connect(tmp_path / "p.db")) == wanted


def test_the_limit_stays_between_15_and_60_seconds(tmp_path: Path) -> None:
    conn = connect(tmp_path / "p.db")
    save_settings(conn, VoicemailSettings(limit_s=3))
    assert load_settings(conn).limit_s == 15
    put_setting(conn, "voicemail.limit_s", "600")
    assert load_settings(conn).limit_s == 60
    put_setting(conn, "voicemail.limit_s", "lots")
    put_setting(conn, "voicemail.pickup_one_in", "7")
    assert load_settings(conn).limit_s == 30
    assert load_settings(conn).pickup_one_in == 0


def test_each_script_remembers_its_prompter_level(tmp_path: Path) -> None:
    conn = connect(tmp_path / "p.db")
    set_prompter_level(conn, 1, Level.OUTLINE)
    assert prompter_level(conn, 1) == Level.OUTLINE
    assert prompter_level(conn, 2) == Level.FULL
    put_setting(conn, "voicemail.prompter_level.2", "9")
    assert prompter_level(conn, 2) == Level.FULL
