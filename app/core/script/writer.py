"""Writing a script back as text, in the one canonical layout the parser reads back unchanged.

The layout: the Title and Language lines, the free text about the script, then the voicemail
and the steps, one blank line before each heading, "\\n" line ends, a final "\\n", no BOM.
Words are written in the script's language (``Titel:``, ``(einde)`` for Dutch) so a Dutch
salesperson reads Dutch; the parser accepts both languages either way.
"""

from __future__ import annotations

from app.core.script.model import Branch, Line, LineKind, Reaction, Script, Step

_WORDS = {
    "en": {
        "title": "Title",
        "language": "Language",
        "end": "(end)",
        "good": "(good)",
        "weak": "(weak)",
    },
    "nl": {
        "title": "Titel",
        "language": "Taal",
        "end": "(einde)",
        "good": "(goed)",
        "weak": "(zwak)",
    },
}


def write_branch(branch: Branch, language: str | None = None) -> str:
    words, target = branch.words, branch.target
    if branch.reaction != Reaction.ANY:
        mark = _WORDS[_words_language(language)][branch.reaction.value]
        marked = f"> {mark} {words}" if words else f"> {mark}"
        if target:
            return f"{marked} -> {target}"
        return f"{marked} ->" if ("->" in words or "→" in words) else marked
    if not words:
        return f"-> {target}" if target else ">"
    if target:
        return f"> {words} -> {target}"
    # The parser splits at the last arrow, so words that hold one need a trailing arrow to
    # keep the target empty.
    return f"> {words} ->" if ("->" in words or "→" in words) else f"> {words}"


def write_line(item: Line | Branch, language: str | None = None) -> str:
    if isinstance(item, Branch):
        return write_branch(item, language)
    if item.kind == LineKind.CUE:
        return f"({item.text})"
    if item.kind == LineKind.NOTE:
        return f"// {item.text}" if item.text else "//"
    if item.kind == LineKind.BREAK:
        return ""
    return item.text


def write_heading(step: Step, language: str | None = None) -> str:
    heading = f"== {step.name} =="
    return f"{heading} {_WORDS[_words_language(language)]['end']}" if step.is_ending else heading


def _words_language(language: str | None) -> str:
    return "nl" if language == "nl" else "en"


def write(script: Script) -> str:
    """The text of ``script``; ``parse(write(s)) == s`` for every script ``parse`` returns."""
    words = _WORDS[_words_language(script.language)]
    out: list[str] = []
    if script.title is not None:
        out.append(f"{words['title']}: {script.title}".rstrip())
    if script.language is not None:
        out.append(f"{words['language']}: {script.language}".rstrip())
    if script.about:
        if out:
            out.append("")
        out.extend(script.about)
    parts = ([script.voicemail] if script.voicemail else []) + list(script.steps)
    for step in parts:
        if out:
            out.append("")
        out.append(write_heading(step, script.language))
        out.extend(write_line(item, script.language) for item in step.body)
    return "\n".join(out) + "\n" if out else ""
