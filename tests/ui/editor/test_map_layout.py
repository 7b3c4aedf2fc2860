"""The branch map's layout and arrow shapes (plain data): the rules a reader relies on."""

from __future__ import annotations

from itertools import pairwise

from app.core.script import parse
from app.ui.editor.map_geometry import BOX_H, LABEL_STEP, MapGeometry, box_origin
from app.ui.editor.map_layout import BOX_SLOT, PASS_SLOT, MapLayout, layout, structure

SCRIPT = """== Voicemail ==
Hi.

== Opener ==
Hi, this is Sam.
> Sure -> Reason
> Not now -> Goodbye
> What is it about? -> Pricing

== Reason ==
We help planners.
> Tell me more -> Objection
> Fine -> Meeting

== Objection ==
We tried that.
> Okay, go on -> Reason
> No -> Goodbye

== Meeting == (end)
Tuesday?

== Goodbye == (end)
Bye.

== Orphan == (end)
Nobody gets here.
"""


def laid_out(text: str) -> MapLayout:
    return layout(structure(parse(text)))


def test_answers_lead_right_and_a_loop_leads_back() -> None:
    shown = laid_out(SCRIPT)
    column = {box.name: box.column for box in shown.boxes}
    assert column["Opener"] == 0
    assert column["Opener"] < column["Reason"] < column["Objection"]
    names = [box.name for box in shown.boxes]
    back = [
        (names[a.source], names[a.target])
        for a in shown.arrows
        if a.target is not None and column[names[a.target]] <= column[names[a.source]]
    ]
    assert back == [("Objection", "Reason")]  # the only answer that goes back: a loop
    geometry = MapGeometry(shown)
    number = next(n for n, a in enumerate(shown.arrows) if a.words == "Okay, go on")
    assert number in geometry.lanes
    assert geometry.lowest > geometry.floor  # its lane runs under the boxes


def test_an_answer_that_skips_columns_passes_between_the_boxes() -> None:
    shown = laid_out(SCRIPT)
    skipping = [a for a in shown.arrows if a.passes]
    assert skipping  # Opener -> Goodbye skips the columns of Reason and Objection
    for arrow in skipping:
        source = shown.boxes[arrow.source]
        for offset, top in enumerate(arrow.passes, start=1):
            column = source.column + offset
            for box in shown.boxes:
                if box.column == column:
                    # The slot it passes through is clear of every box in that column.
                    assert top + PASS_SLOT <= box.y or top >= box.y + BOX_SLOT


def test_unknown_and_unreached_steps() -> None:
    shown = laid_out(SCRIPT)
    orphan = next(box for box in shown.boxes if box.name == "Orphan")
    assert not orphan.reached
    assert orphan.column == shown.columns - 1  # a column of its own, at the right
    assert all(box.reached for box in shown.boxes if box.name != "Orphan")
    (missing,) = [a for a in shown.arrows if a.target is None]
    assert missing.missing == "Pricing"
    shape = MapGeometry(shown).shape(shown.arrows.index(missing))
    sx, sy = box_origin(shown.boxes[missing.source])
    assert shape.curves[0] > sx  # a stub out of the right of its box
    assert sy <= shape.curves[1] <= sy + BOX_H


def test_labels_in_one_gap_do_not_overlap() -> None:
    geometry = MapGeometry(laid_out(SCRIPT))
    for numbers in geometry.gaps.values():
        heights = sorted(geometry.shape(n).label_y for n in numbers)
        assert all(b - a >= LABEL_STEP for a, b in pairwise(heights))


def test_only_steps_and_answers_change_the_structure() -> None:
    before = structure(parse(SCRIPT))
    typed = SCRIPT.replace("We help planners.", "We help planners.\n\nAnd drivers (smile).")
    assert structure(parse(typed)) == before  # lines moved, nothing the map shows changed
    renamed = SCRIPT.replace("== Meeting ==", "== Meetin ==")
    assert structure(parse(renamed)) != before
    shown = layout(structure(parse(renamed)))
    assert [a.missing for a in shown.arrows if a.target is None] == ["Pricing", "Meeting"]


def test_an_empty_script_has_an_empty_map() -> None:
    assert laid_out("== Voicemail ==\nHi.\n") == MapLayout()
