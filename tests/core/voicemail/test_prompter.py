"""The prompter's four levels, on the bundled starter script."""

from __future__ import annotations

from app.core.paths import RESOURCES
from app.core.voicemail import Level, prompter_view, voicemail_of

STARTER = (RESOURCES / "starters" / "en" / "cold-call-starter.pitch").read_text("utf-8")


def shown(level: Level, text: str = STARTER) -> list[str]:
    return [
        "".join(p.text for p in para if p.style != "faded")
        for para in prompter_view(voicemail_of(text), level)
    ]


def test_full_text_shows_every_spoken_line_and_cue_but_no_note() -> None:
    lines = shown(Level.FULL)
    assert lines[0] == "(about 25 seconds; smile, and say your name slowly)"
    assert "Hi {first_name}, this is {my_name} from {my_company}." in lines
    assert not any("Do not pitch" in line for line in lines)
    assert "Again, {my_name} from {my_company}. Talk to you Thursday." in lines
    assert not any("Opener" in line or "thirty seconds" in line for line in lines)


def test_key_words_keep_sentence_starts_and_every_placeholder() -> None:
    paragraphs = prompter_view(voicemail_of(STARTER), Level.KEY_WORDS)
    second = paragraphs[2]  # "I'm calling because we help ... at {company} cut ..."
    assert "".join(p.text for p in second).startswith("I'm calling because we help")
    keys = "".join(p.text for p in second if p.style == "spoken")
    assert keys.startswith("I'm calling because")
    assert "{company}" in keys
    assert "logistics" not in keys
    assert any(p.style == "faded" and "logistics" in p.text for p in second)


def test_outline_has_only_the_first_words_and_nothing_has_nothing() -> None:
    outline = shown(Level.OUTLINE)
    assert "I'm calling because…" in outline
    assert all(len(line.split()) <= 4 for line in outline if not line.startswith("("))
    assert shown(Level.NOTHING) == []


def test_less_is_shown_at_each_level() -> None:
    sizes = [sum(map(len, shown(level))) for level in Level]
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] > sizes[1] > sizes[2] > sizes[3] == 0


def test_a_script_without_a_voicemail_shows_nothing() -> None:
    assert voicemail_of("== Opener ==\nHello.\n") is None
    assert prompter_view(None, Level.FULL) == []
