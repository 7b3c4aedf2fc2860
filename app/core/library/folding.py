"""Search that ignores case and accents, as Dutch writers expect ("ideeen" finds "ideeën")."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """``text`` without case and accents; NFKD also spells ligatures out (ĳ -> ij, ﬁ -> fi)."""
    # Unicode's compatibility caseless match folds case on both sides of NFKD: folding can
    # yield combining marks, and NFKD can yield capitals (㎒ -> MHz).
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def search_key(title: str, text: str) -> str:
    # A newline between them, so no query word can match across the title and the text.
    return fold(title) + "\n" + fold(text)


def query_words(query: str) -> list[str]:
    """The folded words of a search; a script matches when it contains all of them."""
    return fold(query).split()
