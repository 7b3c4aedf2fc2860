"""The branch map stays still while typing: a new answer and step move only the new step."""

from __future__ import annotations

from itertools import pairwise

from app.core.script import parse
from app.ui.editor.map_layout import BOX_SLOT, PASS_SLOT, MapLayout, layout, structure
from app.ui.editor.map_memory import MapMemory

BEFORE = """== Voicemail ==
Hi.
== Opener ==
Hello.
> busy -> Later
> who -> Who
> go on -> Reason
== Who ==
Sam.
-> Reason
== Reason ==
We help.
> no -> Objection
> yes -> Meeting
== Objection ==
Fair.
-> Meeting
== Later ==
When?
-> Goodbye
== Meeting ==
Tuesday?
-> Goodbye
== Goodbye == (end)
Bye.
"""
AFTER = BEFORE.replace("> busy -> Later\n", "> busy -> Later\n> email -> Email\n") + (
    "== Email ==\nSure.\n-> Goodbye\n"
)


def places(shown: MapLayout) -> dict[str, tuple[int, float]]:
    return {box.name: (box.column, box.y) for box in shown.boxes}


def laid_out(text: str) -> MapLayout:
    return layout(structure(parse(text)))


def no_overlap(shown: MapLayout) -> None:
    spans: dict[int, list[tuple[float, float]]] = {}
    for box in shown.boxes:
        spans.setdefault(box.column, []).append((box.y, box.y + BOX_SLOT))
    for arrow in shown.arrows:
        first = shown.boxes[arrow.source].column + 1
        for column, y in enumerate(arrow.passes, start=first):
            spans.setdefault(column, []).append((y, y + PASS_SLOT))
    for column in spans.values():
        column.sort()
        for (_a, end), (start, _b) in pairwise(column):
            assert start >= end, column


def test_typing_a_new_answer_and_step_moves_only_the_new_step() -> None:
    before, after = laid_out(BEFORE), laid_out(AFTER)
    moved = [name for name, place in places(before).items() if places(after)[name] != place]
    assert len(moved) >= 3  # laid out afresh, the map jumps: what the memory is for

    memory = MapMemory()
    shown_before = memory.settle(before)
    assert places(shown_before) == places(before)  # the first time, as laid out
    shown_after = memory.settle(after)
    kept = places(shown_after)
    assert all(kept[name] == place for name, place in places(shown_before).items())
    assert kept["Email"][0] == places(after)["Email"][0]  # the new step, in its column
    no_overlap(shown_after)
    assert shown_after.height >= max(y for _c, y in kept.values()) + BOX_SLOT


def test_another_script_is_laid_out_afresh() -> None:
    memory = MapMemory()
    memory.settle(laid_out(BEFORE))
    memory.forget()
    assert places(memory.settle(laid_out(AFTER))) == places(laid_out(AFTER))
