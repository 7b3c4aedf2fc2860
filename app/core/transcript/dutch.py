"""Dutch words in comparable form: numbers spelled out the Dutch way, compounds joined.

A Dutch script says "dertig" where Whisper writes "30", "€ 2.500" where it writes "2500
euro", and "zee-engte" where it writes "zeeëngte" or "zeeengte". Both sides become the same
words: numbers are spelled as the Taalunie writes them (one word up to a thousand,
"tweeëntwintig", "honderdvijf"; a space after duizend and miljoen: "tweeduizend vijfhonderd"),
hyphens inside a compound are dropped, and accents and the trema are taken off ("één" is
"een", "zeeëngte" is "zeeengte"), since they only mark stress or a syllable break.
Dutch writes a decimal comma and a thousands point: "2.500" is two thousand five hundred,
"3,5" three comma five. Not tried: times said as "half drie", and numbers split over two
transcript words.
"""

from __future__ import annotations

import re
import unicodedata

# fmt: off
_ONES = (
    "nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
    "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
    "negentien",
)
_TENS = ("", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig",
         "negentig")
# fmt: on
_ORDINALS = {"een": "eerste", "drie": "derde", "acht": "achtste"}
_CURRENCIES = {"€": "euro", "$": "dollar", "£": "pond"}
_NUMBER = re.compile(r"([€$£]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(e|ste|de|%)?")
_TIME = re.compile(r"(\d{1,2})[:u](\d{2})")  # 14:30, and the Flemish 14u30
_COMPOUND_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def spell_number(n: int) -> str:
    """Dutch words for a whole number below a billion: 342 -> 'driehonderdtweeënveertig'."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        if not ones:
            return _TENS[tens]
        joint = "ën" if _ONES[ones].endswith("e") else "en"
        return f"{_ONES[ones]}{joint}{_TENS[tens]}"
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "" if hundreds == 1 else _ONES[hundreds]
        return f"{head}honderd{spell_number(rest) if rest else ''}"
    for scale, name, one in ((10**6, "miljoen", "een "), (1000, "duizend", "")):
        if n >= scale:
            high, rest = divmod(n, scale)
            head = one if high == 1 else spell_number(high) + (" " if scale > 1000 else "")
            return f"{head}{name}" + (f" {spell_number(rest)}" if rest else "")
    raise AssertionError("unreachable")


def _ordinal(words: str) -> str:
    head, _space, last = words.rpartition(" ")
    for number, ordinal in _ORDINALS.items():
        if last.endswith(number) and not last.endswith(("tien", "twintig")):
            last = last[: -len(number)] + ordinal
            break
    else:
        ends_in_tens = last.endswith(("ig", "honderd", "duizend", "miljoen"))
        last += "ste" if ends_in_tens else "de"
    return f"{head} {last}".strip()


def _digits(text: str) -> str:
    return " ".join(_ONES[int(d)] for d in text)


def spell_numeric(token: str) -> str | None:
    """Dutch words for a token that is a number, amount, ordinal or time, else None."""
    time = _TIME.fullmatch(token)
    if time:
        hours, minutes = int(time[1]), int(time[2])
        return f"{spell_number(hours)} uur" + (f" {spell_number(minutes)}" if minutes else "")
    match = _NUMBER.fullmatch(token)
    if not match:
        return None
    currency, number, fraction, suffix = match[1], match[2], match[3], match[4] or ""
    whole = number.replace(".", "")
    grouped = "." in number
    if (
        not grouped
        and not fraction
        and not currency
        and ((whole.startswith("0") and len(whole) > 1) or len(whole) >= 5)
    ):
        return _digits(whole)  # a phone number or a code is read digit by digit
    words = spell_number(int(whole)) if len(whole) <= 9 else _digits(whole)
    if suffix in ("e", "ste", "de"):
        words = _ordinal(words)
    if currency:
        words += f" {_CURRENCIES[currency]}"  # € 2,50: "twee euro vijftig"
        if fraction:
            words += f" {spell_number(int(fraction))}"
    elif fraction:
        said = _digits(fraction) if fraction.startswith("0") else spell_number(int(fraction[:9]))
        words += f" komma {said}"
    if suffix == "%":
        words += " procent"
    return words


def plain_letters(text: str) -> str:
    """``text`` without accents and trema, compounds' hyphens dropped."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _COMPOUND_HYPHEN.sub("", bare)


_VOWEL_RUN = re.compile(r"[aeiouy]+")
# Vowel letters side by side that are two syllables without a trema: radio, januari, chaos,
# video; and a glide before a final e: koeien, draaien, mooie.
_HIATUS = re.compile(r"i(?=[aou])|u(?=[ao])|(?<!e)e(?=[ao])|a(?=o)|(?<=oei|aai|ooi)(?=e)")


def syllables(word: str) -> int:
    """Syllables in a written Dutch word: one per group of vowel letters ("ui", "eeuw",
    "ooi" and "ij" are one sound), where a trema starts a new one ("zeeën", "geïnteresseerd");
    numbers count as spoken ("30" is dertig, 2)."""
    spelled = spell_numeric(word.strip(".,;:!?\"'()…"))
    if spelled is not None:
        return sum(syllables(part) for part in spelled.split())
    text = word.lower().replace("ij", "y")
    count = 0
    for piece in re.split(r"(?=[äëïöü])", text):  # a trema opens a syllable
        for run in _VOWEL_RUN.findall(plain_letters(piece)):
            count += 1 + len(_HIATUS.findall(run))
    return count
