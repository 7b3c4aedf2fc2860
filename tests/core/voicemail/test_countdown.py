"""The countdown: amber at 20 s and red at 25 s of a 30 s limit, the overrun after it."""

from __future__ import annotations

from app.core.voicemail import Countdown, format_clock


def test_the_default_limit_turns_amber_at_20_and_red_at_25_seconds() -> None:
    clock = Countdown(30)
    assert [clock.zone(s) for s in (0, 19.9, 20, 24.9, 25, 30, 30.01)] == [
        "calm",
        "calm",
        "amber",
        "amber",
        "red",
        "red",
        "over",
    ]


def test_other_limits_warn_the_same_time_before_the_end() -> None:
    assert Countdown(15).zone(4.9) == "calm"
    assert Countdown(15).zone(5) == "amber"
    assert Countdown(60).zone(55) == "red"
    assert Countdown(60).zone(49) == "calm"


def test_the_clock_shows_whole_seconds_left_then_the_overrun() -> None:
    clock = Countdown(30)
    assert clock.display(0) == "0:30"
    assert clock.display(0.2) == "0:30"  # counting down from the limit, rounded up
    assert clock.display(29.5) == "0:01"
    assert clock.display(30) == "0:00"
    assert clock.display(37.4) == "+0:07"
    assert clock.overrun(37.5) == 7.5
    assert clock.remaining(37.5) == 0
    assert format_clock(75) == "1:15"


def test_the_limit_is_counted_in_frames() -> None:
    assert Countdown(30).limit_frames(48000) == 1_440_000
    assert Countdown(30).limit_frames(44100) == 1_323_000
