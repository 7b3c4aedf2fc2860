"""What the prospect says that is not in the script: the pickup, "still there?", "mm-hm".

These are spoken in the script's language, whatever language the app's menus are in, so they
are not user-interface messages and do not go through ``_``.
"""

from __future__ import annotations

import re

PROSPECT_NAME = "Peter"
PICKUP = {"en": "{name} speaking.", "nl": "Met {name}."}
STILL_THERE = {"en": "Hello? Are you still there?", "nl": "Hallo? Bent u daar nog?"}
# For an answer the script leaves open ("-> Goodbye"): whatever the prospect says.
WHATEVER = {"en": "Mm-hm. Okay.", "nl": "Hm-hm. Oké."}

# The prospect cuts a monologue short, then answers as to a weak reply.
INTERRUPT = {
    "en": "Sorry, I have a meeting in two minutes. What is this about?",
    "nl": "Sorry, ik heb over twee minuten een vergadering. Waarover gaat het?",
}
# You gave up: the prospect ends the call, as a real one would.
GOODBYE = {"en": "Okay. Bye then.", "nl": "Oké. Dag dan."}

_BRACES = re.compile(r"\{([^{}\n]*)\}")


def _language(language: str | None) -> str:
    return "nl" if language == "nl" else "en"


def pickup(language: str | None, name: str = PROSPECT_NAME) -> str:
    return PICKUP[_language(language)].format(name=name)


def still_there(language: str | None) -> str:
    return STILL_THERE[_language(language)]


def prospect_says(words: str, language: str | None) -> str:
    """A branch's words as the prospect says them: braces dropped, something for no words."""
    said = _BRACES.sub(lambda match: match.group(1), words).strip()
    return said or WHATEVER[_language(language)]


def interrupt(language: str | None) -> str:
    return INTERRUPT[_language(language)]


def goodbye(language: str | None) -> str:
    return GOODBYE[_language(language)]
