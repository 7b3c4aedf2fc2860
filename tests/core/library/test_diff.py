"""Side-by-side and word differences."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.library.diff import DiffRow, lines, side_by_side, word_diff


def test_identical_texts_are_all_the_same() -> None:
    rows = side_by_side("a\nb\n", "a\nb\n")
    assert rows == [DiffRow(1, "a", 1, "a", "same"), DiffRow(2, "b", 2, "b", "same")]


def test_a_reworded_line_is_shown_next_to_its_old_self() -> None:
    old = "== Opener ==\nHi, this is Sam.\nHow are you?\n"
    new = "== Opener ==\nGood morning, this is Sam.\nHow are you?\n"
    assert side_by_side(old, new) == [
        DiffRow(1, "== Opener ==", 1, "== Opener ==", "same"),
        DiffRow(2, "Hi, this is Sam.", 2, "Good morning, this is Sam.", "changed"),
        DiffRow(3, "How are you?", 3, "How are you?", "same"),
    ]


def test_added_and_removed_lines_leave_the_other_side_empty() -> None:
    rows = side_by_side("keep\ndrop\nkeep too\n", "keep\nkeep too\nnew\n")
    assert [(r.kind, r.left_lineno, r.right_lineno) for r in rows] == [
        ("same", 1, 1),
        ("removed", 2, None),
        ("same", 3, 2),
        ("added", None, 3),
    ]
    assert rows[1].right_text == "" and rows[3].left_text == ""


def test_a_longer_replacement_pairs_what_it_can_and_adds_the_rest() -> None:
    rows = side_by_side("x\n", "y1\ny2\n")
    assert [r.kind for r in rows] == ["changed", "added"]


def test_lines_do_not_invent_a_last_empty_line() -> None:
    assert lines("") == []
    assert lines("a\n") == ["a"]
    assert lines("a\n\n") == ["a", ""]
    assert lines("a") == ["a"]


TEXT = st.lists(st.sampled_from(["== Opener ==", "", "Hello.", "How are you?", "Bye."])).map(
    "\n".join
)


@given(old=TEXT, new=TEXT)
def test_each_side_shows_its_whole_text_in_order(old: str, new: str) -> None:
    rows = side_by_side(old, new)
    left = [(r.left_lineno, r.left_text) for r in rows if r.left_lineno is not None]
    right = [(r.right_lineno, r.right_text) for r in rows if r.right_lineno is not None]
    assert left == list(enumerate(lines(old), start=1))
    assert right == list(enumerate(lines(new), start=1))
    assert all(r.left_text == r.right_text for r in rows if r.kind == "same")
    assert all(r.left_text != r.right_text for r in rows if r.kind == "changed")


WORDS = st.lists(st.sampled_from(["we", "help", "teams", "Teams", "like", "yours"]), max_size=12)


@given(a=WORDS, b=WORDS)
def test_word_ops_turn_one_sequence_into_the_other(a: list[str], b: list[str]) -> None:
    rebuilt: list[str] = []
    for op in word_diff(a, b):
        if op.tag == "equal":
            assert a[op.a_start : op.a_end] == b[op.b_start : op.b_end]
        rebuilt.extend(b[op.b_start : op.b_end])
    assert rebuilt == b
    assert sum(op.a_end - op.a_start for op in word_diff(a, b)) == len(a)


def test_a_key_decides_which_words_are_equal_but_indices_stay_on_the_originals() -> None:
    said = ["we", "help", "TEAMS,", "like", "yours"]
    script = ["We", "help", "teams", "like", "yours"]
    assert [op.tag for op in word_diff(said, script)] == ["replace", "equal", "replace", "equal"]

    def normal(word: str) -> str:
        return word.casefold().strip(",.")

    assert [(op.tag, op.a_start, op.a_end) for op in word_diff(said, script, key=normal)] == [
        ("equal", 0, 5)
    ]


def test_a_skipped_word_is_a_delete() -> None:
    [same, gone, rest] = word_diff(["shall", "I", "send", "it"], ["shall", "I", "it"])
    assert (gone.tag, gone.a_start, gone.a_end, gone.b_start, gone.b_end) == ("delete", 2, 3, 2, 2)
    assert same.tag == rest.tag == "equal"
