"""Where the branch map puts each step and arrow: plain data, computed without Qt.

A layered drawing, as in Sugiyama's method. A depth-first walk from the start finds the
answers that close a loop (they lead back); every other answer leads to a column further
right, a step's column being the longest way to it, so the call reads from left to right. An
answer that skips a few columns passes through each column it crosses in a slot of its own, a
narrow one, so it never runs through a box; one that skips more than MAX_SKIP columns runs
under the map instead, as answers that lead back do, so a big script costs slots in
proportion to its answers, not to its answers times its columns. Within a column, boxes and
passing answers sit near what leads to them, which spares most crossings. Steps no call
reaches go in a column of their own at the far right, in the order written.

Every step here is linear in the steps and answers (sorting a column aside), so a script of a
thousand steps is laid out in well under a second; the map does it off the GUI thread all the
same, and a script beyond MAX_STEPS or MAX_ANSWERS is not drawn (too_big), since no one could
read it.

The layout depends only on the script's structure (step names, endings, answers), which most
keystrokes leave as it was; the map compares structures and lays out only when one changed.
Line numbers are not part of it: typing a new line above a step moves its line, not its box.
"""

from __future__ import annotations

from typing import NamedTuple

from app.core.script.model import Script, name_key

BOX_SLOT = 80.0  # a box and the gap under it
PASS_SLOT = 22.0  # an answer passing through a column
MAX_SKIP = 4  # columns an answer may pass through; one that skips more runs under the map
MAX_STEPS = 2000  # beyond these, the map says the script is too big to draw
MAX_ANSWERS = 30000


class Structure(NamedTuple):
    """What the map shows of a script: steps and answers, without any text or line number."""

    names: tuple[str, ...]
    endings: tuple[bool, ...]
    answers: tuple[tuple[int, str, str], ...]  # source step, the prospect's words, target


class MapBox(NamedTuple):
    step: int  # its index in Script.steps
    name: str
    column: int
    y: float  # top, from the top of the map
    is_ending: bool
    reached: bool


class MapArrow(NamedTuple):
    source: int  # step index
    target: int | None  # None: the answer leads to a step that does not exist
    words: str  # what the prospect says; '' for "whatever they say"
    missing: str  # the unknown step's name when target is None
    slot: int  # which of the source's answers this is, to fan arrows out
    passes: tuple[float, ...]  # the y where it crosses each column it skips
    under: bool = False  # it runs under the map: it leads back, or skips too many columns


class MapLayout(NamedTuple):
    boxes: tuple[MapBox, ...] = ()  # in the order of Script.steps
    arrows: tuple[MapArrow, ...] = ()  # in the order written
    columns: int = 0
    height: float = 0.0  # of the tallest column


def structure(script: Script) -> Structure:
    names: list[str] = []
    endings: list[bool] = []
    answers: list[tuple[int, str, str]] = []
    for index, step in enumerate(script.steps):
        names.append(step.name)
        endings.append(step.is_ending)
        answers.extend((index, branch.words, branch.target) for branch in step.branches)
    return Structure(tuple(names), tuple(endings), tuple(answers))


def too_big(shape: Structure) -> bool:
    """Whether the map of ``shape`` is more than anyone could read (and is not drawn)."""
    return len(shape.names) > MAX_STEPS or len(shape.answers) > MAX_ANSWERS


def size(shape: Structure) -> int:
    """How much laying out ``shape`` costs, in steps and answers."""
    return len(shape.names) + len(shape.answers)


