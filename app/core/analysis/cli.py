"""``pitchback analyze FILE [--script FILE] [--json]``: the app's numbers on the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.core.analysis.analyze import analyze_file
from app.core.analysis.describe import describe
from app.core.analysis.errors import AnalysisError
from app.core.analysis.report import Analysis
from app.core.i18n import _

EXIT_OK, EXIT_FAILED = 0, 1


def analyze_main(
    path: Path | str, script_path: Path | str | None, as_json: bool, with_transcript: bool = True
) -> tuple[str, int]:
    """Printable output (a summary or JSON) and the exit code for the CLI.

    With ``--script``, pauses are placed against the script's voicemail (what is spoken of it)
    and the transcript is compared with it, as in the app.
    """
    from app.core.library.transfer import read_script_file
    from app.core.script import ScriptFileError, parse, spoken_text

    script_text, language = None, "en"
    if script_path is not None:
        try:  # read as import reads it: plain text is the voicemail
            script = parse(read_script_file(Path(script_path)).text)
        except ScriptFileError as error:
            return str(error), EXIT_FAILED
        script_text, language = spoken_text(script.voicemail), script.language or "en"
    try:
        analysis = analyze_file(Path(path))
    except AnalysisError as error:
        if as_json:
            return json.dumps({"error": str(error)}, ensure_ascii=False), EXIT_FAILED
        return str(error), EXIT_FAILED
    transcript, note = _transcript(Path(path), language) if with_transcript else (None, None)
    data = transcript.to_json_dict() if transcript is not None else None
    if as_json:
        result = analysis.to_json_dict(transcript=data, script_text=script_text)
        return json.dumps(result, ensure_ascii=False, indent=2), EXIT_OK
    text = summary(analysis, data)
    if transcript is not None:
        from app.core.transcript import describe as describe_fillers

        text += "\n\n" + _("What you said: {text}").format(text=transcript.text)
        text += "\n" + describe_fillers(transcript.filler_report)
    if note:
        text += "\n\n" + note
    return text, EXIT_OK


def _transcript(path: Path, language: str) -> tuple[Any, str | None]:
    """The take's transcript with the bundled model, or None and why not."""
    from app.audio.files import read_audio
    from app.core.transcript import TranscriptError, load_model, transcribe

    try:
        model = load_model()
        samples, rate = read_audio(path)
        return transcribe(model, samples[:, 0], rate, language=language), None
    except TranscriptError as error:
        return None, str(error)


def summary(analysis: Analysis, transcript: dict[str, Any] | None = None) -> str:
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
    feedback = describe(analysis, words_per_minute=analysis.words_per_minute(transcript))
    lines += ["", feedback.verdict, *("- " + text for text in feedback.suggestions)]
    return "\n".join(lines)
