"""The JSON of an analysis, and ``pitchback analyze`` (analyze_main)."""

from __future__ import annotations

import json
from pathlib import Path

from app.core.analysis import analyze, analyze_file
from app.core.analysis.cli import EXIT_FAILED, EXIT_OK, analyze_main
from tests.core.analysis.conftest import SPEECH, load, reference

CLIP = SPEECH / "en_spont" / "acoustic_corpus.wav"


def test_the_json_has_the_promised_fields() -> None:
    data = analyze_file(CLIP).to_json_dict()
    json.dumps(data, allow_nan=False)
    assert data["duration_s"] == round(26.72325, 3)
    assert 15 < data["speech_s"] < data["duration_s"]
    assert data["pauses"] and all(set(p) == {"start_s", "end_s"} for p in data["pauses"])
    assert all(p["end_s"] - p["start_s"] >= 0.25 for p in data["pauses"])
    assert isinstance(data["syllables"], int)
    assert data["articulation_rate"] == round(data["syllables"] / data["speech_s"], 2)
    assert set(data["pitch"]) == {"median_hz", "range_st", "sd_st"}
    assert data["loudness_sd_db"] > 0
    assert data["transcript"] is None
    assert data["words_per_minute"] is None


def test_a_transcript_adds_words_per_minute_and_with_the_script_where_pauses_fall() -> None:
    analysis = analyze(*load("en_spont/acoustic_corpus.wav"))
    from tests.core.analysis.test_classify_pauses import aligned_words

    transcript = {
        "text": "…",
        "words": [
            {"text": w.text, "start_s": w.start_s, "end_s": w.end_s} for w in aligned_words()
        ],
        "fillers": [],
    }
    data = analysis.to_json_dict(transcript, script_text=reference()["acoustic_corpus_script"])
    assert data["transcript"] == transcript
    spoken = [w for w in transcript["words"] if w["text"] not in ("um", "uh")]
    span_minutes = (data["speech_end_s"] - data["speech_start_s"]) / 60
    assert data["words_per_minute"] == round(len(spoken) / span_minutes, 1)
    assert [p["kind"] for p in data["pauses"]][:4] == [
        "punctuation",
        "inside",
        "punctuation",
        "punctuation",
    ]


def test_the_command_line_prints_json_or_a_summary() -> None:
    text, code = analyze_main(CLIP, None, True)
    assert code == EXIT_OK
    assert json.loads(text)["syllables"] == analyze_file(CLIP).syllables
    text, code = analyze_main(str(CLIP), None, False)
    assert code == EXIT_OK
    assert "Pauses: " in text and "syllables per second" in text


def test_the_command_line_explains_what_went_wrong(tmp_path: Path) -> None:
    text, code = analyze_main(tmp_path / "missing.flac", None, False)
    assert code == EXIT_FAILED and text.startswith("There is no audio file at")
    text, code = analyze_main(tmp_path / "missing.flac", None, True)
    assert code == EXIT_FAILED and "There is no audio file at" in json.loads(text)["error"]
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF\x00\x00")
    text, code = analyze_main(broken, None, False)
    assert code == EXIT_FAILED and "is not an audio file that can be read" in text
    text, code = analyze_main(CLIP, tmp_path / "no-script.txt", False)
    assert code == EXIT_FAILED and text.startswith("There is no file")


def test_a_script_alone_changes_nothing_without_a_transcript(tmp_path: Path) -> None:
    script = tmp_path / "script.txt"
    script.write_text(reference()["acoustic_corpus_script"], "utf-8")
    text, code = analyze_main(CLIP, script, True, with_transcript=False)
    assert code == EXIT_OK
    assert all("kind" not in p for p in json.loads(text)["pauses"])
    assert json.loads(text)["transcript"] is None


def test_with_a_transcript_and_the_script_each_pause_is_placed(tmp_path: Path) -> None:
    script = tmp_path / "script.txt"
    script.write_text(reference()["acoustic_corpus_script"], "utf-8")
    text, code = analyze_main(CLIP, script, True)
    assert code == EXIT_OK
    data = json.loads(text)
    assert "acoustic corpus" in data["transcript"]["text"].lower()
    assert data["words_per_minute"] is not None
    kinds = [p.get("kind") for p in data["pauses"]]
    assert "punctuation" in kinds
