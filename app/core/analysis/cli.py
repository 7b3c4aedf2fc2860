"""``pitchback analyze FILE [--script FILE] [--json]``: the app's numbers on the command line."""

from __future__ import annotations

import json
from pathlib import Path

from app.core.analysis.analyze import analyze_file
from app.core.analysis.describe import describe
from app.core.analysis.errors import AnalysisError
from app.core.analysis.report import Analysis
from app.core.i18n import _

EXIT_OK, EXIT_FAILED = 0, 1


def analyze_main(
    path: Path | str, script_path: Path | str | None, as_json: bool
) -> tuple[str, int]:
    """Printable output (a summary or JSON) and the exit code for the CLI."""
    script_text = None
    if script_path is not None:
        try:
            script_text = Path(script_path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            return _("The script {path} could not be read ({reason}).").format(
                path=script_path, reason=error.strerror if isinstance(error, OSError) else error
            ), EXIT_FAILED
    try:
        analysis = analyze_file(Path(path))
    except AnalysisError as error:
        if as_json:
            return json.dumps({"error": str(error)}, ensure_ascii=False), EXIT_FAILED
        return str(error), EXIT_FAILED
    if as_json:
        data = analysis.to_json_dict(transcript=None, script_text=script_text)
        return json.dumps(data, ensure_ascii=False, indent=2), EXIT_OK
    return summary(analysis), EXIT_OK


def summary(analysis: Analysis) -> str:
    """The numbers and the feedback, one per line, for people."""
    lines = [
        _("Length: {total:.1f} s, of which {speech:.1f} s speaking.").format(
            total=analysis.duration_s, speech=analysis.speech_s
        ),
        _("Pauses: {count} ({per_minute:.1f} per minute).").format(
            count=len(analysis.pauses), per_minute=analysis.pauses_per_minute
        ),
    ]
    if analysis.pauses:
        lines.append(
            _("Pause length: {mean:.2f} s on average, {longest:.2f} s the longest.").format(
                mean=analysis.mean_pause_s or 0.0, longest=analysis.longest_pause_s or 0.0
            )
        )
    lines.append(
        _("Speech rate: {rate:.1f} syllables per second of speaking ({count} syllables).").format(
            rate=analysis.articulation_rate, count=analysis.syllables
        )
    )
    if analysis.pitch is not None:
        lines.append(
            _("Pitch: {median:.0f} Hz, range {range:.1f} semitones, spread {sd:.1f}.").format(
                median=analysis.pitch.median_hz,
                range=analysis.pitch.range_st,
                sd=analysis.pitch.sd_st,
            )
        )
    if analysis.loudness_sd_db is not None:
        lines.append(_("Loudness spread: {sd:.1f} dB.").format(sd=analysis.loudness_sd_db))
    if analysis.phrase_variation is not None:
        lines.append(
            _("Phrase lengths vary by {percent}% ({count} phrases).").format(
                percent=round(100 * analysis.phrase_variation), count=analysis.phrase_count
            )
        )
    feedback = describe(analysis)
    lines += ["", feedback.verdict, *("- " + text for text in feedback.suggestions)]
    return "\n".join(lines)
