"""What each figure Pitchback shows means, in a salesperson's words (shown in tooltips)."""

from __future__ import annotations

from app.core.i18n import _


def meaning(figure: str) -> str:
    """The explanation of ``figure`` ('' for one this glossary does not know)."""
    texts = {
        "pace": _(
            "How fast you speak: syllables a second while you are speaking (pauses left out) "
            "and, once the words are in, words a minute over the whole take."
        ),
        "rise_and_fall": _(
            "How far your voice goes up and down, counted in notes as on a piano (semitones) "
            "between your low and your high points. Reading aloud tends to sound flat: few "
            "notes."
        ),
        "pauses": _(
            "How often you stop for a moment. Talk has pauses where you think; reading has "
            "fewer, and only at full stops and commas."
        ),
        "fillers": _("Um, uh, you know, like: a few go unnoticed, many sound unsure."),
        "rating": _("Your own mark for the take: does it sound like you? 1 (not at all) to 5."),
        "times_met": _("How many times the prospect has given this answer in your calls."),
        "usual_freeze": _(
            "The silence from the prospect's last word to your first, as it usually is: half "
            "of your replies came faster than this (the median)."
        ),
        "slowest_freezes": _(
            "9 in 10 of your replies came faster than this; the slowest tenth took longer "
            "(the 90th percentile). The answers to rehearse are the ones where this is long."
        ),
        "comes_back": _(
            "How often the prospect gives this answer in practice calls: the answers you "
            "handle worst come back most, until you handle them well."
        ),
    }
    return texts.get(figure, "")
