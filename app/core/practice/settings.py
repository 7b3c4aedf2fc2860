"""Live-call practice settings, kept in the database's settings table by name."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Literal, get_args

from app.core.practice.patience import DIFFICULTIES, Difficulty
from app.core.practice.phrases import PROSPECT_NAME
from app.core.store import get_setting, put_setting

VoiceSource = Literal["system", "recorded", "none"]
ChoiceKind = Literal["random", "weighted", "drill"]
VOICE_SOURCES: tuple[VoiceSource, ...] = get_args(VoiceSource)
CHOICE_KINDS: tuple[ChoiceKind, ...] = get_args(ChoiceKind)
_KEY = "practice."


@dataclass(frozen=True)
class PracticeSettings:
    voice: VoiceSource = "system"
    choice: ChoiceKind = "weighted"
    drill_key: str = ""  # the answer drilled, for choice 'drill'
    prompter_level: int = 0  # app.core.voicemail Level: full text, key words, outline, nothing
    prospect_name: str = PROSPECT_NAME
    difficulty: Difficulty = "normal"  # how patient the prospect is


def load_settings(conn: sqlite3.Connection) -> PracticeSettings:
    voice = get_setting(conn, _KEY + "voice") or "system"
    choice = get_setting(conn, _KEY + "choice") or "weighted"
    try:
        level = min(3, max(0, int(get_setting(conn, _KEY + "prompter_level") or 0)))
    except ValueError:
        level = 0
    return PracticeSettings(
        voice=next((v for v in VOICE_SOURCES if v == voice), "system"),
        choice=next((c for c in CHOICE_KINDS if c == choice), "weighted"),
        drill_key=get_setting(conn, _KEY + "drill_key") or "",
        prompter_level=level,
        prospect_name=get_setting(conn, _KEY + "prospect_name") or PROSPECT_NAME,
        difficulty=next((d for d in DIFFICULTIES if d == get_setting(conn, _KEY + "difficulty")),
                        "normal"),
    )  # fmt: skip


def save_settings(conn: sqlite3.Connection, settings: PracticeSettings) -> None:
    put_setting(conn, _KEY + "voice", settings.voice)
    put_setting(conn, _KEY + "choice", settings.choice)
    put_setting(conn, _KEY + "drill_key", settings.drill_key)
    put_setting(conn, _KEY + "prompter_level", str(settings.prompter_level))
    put_setting(conn, _KEY + "prospect_name", settings.prospect_name)
    put_setting(conn, _KEY + "difficulty", settings.difficulty)


def system_voice(conn: sqlite3.Connection, language: str) -> str:
    """The name of the operating system's voice chosen for scripts in ``language`` ('' none)."""
    return get_setting(conn, f"{_KEY}system_voice.{language}") or ""


def set_system_voice(conn: sqlite3.Connection, language: str, name: str) -> None:
    put_setting(conn, f"{_KEY}system_voice.{language}", name)
