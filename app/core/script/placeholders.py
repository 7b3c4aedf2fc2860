"""Filling a script's placeholders ({first_name}, {my_name}, ...) with what is known.

One that has no value stays visible as itself, braces and all: the user sees what is missing
rather than an empty gap in the middle of a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from app.core.script.model import PLACEHOLDER


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with every ``{name}`` that has a non-empty value in ``values`` replaced."""

    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1).strip(), "").strip()
        return value or match.group(0)

    return PLACEHOLDER.sub(replace, text)


def prospect_values(first_name: str = "", company: str = "") -> dict[str, str]:
    """The prospect's placeholders, as typed on a page (empty ones are left out)."""
    return {k: v.strip() for k, v in (("first_name", first_name), ("company", company)) if v}
