"""The take's words against the script: which to mark in the transcript, the voicemail a
take is compared with, and the script rewritten with "use what I said"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.core.library import History, Revision, ScriptLibrary
from app.core.script import parse, spoken_text
from app.core.transcript import ScriptDiff, Transcript, use_what_i_said

VOICEMAIL_HEADING = "== Voicemail =="
WordMark = Literal["said", "filler", "off_script"]


@dataclass(frozen=True)
class MarkedWord:
    text: str
    mark: WordMark
    start_s: float


def voicemail_text(script_text: str) -> str:
    """What the script's voicemail says aloud ('' when it has none)."""
    return spoken_text(parse(script_text).voicemail)


def with_voicemail(script_text: str, body: str) -> str:
    """``script_text`` with its voicemail's lines replaced by ``body``, every other line as
    it was. A script without a voicemail gets one at its end."""
    lines = script_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    script = parse(script_text)
    new_body = body.strip("\n").split("\n") if body.strip() else []
    if script.voicemail is None:
        while lines and not lines[-1].strip():
            lines.pop()
        head = [*lines, ""] if lines else []
        return "\n".join([*head, VOICEMAIL_HEADING, *new_body]) + "\n"
    heading = script.voicemail.line  # 1-based: lines[heading] is the first body line
    later = [step.line for step in script.steps if step.line > heading]
    end = min(later) - 1 if later else len(lines)  # index of the next heading
    while end > heading and not lines[end - 1].strip():
        end -= 1  # keep the blank lines before the next heading
    return "\n".join([*lines[:heading], *new_body, *lines[end:]])


def script_in_my_words(script_text: str, transcript: Transcript) -> str:
    """The script with its voicemail said the way the take said it (fillers left out)."""
    return with_voicemail(script_text, use_what_i_said(transcript))


def marked_words(transcript: Transcript, diff: ScriptDiff | None) -> list[MarkedWord]:
    """Each word of the transcript, marked as a filler, as off the script, or as said."""
    fillers = {f.first_word + k for f in transcript.fillers for k in range(f.word_count)}
    off = _off_script(transcript, diff, fillers) if diff is not None else set()
    out = []
    for index, word in enumerate(transcript.words):
        mark: WordMark = "filler" if index in fillers else "off_script" if index in off else "said"
        out.append(MarkedWord(word.word, mark, word.start_s))
    return out


def _off_script(transcript: Transcript, diff: ScriptDiff, fillers: set[int]) -> set[int]:
    """Indices of the words the diff calls off the script.

    The diff gives the said words as text, in transcript order with fillers left out. A word
    that normalises to two (a number, "o'clock") can appear in two neighbouring runs, so a
    run may begin with the word the run before it ended on.
    """
    order = [i for i in range(len(transcript.words)) if i not in fillers]
    texts = [transcript.words[i].word for i in order]
    found: set[int] = set()
    position = 0
    for op in diff.ops:
        for n, text in enumerate(op.said):
            if position < len(texts) and texts[position] == text:
                at = position
            elif n == 0 and position > 0 and texts[position - 1] == text:
                at = position - 1
            else:
                at = next((k for k in range(position, len(texts)) if texts[k] == text), -1)
                if at < 0:
                    continue
            if op.off_script:
                found.add(order[at])
            position = at + 1
    return found


def revise_in_my_words(
    library: ScriptLibrary, history: History, script_id: int, transcript: Transcript, name: str
) -> Revision:
    """Make the script's voicemail say what the take said, as a new named revision.

    The working copy is rewritten (every other part of it stays as it is); typing not yet
    kept in a revision is kept first, as an automatic one, so nothing is lost.
    """
    history.make_revision(script_id, kind="autosave")
    library.save_text(script_id, script_in_my_words(library.text(script_id), transcript))
    return history.make_revision(script_id, name=name, kind="manual")
