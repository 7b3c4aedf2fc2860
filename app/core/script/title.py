"""The script's ``Title:`` line: the name it is listed under. Reading it and rewriting it."""

from __future__ import annotations

import re

from app.core.script.parser import _HEADER, _TITLE_KEYS

_VALUE = re.compile(r"(#?\s*\w+\s*:)(.*)")


def _title_line(lines: list[str]) -> int | None:
    """Index of the Title: line before the first heading, as the parser reads it."""
    for index, raw in enumerate(lines):
        stripped = raw.strip().replace("\ufeff", "")
        if stripped.startswith("=="):
            return None
        header = _HEADER.fullmatch(stripped)
        if header and header.group(1).casefold() in _TITLE_KEYS:
            return index
    return None


def title_of(text: str) -> str | None:
    """What the Title: line says (one line, spaces squeezed); None without one or if empty."""
    lines = text.splitlines()
    index = _title_line(lines)
    if index is None:
        return None
    header = _HEADER.fullmatch(lines[index].strip().replace("\ufeff", ""))
    title = " ".join(header.group(2).split()) if header else ""
    return title or None


def with_title(text: str, title: str) -> str:
    """``text`` with its Title: line saying ``title`` (unchanged if it has no such line)."""
    lines = text.split("\n")
    index = _title_line(lines)
    if index is None:
        return text
    match = _VALUE.match(lines[index].strip())
    key = match.group(1) if match else "Title:"
    lines[index] = f"{key} {title}"
    return "\n".join(lines)