def layout(shape: Structure) -> MapLayout:
    names = shape.names
    count = len(names)
    if not count:
        return MapLayout()
    first_index: dict[str, int] = {}
    for index, name in enumerate(names):
        first_index.setdefault(name_key(name), index)
    branches: list[tuple[int, int | None, str, str, int]] = []
    leads_to: list[list[int]] = [[] for _ in range(count)]
    key_of: dict[str, str] = {}  # targets repeat a lot, and name_key is the costly part
    slot, previous_source = 0, -1
    for source, words, written in shape.answers:
        slot = slot + 1 if source == previous_source else 0
        previous_source = source
        key = key_of.get(written)
        if key is None:
            key = key_of[written] = name_key(written)
        target = first_index.get(key) if key else None
        if target is not None:
            leads_to[source].append(target)
        branches.append((source, target, words, "" if target is not None else written, slot))

    order, looping = _walk(leads_to)
    column = _columns(order, leads_to, looping, count)
    reached = len(order)
    last = max(column[node] for node in order)
    order.extend(node for node in range(count) if column[node] < 0)
    for node in order[reached:]:
        column[node] = last + 1
    columns = last + 2 if reached < count else last + 1

    # A column's members: a step (its index) or an answer passing through (-1 - its number).
    members: list[list[int]] = [[] for _ in range(columns)]
    before: dict[int, int] = {}  # member -> the member that leads to it from the column before
    leads_in: dict[int, list[int]] = {}  # step -> its sources in the column before
    for node in order:
        members[column[node]].append(node)
    for number, (source, target, *_rest) in enumerate(branches):
        if target is None or not 0 < column[target] - column[source] <= MAX_SKIP + 1:
            continue
        previous = source
        for col in range(column[source] + 1, column[target]):
            passing = -1 - number * columns - col
            members[col].append(passing)
            before[passing] = previous
            previous = passing
        leads_in.setdefault(target, []).append(previous)

    y = _place(members, before, leads_in)
    endings = shape.endings
    boxes = tuple(
        MapBox(i, names[i], column[i], y[i], endings[i], column[i] <= last) for i in range(count)
    )
    arrows = []
    for number, (source, target, words, missing, slot) in enumerate(branches):
        passes: tuple[float, ...] = ()
        skip = column[target] - column[source] if target is not None else 1
        if 1 < skip <= MAX_SKIP + 1:
            cols = range(column[source] + 1, column[source] + skip)
            passes = tuple(y[-1 - number * columns - col] for col in cols)
        under = target is not None and target != source and not 0 < skip <= MAX_SKIP + 1
        arrows.append(MapArrow(source, target, words, missing, slot, passes, under))
    height = max(y.values()) + BOX_SLOT
    return MapLayout(boxes, tuple(arrows), columns, height)


def _walk(leads_to: list[list[int]]) -> tuple[list[int], set[tuple[int, int]]]:
    """The steps reached from the start, in an order where answers lead on, and the loops.

    Depth first: an answer to a step still on the walk's path closes a loop. Reversed, the order
    in which steps are finished puts every other answer's target after its source.
    """
    state = [0] * len(leads_to)  # 0 not seen, 1 on the walk's path, 2 done
    finished: list[int] = []
    looping: set[tuple[int, int]] = set()
    state[0] = 1
    walk = [(0, iter(leads_to[0]))]
    while walk:
        node, targets = walk[-1]
        for target in targets:
            if state[target] == 0:
                state[target] = 1
                walk.append((target, iter(leads_to[target])))
                break
            if state[target] == 1:
                looping.add((node, target))
        else:
            walk.pop()
            state[node] = 2
            finished.append(node)
    return finished[::-1], looping


def _columns(
    order: list[int], leads_to: list[list[int]], looping: set[tuple[int, int]], count: int
) -> list[int]:
    """The longest way from the start to each reached step, not counting loops; -1 elsewhere."""
    column = [-1] * count
    column[0] = 0
    for node in order:
        for target in leads_to[node]:
            if column[target] <= column[node] and (node, target) not in looping:
                column[target] = column[node] + 1
    return column


def _place(
    members: list[list[int]], before: dict[int, int], leads_in: dict[int, list[int]]
) -> dict[int, float]:
    """The top of every member, column by column, each near the mean of what leads to it."""
    y: dict[int, float] = {}
    for col, column in enumerate(members):
        if col > 0:
            pull = {}
            for position, member in enumerate(column):
                sources = [before[member]] if member < 0 else leads_in.get(member, [])
                mean = sum(y[s] for s in sources) / len(sources) if sources else 0.0
                pull[member] = (mean, position)
            column.sort(key=pull.__getitem__)
        top = 0.0
        for member in column:
            y[member] = top
            top += PASS_SLOT if member < 0 else BOX_SLOT
    return y
