"""Prospects and real calls as plain values: who to call, and what happened when you did."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal, get_args

Tier = Literal["A", "B", "C"]
TIERS: tuple[Tier, ...] = get_args(Tier)

Outcome = Literal["no_answer", "voicemail", "spoke", "meeting", "not_interested", "call_back"]
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
# A person answered: these are the conversations of the week.
CONVERSATIONS: tuple[Outcome, ...] = ("spoke", "meeting", "not_interested", "call_back")
# The prospect leaves the queue for good after these.
CLOSING: tuple[Outcome, ...] = ("meeting", "not_interested")


Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    """As app.core.library.timestamps.to_iso stores times (text order is time order), without
    importing the script library at start-up."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def phone_key(phone: str) -> str:
    """What two ways of writing one number share: its last eight digits. '+32 57 42 20 05',
    '0032 57 42 20 05' and the national '057 42 20 05' differ before them, not in them."""
    digits = re.sub(r"\D", "", phone)
    return digits[-8:]


def name_key(name: str, company: str) -> str:
    return " ".join(name.casefold().split()) + "|" + " ".join(company.casefold().split())


@dataclass(frozen=True)
class ProspectDraft:
    """A prospect not (yet) in the store: typed in, or a row of an imported file."""

    name: str
    company: str = ""
    phone: str = ""
    tier: Tier = "B"
    notes: str = ""
    script_id: int | None = None


@dataclass(frozen=True)
class Prospect:
    id: int
    name: str
    company: str
    phone: str
    tier: Tier
    notes: str
    script_id: int | None
    call_on: date | None
    closed: bool

    def draft(self) -> ProspectDraft:
        return ProspectDraft(
            self.name, self.company, self.phone, self.tier, self.notes, self.script_id
        )


@dataclass(frozen=True)
class CallLog:
    """The small form filled in when a real call ends."""

    outcome: Outcome
    objection: str = ""  # the prospect's words, picked or typed
    objection_key: str = ""  # the script answer's branch key, when picked from the script
    step: str = ""  # the step of the script it was heard at
    no_good_answer: bool = False
    differently: str = ""  # one line: what I'd do differently
    call_back_on: date | None = None
