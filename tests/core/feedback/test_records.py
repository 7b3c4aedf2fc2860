"""What is kept per take, so that a report reopens without analysing or transcribing again."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import numpy as np

from app.core.feedback import PitchTrack, StoredAnalysis
from tests.core.feedback.conftest import World, an_analysis, said


def test_an_analysis_and_its_pitch_track_come_back_as_they_went_in(tmp_path: Path) -> None:
    world = World(tmp_path)
    take = world.take()
    analysis = an_analysis(pauses=((4.0, 4.6), (9.25, 10.0)))
    f0 = np.array([np.nan, 110.5, 121.25, np.nan, 98.0], dtype=np.float32)
    world.records.save_analysis(take, StoredAnalysis(analysis, None, PitchTrack(f0, 0.01)))
    back = world.records.analysis(take)
    assert back is not None and back.error is None and back.analysis is not None
    assert back.analysis.to_json_dict() == analysis.to_json_dict()
    assert back.analysis.pauses == analysis.pauses
    assert back.pitch is not None and back.pitch.step_s == 0.01
    np.testing.assert_array_equal(back.pitch.f0_hz, f0)


def test_why_a_take_has_no_analysis_is_kept_too(tmp_path: Path) -> None:
    world = World(tmp_path)
    take = world.take()
    assert world.records.analysis(take) is None
    world.records.save_analysis(take, StoredAnalysis(None, "This take is silent."))
    assert world.records.analysis(take) == StoredAnalysis(None, "This take is silent.")


def test_an_analysis_in_an_older_format_is_done_again(tmp_path: Path) -> None:
    world = World(tmp_path)
    take = world.take()
    world.records.save_analysis(take, StoredAnalysis(an_analysis(), None))
    world.conn.execute("UPDATE take_analyses SET format = format - 1")
    assert world.records.analysis(take) is None


def test_a_transcript_comes_back_word_for_word(tmp_path: Path) -> None:
    world = World(tmp_path)
    take = world.take()
    transcript = said("Um, hi Jo, this is Sam from Northwind.", duration_s=12.5)
    world.records.save_transcript(take, transcript, "/models/tiny.en")
    back = world.records.transcript(take)
    assert back == transcript
    assert back is not None and back.fillers == transcript.fillers and back.duration_s == 12.5


def test_the_newest_natural_voice_not_in_the_bin_is_the_yardstick(tmp_path: Path) -> None:
    world = World(tmp_path)
    records = world.records
    assert records.baseline() is None
    older, newer, unanalysed = world.take(60), world.take(60), world.take(60)
    records.save_analysis(older, StoredAnalysis(an_analysis(range_st=9.0), None))
    records.save_analysis(newer, StoredAnalysis(an_analysis(range_st=11.0), None))
    for take in (older, newer, unanalysed):
        records.set_baseline(take)
    # The newest could not be analysed (say it was silent): it cannot be a yardstick.
    records.save_analysis(unanalysed, StoredAnalysis(None, "silent"))
    assert records.baseline_take() == newer
    baseline = records.baseline()
    assert baseline is not None and baseline.pitch is not None
    assert baseline.pitch.range_st == 11.0
    world.takes.delete(newer)
    assert records.baseline_take() == older
    assert records.is_baseline(newer) and not records.is_baseline(world.take())


def test_the_series_holds_one_scripts_analysed_takes_oldest_first(tmp_path: Path) -> None:
    world = World(tmp_path)
    records = world.records
    script = world.library.create("Opener", "en", "== Voicemail ==\nHi.\n").id
    first, second, binned, natural, other, unanalysed = (world.take() for _ in range(6))
    for take in (first, second, binned):
        world.takes.link(take, script, None, "voicemail")
    for n, take in enumerate((first, second, binned, natural, other)):
        records.save_analysis(take, StoredAnalysis(an_analysis(range_st=5.0 + n), None))
    world.takes.link(unanalysed, script, None, "voicemail")
    world.takes.delete(binned)
    records.set_baseline(natural)
    world.takes.set_rating(second, 4)
    records.save_transcript(second, said("um so uh hi there", duration_s=30.0), "m")

    points = records.series(script)
    assert [p.take_id for p in points] == [first, second]
    assert [p.rating for p in points] == [None, 4]
    assert points[0].fillers_per_minute is None
    assert points[1].fillers_per_minute == 4.0  # um, uh in 30 s
    assert [p.take_id for p in records.series(None)] == [other]  # no script, no natural voice


def test_emptying_the_bin_takes_the_feedback_along(tmp_path: Path) -> None:
    world = World(tmp_path)
    take = world.take()
    world.records.save_analysis(take, StoredAnalysis(an_analysis(), None))
    world.records.save_transcript(take, said("hello there"), "m")
    world.records.set_baseline(take)
    world.takes.delete(take)
    assert world.takes.empty_bin(world.clock.now + timedelta(seconds=5)) == 1
    for table in ("take_analyses", "take_transcripts", "baselines"):
        assert world.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0


def test_the_users_own_pace_is_the_median_of_their_transcribed_takes(tmp_path: Path) -> None:
    world = World(tmp_path)
    assert world.records.own_pace() is None  # nothing known yet: the default pace applies
    # Speech from 0.2 s to 29.5 s (29.3 s): 40 and 80 words are 82 and 164 words a minute.
    for count in (40, 80, 60):
        take = world.take()
        world.records.save_analysis(take, StoredAnalysis(an_analysis(), None, None))
        world.records.save_transcript(take, said(" ".join(["word"] * count)), "m")
    untranscribed = world.take()
    world.records.save_analysis(untranscribed, StoredAnalysis(an_analysis(), None, None))
    assert world.records.own_pace() == 60 * 60 / 29.3
