"""A take or a live-call run as one self-contained HTML page, to send to a coach or colleague:
the recording embedded (a base64 data URI), the script, the transcript and the feedback card.

The page loads nothing: its Content-Security-Policy allows no network at all, only the
embedded audio and its own inline style and script (which shows the recording's length).
"""

from __future__ import annotations

import base64
import html
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from app.core.i18n import _, language

CSP = (
    "default-src 'none'; media-src data:; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; img-src data:"
)
STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; }
pre { white-space: pre-wrap; background: #f6f6f3; padding: .8rem; border-radius: 6px; }
audio { width: 100%; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dt { color: #666; }
"""
# Shows the recording's length once the browser has read it (and keeps it in the page).
SCRIPT = """
const audio = document.getElementById("recording");
function showLength() {
  const out = document.getElementById("length");
  out.dataset.seconds = audio.duration.toFixed(2);
  const whole = Math.round(audio.duration);
  out.textContent = Math.floor(whole / 60) + ":" + String(whole % 60).padStart(2, "0");
}
if (audio.readyState >= 1) showLength(); else audio.addEventListener("loadedmetadata", showLength);
"""


@dataclass(frozen=True)
class Review:
    title: str
    audio: bytes
    mime: str  # audio/flac
    script: str = ""
    transcript: str = ""
    card: list[tuple[str, str]] = field(default_factory=list)  # label, value
    advice: list[str] = field(default_factory=list)


def to_html(review: Review) -> str:
    e = html.escape
    audio = base64.b64encode(review.audio).decode("ascii")
    card = "".join(f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in review.card)
    advice = "".join(f"<li>{e(line)}</li>" for line in review.advice)
    transcript, script = review.transcript or _("(none yet)"), review.script or _("(none)")
    return (
        f'<!DOCTYPE html>\n<html lang="{language()}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>{e(review.title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{e(review.title)}</h1>"
        '<audio id="recording" controls preload="metadata" '
        f'src="data:{review.mime};base64,{audio}"></audio>'
        f'<p>{e(_("Length"))}: <span id="length">…</span></p>'
        f"<h2>{e(_('Feedback'))}</h2><dl>{card}</dl><ul>{advice}</ul>"
        f"<h2>{e(_('Transcript'))}</h2><pre>{e(transcript)}</pre>"
        f"<h2>{e(_('Script'))}</h2><pre>{e(script)}</pre>"
        f"<script>{SCRIPT}</script></body></html>\n"
    )


def write_page(review: Review, path: Path) -> None:
    """Write to a temporary file, then rename, so a failed export leaves no half page."""
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(to_html(review), "utf-8")
    os.replace(temporary, path)


def _revision_text(conn: sqlite3.Connection, revision_id: int | None) -> str:
    from app.core.library import History, RevisionNotFound

    if revision_id is None:
        return ""
    try:
        return History(conn).revision_text(revision_id)
    except RevisionNotFound:
        return ""


def take_review(conn: sqlite3.Connection, home: Path, take_id: int) -> Review:
    """A voicemail take with its script (as the take's revision had it), its transcript and
    its feedback card, when the Feedback page has made them."""
    from app.core.feedback.records import FeedbackRecords
    from app.core.feedback.report import build_report
    from app.core.takes import TakeStore

    store = TakeStore(conn, home)
    take = store.get(take_id)
    records = FeedbackRecords(conn)
    script = _revision_text(conn, take.revision_id)
    transcript = records.transcript(take_id)
    stored = records.analysis(take_id)
    card = [(_("Length"), f"{take.duration_s:.1f} s")]
    advice: list[str] = []
    if take.rating is not None:
        card.append((_("Your rating"), f"{take.rating}/5"))
    if take.notes:
        card.append((_("Your notes"), take.notes))
    if stored is not None and stored.analysis is not None:
        report = build_report(stored.analysis, records.baseline(), (), transcript, script)
        card.append((_("Verdict"), report.verdict))
        for figure in report.figures:
            card.append((figure.name, f"{figure.value} {figure.yardstick}".strip()))
        advice = list(report.suggestions)
    return Review(
        title=take.name or _("Voicemail take of {date}").format(date=take.created_at.date()),
        audio=store.path_of(take).read_bytes(),
        mime="audio/flac",
        script=script,
        transcript=transcript.text if transcript is not None else "",
        card=card,
        advice=advice,
    )


def run_review(conn: sqlite3.Connection, home: Path, run_id: int) -> Review:
    """A live-call run: each turn (what the prospect said, the step you answered with, your
    freeze and rating) as its transcript and card."""
    from app.core.practice.store import PracticeStore

    store = PracticeStore(conn, home)
    run = store.run(run_id)
    lines, card = [], [(_("Length"), f"{run.seconds:.1f} s"), (_("Outcome"), run.outcome)]
    prospect, you = _("Prospect"), _("You")
    for turn in store.turns(run_id):
        freeze = (
            ""
            if turn.freeze_s is None
            else " " + _("(freeze {seconds:.1f} s)").format(seconds=turn.freeze_s)
        )
        lines.append(f"{prospect}: {turn.prospect_text}")
        lines.append(f"{you}: {turn.step}{freeze}")
        if turn.rating is not None:
            card.append((turn.prospect_text[:60], turn.rating.name.lower()))
    return Review(
        title=_("Live call of {date}").format(date=run.started_at.date()),
        audio=store.path_of(run).read_bytes(),
        mime="audio/flac",
        script=_revision_text(conn, run.revision_id),
        transcript="\n".join(lines),
        card=card,
    )
