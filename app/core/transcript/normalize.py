"""Words in one comparable form, so that "$20" in a script matches "twenty dollars" said.

Whisper writes numbers, abbreviations and casual forms its own way ("Mr.", "gonna", "2:30"),
and a script writer writes them another. Both sides go through ``normalize`` before any
comparison: lower case, no punctuation, numbers spelled out, a few casual forms made formal.
What this does not try: years read as pairs ("twenty twenty-four" stays apart from "2024"),
and "one hundred and five" keeps its "and".
"""

from __future__ import annotations

import re

from app.core.transcript import dutch

# fmt: off
_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# fmt: on
_SCALES = ((10**9, "billion"), (10**6, "million"), (1000, "thousand"))
_ORDINAL_ENDINGS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
_CURRENCIES = {"$": "dollars", "€": "euros", "£": "pounds"}

# Casual and abbreviated forms, mapped to what a script writer would spell out.
_CANONICAL = {
    "mr": "mister",
    "mrs": "missus",
    "dr": "doctor",
    "alright": "all right",
    "ok": "okay",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "y'know": "you know",
    "yknow": "you know",
    "&": "and",
    "%": "percent",
}

# Filled pauses, whatever number of letters Whisper spells them with ("umm", "hmmm").
_FILLED_PAUSES = (
    (re.compile(r"u+h*m+"), "um"),
    (re.compile(r"u+h+"), "uh"),
    (re.compile(r"e+r+m+"), "erm"),
    (re.compile(r"e+r+"), "er"),
    (re.compile(r"h+m+"), "hmm"),
    (re.compile(r"m{2,}"), "mm"),
    (re.compile(r"e+h+m+"), "ehm"),  # Dutch
    (re.compile(r"e+u+h+"), "euh"),  # Flemish
    (re.compile(r"a+h+m+"), "ahm"),  # how Whisper spells a Dutch "ehm" now and then
    (re.compile(r"e+h+"), "eh"),
)

_NUMBER = re.compile(r"([$€£]?)(\d[\d,]*(?:\.\d+)?)(st|nd|rd|th|%|k)?")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")
_EDGE_PUNCTUATION = "\"“”‘’'.,;:!?()[]{}<>«»…*_"


def spell_number(n: int) -> str:
    """English words for a whole number below a trillion: 342 -> 'three hundred forty two'."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f" {_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {spell_number(rest)}" if rest else "")
    for scale, name in _SCALES:
        if n >= scale:
            high, rest = divmod(n, scale)
            return f"{spell_number(high)} {name}" + (f" {spell_number(rest)}" if rest else "")
    raise AssertionError("unreachable")


def _ordinal(words: str) -> str:
    head, _space, last = words.rpartition(" ")
    if last in _ORDINAL_ENDINGS:
        last = _ORDINAL_ENDINGS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head} {last}".strip()


def _digits(text: str) -> str:
    return " ".join(_ONES[int(d)] for d in text)


def _spell_numeric(token: str) -> str | None:
    """Words for a token that is a number, amount, ordinal or time of day, else None."""
    time = _TIME.fullmatch(token)
    if time:
        hours, minutes = int(time[1]), int(time[2])
        if minutes == 0:
            return spell_number(hours)
        return f"{spell_number(hours)} {'oh ' if minutes < 10 else ''}{spell_number(minutes)}"
    match = _NUMBER.fullmatch(token)
    if not match:
        return None
    currency, number, suffix = match[1], match[2], match[3] or ""
    whole, _dot, fraction = number.replace(",", "").partition(".")
    # Phone numbers and codes are read digit by digit; grouped thousands never start with 0.
    if "," not in number and not fraction and (whole.startswith("0") and len(whole) > 1):
        return _digits(whole)
    if "," not in number and not fraction and len(whole) >= 5 and not currency:
        return _digits(whole)
    words = spell_number(int(whole)) if len(whole) <= 12 else _digits(whole)
    if suffix in ("st", "nd", "rd", "th"):
        words = _ordinal(words)
    if suffix == "k":
        words += " thousand"
    if fraction and currency:
        words += f" {_CURRENCIES[currency]} {spell_number(int(fraction))} cents"
    elif fraction:
        words += f" point {_digits(fraction)}"
    elif currency:
        words += f" {_CURRENCIES[currency]}"
    if suffix == "%":
        words += " percent"
    return words


def canonical_filler(token: str) -> str | None:
    """'um', 'uh', 'er', 'erm', 'hmm', 'mm', 'eh', 'euh', 'ehm' or 'ahm' for a normalized filled
    pause."""
    for pattern, canonical in _FILLED_PAUSES:
        if pattern.fullmatch(token):
            return canonical
    return None


def _normalize_piece(piece: str, language: str) -> list[str]:
    piece = piece.strip(_EDGE_PUNCTUATION)
    if not piece:
        return []
    spelled = dutch.spell_numeric(piece) if language == "nl" else _spell_numeric(piece)
    if spelled is not None:
        return spelled.split()
    if piece in _CANONICAL:
        return _CANONICAL[piece].split()
    piece = re.sub(r"[^\w']+", " ", piece).replace("_", " ")
    out: list[str] = []
    for word in piece.split():
        word = word.strip("'")
        if word:
            word = canonical_filler(word) or word
            out.extend(_CANONICAL.get(word, word).split())
    return out


def normalize(text: str, language: str = "en") -> list[str]:
    """The words of ``text`` in comparable form: "Mr. Dash-wood owes $20." ->
    ['mister', 'dash', 'wood', 'owes', 'twenty', 'dollars']; in Dutch (``language`` 'nl')
    "De zee-engte kost €30." -> ['de', 'zeeengte', 'kost', 'dertig', 'euro']."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    if language == "nl":
        text = dutch.plain_letters(text)
    words: list[str] = []
    for token in text.split():
        # Hyphens, dashes and slashes join words ("ill-disposed", "555-0123", "and/or").
        for piece in re.split(r"[-‐‑–—/]+", token):
            words.extend(_normalize_piece(piece, language))
    return words
