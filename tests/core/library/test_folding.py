"""Search folding: what a Dutch or English writer types finds what they wrote."""

from __future__ import annotations

import pytest

from app.core.library.folding import fold, query_words


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("IDEEËN", "ideeen"),
        ("Één", "een"),
        ("ĳsje", "ijsje"),  # the single-character Dutch ij
        ("Straße", "strasse"),
        ("café", "cafe"),
        ("ﬁle", "file"),
        ("㎒", "mhz"),
    ],
)
def test_case_accents_and_ligatures_do_not_matter(written: str, typed: str) -> None:
    assert fold(written) == fold(typed)


def test_different_letters_stay_different() -> None:
    assert fold("bel") != fold("bal")


def test_a_query_is_its_folded_words() -> None:
    assert query_words("  Tandarts\tUTRECHT  ") == ["tandarts", "utrecht"]
    assert query_words("   ") == []
