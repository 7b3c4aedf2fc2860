from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.script import Script, parse
from app.core.store import connect

THREE_TURNS = """\
Title: Three turns
Language: en

== Voicemail ==
Hi, this is Sam.

== Opener ==
Hi, this is Sam from Acme. Can I take thirty seconds?
> Sure, go ahead -> Reason
> Send me an email -> Email

== Reason ==
We help planners see late deliveries. Is that something you see?
> Yes, that happens -> Meeting
> Not really -> Goodbye

== Email ==
Happy to. What would you like to see in it?
-> Goodbye

== Meeting == (end)
Great. Does Tuesday at ten work?

== Goodbye == (end)
Thank you for your time.
"""

FIVE_ANSWERS = """\
Title: Five answers
Language: en

== Voicemail ==
Hi.

== Opener ==
Hi, this is Sam.
> Sure -> End
> Who is this? -> End
> Not a good time -> End
> We don't need that -> End
> Send me an email -> End

== End == (end)
Bye.
"""


def three_turns() -> Script:
    return parse(THREE_TURNS)


def five_answers() -> Script:
    return parse(FIVE_ANSWERS)


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = connect(tmp_path / "pitchback.db")
    yield connection
    connection.close()
