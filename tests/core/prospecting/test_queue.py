"""The block's queue: C and B before A, call-backs on their day, closed prospects gone."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from app.core.library import ScriptLibrary
from app.core.prospecting import CallLog, ProspectDraft, ProspectStore
from app.core.prospecting.learning import objections_to_drill, warmed_up

TODAY = date(2026, 3, 2)


def names(store: ProspectStore, day: date = TODAY) -> list[str]:
    return [p.name for p in store.queue(day)]


def test_b_and_c_come_before_a(conn: sqlite3.Connection) -> None:
    store = ProspectStore(conn)
    for name, tier in (("Ann", "A"), ("Bert", "B"), ("Cas", "C"), ("Dirk", "A"), ("Eva", "B")):
        store.add(ProspectDraft(name, tier=tier))  # type: ignore[arg-type]
    assert names(store) == ["Cas", "Bert", "Eva", "Ann", "Dirk"]


def test_a_call_back_date_requeues_on_that_day(conn: sqlite3.Connection) -> None:
    store = ProspectStore(conn)
    bert = store.add(ProspectDraft("Bert", tier="B"))
    store.add(ProspectDraft("Eva", tier="B"))
    later = TODAY + timedelta(days=3)
    store.log_call(bert.id, CallLog("call_back", call_back_on=later), TODAY)
    assert names(store) == ["Eva"]
    assert names(store, TODAY + timedelta(days=1)) == ["Eva"]
    assert names(store, later) == ["Bert", "Eva"]  # the call-back due comes first


def test_closed_and_called_today_leave_the_queue(conn: sqlite3.Connection) -> None:
    store = ProspectStore(conn)
    ann = store.add(ProspectDraft("Ann", tier="A"))
    bert = store.add(ProspectDraft("Bert", tier="B"))
    store.log_call(ann.id, CallLog("meeting"), TODAY)
    store.log_call(bert.id, CallLog("no_answer"), TODAY)
    assert names(store) == []
    assert names(store, TODAY + timedelta(days=1)) == ["Bert"]


def test_warmed_up_by_a_b_call_not_by_an_a_call(conn: sqlite3.Connection) -> None:
    store = ProspectStore(conn)
    ann = store.add(ProspectDraft("Ann", tier="A"))
    cas = store.add(ProspectDraft("Cas", tier="C"))
    assert not warmed_up(conn, TODAY)
    store.log_call(ann.id, CallLog("no_answer"), TODAY)
    assert not warmed_up(conn, TODAY)
    store.log_call(cas.id, CallLog("no_answer"), TODAY)
    assert warmed_up(conn, TODAY)
    assert not warmed_up(conn, TODAY + timedelta(days=1))


def test_an_objection_without_a_good_answer_waits_for_the_drill(
    conn: sqlite3.Connection,
) -> None:
    script = ScriptLibrary(conn).create("Script", "en")
    store = ProspectStore(conn)
    key = "opener > send me an email"
    store.log_call(
        None, CallLog("spoke", "Send me an email", key, "Opener", no_good_answer=True), TODAY,
        script_id=script.id,
    )  # fmt: skip
    store.log_call(
        None, CallLog("spoke", "Fine", "opener > fine", "Opener"), TODAY, script_id=script.id
    )
    assert objections_to_drill(conn, script.id) == [key]
